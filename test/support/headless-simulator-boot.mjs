// `node headless-simulator-boot.mjs --scenario f.json --port P …`: the headless simulator's own entry
// (electron/simulator/index.ts) run from the sources through Vite's module runner, as `npm run simulator` runs its
// build: same arguments, same stdout, same signals and exit statuses.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../../electron/simulator/index.ts', import.meta.url));
await runnerImport(entry, { root, configFile: false, logLevel: 'error' });
