// Under the Inbox's filter bar: how many items the list's session holds and how many are unread (the host's
// counts), Mark all read, Clear… (asks first, naming how many go) and Export CSV (every row the filter matches,
// not only those loaded), each with its outcome beside it.
import { formatCount } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { inboxSessionOf, listCountsOf } from '../../store/inbox-slice';
import { DialogButton } from '../DialogButton';
import { TransferProgressLine } from '../TransferProgressLine';
import { ClearInboxDialog } from './ClearInboxDialog';

export function InboxToolbar() {
  const sessionId = useConsole((state) => inboxSessionOf(state));
  const inbox = useConsole((state) => listCountsOf(state.listCounts, sessionId)?.inbox ?? null);
  const unread = useConsole((state) => listCountsOf(state.listCounts, sessionId)?.unread ?? null);
  const markAll = useConsole((state) => state.markAllInboxRead);
  const exportCsv = useConsole((state) => state.exportInboxCsv);
  const exporting = useConsole((state) => state.inboxExportOutcome.status === 'running');
  const where = sessionId === undefined ? 'in all sessions' : 'in this session';
  return (
    <div className="inbox-toolbar" role="toolbar" aria-label="Inbox actions">
      {/* Not a live region: under a burst it would only drown the screen reader; the tab's name carries it too. */}
      <output className="counter mono" aria-label="Inbox counts" aria-live="off">
        {inbox === null || unread === null ? 'counting…' : `${formatCount(inbox)} items, ${formatCount(unread)} unread ${where}`}
      </output>
      <button type="button" onClick={() => void markAll()} disabled={unread === 0}>
        Mark all read
      </button>
      <DialogButton label="Clear…" dialog={ClearInboxDialog} />
      <button type="button" onClick={() => void exportCsv()} disabled={exporting}>
        Export CSV
      </button>
      <InboxOutcomes />
    </div>
  );
}

/** What the last clear and export did (or why they failed). */
function InboxOutcomes() {
  const cleared = useConsole((state) => state.inboxClearOutcome);
  const exported = useConsole((state) => state.inboxExportOutcome);
  return (
    <>
      {cleared.status === 'done' && <p role="status">Cleared {formatCount(cleared.value.removed)} inbox items.</p>}
      {cleared.status === 'failed' && (
        <p className="alert" role="alert">
          Clear failed: {cleared.message}
        </p>
      )}
      {exported.status === 'running' && <TransferProgressLine progress={exported} />}
      {exported.status === 'done' && (
        <p role="status">
          Saved {exported.value.fileName}: {formatCount(exported.value.records)} row{exported.value.records === 1 ? '' : 's'}.
        </p>
      )}
      {exported.status === 'failed' && (
        <p className="alert" role="alert">
          Export failed: {exported.message}
        </p>
      )}
    </>
  );
}
