// `npm run bench [-- --json]`: submit_sm throughput of a core ESME session against the built-in simulator
// running in another process, with full trace capture on (every PDU's bytes into the database), at window
// 1, 10 and 100 — beside the `smpp` package's own Session doing the same against the same simulator, and the
// ratio. Then deliver_sm acknowledged per second through the whole console with every commit fsync'd
// (synchronous=FULL, grouped) against NORMAL: the price of durability. Each figure is the median of BENCH_RUNS
// runs. Then the trace store, the burst, capture files, the inbox, and the load sender's highest held rate
// (bench/load.ts). It asserts nothing: targets are read by people, never by timed tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleDiagnostics } from '../electron/core/diagnostics/console-diagnostics';
import { EsmeSession } from '../electron/core/smpp/esme-session';
import { deliverRate, runDelivererChild } from './deliver-rate';
import { median } from './figures';
import { traceBurstFigures } from './trace-burst';
import { traceFileFigures } from './trace-files';
import { traceQueryFigures } from './trace-queries';
import { inboxFigures } from './inbox';
import { loadFigures } from './load';
import { spawnHeadlessSimulator, type HeadlessSimulator } from '../test/support/headless-simulator';
import { DATABASE_FILE } from '../electron/core/store/database';
import { TraceStore } from '../electron/core/trace/store/trace-store-client';
import { traceStoreWorkerUrl } from '../electron/core/trace/store/worker-url';
import { DEFAULT_TRACE_RETENTION, TraceHub } from '../electron/core/trace/trace-hub';
import * as smpp from 'smpp';
import { encodeGsm7 } from '../shared/text-codec';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_COMPARE=0 leaves the smpp package out (for profiling the console alone). */
const COMPARE = process.env.BENCH_COMPARE !== '0';
const WINDOWS = (process.env.BENCH_WINDOWS ?? '1,10,100').split(',').filter(Boolean).map(Number);
/** deliver_sm per durability run; BENCH_DELIVERIES=0 leaves that part out. */
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 10_000);
/** The built trace store worker beside this bench (out/main): trace writes run off the main thread, as in the app. */
export const TRACE_WORKER = traceStoreWorkerUrl(new URL('./trace-store-worker.js', import.meta.url));

/**
 * The SMSC of the engine and load figures: the headless simulator (`npm run simulator`, built beside this bench) in
 * a process of its own with its default scenario.
 */
async function startSimulatorProcess(): Promise<HeadlessSimulator> {
  return spawnHeadlessSimulator(['--port', '0', '--host', '127.0.0.1'], 20_000, fileURLToPath(new URL('./simulator.js', import.meta.url)));
}

async function submitRate(port: number, windowSize: number, hub: TraceHub): Promise<number> {
  const session = new EsmeSession({
    host: '127.0.0.1', port, bindMode: 'transceiver', systemId: 'bench', password: '', systemType: '',
    interfaceVersion: 0x34, addrTon: 0, addrNpi: 0, addressRange: '', enquireLinkIntervalMs: 0,
    responseTimeoutMs: 30_000, windowSize, trace: hub.sinkFor(`bench-w${windowSize}`), onDeliver: async () => 0,
    onError: (error, where) => console.error(`bench: ${where}: ${String(error)}`),
  });
  await session.open();
  const rate = await submitsPerSecond(windowSize, async () => {
    const response = await session.request('submit_sm', SUBMIT_FIELDS);
    if (response.commandStatus !== 0) throw new Error(`submit_sm_resp ${response.commandStatus}`);
  });
  await session.close();
  hub.flush();
  return rate;
}

const SUBMIT_FIELDS = {
  source_addr: '12345', destination_addr: '447700900123', data_coding: 0, short_message: Buffer.from(encodeGsm7('Benchmark message, GSM 03.38')),
};

