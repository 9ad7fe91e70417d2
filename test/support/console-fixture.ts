// The whole console (createServices) against an SMSC a test controls, with a profile per bind mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxItem, MessageView, TraceSummary } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { createServices, type Services } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import type { RawSmsc } from './raw-smsc';

export async function consoleAgainstSmsc(smsc: RawSmsc, cleanups: Array<() => Promise<void>>) {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-fixture-'));
  const services: Services = await createServices({ dataDir: dir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 } });
  cleanups.push(async () => (await services.close(), rmSync(dir, { recursive: true, force: true })));
  const inbox: InboxItem[] = [];
  services.events.on('inbox', (item) => inbox.push(item));
  const profile = (bindMode: 'transmitter' | 'receiver' | 'transceiver') =>
    services.handlers.createProfile({ ...DEFAULT_PROFILE_SETTINGS, name: bindMode, port: smsc.port, systemId: 'acct', bindMode, enquireLinkIntervalMs: 0 });
  const send = async (sessionId: string, text: string): Promise<MessageView> =>
    services.handlers.submit({ sessionId, sourceAddr: '1', destinationAddr: '2', text });
  return { services, inbox, profile, send, dataDir: dir };
}

/**
 * The console bound to its own built-in simulator (the seeded Local simulator profile), with every trace row it
 * publishes collected. Cleanup goes on the given list, for the test file's afterEach.
 */
export async function consoleBoundToSimulator(cleanups: Array<() => Promise<void>>, receiptDelayMs = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-sim-'));
  const services: Services = await createServices({
    dataDir: dir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0, receiptDelayMs },
  });
  cleanups.push(async () => (await services.close(), rmSync(dir, { recursive: true, force: true })));
  const trace: TraceSummary[] = [];
  services.events.on('trace', (batch) => trace.push(...batch.rows));
  const [profile] = await services.handlers.listProfiles();
  const session = await services.handlers.connect({ profileId: profile!.id });
  const send = (text: string) => services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text });
  return { services, session, trace, send };
}
