// The simulator's MO injections, newest first (the host keeps 20): how far each got, and Stop for one still sending
// at a rate — a rate of a thousand a second is the kind of thing one wants to stop without unbinding the session.
import type { MoInjectionView } from '../../../../shared/contract';
import { formatCount, shortId } from '../../format/display';
import { useConsole } from '../../store/console-context';

const STATE_WORDS: Record<MoInjectionView['state'], string> = { sending: 'sending', done: 'done', stopped: 'stopped' };

export function MoInjections() {
  const injections = useConsole((state) => state.simulatorStatus?.injections ?? null);
  const stop = useConsole((state) => state.stopMoInjection);
  const busy = useConsole((state) => state.simulatorOutcome.status === 'running');
  if (injections === null || injections.length === 0) return null;
  return (
    <section className="simulator__injections" aria-label="MO injections">
      <h3>MO injections</h3>
      <ol>
        {[...injections].reverse().map((injection) => (
          <li key={injection.id}>
            <span className="mono">{injection.id}</span> to <span className="mono">{shortId(injection.sessionId)}</span>:{' '}
            {formatCount(injection.sent)} of {formatCount(injection.messages * injection.partsPerMessage)} deliver_sm sent,{' '}
            {formatCount(injection.acknowledged)} acknowledged{injection.failed > 0 && `, ${formatCount(injection.failed)} failed`}
            {injection.ratePerSecond > 0 && ` at ${formatCount(injection.ratePerSecond)}/s`} — {STATE_WORDS[injection.state]}{' '}
            {injection.state === 'sending' && injection.ratePerSecond > 0 && (
              <button type="button" disabled={busy} aria-label={`Stop MO injection ${injection.id}`} onClick={() => void stop(injection.id)}>
                Stop
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