/** MESSAGES submits by windowSize workers, each waiting for its response before the next: the window stays full. */
async function submitsPerSecond(windowSize: number, submitOne: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  let sent = 0;
  await Promise.all(
    Array.from({ length: windowSize }, async () => {
      while (sent < MESSAGES) {
        sent += 1;
        await submitOne();
      }
    }),
  );
  return MESSAGES / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** The same load through the smpp package's Session (its own framing, codec and callbacks; no trace). */
async function packageSubmitRate(port: number, windowSize: number): Promise<number> {
  const session = smpp.connect({ host: '127.0.0.1', port });
  session.on('error', (error: Error) => console.error(`smpp package session: ${error.message}`));
  const call = (command: string, options: Record<string, unknown>) =>
    new Promise<smpp.PDU>((resolve) => (session[command] as (o: unknown, cb: (pdu: smpp.PDU) => void) => void).call(session, options, resolve));
  await new Promise((resolve) => session.once('connect', resolve));
  const bound = await call('bind_transceiver', { system_id: 'bench-pkg', password: '' });
  if (bound.command_status !== 0) throw new Error(`package bind refused: ${bound.command_status}`);
  const rate = await submitsPerSecond(windowSize, async () => {
    const response = await call('submit_sm', SUBMIT_FIELDS);
    if (response.command_status !== 0) throw new Error(`package submit_sm_resp ${response.command_status}`);
  });
  await call('unbind', {});
  session.close();
  return rate;
}

async function main(): Promise<void> {
  const delivererAt = process.argv.indexOf('--deliverer');
  if (delivererAt >= 0) return runDelivererChild(Number(process.argv[delivererAt + 1]));
  const json = process.argv.includes('--json');
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-'));
  const { diagnostics, health } = consoleDiagnostics(null);
  const { store, nextId } = await TraceStore.start({
    dataDir, retainRecords: DEFAULT_TRACE_RETENTION, mainDatabaseFile: join(dataDir, DATABASE_FILE), health, diagnostics,
    onPruned: () => undefined, workerUrl: TRACE_WORKER,
  });
  const hub = new TraceHub({ store, nextId, diagnostics, onBatch: () => undefined, onStats: () => undefined });
  const simulator = await startSimulatorProcess();
  const { port } = simulator;
  // The simulator's own capacity as an SMSC for an outside client: what it answered the smpp package's Session.
  const served: Array<{ window: number; value: number }> = [];
  try {
    for (const windowSize of WINDOWS) {
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // alternate who goes first, so neither always meets a warmer machine
        const runOurs = async () => ours.push(await submitRate(port, windowSize, hub));
        const runTheirs = async () => (COMPARE ? theirs.push(await packageSubmitRate(port, windowSize)) : 0);
        if (run % 2 === 0) await runOurs().then(runTheirs);
        else await runTheirs().then(runOurs);
      }
      const core = Math.round(median(ours));
      const pkg = COMPARE ? Math.round(median(theirs)) : Number.NaN;
      const figures = [
        { name: 'submit_sm/s, core session, full trace capture', window: windowSize, value: core, unit: 'submit_sm/s' },
        { name: 'submit_sm/s, smpp package Session, no trace', window: windowSize, value: pkg, unit: 'submit_sm/s' },
        { name: 'ratio core / smpp package', window: windowSize, value: Math.round((core / pkg) * 100) / 100, unit: 'x' },
      ];
      if (json) for (const figure of figures) console.log(JSON.stringify({ ...figure, messages: MESSAGES, runs: RUNS }));
      else {
        console.log(
          `window ${String(windowSize).padStart(3)}: core ${core.toLocaleString('en')} submit_sm/s (trace on) · ` +
            `smpp package ${pkg.toLocaleString('en')} submit_sm/s · ratio ${figures[2]!.value.toFixed(2)} ` +
            `(median of ${RUNS} × ${MESSAGES.toLocaleString('en')} messages)`,
        );
      }
      if (COMPARE) served.push({ window: windowSize, value: pkg });
    }
    const capacity = 'headless simulator as an SMSC for an outside client (the smpp package\'s Session), submit_sm answered/s';
    if (json) for (const { window, value } of served) console.log(JSON.stringify({ name: capacity, window, value, unit: 'submit_sm/s', runs: RUNS }));
    else if (served.length > 0) console.log(`${capacity}: ${served.map((s) => `window ${s.window} ${s.value.toLocaleString('en')}`).join(' · ')}`);
  } finally {
    await simulator.stop('SIGTERM');
    await hub.close();
    health.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (DELIVERIES > 0) await durabilityFigures(json);
  if (process.env.BENCH_TRACE !== '0') await traceQueryFigures(json, TRACE_WORKER);
  if (process.env.BENCH_BURST !== '0') await traceBurstFigures(json);
  if (process.env.BENCH_FILES !== '0') await traceFileFigures(json, TRACE_WORKER);
  if (process.env.BENCH_INBOX !== '0') await inboxFigures(json);
  if (process.env.BENCH_LOAD !== '0') await loadFigures(json, startSimulatorProcess, TRACE_WORKER);
}

/** deliver_sm/s acknowledged after an fsync'd commit (FULL) against NORMAL, alternating which goes first. */
async function durabilityFigures(json: boolean): Promise<void> {
  const entry = fileURLToPath(import.meta.url);
  const rates: Record<'FULL' | 'NORMAL', number[]> = { FULL: [], NORMAL: [] };
  for (let run = 0; run < RUNS; run += 1) {
    const order: Array<'FULL' | 'NORMAL'> = run % 2 === 0 ? ['FULL', 'NORMAL'] : ['NORMAL', 'FULL'];
    for (const synchronous of order) rates[synchronous].push(await deliverRate(entry, DELIVERIES, synchronous, TRACE_WORKER));
  }
  const full = Math.round(median(rates.FULL));
  const normal = Math.round(median(rates.NORMAL));
  const figures = [
    { name: 'deliver_sm/s acknowledged after an fsync\'d commit (synchronous=FULL, grouped)', value: full, unit: 'deliver_sm/s' },
    { name: 'deliver_sm/s acknowledged, synchronous=NORMAL (not power-safe)', value: normal, unit: 'deliver_sm/s' },
    { name: 'durability cost FULL / NORMAL', value: Math.round((full / normal) * 100) / 100, unit: 'x' },
  ];
  if (json) for (const figure of figures) console.log(JSON.stringify({ ...figure, messages: DELIVERIES, runs: RUNS }));
  else {
    console.log(
      `deliver_sm: ${full.toLocaleString('en')}/s acknowledged after an fsync'd commit (FULL) · ${normal.toLocaleString('en')}/s with NORMAL · ` +
        `ratio ${figures[2]!.value.toFixed(2)} (median of ${RUNS} × ${DELIVERIES.toLocaleString('en')}, SMSC window 50)`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
