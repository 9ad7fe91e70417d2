// deliver_sm acknowledged per second through the whole console (createServices: session, receipt/MO parsing,
// grouped commit, deliver_sm_resp only after the commit), from an SMSC in another process that keeps WINDOW
// deliver_sm outstanding. Run with synchronous=FULL (every commit fsync'd: what the console does) and NORMAL (what
// it did before), so the price of surviving power loss is a printed figure.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROFILE_SETTINGS } from '../shared/profile-defaults';
import { createServices } from '../electron/core/services';
import { Connection } from '../electron/core/smpp/connection';
import { SmppPeer } from '../electron/core/smpp/smpp-peer';
import { MemorySecretStore } from '../electron/core/store/secret-store';

const WINDOW = 50;

/** The SMSC side (child process): answers the bind, then sends `count` deliver_sm and reports the rate. */
export async function runDelivererChild(count: number): Promise<void> {
  const server = createServer((socket) => {
    const peer = new SmppPeer(new Connection(socket), { windowSize: WINDOW, timeoutMs: 30_000 });
    peer.on('request', (pdu) => {
      if (!pdu.command.startsWith('bind_')) return peer.respond(pdu);
      peer.respond(pdu, 0, { system_id: 'BENCH' });
      void (async () => {
        const started = process.hrtime.bigint();
        let sent = 0;
        let refused = 0;
        await Promise.all(
          Array.from({ length: WINDOW }, async () => {
            while (sent < count) {
              sent += 1;
              const response = await peer.request('deliver_sm', {
                source_addr: '447700900001', destination_addr: '100', short_message: Buffer.from(`MO ${sent}`),
              });
              if (response.commandStatus !== 0) refused += 1;
            }
          }),
        );
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.send?.({ rate: count / seconds, refused });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.on('disconnect', () => process.exit(0));
}

export async function deliverRate(entry: string, count: number, synchronous: 'FULL' | 'NORMAL', workerUrl: URL): Promise<number> {
  const child = fork(entry, ['--deliverer', String(count)], { stdio: 'inherit' });
  const messages: Array<{ port?: number; rate?: number; refused?: number }> = [];
  const next = () => new Promise<(typeof messages)[number]>((resolve) => child.once('message', (m) => resolve(m as (typeof messages)[number])));
  const { port } = await next();
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-deliver-'));
  const services = await createServices({
    dataDir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 }, synchronous, traceStoreWorker: workerUrl,
  });
  try {
    const profile = await services.handlers.createProfile({
      ...DEFAULT_PROFILE_SETTINGS, name: 'bench', port: port!, systemId: 'bench', bindMode: 'receiver', enquireLinkIntervalMs: 0,
    });
    const done = next();
    await services.handlers.connect({ profileId: profile.id });
    const { rate, refused } = await done;
    if (refused) throw new Error(`${refused} deliver_sm were not acknowledged with ESME_ROK`);
    return rate!;
  } finally {
    child.disconnect();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
