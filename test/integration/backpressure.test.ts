// A client that stops acknowledging (a frozen tab, a WebSocket nobody reads) while an SMSC pours deliver_sm in:
// main stops sending it after two frames and keeps at most the pipeline's caps for it, however many PDUs arrive;
// every deliver_sm is still answered; when the client comes back it is told what it skipped and pages exactly
// those rows from the store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventFrame, TraceSummary, WsServerFrame } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { DEFAULT_LIMITS } from '../../electron/core/api/event-pipeline';
import { createServices } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { startBrowserHost } from '../../electron/serve/browser-host';
import { startRawSmsc, type RawSmscContext } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const BURST = 12_000;

describe('backpressure', () => {
  it('a client that stops acknowledging gets nothing more, costs main a bounded queue, and catches up from the store', { timeout: 90_000 }, async () => {
    let smscSide: RawSmscContext | null = null;
    let answered = 0;
    const smsc = await startRawSmsc((pdu, ctx) => {
      smscSide = ctx;
      if (pdu.command === 'deliver_sm_resp') answered += 1;
    });
    cleanups.push(() => smsc.stop());
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-backpressure-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const services = await createServices({ dataDir: join(dir, 'data'), secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 } });
    cleanups.push(() => services.close());
    const host = await startBrowserHost({ services, host: '127.0.0.1', port: 0, rendererDir: dir });
    cleanups.push(() => host.close());

    // the client: logs in, opens the API, reads frames — and acknowledges only when told to
    const origin = new URL(host.url).origin;
    const cookie = await new Promise<string>((resolve) => get(host.url, (r) => (r.resume(), resolve(String(r.headers['set-cookie']).split(';')[0]!))));
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { cookie, origin } });
    cleanups.push(() => ws.close());
    const frames: EventFrame[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WsServerFrame;
      if (frame.kind === 'events') frames.push(frame);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const ack = (frame: EventFrame) => ws.send(JSON.stringify({ kind: 'ack', seq: frame.seq }));

    const profile = await services.handlers.createProfile({
      ...DEFAULT_PROFILE_SETTINGS, name: 'burst', port: smsc.port, systemId: 'acct', bindMode: 'receiver', enquireLinkIntervalMs: 0,
    });
    await services.handlers.connect({ profileId: profile.id });
    smsc.sockets[0]!.write(Buffer.from('00000010000000150000000000000001', 'hex')); // an enquire_link: the script learns its socket
    await waitFor(() => smscSide);
    // let the start-up frames arrive, acknowledge them: from here the client is up to date and then goes silent
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const frame of frames) ack(frame);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const silentFrom = frames.length;
    const lastSeen = frames.flatMap((f) => f.events.trace?.rows ?? []).at(-1)?.id ?? 0;

    let maxPendingRows = 0;
    const watch = setInterval(() => {
      for (const pending of services.pipeline.pending()) maxPendingRows = Math.max(maxPendingRows, pending.rows + pending.updates);
    }, 20);
    cleanups.push(() => clearInterval(watch));
    for (let seq = 100; seq < 100 + BURST; seq += 1) {
      smscSide!.send({ command: 'deliver_sm', sequenceNumber: seq, fields: { source_addr: '1', destination_addr: '2', short_message: Buffer.from(`MO ${seq}`) } });
      if (seq % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => answered === BURST, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(watch);

    // two frames without an acknowledgement, then nothing; main kept at most its caps for this client
    expect(frames.length - silentFrom).toBeLessThanOrEqual(DEFAULT_LIMITS.maxInFlight);
    expect(maxPendingRows).toBeLessThanOrEqual(2 * DEFAULT_LIMITS.maxPendingRows);
    expect(maxPendingRows).toBeGreaterThan(DEFAULT_LIMITS.maxPendingRows / 2);

    // the client comes back: it acknowledges, and the next frame says how much it skipped
    for (const frame of frames.slice(silentFrom)) ack(frame);
    const resumed = await waitFor(() => frames.slice(silentFrom).find((f) => (f.events.trace?.skipped ?? 0) > 0));
    const received: TraceSummary[] = frames.slice(silentFrom).flatMap((f) => f.events.trace?.rows ?? []);
    const firstAfterGap = resumed.events.trace!.rows[0]!;
    // it pages what it skipped from the store: every row between what it had and what it was sent next
    const paged: TraceSummary[] = [];
    let after = Math.max(lastSeen, ...received.filter((r) => r.id < firstAfterGap.id).map((r) => r.id));
    for (;;) {
      const page = await services.handlers.traceAfter({ filter: {}, afterId: after, limit: 5000 });
      const before = page.filter((r) => r.id < firstAfterGap.id);
      paged.push(...before);
      if (before.length < page.length || page.length === 0) break;
      after = page.at(-1)!.id;
    }
    const ids = [...received.filter((r) => r.id < firstAfterGap.id), ...paged].map((r) => r.id).sort((a, b) => a - b);
    expect(ids[0]).toBe(lastSeen + 1);
    expect(ids.at(-1)).toBe(firstAfterGap.id - 1);
    expect(new Set(ids).size).toBe(firstAfterGap.id - 1 - lastSeen);
    expect(paged.filter((r) => r.commandName === 'deliver_sm').length).toBeGreaterThan(1000);
  });
});
