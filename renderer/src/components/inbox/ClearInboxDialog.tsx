// Asks before inbox items are deleted, naming how many go: the items of the session the list shows, or every
// session's. Sent messages and the trace stay. Focus starts on Cancel, so Enter alone never clears.
import { useId, useMemo, useState } from 'react';
import { formatCount } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { inboxCountOf, inboxSessionOf } from '../../store/inbox-slice';
import { labelOf, sessionLabels } from '../../trace/session-labels';
import { Modal } from '../Modal';

const items = (n: number) => `${formatCount(n)} item${n === 1 ? '' : 's'}`;

export function ClearInboxDialog({ onClose }: { onClose: () => void }) {
  const ids = { heading: useId(), question: useId() };
  const sessionId = useConsole((state) => inboxSessionOf(state));
  const counts = useConsole((state) => state.listCounts);
  const sessions = useConsole((state) => state.sessions);
  const storedSessions = useConsole((state) => state.traceSessions);
  const name = useMemo(() => {
    if (sessionId === undefined) return '';
    const label = labelOf(sessionLabels(sessions, storedSessions), sessionId);
    return `${label.name} ${label.short}`;
  }, [sessionId, sessions, storedSessions]);
  const clear = useConsole((state) => state.clearInbox);
  const [scope, setScope] = useState<'session' | 'all'>(sessionId !== undefined ? 'session' : 'all');
  const inSession = inboxCountOf(counts, sessionId)?.inbox ?? 0;
  const inAll = counts?.inbox ?? 0;
  const going = scope === 'session' ? inSession : inAll;
  const confirm = () => {
    onClose();
    void clear(scope === 'session' ? sessionId : undefined);
  };
  return (
    <Modal labelledBy={ids.heading} describedBy={ids.question} onClose={onClose} className="confirm">
      <h2 id={ids.heading}>Clear the inbox</h2>
      <fieldset>
        <legend>Which items</legend>
        <label className="compose__check">
          <input type="radio" name="clear-scope" checked={scope === 'session'} disabled={sessionId === undefined} onChange={() => setScope('session')} />
          {sessionId === undefined ? 'This session (pick one in the filter bar)' : `This session, ${name}: ${items(inSession)}`}
        </label>
        <label className="compose__check">
          <input type="radio" name="clear-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          Every session: {items(inAll)}
        </label>
      </fieldset>
      <p id={ids.question}>
        Delete {items(going)} from the inbox{scope === 'session' ? ` of ${name}` : ''}? Receipts and MO cannot be brought back; sent messages and the
        trace stay.
      </p>
      <div className="confirm__actions">
        <button type="button" className="danger" onClick={confirm} disabled={going === 0}>
          Clear {items(going)}
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
