// The running scenario as JSON, to edit by hand like an SMPPSim properties file: Run applies it now (checked whole
// by the host — an error names the field and the limit, and nothing changes), Save keeps it under its name.
import { useEffect, useId, useState } from 'react';
import type { SimulatorScenario } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import { Modal } from '../Modal';
import { OperationOutcome } from '../compose/OperationOutcome';

export function ScenarioEditor({ onClose }: { onClose: () => void }) {
  const runningScenarioJson = useConsole((state) => state.runningScenarioJson);
  const runScenario = useConsole((state) => state.runScenario);
  const importScenario = useConsole((state) => state.importScenario);
  const outcome = useConsole((state) => state.simulatorOutcome);
  const ids = { heading: useId(), text: useId(), alert: useId() };
  const [json, setJson] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    void runningScenarioJson().then((running) => setJson(running?.json ?? ''));
  }, [runningScenarioJson]);

  const parsed = (): SimulatorScenario | null => {
    try {
      setParseError(null);
      return JSON.parse(json ?? '') as SimulatorScenario;
    } catch (error) {
      setParseError(`Not JSON: ${(error as Error).message}`);
      return null;
    }
  };
  return (
    <Modal labelledBy={ids.heading} onClose={onClose} className="scenario-editor">
      <h2 id={ids.heading}>Simulator scenario</h2>
      <label htmlFor={ids.text}>Scenario JSON</label>
      <textarea
        id={ids.text}
        className="mono"
        rows={24}
        spellCheck={false}
        value={json ?? 'Loading…'}
        disabled={json === null}
        onChange={(event) => setJson(event.target.value)}
        aria-describedby={parseError !== null ? ids.alert : undefined}
      />
      {parseError !== null && (
        <p id={ids.alert} role="alert" className="alert">
          {parseError}
        </p>
      )}
      <OperationOutcome label="Scenario result" outcome={outcome} describe={(line) => line} awaiting="the simulator" />
      <div className="confirm__actions">
        <button
          type="button"
          disabled={json === null}
          onClick={() => {
            const scenario = parsed();
            if (scenario) void runScenario({ scenario });
          }}
        >
          Run it now
        </button>
        <button type="button" disabled={json === null} onClick={() => parsed() && void importScenario(json ?? '')}>
          Save under its name
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
