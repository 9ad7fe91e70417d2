// TLS against a local TLS SMSC with a self-signed certificate made by the test: refused by default (the
// certificate is verified), accepted with the explicit toggle, and verified when its CA file is given.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlsSettings } from '../../shared/contract';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { esmeSession, startSimulator } from '../support/simulator-fixture';

let dir: string;
let simulator: SmscSimulator;
const tls = (overrides: Partial<TlsSettings>): TlsSettings => ({
  enabled: true, acceptUntrusted: false, caFile: '', certFile: '', keyFile: '', ...overrides,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smpp-console-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=SMPP Console test SMSC',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  simulator = await startSimulator({ tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) } });
});
afterAll(async () => {
  await simulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS to the SMSC', () => {
  it('refuses a self-signed certificate by default, and says which toggle accepts it', async () => {
    const { session } = esmeSession(simulator.address.port, { tls: tls({}) });
    await expect(session.open()).rejects.toThrow(/certificate of 127\.0\.0\.1:\d+ is not trusted .*"Accept self-signed or untrusted certificates"/);
    expect(session.state).toBe('closed');
  });

  it('binds and submits with "accept self-signed" on', async () => {
    const { session, wire } = esmeSession(simulator.address.port, { tls: tls({ acceptUntrusted: true }) });
    await session.open();
    expect(session.state).toBe('bound');
    const response = await session.request('submit_sm', { source_addr: '1', destination_addr: '2', short_message: Buffer.from('hi') });
    expect(response.commandStatus).toBe(0);
    expect(wire.map((r) => r.pdu?.command)).toContain('submit_sm_resp');
    await session.close();
  });

  it('verifies the certificate against a given CA file', async () => {
    const { session } = esmeSession(simulator.address.port, { tls: tls({ caFile: join(dir, 'cert.pem') }) });
    await session.open();
    expect(session.state).toBe('bound');
    await session.close();
  });

  it('names a CA file that cannot be read', async () => {
    const { session } = esmeSession(simulator.address.port, { tls: tls({ caFile: join(dir, 'missing.pem') }) });
    await expect(session.open()).rejects.toThrow(/TLS CA file .*missing\.pem: ENOENT/);
  });
});
