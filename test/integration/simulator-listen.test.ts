// The built-in simulator moved from the UI (issue 11): stop listening (binds then fail, saying so), listen again on
// another port with TLS from PEM files — the Local simulator profile follows it, over TLS when the profile says so —
// and files that cannot be read are refused naming their field.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { freePort } from '../support/free-port';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the simulator listens where the UI says', () => {
  it('stops, listens on another port with TLS, and the Local simulator profile binds there', async () => {
    const { services, session } = await consoleBoundToSimulator(cleanups);
    const stopped = await services.handlers.simulatorStop();
    expect(stopped.listening).toBeNull();
    await expect(services.handlers.connect({ profileId: session.profileId, secondBind: true })).rejects.toThrow(/not listening/);

    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-sim-tls-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=SMPP Console simulator',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const port = await freePort();
    const status = await services.handlers.simulatorListen({ port, tls: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') } });
    expect(status).toMatchObject({ listening: { host: '127.0.0.1', port }, tls: true });

    const [profile] = await services.handlers.listProfiles();
    const { id: _id, builtinSimulator: _b, passwordMissing: _p, ...settings } = profile!;
    await services.handlers.updateProfile({ id: profile!.id, draft: { ...settings, tls: { ...settings.tls, enabled: true, caFile: join(dir, 'cert.pem') } } });
    const again = await services.handlers.connect({ profileId: profile!.id, secondBind: true });
    expect(again.state).toBe('bound');
    const sent = await services.handlers.submit({ sessionId: again.id, sourceAddr: '1', destinationAddr: '447700900123', text: 'over TLS' });
    expect(sent.state).toBe('accepted');
  });

  it('names the file it cannot read, and the port it cannot take', async () => {
    const { services } = await consoleBoundToSimulator(cleanups);
    await expect(services.call('simulatorListen', { port: 0, tls: { certFile: '/nonexistent/cert.pem', keyFile: '/nonexistent/key.pem' } }))
      .resolves.toMatchObject({ ok: false, error: { field: 'tls.certFile', message: expect.stringMatching(/ENOENT/) } });
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    await expect(services.call('simulatorListen', { port, tls: null })).resolves.toMatchObject({ ok: false, error: { field: 'port', message: expect.stringMatching(/EADDRINUSE/) } });
    await expect(services.call('simulatorListen', { port: 70_000, tls: null })).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/65535/) } });
  });
});
