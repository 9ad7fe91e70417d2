// What the simulator did lately, newest first: binds, rules applied, receipts and MO sent, faults — the host keeps
// the newest few hundred lines; the newest 100 are shown.
import { formatClock, shortId } from '../../format/display';
import { useConsole } from '../../store/console-context';

const SHOWN = 100;

export function SimulatorActivity() {
  const activity = useConsole((state) => state.simulatorStatus?.activity ?? null);
  if (activity === null) return null;
  const newest = activity.slice(-SHOWN).reverse();
  return (
    <section className="simulator__activity" aria-label="Simulator activity">
      <h3>What it did</h3>
      {newest.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol>
          {newest.map((line, index) => (
            <li key={`${line.at}-${index}`}>
              <span className="mono muted">{formatClock(line.at)}</span> {line.sessionId !== null && <span className="mono">[{shortId(line.sessionId)}]</span>}{' '}
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
