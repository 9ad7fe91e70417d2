// `npm run bench [-- --json]`: submit_sm throughput of a core ESME session against the built-in simulator
// running in another process, with full trace capture on (every PDU's bytes into the database), at window
// 1, 10 and 100. Prints figures; it asserts nothing (targets are read by people, not by timed tests).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EsmeSession } from '../electron/core/smpp/esme-session';
import { SmscSimulator } from '../electron/core/simulator/smsc-simulator';
import { openDatabase } from '../electron/core/store/database';
import { TraceRepo } from '../electron/core/store/trace-repo';
import { TraceHub } from '../electron/core/trace/trace-hub';
import { encodeGsm7 } from '../shared/text-codec';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const WINDOWS = [1, 10, 100];

async function runSimulatorChild(): Promise<void> {
  const simulator = new SmscSimulator({ host: '127.0.0.1', port: 0 });
  const { port } = await simulator.start();
  process.send?.({ port });
  process.on('disconnect', () => void simulator.stop().then(() => process.exit(0)));
}

async function startSimulatorProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--simulator'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
  });
  return { child, port };
}

async function submitRate(port: number, windowSize: number, hub: TraceHub): Promise<number> {
  const session = new EsmeSession({
    host: '127.0.0.1', port, bindMode: 'transceiver', systemId: 'bench', password: '', systemType: '',
    interfaceVersion: 0x34, addrTon: 0, addrNpi: 0, addressRange: '', enquireLinkIntervalMs: 0,
    responseTimeoutMs: 30_000, windowSize, trace: hub.sinkFor(`bench-w${windowSize}`), onDeliver: async () => 0,
  });
  await session.open();
  const shortMessage = Buffer.from(encodeGsm7('Benchmark message, GSM 03.38'));
  const fields = { source_addr: '12345', destination_addr: '447700900123', data_coding: 0, short_message: shortMessage };
  const started = process.hrtime.bigint();
  let sent = 0;
  // windowSize workers keep the window full; the tracker's window is the real limit either way.
  await Promise.all(
    Array.from({ length: windowSize }, async () => {
      while (sent < MESSAGES) {
        sent += 1;
        const response = await session.request('submit_sm', fields);
        if (response.commandStatus !== 0) throw new Error(`submit_sm_resp ${response.commandStatus}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await session.close();
  hub.flush();
  return MESSAGES / seconds;
}

async function main(): Promise<void> {
  if (process.argv.includes('--simulator')) return runSimulatorChild();
  const json = process.argv.includes('--json');
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-'));
  const db = openDatabase(dataDir);
  const hub = new TraceHub(new TraceRepo(db), { onBatch: () => undefined });
  const { child, port } = await startSimulatorProcess();
  try {
    for (const windowSize of WINDOWS) {
      const rate = await submitRate(port, windowSize, hub);
      const figure = { name: 'submit_sm per second, core session, trace on', window: windowSize, messages: MESSAGES, value: Math.round(rate), unit: 'submit_sm/s' };
      console.log(json ? JSON.stringify(figure) : `${figure.name}, window ${windowSize}: ${figure.value.toLocaleString('en')} submit_sm/s (${MESSAGES} messages)`);
    }
  } finally {
    child.disconnect();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
