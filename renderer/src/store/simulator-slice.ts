// The built-in simulator as the UI sees it: its status (where it listens, who is bound with their counters, what it
// did lately, MO injections), polled once a second while its tab is shown — the host sends no event for it, and a
// second's latency is plenty for watching an SMSC — and the saved scenarios. Actions report one outcome line.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, ConsoleMethods, InjectMoRequest, ScenarioSummary, SimulatorActionRequest, SimulatorScenario, SimulatorStatus } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import { shortId } from '../format/display';
import type { ConsoleState } from './console-store';
import type { Outcome } from './operations-slice';

export interface SimulatorSlice {
  simulatorStatus: SimulatorStatus | null;
  simulatorStatusError: string | null;
  scenarios: ScenarioSummary[];
  /** The last simulator action (unbind, drop, fault, MO, scenario): what came of it, in one line. */
  simulatorOutcome: Outcome<string>;
  pollSimulator: () => Promise<void>;
  loadScenarios: () => Promise<void>;
  runSimulatorAction: (request: SimulatorActionRequest) => Promise<void>;
  injectMo: (request: InjectMoRequest) => Promise<void>;
  stopMoInjection: (injectionId: string) => Promise<void>;
  /** Runs a saved scenario by name, or one given whole (from the JSON editor); true when the host took it. */
  runScenario: (request: { name?: string; scenario?: SimulatorScenario }) => Promise<boolean>;
  /** Checks and saves a scenario given as JSON (an import, or the editor's Save); true when saved. */
  importScenario: (json: string) => Promise<boolean>;
  deleteScenario: (name: string) => Promise<void>;
  listenSimulator: (request: ConsoleMethods['simulatorListen']['request']) => Promise<void>;
  stopSimulator: () => Promise<void>;
  /** The running scenario as JSON and a file name for it (null when the host could not say; the outcome says why). */
  runningScenarioJson: () => Promise<{ json: string; fileName: string } | null>;
}

export function createSimulatorSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], SimulatorSlice> {
  return (set, get) => {
    let latestPoll = 0;
    /** Runs one action and puts its outcome (or the host's error, with the field it names) in simulatorOutcome. */
    const act = async (call: () => Promise<string>): Promise<boolean> => {
      set({ simulatorOutcome: { status: 'running' } });
      try {
        set({ simulatorOutcome: { status: 'done', value: await call() } });
        void get().pollSimulator();
        return true;
      } catch (error) {
        set({ simulatorOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
        return false;
      }
    };
    return {
      simulatorStatus: null,
      simulatorStatusError: null,
      scenarios: [],
      simulatorOutcome: { status: 'idle' },
      pollSimulator: async () => {
        const ticket = ++latestPoll;
        try {
          const status = await api.simulatorStatus();
          if (ticket === latestPoll) set({ simulatorStatus: status, simulatorStatusError: null });
        } catch (error) {
          if (ticket === latestPoll) set({ simulatorStatusError: `Could not read the simulator's status: ${errorMessage(error)}` });
        }
      },
      loadScenarios: async () => {
        try {
          set({ scenarios: await api.listScenarios() });
        } catch (error) {
          get().reportLoadError(`Could not load the simulator's scenarios: ${errorMessage(error)}`);
        }
      },
      runSimulatorAction: async (request) => {
        await act(async () => (await api.simulatorAction(request)).outcome);
      },
      injectMo: async (request) => {
        await act(async () => {
          const { injection } = await api.injectMo(request);
          return `MO injection ${shortId(injection.id)}: ${injection.messages} message(s) of ${injection.partsPerMessage} part(s), ${injection.sent} deliver_sm sent, ${injection.acknowledged} acknowledged${injection.state === 'done' ? '' : ' so far'}`;
        });
      },
      stopMoInjection: async (injectionId) => {
        await act(async () => {
          const stopped = await api.stopMoInjection({ injectionId });
          return `MO injection ${shortId(stopped.id)} ${stopped.state}: ${stopped.sent} deliver_sm sent, ${stopped.acknowledged} acknowledged`;
        });
      },
      runScenario: (request) => act(async () => `Running scenario "${(await api.setSimulatorScenario(request)).name}"`),
      importScenario: async (json) => {
        const saved = await act(async () => `Saved scenario "${(await api.importScenario({ json })).name}"`);
        if (saved) await get().loadScenarios();
        return saved;
      },
      runningScenarioJson: async () => {
        try {
          return await api.exportScenario({});
        } catch (error) {
          set({ simulatorOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
          return null;
        }
      },
      listenSimulator: async (request) => {
        await act(async () => {
          const status = await api.simulatorListen(request);
          set({ simulatorStatus: status });
          return status.listening ? `Listening on ${status.listening.host}:${status.listening.port}${status.tls ? ' (TLS)' : ''}` : 'Not listening';
        });
      },
      stopSimulator: async () => {
        await act(async () => {
          set({ simulatorStatus: await api.simulatorStop() });
          return 'Stopped listening: every connection to the simulator is closed';
        });
      },
      deleteScenario: async (name) => {
        if (await act(async () => `Deleted scenario "${(await api.deleteScenario({ name })).name}"`)) await get().loadScenarios();
      },
    };
  };
}
