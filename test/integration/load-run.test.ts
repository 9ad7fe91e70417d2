// Load runs through the whole console (createServices) on real sockets and a real database: the rate held over
// 30 s with every message accounted for and every receipt matched — against the headless simulator in a process of
// its own, the trace store in its worker thread, as the app runs — a stop mid-run that leaves nothing 'submitting',
// a CSV with bad rows (inline and uploaded), and requests refused by name. This file runs alone (vitest.load.config.ts):
// a rate is only a rate when no other test shares the two cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadRunView, MessageView } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { createServices, type Services } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { spawnHeadlessSimulator } from '../support/headless-simulator';
import { waitFor } from '../support/simulator-fixture';

/** The figure: 2,000 messages/s for 30 s, within ±5 %. LOAD_TEST_RATE runs it at another. */
const RATE = Number(process.env.LOAD_TEST_RATE ?? 2_000);
const SECONDS = 30;
const TRACE_STORE_WORKER = new URL('../support/trace-store-worker-boot.mjs', import.meta.url);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * The console with a profile bound to the headless simulator (its default scenario: every submit_sm accepted, a
 * DELIVRD receipt after a short delay), with this window.
 */
async function consoleWithWindow(windowSize: number) {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-load-'));
  const smsc = await spawnHeadlessSimulator(['--port', '0', '--host', '127.0.0.1']);
  const services: Services = await createServices({
    dataDir: dir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 }, traceStoreWorker: TRACE_STORE_WORKER,
  });
  cleanups.push(async () => {
    await services.close();
    await smsc.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  const profile = await services.handlers.createProfile({
    ...DEFAULT_PROFILE_SETTINGS, name: 'headless simulator', port: smsc.port, systemId: 'load-test', windowSize, enquireLinkIntervalMs: 0,
  });
  const session = await services.handlers.connect({ profileId: profile.id });
  const events: LoadRunView[] = [];
  services.events.on('loadRun', (view) => events.push(view));
  const latest = () => events.at(-1);
  return { services, session, events, latest };
}

/** Every stored message of the console, paging back through Sent. */
async function allMessages(services: Services): Promise<MessageView[]> {
  const all: MessageView[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await services.handlers.listMessages({ limit: 5_000, ...(last ? { before: { submittedAt: last.submittedAt, id: last.id } } : {}) });
    all.push(...page);
    if (page.length < 5_000) return all;
  }
}

const settled = (view: LoadRunView | undefined) => view?.state === 'done' && view.summary.awaitingReceipts === 0;

describe('load runs', () => {
  it(`holds ${RATE} messages/s for ${SECONDS} s with every message and receipt accounted for`, { timeout: (SECONDS + 60) * 1000 }, async () => {
    const { services, session, events, latest } = await consoleWithWindow(100);
    const count = RATE * SECONDS;
    const started = await services.handlers.startLoad({
      sessionIds: [session.id], ratePerSecond: RATE,
      source: { kind: 'count', count, sourceAddr: '12345', destinationAddr: '447700900123', text: 'Load run message' },
    });
    expect(started).toMatchObject({ state: 'running', summary: { planned: count } });
    await waitFor(() => settled(latest()), (SECONDS + 45) * 1000);
    const view = (await services.handlers.loadStatus({ runId: started.id }))!;
    const { summary } = view;

    // The rate, measured over the run: sent / the time spent sending.
    expect(summary.sent).toBe(count);
    expect(Math.abs(summary.achievedRate - RATE) / RATE).toBeLessThanOrEqual(0.05);
    expect(Math.abs(count / (view.sendingMs / 1000) - RATE) / RATE).toBeLessThanOrEqual(0.05);
    // Every message accounted for: answered one way or the other, and every accepted one receipted.
    expect(summary.accepted + summary.failed).toBe(summary.sent);
    expect(summary.failed).toBe(0);
    expect(summary.receiptsByStat).toEqual([{ name: 'DELIVRD', count: summary.accepted }]);
    expect(view).toMatchObject({ state: 'done', endReason: 'completed', inFlight: 0 });
    expect(summary.latency?.count).toBeGreaterThan(count * 0.99);
    // Each one a normal message in the store, with its receipt matched there too.
    expect((await services.handlers.listCounts()).sent).toBe(count);
    const stored = await allMessages(services);
    expect(stored.filter((m) => m.state === 'DELIVRD')).toHaveLength(count);
    // The chart: one point per second of the run, each near the rate while sending.
    expect(view.points.length).toBeGreaterThanOrEqual(SECONDS);
    const steady = view.points.slice(2, SECONDS - 2).map((p) => p.submits);
    expect(Math.min(...steady)).toBeGreaterThan(RATE * 0.85);
    // Aggregated: a few events a second, never one per message.
    expect(events.length).toBeLessThan((SECONDS + 10) * 5);
    expect(events.every((e) => e.points.length <= 10)).toBe(true);
  });

  it('stops mid-run: no new submits, the ones in flight answer, nothing is left submitting', async () => {
    const { services, session, latest } = await consoleWithWindow(50);
    const started = await services.handlers.startLoad({
      sessionIds: [session.id], ratePerSecond: 400,
      source: { kind: 'count', count: 100_000, sourceAddr: '12345', destinationAddr: '447700900123', text: 'Stopped run' },
    });
    await waitFor(() => (latest()?.summary.sent ?? 0) > 300, 10_000);
    const stopping = await services.handlers.stopLoad({ runId: started.id });
    expect(stopping.state).not.toBe('running');
    expect(stopping.endReason).toBe('stopped');
    await waitFor(() => latest()?.state === 'done', 15_000);
    const { summary } = (await services.handlers.loadStatus({}))!;
    expect(summary.sent).toBeLessThan(100_000);
    expect(summary.accepted + summary.failed).toBe(summary.sent);
    const stored = await allMessages(services);
    expect(stored).toHaveLength(summary.sent);
    expect(stored.filter((m) => m.state === 'submitting')).toEqual([]);
    await waitFor(() => settled(latest()), 10_000);
  });

  it('sends a CSV\'s good rows, reports the bad ones by line, inline or uploaded', async () => {
    const { services, session, latest } = await consoleWithWindow(10);
    const csv = 'destination,text\n447700900001,"Hello, one"\n44770090000212345678901,too long\n447700900003,Three\n,none\n';
    const inline = await services.handlers.startLoad({ sessionIds: [session.id], ratePerSecond: 50, source: { kind: 'csv', csv, sourceAddr: '100' } });
    expect(inline.rowErrors).toEqual({
      total: 2,
      first: [
        { line: 3, message: 'destination: at most 20 characters (destination_addr is a C-Octet String of 21 octets with its NUL)' },
        { line: 5, message: 'destination: required' },
      ],
    });
    await waitFor(() => latest()?.id === inline.id && settled(latest()), 10_000);
    expect(latest()!.summary).toMatchObject({ planned: 2, sent: 2, accepted: 2, receipts: 2 });
    expect((await allMessages(services)).map((m) => [m.destinationAddr, m.text]).sort()).toEqual([
      ['447700900001', 'Hello, one'],
      ['447700900003', 'Three'],
    ]);

    const { uploadId } = await services.handlers.uploadCapture({
      uploadId: null, fileName: 'numbers.csv', offset: 0, base64: Buffer.from('447700900004,Four\n447700900005,Five\n').toString('base64'), last: true,
    });
    const uploaded = await services.handlers.startLoad({ sessionIds: [session.id], ratePerSecond: 50, source: { kind: 'csvUpload', uploadId, sourceAddr: '100' } });
    expect(uploaded.source).toEqual({ kind: 'csv', fileName: 'numbers.csv' });
    await waitFor(() => latest()?.id === uploaded.id && settled(latest()), 10_000);
    expect(latest()!.summary).toMatchObject({ sent: 2, accepted: 2, receiptsByStat: [{ name: 'DELIVRD', count: 2 }] });
  });

  it('refuses a request it cannot run, naming the field and the limit', async () => {
    const { services, session } = await consoleWithWindow(10);
    const source = { kind: 'count', count: 10, sourceAddr: '1', destinationAddr: '447700900123', text: 'x' } as const;
    const call = (payload: unknown) => services.call('startLoad', payload);
    expect(await call({ sessionIds: [session.id], ratePerSecond: 0, source })).toEqual({ ok: false, error: { message: 'Rate: 1 message/s at least', field: 'ratePerSecond' } });
    expect(await call({ sessionIds: [session.id], ratePerSecond: 10, source: { ...source, count: 2_000_000 } })).toEqual({
      ok: false, error: { message: 'Messages: at most 1,000,000 in one run', field: 'source.count' },
    });
    expect(await call({ sessionIds: [], ratePerSecond: 10, source })).toMatchObject({ ok: false, error: { message: 'Sessions: choose one at least', field: 'sessionIds' } });
    expect(await call({ sessionIds: [session.id], ratePerSecond: 10, source: { ...source, destinationAddr: '1 2' } })).toMatchObject({
      ok: false, error: { field: 'source.destinationAddr', message: 'Destination address: one address for a load run' },
    });
    expect(await call({ sessionIds: ['nope'], ratePerSecond: 10, source })).toMatchObject({ ok: false, error: { message: 'Sessions: no session nope', field: 'sessionIds.0' } });
    expect(await call({ sessionIds: [session.id], ratePerSecond: 10, source: { kind: 'csv', csv: 'x,y,z\n', sourceAddr: '1' } })).toMatchObject({
      ok: false, error: { field: 'source.csv', message: 'CSV file: no row to send — 1 bad (line 1: expected destination,text — found 3 fields (quote a text that holds commas: "like, this"))' },
    });
    const running = await call({ sessionIds: [session.id], ratePerSecond: 1, source: { ...source, count: 1_000 } });
    expect(running.ok).toBe(true);
    expect(await call({ sessionIds: [session.id], ratePerSecond: 10, source })).toMatchObject({ ok: false, error: { field: 'sessionIds', message: 'Sessions: a load run is running; stop it first' } });
    // Its only session closed for good: the run ends by itself, and a closed session is refused by name.
    await services.handlers.disconnect({ sessionId: session.id });
    await waitFor(async () => (await services.handlers.loadStatus({}))?.state === 'done');
    expect((await services.handlers.loadStatus({}))!.endReason).toBe('sessions-gone');
    expect(await call({ sessionIds: [session.id], ratePerSecond: 10, source })).toEqual({
      ok: false, error: { field: 'sessionIds.0', message: 'Sessions: headless simulator is closed; bind it first' },
    });
  });
});
