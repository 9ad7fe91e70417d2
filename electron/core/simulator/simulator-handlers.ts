// The contract's simulator methods over the built-in simulator and the saved scenarios (services.ts spreads them
// into its handlers): status, the running scenario, saved scenarios (list, save, delete, import, export), MO
// injection and actions on a session.
import { readFileSync } from 'node:fs';
import type { ConsoleHandlers } from '../api/dispatch';
import { ConsoleInputError } from '../api/console-input-error';
import { MessageSplitError } from '../../../shared/message-parts';
import { checkScenarioJson } from './scenario-schema';
import { scenarioJson, type ScenarioStore } from './scenario-store';
import type { SmscSimulator } from './smsc-simulator';

type SimulatorMethod =
  | 'simulatorStatus' | 'simulatorScenario' | 'setSimulatorScenario' | 'listScenarios' | 'saveScenario' | 'deleteScenario'
  | 'importScenario' | 'exportScenario' | 'injectMo' | 'stopMoInjection' | 'simulatorAction' | 'simulatorListen' | 'simulatorStop';

export function simulatorHandlers(simulator: SmscSimulator, store: ScenarioStore): Pick<ConsoleHandlers, SimulatorMethod> {
  return {
    simulatorStatus: () => simulator.status(),
    simulatorScenario: () => simulator.scenario,
    setSimulatorScenario: ({ scenario, name }) => {
      const chosen = scenario ?? store.get(name!);
      store.saveActive(chosen); // kept first: a scenario that could not be kept is not run either
      simulator.setScenario(chosen);
      return chosen;
    },
    listScenarios: () => store.list(),
    saveScenario: ({ scenario }) => store.save(scenario),
    deleteScenario: ({ name }) => {
      store.delete(name);
      return { name };
    },
    importScenario: ({ json }) => {
      const checked = checkScenarioJson(json);
      if (!checked.ok) throw new ConsoleInputError(checked.message, checked.path.join('.') || 'json');
      return store.save(checked.scenario);
    },
    exportScenario: ({ name }) => {
      const scenario = name === undefined ? simulator.scenario : store.get(name);
      return { json: scenarioJson(scenario), fileName: `${scenario.name}.json` };
    },
    injectMo: async (request) => {
      try {
        return { injection: await simulator.injectMo(request) };
      } catch (error) {
        if (error instanceof MessageSplitError) throw new ConsoleInputError(error.message, error.field);
        throw error;
      }
    },
    stopMoInjection: ({ injectionId }) => simulator.stopMoInjection(injectionId),
    simulatorAction: (request) => simulator.action(request),
    simulatorListen: async ({ port, tls }) => {
      const pem = tls === null ? undefined : { cert: readPem(tls.certFile, 'tls.certFile'), key: readPem(tls.keyFile, 'tls.keyFile') };
      try {
        await simulator.listen({ port, tls: pem });
      } catch (error) {
        // The port is taken, or the key does not fit the certificate: said with the field it comes from.
        throw new ConsoleInputError(`the simulator cannot listen on port ${port}${pem ? ' with TLS' : ''}: ${(error as Error).message}`, pem ? 'tls' : 'port');
      }
      return simulator.status();
    },
    simulatorStop: async () => {
      await simulator.stopListening();
      return simulator.status();
    },
  };
}

/** A PEM file the user named, read on the main side; an unreadable one is an error on its field. */
function readPem(file: string, field: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConsoleInputError(`${field === 'tls.certFile' ? 'TLS certificate' : 'TLS key'} file ${file}: ${(error as Error).message}`, field);
  }
}
