// The trace store at a million PDUs, through the same worker and messages the app uses: how long a filter's count
// takes (command + status, message_id, errors only, free text), how long a screenful takes at random offsets, and
// how many records a second go through capture → store → UI batches, with the capture hot path's share of the
// main thread. Figures only (targets: a filter under 1 s, a page under 50 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { EventPipeline } from '../electron/core/api/event-pipeline';
import { ConsoleEventBus } from '../electron/core/api/event-bus';
import { consoleDiagnostics } from '../electron/core/diagnostics/console-diagnostics';
import { decodePdu, encodePdu } from '../electron/core/smpp/pdu-codec';
import { DATABASE_FILE } from '../electron/core/store/database';
import { openTraceDatabase, TraceDb, type TraceRecord } from '../electron/core/trace/store/trace-db';
import { TraceStore } from '../electron/core/trace/store/trace-store-client';
import { TraceHub } from '../electron/core/trace/trace-hub';
import type { TraceFilter } from '../shared/trace-filter';
import { percentile, report, round1 } from './figures';

const ROWS = Number(process.env.BENCH_TRACE_ROWS ?? 1_000_000);
const CAPTURE = Number(process.env.BENCH_CAPTURE_RECORDS ?? 200_000);
const COMMANDS = ['submit_sm', 'submit_sm_resp', 'deliver_sm', 'deliver_sm_resp', 'enquire_link', 'enquire_link_resp'];

