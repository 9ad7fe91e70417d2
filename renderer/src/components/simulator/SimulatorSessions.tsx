// Who is bound to the simulator (the console's sessions and outside ESMEs alike) and what it did for each; per
// session: unbind it, drop its connection, or send it a malformed PDU from the fault library.
import { useId, useState } from 'react';
import { simulatorFaultDescriptions, simulatorFaultNames, type SimulatorFaultName, type SimulatorSessionView } from '../../../../shared/contract';
import { formatClock, shortId } from '../../format/display';
import { useConsole } from '../../store/console-context';

export function SimulatorSessions() {
  const sessions = useConsole((state) => state.simulatorStatus?.sessions ?? null);
  if (sessions === null) return null;
  return (
    <table className="dense" aria-label="Simulator sessions">
      <caption>Bound to the simulator</caption>
      <thead>
        <tr>
          <th>Session</th>
          <th>From</th>
          <th>system_id</th>
          <th>Bind</th>
          <th>What it did</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {sessions.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              Nobody is connected.
            </td>
          </tr>
        )}
        {sessions.map((s) => (
          <SessionRow key={s.id} session={s} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow({ session: s }: { session: SimulatorSessionView }) {
  const run = useConsole((state) => state.runSimulatorAction);
  const [fault, setFault] = useState<SimulatorFaultName>('garbage');
  const faultId = useId();
  const c = s.counters;
  const name = s.systemId ?? shortId(s.id);
  return (
    <tr>
      <td className="mono">{shortId(s.id)}</td>
      <td className="mono">
        {s.remoteAddress} <span className="muted">since {formatClock(s.connectedAt)}</span>
      </td>
      <td className="mono">{s.systemId ?? '—'}</td>
      <td>{s.bindType ?? 'not bound'}</td>
      <td className="wrap">
        {c.submitsReceived} submits: {c.accepted} accepted, {c.rejected} rejected, {c.throttled} throttled, {c.queueFull} queue full, {c.ignored}{' '}
        unanswered · {c.outstanding} outstanding · {c.receiptsSent} receipts, {c.mosSent} MO sent
      </td>
      <td>
        <div className="toolbar">
          <button type="button" onClick={() => void run({ sessionId: s.id, action: 'unbind' })} aria-label={`Unbind ${name}`}>
            Unbind
          </button>
          <button type="button" onClick={() => void run({ sessionId: s.id, action: 'drop' })} aria-label={`Drop the connection of ${name}`}>
            Drop
          </button>
          <label htmlFor={faultId} className="visually-hidden">
            Fault for {name}
          </label>
          <select id={faultId} value={fault} onChange={(event) => setFault(event.target.value as SimulatorFaultName)} title={simulatorFaultDescriptions[fault]}>
            {simulatorFaultNames.map((f) => (
              <option key={f} value={f} title={simulatorFaultDescriptions[f]}>
                {f}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void run({ sessionId: s.id, action: 'fault', fault })} aria-label={`Send the fault to ${name}`}>
            Send fault
          </button>
        </div>
      </td>
    </tr>
  );
}
