// `npm run serve -- --port P --data-dir D [--sim-port S]`: the console for a browser, on 127.0.0.1. Prints one
// line with the URL (and its per-run token), serves until SIGINT/SIGTERM, then exits 0.
import { fileURLToPath } from 'node:url';
import { createServices } from '../core/services';
import { traceStoreWorkerUrl } from '../core/trace/store/worker-url';
import { BrowserHostSecretStore } from '../core/store/secret-store';
import { startBrowserHost } from './browser-host';
import { parseHostArgs } from './host-args';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const services = await createServices({
    dataDir: args.dataDir,
    // The browser host keeps passwords for this run only, unless the user asks it to remember one (design.md §5).
    secrets: new BrowserHostSecretStore(args.dataDir),
    simulator: { host: '127.0.0.1', port: args.simPort },
    traceStoreWorker: traceStoreWorkerUrl(new URL('./trace-store-worker.js', import.meta.url)),
  });
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startBrowserHost({ services, host: args.host, port: args.port, rendererDir });
  const sim = services.simulatorAddress;
  console.log(`SMPP Console: open ${host.url}  (simulator on ${sim.host}:${sim.port}, data in ${args.dataDir})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(`smpp-console: ${error.message}`);
  process.exit(1);
});