function seeded(id: number): TraceRecord {
  const command = COMMANDS[id % COMMANDS.length]!;
  const response = command.endsWith('_resp');
  return {
    id, sessionId: `s${id % 3}`, time: 1_796_000_000_000 + id, direction: response ? 'in' : 'out', commandId: 0, commandName: command,
    commandStatus: response && id % 97 === 0 ? 0x58 : 0, statusName: '', sequenceNumber: id % 100_000, length: 60,
    summary: `4477009${String(id % 1000).padStart(3, '0')} → 100 dc=0 "MO ${id}"`, problem: null,
    smscMessageId: command === 'submit_sm_resp' ? id.toString(16) : null, sourceAddr: response ? null : `4477009${id % 1000}`,
    destinationAddr: response ? null : '100', requestId: response ? id - 1 : null, responseId: null, outcome: null,
    responseStatus: null, responseStatusName: null, rttMs: response ? (id % 5000) / 10 : null, bytes: new Uint8Array(60),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function traceQueryFigures(json: boolean, workerUrl: URL): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-trace-'));
  try {
    const seedDb = openTraceDatabase(dataDir, 'NORMAL');
    const seed = new TraceDb(seedDb);
    for (let start = 1; start <= ROWS; start += 20_000) {
      seed.append(Array.from({ length: Math.min(20_000, ROWS - start + 1) }, (_, i) => ({ record: seeded(start + i) })));
    }
    seedDb.close();
    const { diagnostics, health } = consoleDiagnostics(null);
    const { store } = await TraceStore.start({
      dataDir, retainRecords: 10 * ROWS, mainDatabaseFile: join(dataDir, DATABASE_FILE), health, diagnostics, onPruned: () => undefined, workerUrl,
    });
    const filters: Array<[string, TraceFilter]> = [
      ['command + status', { commands: ['submit_sm_resp'], status: { kind: 'equals', value: 0x58 } }],
      ['message_id', { smscMessageId: (777_781).toString(16) }],
      ['errors only', { status: { kind: 'errors' } }],
      ['a command (a third of the rows)', { commands: ['submit_sm', 'submit_sm_resp'] }],
      ['free text (full scan)', { text: 'MO 4242' }],
    ];
    const figures = [];
    const lines: string[] = [];
    for (const [label, filter] of filters) {
      const { ms, value } = await timed(() => store.request({ op: 'count', filter, sort: 'time' }));
      const pages: number[] = [];
      for (let i = 0; i < 20 && value.total > 0; i += 1) {
        const offset = Math.floor(Math.random() * Math.max(1, value.total - 50));
        pages.push((await timed(() => store.request({ op: 'page', filter, sort: 'time', snapshotId: value.snapshotId, offset, limit: 50 }))).ms);
      }
      figures.push({ name: `filter count over ${ROWS} PDUs: ${label}`, value: round1(ms), unit: 'ms', matches: value.total });
      figures.push({ name: `page of 50 at a random offset: ${label}`, value: round1(pages.length ? percentile(pages, 0.5) : 0), unit: 'ms p50', max: round1(pages.length ? Math.max(...pages) : 0) });
      lines.push(`  ${label}: count ${round1(ms)} ms (${value.total.toLocaleString('en')} match) · page p50 ${round1(percentile(pages.length ? pages : [0], 0.5))} ms, max ${round1(Math.max(0, ...pages))} ms`);
    }
    await store.close();
    health.stop();
    report(json, figures, `trace store, ${ROWS.toLocaleString('en')} PDUs (targets: filter < 1,000 ms, page < 50 ms):\n${lines.join('\n')}`);
    await captureFigures(json, dataDir, workerUrl);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Records through capture (TraceHub.record) → worker store → pipeline frames to a client that acknowledges. */
async function captureFigures(json: boolean, dataDir: string, workerUrl: URL): Promise<void> {
  const { diagnostics, health } = consoleDiagnostics(null);
  const { store, nextId } = await TraceStore.start({
    dataDir, retainRecords: 10 * ROWS, mainDatabaseFile: join(dataDir, DATABASE_FILE), health, diagnostics, onPruned: () => undefined, workerUrl,
  });
  const bus = new ConsoleEventBus();
  const pipeline = new EventPipeline(bus, diagnostics);
  // rows sent to the client, and rows it was told it skipped (a client that keeps up skips none)
  let framed = 0;
  let skipped = 0;
  const client = pipeline.attach({
    send: (frame) => {
      framed += frame.events.trace?.rows.length ?? 0;
      skipped += frame.events.trace?.skipped ?? 0;
      queueMicrotask(() => client.ack(frame.seq));
    },
  });
  const hub = new TraceHub({ store, nextId, diagnostics, onBatch: (batch) => bus.emit('trace', batch), onStats: () => undefined });
  // MO and its answer, as on a receiver's link: each deliver_sm is paired with its deliver_sm_resp.
  const pair = (sequenceNumber: number) => {
    const deliver = encodePdu({ command: 'deliver_sm', sequenceNumber, fields: { source_addr: '447700900001', destination_addr: '100', short_message: Buffer.from('MO burst') } });
    const answer = encodePdu({ command: 'deliver_sm_resp', sequenceNumber });
    return [
      { direction: 'in' as const, bytes: deliver, pdu: decodePdu(deliver).pdu, problem: null },
      { direction: 'out' as const, bytes: answer, pdu: decodePdu(answer).pdu, problem: null },
    ];
  };
  const pool = Array.from({ length: 1000 }, (_, i) => pair(i + 1)).flat();
  const sink = hub.sinkFor('bench');
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  let inRecord = 0;
  for (let i = 0; i < CAPTURE; i += 1) {
    const entry = pool[i % pool.length]!;
    const t = performance.now();
    sink.record(entry);
    inRecord += performance.now() - t;
    if (i % 1000 === 999) {
      // let batches, the store and frames run; a sustained rate is one the store keeps up with, so wait for it
      await new Promise((resolve) => setImmediate(resolve));
      while (store.backlog > 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  hub.flush();
  for (;;) {
    const { total } = await store.request({ op: 'count', filter: { sessionIds: ['bench'] }, sort: 'time' });
    if (total >= CAPTURE && framed + skipped >= CAPTURE) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const busy = performance.eventLoopUtilization(elu);
  const rate = Math.round(CAPTURE / seconds);
  const hotShare = Math.round((inRecord / (busy.active || 1)) * 100);
  pipeline.close();
  await hub.close();
  health.stop();
  report(
    json,
    [
      { name: 'records/s through capture → store (worker) → UI frames', value: rate, unit: 'records/s', records: CAPTURE, skippedByTheClient: skipped },
      { name: 'capture hot path per record (TraceHub.record, pairing included)', value: round1((inRecord / CAPTURE) * 1000), unit: 'µs' },
      { name: "capture hot path's share of the main thread's busy time", value: hotShare, unit: '%' },
      { name: 'main thread busy while capturing', value: Math.round(busy.utilization * 100), unit: '%' },
    ],
    `capture → store → UI: ${rate.toLocaleString('en')} records/s (${CAPTURE.toLocaleString('en')} deliver_sm and deliver_sm_resp; ${skipped} rows the UI client was told it skipped) · hot path ` +
      `${round1((inRecord / CAPTURE) * 1000)} µs/record = ${hotShare}% of the main thread's busy time (busy ${Math.round(busy.utilization * 100)}%)`,
  );
}
