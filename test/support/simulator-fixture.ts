// Starts the built-in simulator on a free loopback port for one test file, and a core ESME session against it.
import { SmscSimulator, type SimulatorOptions } from '../../electron/core/simulator/smsc-simulator';
import { EsmeSession, type EsmeSessionOptions } from '../../electron/core/smpp/esme-session';
import type { WireRecord } from '../../electron/core/smpp/connection';

export async function startSimulator(options: Partial<SimulatorOptions> = {}): Promise<SmscSimulator> {
  const simulator = new SmscSimulator({ host: '127.0.0.1', port: 0, receiptDelayMs: 20, ...options });
  await simulator.start();
  return simulator;
}

/** A transceiver session with a trace that keeps every record (and every error it reports), for assertions. */
export function esmeSession(port: number, overrides: Partial<EsmeSessionOptions> = {}) {
  const wire: WireRecord[] = [];
  const errors: Array<{ error: unknown; where: string }> = [];
  const session = new EsmeSession({
    host: '127.0.0.1', port, bindMode: 'transceiver', systemId: 'test', password: 'pw', systemType: '',
    interfaceVersion: 0x34, addrTon: 0, addrNpi: 0, addressRange: '', enquireLinkIntervalMs: 0,
    responseTimeoutMs: 2000, windowSize: 10, trace: { record: (entry) => wire.push(entry) },
    onDeliver: async () => 0,
    onError: (error, where) => errors.push({ error, where }),
    ...overrides,
  });
  return { session, wire, errors };
}

/** Polls until check gives a truthy value (awaiting it when it is a promise), or fails after timeoutMs. */
export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
