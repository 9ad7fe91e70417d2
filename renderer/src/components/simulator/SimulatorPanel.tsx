// The built-in SMSC as a tool of its own (issue 11): where it listens, the scenario it runs, who is bound to it with
// what it did for each, MO injection, and its activity — for the console's own sessions and any outside ESME alike.
// Status is polled once a second while this panel is shown (the host sends no event for it).
import { useEffect } from 'react';
import { formatCount } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { MoInjections } from './MoInjections';
import { MoInjector } from './MoInjector';
import { ScenarioBar } from './ScenarioBar';
import { SimulatorActivity } from './SimulatorActivity';
import { SimulatorListen } from './SimulatorListen';
import { SimulatorSessions } from './SimulatorSessions';

const POLL_MS = 1_000;

export function SimulatorPanel({ shown }: { shown: boolean }) {
  const poll = useConsole((state) => state.pollSimulator);
  const loadScenarios = useConsole((state) => state.loadScenarios);
  const status = useConsole((state) => state.simulatorStatus);
  const error = useConsole((state) => state.simulatorStatusError);
  useEffect(() => {
    if (!shown) return;
    void poll();
    void loadScenarios();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [shown, poll, loadScenarios]);

  return (
    <div className="simulator">
      <p className="simulator__where" role="status" aria-label="Simulator listening">
        {status === null
          ? 'Reading the simulator…'
          : status.listening === null
            ? 'Not listening'
            : `Listening on ${status.listening.host}:${status.listening.port}${status.tls ? ' (TLS)' : ''} · scenario “${status.scenarioName}” · any ESME can bind here`}
      </p>
      {error !== null && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <SimulatorListen />
      <ScenarioBar />
      <SimulatorSessions />
      {status !== null && status.heldReceipts.length > 0 && (
        <p className="simulator__held" role="status" aria-label="Held receipts">
          Receipts held until the account binds to receive:{' '}
          {status.heldReceipts.map((h) => `“${h.systemId}” ${formatCount(h.count)}`).join(' · ')}
        </p>
      )}
      <MoInjector />
      <MoInjections />
      <SimulatorActivity />
    </div>
  );
}
