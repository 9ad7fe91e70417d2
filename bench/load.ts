// The load sender's ceiling: the whole console (createServices, trace on, its store in the worker thread, every
// message a normal message committed and matched to its receipt) against a simulator in another process. The target
// rate steps up until the achieved rate falls below 95 % of it; the highest step still held is the figure. Each step
// waits for its receipts, so "held" also means every receipt matched. BENCH_LOAD=0 leaves this part out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadRunView } from '../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../shared/profile-defaults';
import { FINAL_RECEIPT_STATS } from '../electron/core/load/load-receipts';
import { createServices, type Services } from '../electron/core/services';
import { MemorySecretStore } from '../electron/core/store/secret-store';
import { report, round1, type Figure } from './figures';
import type { HeadlessSimulator } from '../test/support/headless-simulator';

/** Seconds each step sends for. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
/** The profile's window: the in-flight bound of the run. */
const WINDOW = Number(process.env.BENCH_LOAD_WINDOW ?? 500);
const SESSIONS = Number(process.env.BENCH_LOAD_SESSIONS ?? 1);
const RATES = (process.env.BENCH_LOAD_RATES ?? '1000,1500,2000,2500,3000,4000,5000,7500,10000,15000,20000,30000').split(',').map(Number);
/** How long a step waits for its last receipts after its last answer. */
const RECEIPT_WAIT_MS = 30_000;
const HELD = 0.95;

interface Step {
  target: number;
  achieved: number;
  sent: number;
  accepted: number;
  failed: number;
  receipts: number;
  p50: number | null;
  p99: number | null;
}

export async function loadFigures(json: boolean, startSimulator: () => Promise<HeadlessSimulator>, traceWorker: URL): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-load-'));
  const simulator = await startSimulator();
  const { port } = simulator;
  const services = await createServices({ dataDir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 }, traceStoreWorker: traceWorker });
  const steps: Step[] = [];
  try {
    const profile = await services.handlers.createProfile({
      ...DEFAULT_PROFILE_SETTINGS, name: 'bench load', port, systemId: 'bench-load', windowSize: WINDOW, enquireLinkIntervalMs: 0, responseTimeoutMs: 30_000,
    });
    const sessionIds: string[] = [];
    for (let i = 0; i < SESSIONS; i += 1) sessionIds.push((await services.handlers.connect({ profileId: profile.id, secondBind: i > 0 })).id);
    for (const target of RATES) {
      const step = await runStep(services, sessionIds, target);
      steps.push(step);
      if (step.achieved < target * HELD || step.receipts < step.accepted || step.failed > 0) break;
    }
  } finally {
    await services.close();
    await simulator.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  const held = steps.filter((s) => s.achieved >= s.target * HELD && s.receipts === s.accepted && s.failed === 0);
  const best = held.at(-1);
  const figures: Figure[] = steps.map((s) => ({
    name: 'load run, achieved messages/s', value: s.achieved, unit: 'messages/s', target: s.target, sent: s.sent, accepted: s.accepted,
    failed: s.failed, receiptsMatched: s.receipts, p50Ms: s.p50 ?? -1, p99Ms: s.p99 ?? -1, window: WINDOW, sessions: SESSIONS,
  }));
  figures.push({ name: 'load run, highest rate held (≥ 95 % of target, every receipt matched)', value: best?.achieved ?? 0, unit: 'messages/s', target: best?.target ?? 0 });
  const lines = steps.map(
    (s) =>
      `  target ${s.target.toLocaleString('en')}/s: achieved ${s.achieved.toLocaleString('en')}/s · ${s.accepted.toLocaleString('en')} accepted, ` +
      `${s.failed} failed, ${s.receipts.toLocaleString('en')} receipts matched · submit_sm_resp p50 ${s.p50 ?? '–'} ms, p99 ${s.p99 ?? '–'} ms`,
  );
  report(
    json,
    figures,
    [
      `load sender (window ${WINDOW}, ${SESSIONS} session${SESSIONS > 1 ? 's' : ''}, ${SECONDS} s a step, trace on, simulator in another process): ` +
        `highest rate held ${best ? `${best.achieved.toLocaleString('en')} messages/s (target ${best.target.toLocaleString('en')})` : 'none'}`,
      ...lines,
    ].join('\n'),
  );
}

async function runStep(services: Services, sessionIds: string[], target: number): Promise<Step> {
  let latest: LoadRunView | null = null;
  const listener = (view: LoadRunView) => (latest = view);
  services.events.on('loadRun', listener);
  try {
    const started = await services.handlers.startLoad({
      sessionIds, ratePerSecond: target,
      source: { kind: 'count', count: Math.round(target * SECONDS), sourceAddr: '12345', destinationAddr: '447700900123', text: 'Load benchmark message' },
    });
    const deadline = Date.now() + SECONDS * 1000 * 10 + RECEIPT_WAIT_MS;
    const settled = (view: LoadRunView | null) => view !== null && view.id === started.id && view.state === 'done' && view.summary.awaitingReceipts === 0;
    while (!settled(latest) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // Past the deadline the step counts what it has (receipts missing show as fewer matched).
    if (!settled(latest)) await services.handlers.stopLoad({ runId: started.id });
    const view = (await services.handlers.loadStatus({ runId: started.id }))!;
    const { summary } = view;
    return {
      target, achieved: round1(summary.achievedRate), sent: summary.sent, accepted: summary.accepted, failed: summary.failed,
      receipts: summary.receiptsByStat.reduce((sum, r) => sum + (FINAL_RECEIPT_STATS.has(r.name) ? r.count : 0), 0),
      p50: summary.latency?.p50 ?? null, p99: summary.latency?.p99 ?? null,
    };
  } finally {
    services.events.off('loadRun', listener);
  }
}
