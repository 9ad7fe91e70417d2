// Capture files at scale, through the worker the app uses: a million stored PDUs (real PDUs, three sessions with
// recorded connections) exported to pcapng (target under 10 s), and that file — over 100 MB — imported back into
// a fresh trace (PDUs a second, end to end: parse, reassemble, frame, pair, store).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCapture } from '../electron/core/capture/capture-import';
import { consoleDiagnostics } from '../electron/core/diagnostics/console-diagnostics';
import { encodePdu } from '../electron/core/smpp/pdu-codec';
import { commandName, statusName } from '../electron/core/smpp/smpp-tables';
import { DATABASE_FILE } from '../electron/core/store/database';
import { openTraceDatabase, TraceDb, type TraceRecord } from '../electron/core/trace/store/trace-db';
import { TraceStore } from '../electron/core/trace/store/trace-store-client';
import { TraceHub } from '../electron/core/trace/trace-hub';
import { report, round1, type Figure } from './figures';

const ROWS = Number(process.env.BENCH_FILE_ROWS ?? 1_000_000);

/** A session's traffic as it really alternates: submit_sm out, its response in, a receipt in, its response out. */
function pool(): Array<{ bytes: Buffer; direction: 'in' | 'out' }> {
  const out: Array<{ bytes: Buffer; direction: 'in' | 'out' }> = [];
  for (let n = 1; n <= 500; n += 1) {
    out.push({ direction: 'out', bytes: encodePdu({ command: 'submit_sm', sequenceNumber: n, fields: { source_addr: '100', destination_addr: `4477009${String(n).padStart(5, '0')}`, registered_delivery: 1, short_message: Buffer.from(`Bench message ${n}`) } }) });
    out.push({ direction: 'in', bytes: encodePdu({ command: 'submit_sm_resp', sequenceNumber: n, fields: { message_id: n.toString(16).toUpperCase().padStart(10, '0') } }) });
    out.push({ direction: 'in', bytes: encodePdu({ command: 'deliver_sm', sequenceNumber: n, fields: { esm_class: 4, short_message: Buffer.from(`id:${n.toString(16).toUpperCase().padStart(10, '0')} sub:001 dlvrd:001 submit date:2612011200 done date:2612011200 stat:DELIVRD err:000 text:Bench`) } }) });
    out.push({ direction: 'out', bytes: encodePdu({ command: 'deliver_sm_resp', sequenceNumber: n }) });
  }
  return out;
}

export async function traceFileFigures(json: boolean, workerUrl: URL): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-files-'));
  try {
    const pdus = pool();
    const seedDb = openTraceDatabase(dataDir, 'NORMAL');
    const seed = new TraceDb(seedDb);
    for (const [i, session] of ['a', 'b', 'c'].entries()) {
      seed.rememberConnection({
        sessionId: session, firstId: 1, openedAt: 1_796_000_000_000, localAddress: '10.1.0.1', localPort: 40_000 + i,
        remoteAddress: '10.2.0.1', remotePort: 2775, initiator: 'local', tls: false,
      });
    }
    for (let start = 1; start <= ROWS; start += 20_000) {
      const records: Array<{ record: TraceRecord }> = [];
      for (let id = start; id < Math.min(start + 20_000, ROWS + 1); id += 1) {
        // Each session's rows keep their own order: session = id % 3, position in the pool = floor(id / 3).
        const { bytes, direction } = pdus[Math.floor(id / 3) % pdus.length]!;
        const commandId = bytes.readUInt32BE(4);
        records.push({
          record: {
            id, sessionId: ['a', 'b', 'c'][id % 3]!, time: 1_796_000_000_000 + id / 10, direction, commandId, commandName: commandName(commandId),
            commandStatus: 0, statusName: statusName(0), sequenceNumber: bytes.readUInt32BE(12), length: bytes.length, summary: '', problem: null,
            smscMessageId: null, sourceAddr: null, destinationAddr: null, requestId: null, responseId: null, outcome: null, responseStatus: null,
            responseStatusName: null, rttMs: null, bytes,
          },
        });
      }
      seed.append(records);
    }
    seedDb.close();

    const { diagnostics, health } = consoleDiagnostics(null);
    const start = (dir: string) => TraceStore.start({ dataDir: dir, retainRecords: 10 * ROWS, mainDatabaseFile: join(dir, DATABASE_FILE), health, diagnostics, onPruned: () => undefined, workerUrl });
    const { store } = await start(dataDir);
    const path = join(dataDir, 'bench.pcapng');
    let started = performance.now();
    const written = await store.request({ op: 'export', job: { scope: { kind: 'all' }, format: 'pcapng', path, alphabets: {} } });
    const exportSeconds = (performance.now() - started) / 1000;
    await store.close();
    const size = statSync(path).size;

    // Into a fresh trace, as Open capture… does.
    const importDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-import-'));
    try {
      const fresh = await start(importDir);
      const hub = new TraceHub({ store: fresh.store, nextId: fresh.nextId, diagnostics, onBatch: () => undefined, onStats: () => undefined });
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
      started = performance.now();
      const result = await importCapture(readFileSync(path), { hub, fileName: 'bench.pcapng', importId: 'bench', smppPorts: [] });
      hub.flush();
      while (fresh.store.backlog > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const { total } = await fresh.store.request({ op: 'count', filter: {}, sort: 'time' });
      const importSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      await hub.close();
      const figures: Figure[] = [
        { name: `export of ${ROWS} stored PDUs to pcapng`, value: round1(exportSeconds), unit: 's', pdus: written.records, octets: size },
        { name: `import of a ${Math.round(size / 1e6)} MB pcapng`, value: Math.round(result.pdus / importSeconds), unit: 'PDUs/s', seconds: round1(importSeconds), stored: total, rssPeakMb: Math.round(rssPeak / 1e6) },
      ];
      report(
        json,
        figures,
        `capture files (target: export of 1,000,000 PDUs < 10 s):\n` +
          `  export: ${written.records.toLocaleString('en')} PDUs to pcapng in ${round1(exportSeconds)} s (${Math.round(size / 1e6)} MB, ${Math.round(written.records / exportSeconds).toLocaleString('en')} PDUs/s)\n` +
          `  import: ${Math.round(size / 1e6)} MB, ${result.pdus.toLocaleString('en')} PDUs in ${result.streams} streams, ${round1(importSeconds)} s end to end = ${Math.round(result.pdus / importSeconds).toLocaleString('en')} PDUs/s (${total.toLocaleString('en')} stored; RSS peak ${Math.round(rssPeak / 1e6)} MB)` +
          (result.problems.length ? `\n  import problems: ${result.problems.join(' | ')}` : ''),
      );
    } finally {
      rmSync(importDir, { recursive: true, force: true });
    }
    health.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
