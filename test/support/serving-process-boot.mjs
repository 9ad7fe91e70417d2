// `node serving-process-boot.mjs <data folder>`: a serving process for tests that must kill one. It loads
// serving-process-main.ts through Vite's module runner — the loader vitest itself uses — so the process runs the
// sources as they are, with no build step in between and no stale out/ to test by mistake.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = fileURLToPath(new URL('./serving-process-main.ts', import.meta.url));
const { module } = await runnerImport(main, { root, configFile: false, logLevel: 'error' });
await module.serve(process.argv[2]);
