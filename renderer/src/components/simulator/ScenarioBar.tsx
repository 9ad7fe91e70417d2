// The scenario the simulator runs (accounts, rules, receipts, message ids): pick a saved one and run it, edit the
// running one as JSON, import or export a file, delete a saved one — and the last action's outcome, in one line.
import { useId, useState } from 'react';
import { useConsole } from '../../store/console-context';
import { offerDownload } from '../../profiles/offer-download';
import { OperationOutcome } from '../compose/OperationOutcome';
import { ScenarioEditor } from './ScenarioEditor';

export function ScenarioBar() {
  const scenarios = useConsole((state) => state.scenarios);
  const running = useConsole((state) => state.simulatorStatus?.scenarioName ?? '');
  const outcome = useConsole((state) => state.simulatorOutcome);
  const runScenario = useConsole((state) => state.runScenario);
  const importScenario = useConsole((state) => state.importScenario);
  const deleteScenario = useConsole((state) => state.deleteScenario);
  const runningScenarioJson = useConsole((state) => state.runningScenarioJson);
  const ids = { select: useId(), file: useId(), alert: useId() };
  const [picked, setPicked] = useState('');
  const [editing, setEditing] = useState(false);
  const name = picked || (scenarios.find((s) => s.name === running)?.name ?? scenarios[0]?.name ?? '');

  const exportRunning = async () => {
    const file = await runningScenarioJson();
    if (file) offerDownload(file.json, file.fileName);
  };
  return (
    <div className="simulator__scenario">
      <div className="toolbar">
        <label htmlFor={ids.select}>Scenario</label>
        <select id={ids.select} value={name} onChange={(event) => setPicked(event.target.value)}>
          {scenarios.length === 0 && <option value="">none saved</option>}
          {scenarios.map((s) => (
            <option key={s.name} value={s.name} title={s.description}>
              {s.name} ({s.accounts} accounts, {s.rules} rules)
            </option>
          ))}
        </select>
        <button type="button" disabled={name === ''} onClick={() => void runScenario({ name })}>
          Run scenario
        </button>
        <button type="button" disabled={name === ''} onClick={() => void deleteScenario(name)}>
          Delete scenario
        </button>
        <button type="button" onClick={() => setEditing(true)}>
          Edit running scenario…
        </button>
        <label htmlFor={ids.file}>Import scenario</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then((json) => importScenario(json));
          }}
        />
        <button type="button" onClick={() => void exportRunning()}>
          Export running scenario
        </button>
      </div>
      <OperationOutcome label="Simulator result" outcome={outcome} describe={(line) => line} awaiting="the simulator" alertId={ids.alert} />
      {editing && <ScenarioEditor onClose={() => setEditing(false)} />}
    </div>
  );
}
