// Payloads of the simulator's contract methods (payload-schemas.ts spreads these in). The scenario document itself
// is checked by the simulator's own schema, so an import, the contract and the headless runner say the same thing.
import { z } from 'zod';
import { simulatorActions, simulatorFaultNames } from '../../../shared/contract';
import { SCENARIO_NAME, scenarioInput } from '../simulator/scenario-schema';
import { choiceOf } from './choice';
import { address, draftSettingsShape } from './draft-schema';

const none = z.null().or(z.undefined());
const scenarioName = z.string({ error: 'name is required' }).regex(SCENARIO_NAME, 'name: 1–64 characters: letters, digits, space, ".", "_" and "-"');

export const simulatorSchemas = {
  simulatorStatus: none,
  simulatorScenario: none,
  setSimulatorScenario: z
    .object({ scenario: scenarioInput.optional(), name: scenarioName.optional() })
    .strict()
    .refine((r) => (r.scenario === undefined) !== (r.name === undefined), 'give a scenario, or the name of a saved one (not both)'),
  simulatorListen: z
    .object({
      port: z.number().int('Port: a whole number').min(0, 'Port: 0 (any free port) to 65535').max(65_535, 'Port: 0 (any free port) to 65535'),
      tls: z
        .object({
          certFile: z.string().trim().min(1, 'TLS certificate file: required for TLS').max(4_096, 'TLS certificate file: 4,096 characters at most'),
          keyFile: z.string().trim().min(1, 'TLS key file: required for TLS').max(4_096, 'TLS key file: 4,096 characters at most'),
        })
        .strict()
        .nullable(),
    })
    .strict(),
  simulatorStop: none,
  listScenarios: none,
  saveScenario: z.object({ scenario: scenarioInput }).strict(),
  deleteScenario: z.object({ name: scenarioName }).strict(),
  importScenario: z.object({ json: z.string().max(5_000_000, 'json: 5 MB at most') }).strict(),
  exportScenario: z.object({ name: scenarioName.optional() }).strict(),
  injectMo: z
    .object({
      sessionId: z.string().min(1).max(200, 'sessionId: at most 200 characters').optional(),
      systemId: z.string().max(15, 'systemId: 15 characters at most (system_id is a C-Octet String of 16 octets)').optional(),
      sourceAddr: address('Source address', 'source_addr', 0),
      destinationAddr: address('Destination address', 'destination_addr', 0),
      text: z.string().max(65_536, 'Text: at most 65,536 characters'),
      encoding: draftSettingsShape.encoding,
      split: draftSettingsShape.split,
      count: z.number().int('count: a whole number').min(1, 'count: 1 at least').max(1_000_000, 'count: 1,000,000 at most').optional(),
      ratePerSecond: z.number().min(0, 'ratePerSecond: 0 at least').max(100_000, 'ratePerSecond: 100,000 at most').optional(),
    })
    .strict()
    .refine((r) => Boolean(r.sessionId) !== Boolean(r.systemId), { message: 'give the session (sessionId) or the system_id (systemId) to inject to', path: ['sessionId'] }),
  stopMoInjection: z.object({ injectionId: z.string().min(1, 'injectionId is required').max(200, 'injectionId: at most 200 characters') }).strict(),
  simulatorAction: z
    .object({
      sessionId: z.string().min(1, 'sessionId is required').max(200),
      action: choiceOf(simulatorActions, 'action'),
      fault: choiceOf(simulatorFaultNames, 'fault').optional(),
    })
    .strict()
    .refine((r) => r.action !== 'fault' || r.fault !== undefined, { message: 'fault: which one, for action fault', path: ['fault'] }),
};
