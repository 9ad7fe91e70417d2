// Starts a console process that ends in the browser host (`out/main/serve.js` as `npm run serve` does, or
// `scripts/start.mjs` as `npm start` does) with a fresh data folder and free ports, waits for the line with the
// URL, and stops it with SIGTERM, reporting its exit code (the host must exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, then the data folder is removed unless keepData (to start again on it). */
  stop(options?: { keepData?: boolean }): Promise<number | null>;
}

const URL_LINE = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

/** `reuse`: a data folder a stopped host left (see `keepData`), to start the console again on it. */
export async function startBrowserHost(script = 'out/main/serve.js', simPort = 0, reuse?: { dataDir: string }): Promise<RunningHost> {
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'smpp-console-e2e-'));
  const child = spawn(process.execPath, [script, '--port', '0', '--sim-port', String(simPort), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (options: { keepData?: boolean } = {}) => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    return child.exitCode;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} printed no URL within 20 s:\n${output}`)), 20_000);
    child.stdout!.on('data', () => {
      const match = URL_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  }).catch(async (error: Error) => {
    await stop();
    throw error;
  });
  return { url, dataDir, process: child, output: () => output, stop };
}
