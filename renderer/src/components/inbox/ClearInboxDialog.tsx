// Asks before inbox items are deleted, naming how many go: the items of the session the list shows, or every
// session's. Sent messages and the trace stay. Focus starts on Cancel, so Enter alone never clears.
import { useState } from 'react';
import { formatCount } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { inboxSessionOf, listCountsOf } from '../../store/inbox-slice';
import { useSessionLabels } from '../../store/use-session-labels';
import { sessionName } from '../../trace/session-labels';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';

const items = (n: number) => `${formatCount(n)} item${n === 1 ? '' : 's'}`;

export function ClearInboxDialog({ onClose }: { onClose: () => void }) {
  const sessionId = useConsole((state) => inboxSessionOf(state));
  const counts = useConsole((state) => state.listCounts);
  const labels = useSessionLabels();
  const name = sessionId === undefined ? '' : sessionName(labels, sessionId);
  const clear = useConsole((state) => state.clearInbox);
  const [scope, setScope] = useState<'session' | 'all'>(sessionId !== undefined ? 'session' : 'all');
  const inSession = listCountsOf(counts, sessionId)?.inbox ?? 0;
  const inAll = counts?.inbox ?? 0;
  const going = scope === 'session' ? inSession : inAll;
  return (
    <ConfirmDeleteDialog
      title="Clear the inbox"
      confirmLabel={`Clear ${items(going)}`}
      confirmDisabled={going === 0}
      onDelete={() => void clear(scope === 'session' ? sessionId : undefined)}
      onClose={onClose}
      choices={
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
      }
    >
      Delete {items(going)} from the inbox{scope === 'session' ? ` of ${name}` : ''}? Receipts and MO cannot be brought back; sent messages and the
      trace stay.
    </ConfirmDeleteDialog>
  );
}
