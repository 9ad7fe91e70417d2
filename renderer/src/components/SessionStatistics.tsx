// A session's "SMPP Operations" statistics, live: PDUs by command and command_status, and round trips (p50, p95,
// p99, max) per request command — behind a disclosure, since the Sessions region is narrow.
import type { RttSummary } from '../../../shared/contract';
import { formatCount } from '../format/display';
import { useConsole } from '../store/console-context';

const ms = (value: number) => value.toFixed(1);

function Rtt({ rtt }: { rtt: RttSummary | null }) {
  if (rtt === null) return null;
  return (
    <>
      {ms(rtt.p50)} / {ms(rtt.p95)} / {ms(rtt.p99)} / {ms(rtt.max)}
    </>
  );
}

export function SessionStatistics({ sessionId, name }: { sessionId: string; name: string }) {
  const stats = useConsole((state) => state.traceStats[sessionId]);
  if (!stats) return null;
  return (
    <details className="session-stats">
      <summary>Statistics</summary>
      <p className="muted">
        {formatCount(stats.outstanding)} outstanding · {formatCount(stats.timeouts)} timeouts · RTT p50/p95/p99/max (ms):{' '}
        <Rtt rtt={stats.rtt} />
      </p>
      <table className="dense" aria-label={`Statistics of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col" className="num">
              PDUs
            </th>
            <th scope="col">By command_status</th>
            <th scope="col">RTT p50/p95/p99/max (ms)</th>
          </tr>
        </thead>
        <tbody>
          {stats.commands.map((command) => (
            <tr key={command.command}>
              <td className="mono">{command.command}</td>
              <td className="mono num">{formatCount(command.count)}</td>
              <td className="mono">{command.statuses.map((s) => `${s.statusName} ${formatCount(s.count)}`).join(' · ')}</td>
              <td className="mono">
                <Rtt rtt={command.rtt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
