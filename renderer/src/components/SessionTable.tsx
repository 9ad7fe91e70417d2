// The sessions, newest first: bind state with why a session closed or when it reconnects, the SMSC's
// system_id, a Disconnect for every session still alive (one waiting to reconnect counts: Disconnect stops the
// waiting), Reconnect and Dismiss for a closed one (and Dismiss for all closed at once), and the live counters on a full-width line of their own under each session — the region is
// narrow, and the line is long. The table selects only the ids (in order) and each row its own session, so a
// counters update (four a second per busy session) re-renders the rows whose session changed, not the table.
import { useShallow } from 'zustand/shallow';
import { shortId } from '../format/display';
import { COUNTERS_EXPLAINED, describeCounters } from '../format/session-counters';
import { sessionTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { sessionColour } from '../trace/session-labels';
import { ReconnectCountdown } from './ReconnectCountdown';
import { SessionStatistics } from './SessionStatistics';
import { StatusWord } from './StatusWord';
import { VisuallyHidden } from './VisuallyHidden';

const COLUMNS = 4;

export function SessionTable() {
  // Newest first: the session just connected is the one being watched.
  const ids = useConsole(useShallow((state) => state.sessions.map((s) => s.id).reverse()));
  const closed = useConsole((state) => state.sessions.filter((s) => s.state === 'closed' && s.nextAttemptAt === null).length);
  const dismiss = useConsole((state) => state.dismissSessions);
  if (ids.length === 0) return <p className="muted">No sessions yet: pick a profile and Connect.</p>;
  return (
    <>
      {closed > 1 && (
        <button type="button" onClick={() => void dismiss('closed')}>
          Dismiss {closed} closed sessions
        </button>
      )}
      <table className="dense sessions-table" aria-label="Session list">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">State</th>
            <th scope="col" title="system_id from the SMSC's bind response">
              SMSC
            </th>
            <th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </th>
          </tr>
        </thead>
        {ids.map((id) => (
          <SessionRows key={id} sessionId={id} />
        ))}
      </table>
    </>
  );
}

/** One session: its row (with data-state, which tests and styles key on) and its counters line. */
function SessionRows({ sessionId }: { sessionId: string }) {
  // The same object until this session changes: the slice replaces only the sessions a frame names.
  const session = useConsole((state) => state.sessions.find((s) => s.id === sessionId));
  const disconnect = useConsole((state) => state.disconnect);
  const reconnect = useConsole((state) => state.reconnectSession);
  const dismiss = useConsole((state) => state.dismissSessions);
  const scoped = useConsole((state) => state.scopeSessionId === sessionId);
  const setScope = useConsole((state) => state.setScope);
  if (session === undefined) return null;
  const alive = session.state !== 'closed' || session.nextAttemptAt !== null;
  return (
    <tbody>
      <tr data-state={session.state}>
        <td className="wrap" title={`Session ${session.id}`}>
          {/* One click scopes Trace, Sent and Inbox to this session; again (or "All sessions") shows all. */}
          <button
            type="button"
            className="link session-scope"
            data-colour={sessionColour(session.id)}
            aria-pressed={scoped}
            title={scoped ? 'Showing only this session in Trace, Sent and Inbox: click for all' : 'Show only this session in Trace, Sent and Inbox'}
            onClick={() => setScope(scoped ? null : session.id)}
          >
            {session.profileName} <span className="mono muted">{shortId(session.id)}</span>
          </button>
        </td>
        <td className="wrap">
          <StatusWord tone={sessionTone(session.state)}>{session.state}</StatusWord>
          {session.nextAttemptAt !== null && (
            <>
              {' · '}
              <ReconnectCountdown key={session.nextAttemptAt} at={session.nextAttemptAt} />
            </>
          )}
          {session.state === 'closed' && session.closeReason !== null && (
            <div className="close-reason">{session.closeReason}</div>
          )}
        </td>
        <td className="mono">{session.state === 'bound' ? (session.smscSystemId ?? '') : ''}</td>
        <td>
          {alive && (
            // The visible word starts the accessible name, which adds the profile to tell rows apart.
            <button
              type="button"
              aria-label={`Disconnect ${session.profileName}`}
              onClick={() => void disconnect(session.id)}
            >
              Disconnect
            </button>
          )}
          {!alive && (
            <span className="session-actions">
              <button type="button" aria-label={`Reconnect ${session.profileName}`} onClick={() => void reconnect(session.id)}>
                Reconnect
              </button>
              <button type="button" aria-label={`Dismiss ${session.profileName}`} onClick={() => void dismiss([session.id])}>
                Dismiss
              </button>
            </span>
          )}
        </td>
      </tr>
      <tr className="counters-row">
        <td colSpan={COLUMNS} className="counters wrap" title={COUNTERS_EXPLAINED}>
          <VisuallyHidden>Counters: </VisuallyHidden>
          {describeCounters(session.counters)}
          <SessionStatistics sessionId={session.id} name={session.profileName} />
        </td>
      </tr>
    </tbody>
  );
}
