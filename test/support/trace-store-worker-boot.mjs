// The trace store's worker thread from the sources (electron/core/trace/store/trace-store-worker.ts) through Vite's
// module runner, as the app runs its build: tests that measure the console as it runs (the load run's rate) keep
// trace writes off their main thread as the app does. `new Worker(TRACE_STORE_WORKER_BOOT, { workerData })`.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../../electron/core/trace/store/trace-store-worker.ts', import.meta.url));
await runnerImport(entry, { root, configFile: false, logLevel: 'error' });
