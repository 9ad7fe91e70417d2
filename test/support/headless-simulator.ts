// The headless simulator as a process of its own (through headless-simulator-boot.mjs, or its build): its output,
// the address it printed, and how it ended.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BOOT = fileURLToPath(new URL('./headless-simulator-boot.mjs', import.meta.url));

export interface HeadlessSimulator {
  port: number;
  output(): string;
  errors(): string;
  /** Sends a signal and resolves with the exit code (or the signal, if it died of it). */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `entry`: the script to run — the sources through the boot (tests), or the built out/main/simulator.js, which is
 * what `npm run simulator` runs (the benchmark).
 */
export async function spawnHeadlessSimulator(args: string[], timeoutMs = 20_000, entry = BOOT): Promise<HeadlessSimulator> {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
    const check = () => {
      const match = /listening on [\d.]+:(\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    };
    child.stdout.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the simulator exited with ${code} before listening:\n${stdout}\n${stderr}`), { code, stderr }));
    });
  }).catch((error: Error) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  });
  return {
    port,
    output: () => stdout,
    errors: () => stderr,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const stuck = setTimeout(() => child.kill('SIGKILL'), 5000);
      const { code, signal: died } = await exited;
      clearTimeout(stuck);
      return code ?? died;
    },
  };
}
