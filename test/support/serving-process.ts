// The console as a separate serving process on a data folder, for tests that crash it: `kill()` is SIGKILL — no
// handler runs, nothing is flushed — and a new one can be started on the same folder. Calls go over the
// child-process IPC channel as the contract's methods, through the same validation as either shell's.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallResult, ConsoleMethodName, ConsoleMethods } from '../../shared/contract';

const BOOT = fileURLToPath(new URL('./serving-process-boot.mjs', import.meta.url));
const STOP_TIMEOUT_MS = 5_000;

export interface ServingProcess {
  pid: number;
  call<M extends ConsoleMethodName>(method: M, payload: ConsoleMethods[M]['request']): Promise<ConsoleMethods[M]['response']>;
  /** SIGKILL; resolves with the signal the process died of once it is gone. */
  kill(): Promise<NodeJS.Signals | null>;
  /** Lets go of the process: it closes its services and exits (resolves with its exit code). */
  stop(): Promise<number | null>;
  output(): string;
}

export async function startServingProcess(dataDir: string, timeoutMs = 20_000): Promise<ServingProcess> {
  const child: ChildProcess = spawn(process.execPath, [BOOT, dataDir], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('error', (error) => (output += `\n[serving process] ${error.message}\n`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  child.on('message', (message: { id?: number; result?: CallResult }) => {
    const call = message.id === undefined ? undefined : pending.get(message.id);
    if (!call || !message.result) return;
    pending.delete(message.id!);
    if (message.result.ok) call.resolve(message.result.value);
    else call.reject(new Error(message.result.error.message));
  });
  void exited.then(({ code, signal }) => {
    for (const call of pending.values()) call.reject(new Error(`the serving process ended (${signal ?? code}) before answering`));
    pending.clear();
  });

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the serving process was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.on('message', (message: { ready?: number }) => {
      if (message.ready === undefined) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the serving process ended (${signal ?? code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: Error) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  return {
    pid: child.pid!,
    call: (method, payload) =>
      new Promise((resolve, reject) => {
        if (!child.connected) return reject(new Error(`the serving process is gone; ${method} not sent`));
        const id = (nextId += 1);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, method, payload });
      }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return (await exited).signal;
    },
    async stop() {
      if (child.connected) child.disconnect();
      // A process that does not close within a few seconds is not left behind either.
      const stuck = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const { code } = await exited;
      clearTimeout(stuck);
      return code;
    },
    output: () => output,
  };
}
