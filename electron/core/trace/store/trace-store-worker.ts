// Entry of the trace store's worker thread (built to out/main/trace-store-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import type { TraceStoreStart } from './trace-store-protocol';
import { serveTraceStore } from './trace-store-service';

if (!parentPort) throw new Error('trace-store-worker runs as a worker thread');
serveTraceStore(parentPort, workerData as TraceStoreStart);
