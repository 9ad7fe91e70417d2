// A TraceHub over a real trace store (on this thread, or the built worker when asked) in a folder of the test's,
// and a way to read back everything a console stored.
import { join } from 'node:path';
import type { SessionTraceStats, TraceSummary } from '../../shared/contract';
import { consoleDiagnostics } from '../../electron/core/diagnostics/console-diagnostics';
import type { Services } from '../../electron/core/services';
import { DATABASE_FILE } from '../../electron/core/store/database';
import { TraceHub, type TraceBatch } from '../../electron/core/trace/trace-hub';
import { TraceStore } from '../../electron/core/trace/store/trace-store-client';

export interface TraceHubFixtureOptions {
  retainRecords?: number;
  ringSize?: number;
  workerUrl?: URL;
  onBatch?: (batch: TraceBatch) => void;
  onStats?: (stats: SessionTraceStats) => void;
  onPruned?: (lowestId: number) => void;
}

export async function startTraceHub(dataDir: string, options: TraceHubFixtureOptions = {}) {
  const { diagnostics, health } = consoleDiagnostics(join(dataDir, 'logs'));
  const { store, nextId } = await TraceStore.start({
    dataDir, retainRecords: options.retainRecords ?? 1_000_000, mainDatabaseFile: join(dataDir, DATABASE_FILE),
    health, diagnostics, onPruned: options.onPruned ?? (() => undefined),
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  const hub = new TraceHub({
    store, nextId, diagnostics, ...(options.ringSize ? { ringSize: options.ringSize } : {}),
    onBatch: options.onBatch ?? (() => undefined), onStats: options.onStats ?? (() => undefined),
  });
  return {
    hub, store, health, diagnostics,
    close: async () => {
      await hub.close();
      health.stop();
    },
  };
}

/** Every row the console's trace store holds (up to 5,000), oldest first. */
export async function storedTrace(services: Services): Promise<TraceSummary[]> {
  const { total, snapshotId } = await services.handlers.traceCount({ filter: {}, sort: 'time' });
  if (total === 0) return [];
  return services.handlers.tracePage({ filter: {}, sort: 'time', snapshotId, offset: Math.max(0, total - 5000), limit: 5000 });
}
