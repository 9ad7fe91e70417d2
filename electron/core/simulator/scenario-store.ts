// Named scenarios as JSON files in the data folder (simulator/scenarios/<name>.json): the same document the headless
// runner reads with --scenario, so a file exported from the console runs as it is, and one written by hand imports
// as it is. The built-in simulator's active scenario is kept beside them and comes back on the next start.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioSummary, SimulatorScenario } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import { SCENARIO_NAME, checkScenarioJson } from './scenario-schema';

export class ScenarioStore {
  private readonly scenarios: string;

  constructor(private readonly dir: string) {
    this.scenarios = join(dir, 'scenarios');
  }

  /** Where the built-in simulator reserves its message_id blocks. */
  get idStateFile(): string {
    return join(this.dir, 'message-ids.json');
  }

  list(): ScenarioSummary[] {
    let names: string[];
    try {
      names = readdirSync(this.scenarios).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const summaries: ScenarioSummary[] = [];
    for (const file of names) {
      const checked = checkScenarioJson(readFileSync(join(this.scenarios, file), 'utf8'));
      // A file edited by hand into something invalid is left out of the list, not fatal; get() says what is wrong.
      if (checked.ok) summaries.push(summaryOf(checked.scenario, statSync(join(this.scenarios, file)).mtimeMs));
    }
    return summaries.sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): SimulatorScenario {
    let text: string;
    try {
      text = readFileSync(this.fileOf(name), 'utf8');
    } catch {
      throw new ConsoleInputError(`no saved scenario "${name}"`, 'name');
    }
    const checked = checkScenarioJson(text);
    if (!checked.ok) throw new ConsoleInputError(`saved scenario "${name}" is not valid: ${checked.message}`, 'name');
    return checked.scenario;
  }

  save(scenario: SimulatorScenario): ScenarioSummary {
    writeAtomically(this.fileOf(scenario.name), scenario);
    return summaryOf(scenario, Date.now());
  }

  delete(name: string): void {
    const file = this.fileOf(name);
    try {
      statSync(file);
    } catch {
      throw new ConsoleInputError(`no saved scenario "${name}"`, 'name');
    }
    rmSync(file);
  }

  /** The scenario the built-in simulator ran last (null: none yet); a broken file is reported and set aside. */
  loadActive(onProblem: (message: string) => void): SimulatorScenario | null {
    let text: string;
    try {
      text = readFileSync(join(this.dir, 'active-scenario.json'), 'utf8');
    } catch {
      return null;
    }
    const checked = checkScenarioJson(text);
    if (checked.ok) return checked.scenario;
    onProblem(`the simulator's last scenario (simulator/active-scenario.json) is not valid, so the default runs: ${checked.message}`);
    return null;
  }

  saveActive(scenario: SimulatorScenario): void {
    writeAtomically(join(this.dir, 'active-scenario.json'), scenario);
  }

  private fileOf(name: string): string {
    if (!SCENARIO_NAME.test(name)) throw new ConsoleInputError(`name: "${name}" is not a scenario name`, 'name');
    return join(this.scenarios, `${name}.json`);
  }
}

function summaryOf(scenario: SimulatorScenario, savedAt: number): ScenarioSummary {
  return { name: scenario.name, description: scenario.description, accounts: scenario.accounts.length, rules: scenario.rules.length, savedAt: Math.round(savedAt) };
}

/** A scenario as its file holds it: what is saved, kept as active, and exported is the same text. */
export function scenarioJson(scenario: SimulatorScenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

function writeAtomically(file: string, scenario: SimulatorScenario): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, scenarioJson(scenario));
  renameSync(`${file}.tmp`, file);
}
