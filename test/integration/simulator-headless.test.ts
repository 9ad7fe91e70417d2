// The headless simulator (`npm run simulator -- --scenario f.json --port P`) as a process of its own, driven by
// outside clients — a raw socket speaking SMPP (over TLS too, with --tls-key/--tls-cert and a certificate the test
// makes with openssl), and Net::SMPP where installed — logging what it does to stdout, exiting 0 on SIGTERM and
// SIGINT, 2 with the field named on a bad scenario and with the reason on bad TLS options.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePdu, encodePdu, type Pdu, type PduInit } from '../../electron/core/smpp/pdu-codec';
import { spawnHeadlessSimulator, type HeadlessSimulator } from '../support/headless-simulator';
import { NetSmppEsme, netSmppAvailable } from '../support/net-smpp-esme';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-simulator-headless-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function scenarioFile(dir: string, scenario: object): string {
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}

async function headless(args: string[]): Promise<HeadlessSimulator> {
  const simulator = await spawnHeadlessSimulator(args);
  cleanups.push(() => simulator.stop('SIGKILL'));
  return simulator;
}

/** A self-signed certificate for 127.0.0.1 and its key, made with openssl in `dir`. */
function selfSignedCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=SMPP Console headless simulator',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key, cert };
}

/** A TLS client to 127.0.0.1 trusting only `ca` (none: the system's CAs), once its handshake is done. */
async function tlsSocket(port: number, ca?: Buffer): Promise<Socket> {
  const socket = tlsConnect({ host: '127.0.0.1', port, ...(ca ? { ca } : {}) });
  cleanups.push(() => void socket.destroy());
  await new Promise((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** Starts the headless simulator expecting it to fail: its exit code and what it wrote to stderr. */
async function failedStart(args: string[]): Promise<{ code?: number; stderr?: string } | null> {
  return spawnHeadlessSimulator(args).then(
    async (simulator) => (await simulator.stop('SIGKILL'), null),
    (error: Error & { code?: number; stderr?: string }) => error,
  );
}

/**
 * An ESME on a bare socket (a plain TCP one, or the TLS socket given): requests and their responses; deliver_sm
 * answered and kept.
 */
async function rawEsme(port: number, over?: Socket) {
  const socket: Socket = over ?? connect(port, '127.0.0.1');
  cleanups.push(() => void socket.destroy());
  if (!over) await new Promise((resolve) => socket.once('connect', resolve));
  const responses = new Map<number, Pdu>();
  const delivered: Pdu[] = [];
  let pending = Buffer.alloc(0);
  let sequence = 0;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 16 && pending.length >= pending.readUInt32BE(0)) {
      const { pdu } = decodePdu(pending.subarray(0, pending.readUInt32BE(0)));
      pending = pending.subarray(pending.readUInt32BE(0));
      if (pdu.command.endsWith('_resp')) responses.set(pdu.sequenceNumber, pdu);
      else if (pdu.command === 'deliver_sm') {
        delivered.push(pdu);
        socket.write(encodePdu({ command: 'deliver_sm_resp', sequenceNumber: pdu.sequenceNumber, fields: { message_id: '' } }));
      }
    }
  });
  const request = async (command: string, fields: PduInit['fields'] = {}) => {
    const sequenceNumber = (sequence += 1);
    socket.write(encodePdu({ command, sequenceNumber, fields }));
    return waitFor(() => responses.get(sequenceNumber), 3000);
  };
  return { request, delivered };
}

const SCENARIO = {
  name: 'headless test', smscSystemId: 'HEADLESS', messageIdFormat: 'decimal',
  accounts: [{ systemId: 'acme', password: 'secret', bindTypes: ['transceiver'] }],
  receipts: { outcomes: [{ stat: 'UNDELIV', weight: 1 }], delay: { kind: 'fixed', ms: 10 } },
  rules: [{ name: 'bad range', match: { destinationPrefix: '4470' }, action: 'reject', status: 'ESME_RINVDSTADR' }],
};
const SUBMIT = { source_addr: '100', destination_addr: '447700900123', registered_delivery: 1, short_message: Buffer.from('hi') };

