// The whole console (createServices) with its built-in simulator running a scenario the test gives, set through the
// contract as a UI would; profiles of any system_id, password and bind mode against it. Cleanup goes on the list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BindMode, InboxItem, MessageView, ProfileSettings, SimulatorScenario } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { createServices, type Services } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { waitFor } from './simulator-fixture';

/** A scenario document as a test writes it: any fields (defaults fill the rest), maybe wrong on purpose. */
export type ScenarioDraft = Partial<Omit<SimulatorScenario, 'receipts' | 'accounts' | 'rules'>> & Record<string, unknown>;

export async function consoleWithSimulator(cleanups: Array<() => Promise<void>>, dataDir?: string) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'smpp-console-simtool-'));
  const services: Services = await createServices({ dataDir: dir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0, receiptDelayMs: 20 } });
  let closed: Promise<void> | null = null;
  /** Closes the console (once); a test may close it early, to start another on the same data folder. */
  const close = () =>
    (closed ??= services.close().then(() => {
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    }));
  cleanups.push(close);
  const inbox: InboxItem[] = [];
  services.events.on('inbox', (item) => inbox.push(item));
  const call = async <T>(method: string, payload: unknown): Promise<T> => {
    const result = await services.call(method, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { field: result.error.field });
    return result.value as T;
  };
  /** Runs a scenario through the contract (so the payload schema checks it): receipts 20 ms unless it says. */
  const scenario = (draft: ScenarioDraft) =>
    call<SimulatorScenario>('setSimulatorScenario', { scenario: { name: 'test', receipts: { delay: { kind: 'fixed', ms: 20 } }, ...draft } });
  const profile = (bindMode: BindMode, systemId: string, password = '', settings: Partial<ProfileSettings> = {}) =>
    services.handlers.createProfile({
      ...DEFAULT_PROFILE_SETTINGS, name: `${systemId} ${bindMode} ${Math.random()}`, port: services.simulatorAddress.port, bindMode, systemId, password,
      enquireLinkIntervalMs: 0, responseTimeoutMs: 2000, throttleRetries: 0, reconnect: { enabled: false, minBackoffMs: 1000, maxBackoffMs: 1000 },
      ...settings,
    });
  const bind = async (bindMode: BindMode, systemId = 'acct', password = '', settings: Partial<ProfileSettings> = {}) =>
    services.handlers.connect({ profileId: (await profile(bindMode, systemId, password, settings)).id });
  const send = (sessionId: string, destinationAddr = '447700900123', text = 'hello') =>
    services.handlers.submit({ sessionId, sourceAddr: '100', destinationAddr, text });
  const message = async (id: string): Promise<MessageView> => (await services.handlers.listMessages({ limit: 5000 })).find((m) => m.id === id)!;
  /** Waits until the message reaches a state (a receipt's stat, or accepted / rejected / failed). */
  const settled = (id: string, state: MessageView['state']) => waitFor(async () => ((await message(id)).state === state ? message(id) : null));
  return { services, dir, inbox, call, scenario, profile, bind, send, message, settled, close };
}
