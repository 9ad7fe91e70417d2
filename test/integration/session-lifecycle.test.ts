// Binding with care, through the contract, against a raw SMSC that records every bind: a password the run does not
// have is asked for, never sent empty; a second bind of one profile waits for a yes; a closed session reconnects
// in its row or is dismissed; Duplicate copies the password.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileView, SessionView } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { createServices, type Services } from '../../electron/core/services';
import { BrowserHostSecretStore } from '../../electron/core/store/secret-store';
import { startRawSmsc, type RawSmsc } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An SMSC that answers binds and remembers each one's system_id and password. */
async function recordingSmsc() {
  const binds: Array<{ systemId: string; password: string }> = [];
  const smsc: RawSmsc = await startRawSmsc(
    (pdu, ctx) => {
      if (pdu.command.startsWith('bind_')) {
        binds.push({ systemId: String(pdu.fields.system_id), password: String(pdu.fields.password) });
        ctx.reply(pdu, { system_id: 'RAW' });
      } else if (pdu.command === 'unbind') ctx.reply(pdu);
    },
    { autoBind: false },
  );
  cleanups.push(() => smsc.stop());
  return { smsc, binds };
}

async function start(dir: string) {
  const services: Services = await createServices({ dataDir: dir, secrets: new BrowserHostSecretStore(dir), simulator: { host: '127.0.0.1', port: 0 } });
  return services;
}

const profileFor = (port: number) => ({ ...DEFAULT_PROFILE_SETTINGS, name: 'Operator A', port, systemId: 'acme', password: 'secret12', enquireLinkIntervalMs: 0 });

describe('session lifecycle', () => {
  it('after a restart that did not keep the password, Connect asks for it and never binds with an empty one', async () => {
    const { smsc, binds } = await recordingSmsc();
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-lifecycle-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const first = await start(dir);
    const profile = first.handlers.createProfile(profileFor(smsc.port)) as ProfileView;
    await first.close();

    const again = await start(dir);
    cleanups.push(() => again.close());
    expect((await again.handlers.listProfiles()).find((p) => p.id === profile.id)).toMatchObject({ passwordSet: false, passwordMissing: true });
    expect(await again.call('connect', { profileId: profile.id })).toMatchObject({ ok: false, error: { field: 'password', message: expect.stringContaining('an empty one is never sent') } });
    expect(binds).toEqual([]);
    const session = await again.handlers.connect({ profileId: profile.id, password: 'typed123' });
    expect(session.state).toBe('bound');
    expect(binds).toEqual([{ systemId: 'acme', password: 'typed123' }]);
    expect((await again.handlers.listProfiles()).find((p) => p.id === profile.id)).toMatchObject({ passwordSet: true, passwordMissing: false });
  });

  it('a second bind of the same profile waits for a yes; a closed session reconnects in its row, or is dismissed', async () => {
    const { smsc, binds } = await recordingSmsc();
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-lifecycle-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const services = await start(dir);
    cleanups.push(() => services.close());
    const removed: string[][] = [];
    services.pipeline.attach({ send: (frame) => frame.events.sessionsRemoved && removed.push(frame.events.sessionsRemoved) }).ack(Number.MAX_SAFE_INTEGER);
    const profile = services.handlers.createProfile(profileFor(smsc.port)) as ProfileView;
    const first = await services.handlers.connect({ profileId: profile.id });
    expect(await services.call('connect', { profileId: profile.id })).toMatchObject({ ok: false, error: { field: 'secondBind' } });
    expect(binds).toHaveLength(1);
    const second = await services.handlers.connect({ profileId: profile.id, secondBind: true });
    expect(binds).toHaveLength(2);

    expect(await services.call('dismissSessions', { sessionIds: [first.id] })).toMatchObject({ ok: false, error: { field: 'sessionIds' } });
    await services.handlers.disconnect({ sessionId: first.id });
    const back: SessionView = await services.handlers.reconnectSession({ sessionId: first.id });
    expect([back.id, back.state, back.counters.reconnects, binds.length]).toEqual([first.id, 'bound', 1, 3]);

    await services.handlers.disconnect({ sessionId: first.id });
    await services.handlers.disconnect({ sessionId: second.id });
    expect(await services.handlers.dismissSessions({ sessionIds: 'closed' })).toEqual({ dismissed: [first.id, second.id] });
    expect(await services.handlers.listSessions()).toEqual([]);
    await waitFor(() => removed.flat().length === 2 || undefined);
  });

  it('Duplicate copies the password, kept the way the original keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-lifecycle-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const services = await start(dir);
    cleanups.push(() => services.close());
    const original = services.handlers.createProfile({ ...profileFor(2775), rememberPassword: true }) as ProfileView;
    const copy = services.handlers.duplicateProfile({ id: original.id }) as ProfileView;
    expect(copy).toMatchObject({ name: 'Operator A (copy)', passwordSet: true, passwordRemembered: true, passwordMissing: false });
  });
});