describe('the headless simulator', () => {
  it('serves a scenario file to a raw-socket ESME, logs to stdout, keeps ids unique across a restart, exits 0 on SIGTERM', async () => {
    const dir = tempDir();
    const args = ['--scenario', scenarioFile(dir, SCENARIO), '--port', '0', '--data-dir', dir];
    const ids: bigint[] = [];
    for (let run = 0; run < 2; run += 1) {
      const simulator = await headless(args);
      const esme = await rawEsme(simulator.port);
      expect((await esme.request('bind_transceiver', { system_id: 'acme', password: 'wrong' })).commandStatus).toBe(0x0e);
      const bound = await esme.request('bind_transceiver', { system_id: 'acme', password: 'secret' });
      expect([bound.commandStatus, bound.fields.system_id]).toEqual([0, 'HEADLESS']);
      expect((await esme.request('submit_sm', { ...SUBMIT, destination_addr: '447012345' })).commandStatus).toBe(0x0b);
      const accepted = await esme.request('submit_sm', SUBMIT);
      ids.push(BigInt(String(accepted.fields.message_id)));
      const receipt = await waitFor(() => esme.delivered[0]);
      expect(String(receipt.fields.short_message)).toContain(`id:${String(accepted.fields.message_id)} `);
      expect(String(receipt.fields.short_message)).toContain('stat:UNDELIV');
      await waitFor(() => simulator.output().includes('receipt UNDELIV'));
      expect(await simulator.stop('SIGTERM')).toBe(0);
      const log = simulator.output();
      expect(log).toMatch(/listening on 127\.0\.0\.1:\d+, scenario "headless test"/);
      expect(log).toContain('bind_transceiver as "acme" refused: ESME_RINVPASWD (wrong password for "acme")');
      expect(log).toContain('bound as transceiver "acme"');
      expect(log).toContain('submit_sm seq 3: ESME_RINVDSTADR (bad range)');
      expect(log).toContain('SIGTERM: stopping');
    }
    expect(ids[1]!).toBeGreaterThan(ids[0]!);
  });

  it('a bad scenario file: exit 2, the field and the limit on stderr', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir, { ...SCENARIO, accounts: [{ systemId: 'acme', window: 200_000 }] });
    const failed = await failedStart(['--scenario', file, '--port', '0']);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`smpp-simulator: scenario ${file}: accounts[0].window: 100,000 at most`);
  });

  it('serves over TLS with --tls-key and --tls-cert: a client trusting that certificate binds, submits and gets its receipt', async () => {
    const dir = tempDir();
    const { key, cert } = selfSignedCertificate(dir);
    const simulator = await headless(['--scenario', scenarioFile(dir, SCENARIO), '--port', '0', '--tls-key', key, '--tls-cert', cert]);
    expect(simulator.output()).toMatch(/listening on 127\.0\.0\.1:\d+ \(TLS\), scenario "headless test"/);
    // It is this certificate that is served: a client trusting only the usual CAs is refused in the handshake.
    await expect(tlsSocket(simulator.port)).rejects.toThrow(/self-signed certificate/);

    const socket = await tlsSocket(simulator.port, readFileSync(cert));
    expect(socket).toMatchObject({ authorized: true, encrypted: true });
    const esme = await rawEsme(simulator.port, socket);
    const bound = await esme.request('bind_transceiver', { system_id: 'acme', password: 'secret' });
    expect([bound.commandStatus, bound.fields.system_id]).toEqual([0, 'HEADLESS']);
    const accepted = await esme.request('submit_sm', { ...SUBMIT, short_message: Buffer.from('over TLS') });
    expect(accepted.commandStatus).toBe(0);
    const receipt = await waitFor(() => esme.delivered[0]);
    expect(String(receipt.fields.short_message)).toMatch(new RegExp(`^id:${String(accepted.fields.message_id)} .*stat:UNDELIV .*text:over TLS`));
    await waitFor(() => simulator.output().includes('receipt UNDELIV'));
    expect(await simulator.stop('SIGTERM')).toBe(0);
    expect(simulator.output()).toContain('bound as transceiver "acme"');
  });

  it('bad TLS options: exit 2 with the reason — a key without a certificate, a certificate it cannot read', async () => {
    const dir = tempDir();
    const { key, cert } = selfSignedCertificate(dir);
    const together = 'smpp-simulator: --tls-key and --tls-cert go together';
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    // A certificate missing, and a folder where the file should be (unreadable even to root, who reads any mode).
    const cases = [
      { args: ['--tls-key', key], stderr: together },
      { args: ['--tls-cert', cert], stderr: together },
      { args: ['--tls-key', key, '--tls-cert', join(dir, 'missing.pem')], stderr: `smpp-simulator: TLS certificate ${join(dir, 'missing.pem')}: ENOENT` },
      { args: ['--tls-key', key, '--tls-cert', dir], stderr: `smpp-simulator: TLS certificate ${dir}: EISDIR` },
      // Readable, but not a certificate: OpenSSL's words, and which files they are about.
      { args: ['--tls-key', key, '--tls-cert', garbage], stderr: `with TLS (key ${key}, certificate ${garbage}): ` },
    ];
    const failed = await Promise.all(cases.map(({ args }) => failedStart(['--port', '0', ...args])));
    expect(failed.map((f) => f?.code)).toEqual([2, 2, 2, 2, 2]);
    for (const [index, { stderr }] of cases.entries()) expect(failed[index]?.stderr).toContain(stderr);
  });

  it.skipIf(!netSmppAvailable)('Net::SMPP binds, submits and gets its receipt; SIGINT exits 0', async () => {
    const dir = tempDir();
    const simulator = await headless(['--scenario', scenarioFile(dir, SCENARIO), '--port', '0']);
    const client = await NetSmppEsme.connect(simulator.port);
    cleanups.push(() => client.close());
    expect((await client.bind('transceiver', 'acme', 'secret'))?.status).toBe(0);
    const response = await client.request('submit_sm', { source_addr: '100', destination_addr: '447700900123', short_message: 'from perl', registered_delivery: 1 });
    const receipt = await client.expect((p) => p.command === 'deliver_sm');
    expect(receipt!.fields.short_message).toMatch(new RegExp(`^id:${String(response!.fields.message_id)} .*stat:UNDELIV err:000 text:from perl$`));
    expect(await simulator.stop('SIGINT')).toBe(0);
    expect(simulator.output()).toContain('SIGINT: stopping');
  });
});
