// The main side of the trace store: where records are sent (in capture order) and queries asked, whether the
// store runs in a worker thread (the app: `workerUrl` given) or on this thread over the same kind of port (tests).
// How it fails: the store's health reports go to the StoreHealthMonitor; a worker that dies is reported with its
// stack and every pending query is refused; records beyond what the store has not yet taken are bounded here —
// past MAX_IN_FLIGHT they wait in a local queue (MAX_WAITING), and past that the oldest are let go and counted.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Diagnostics } from '../../diagnostics/diagnostics';
import type { TraceConnection, TraceSessionInfo, TraceStoreItem } from './trace-db';
import {
  errorFrom,
  type FromStore,
  type StorePort,
  type StoreReplies,
  type StoreRequest,
  type ToStore,
  type TraceStoreStart,
} from './trace-store-protocol';
import { packTraceBatch } from './trace-batch-codec';
import { serveTraceStore } from './trace-store-service';
import type { TraceStoreHealth } from './trace-store-writer';

/** Records posted to the store and not yet taken (each batch is acknowledged once appended or held). */
const MAX_IN_FLIGHT = 50_000;
/** Records waiting here while the store is that far behind. */
const MAX_WAITING = 100_000;

export interface TraceStoreOptions extends TraceStoreStart {
  /** The built worker script; without it the store runs on this thread (tests import the sources). */
  workerUrl?: URL;
  health: TraceStoreHealth;
  diagnostics: Diagnostics;
  onPruned: (lowestId: number) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class TraceStore {
  private readonly pending = new Map<number, Pending>();
  private nextRequest = 1;
  private inFlight = 0;
  private waiting: TraceStoreItem[] = [];
  private waitingRecords = 0;
  private dead: Error | null = null;
  private closing: ((value: void) => void) | null = null;

  private constructor(
    private readonly port: StorePort,
    private readonly options: TraceStoreOptions,
    private readonly worker: Worker | null,
  ) {}

  /** Starts the store; resolves once it is ready, with the next trace id to give out. */
  static start(options: TraceStoreOptions): Promise<{ store: TraceStore; nextId: number }> {
    const { workerUrl, health: _health, diagnostics: _diagnostics, onPruned: _onPruned, ...start } = options;
    let port: StorePort;
    let worker: Worker | null = null;
    if (workerUrl) {
      worker = new Worker(workerUrl, { workerData: start });
      port = { postMessage: (m, transfer) => worker!.postMessage(m, transfer), on: (e, l) => worker!.on(e, l), close: () => void worker!.terminate() };
    } else {
      const channel = new MessageChannel();
      serveTraceStore(channel.port2, start);
      port = channel.port1;
    }
    const store = new TraceStore(port, options, worker);
    return new Promise((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        const message = raw as FromStore;
        if (message.type === 'ready') {
          if (message.imported > 0) options.diagnostics.info(`moved ${message.imported} trace records into the trace store's own file`, { where: 'trace store' });
          resolve({ store, nextId: message.nextId });
        } else if (message.type === 'failed-to-start') {
          reject(errorFrom(message.error));
        } else {
          store.receive(message);
        }
      };
      port.on('message', onMessage);
      worker?.once('error', (error) => reject(error));
      worker?.on('error', (error) => store.died(error));
      worker?.on('exit', (code) => {
        if (!store.closing) store.died(new Error(`the trace store's worker exited (code ${code})`));
      });
    });
  }

  /** Records sent to the store and not yet taken, plus those waiting here for it. */
  get backlog(): number {
    return this.inFlight + this.waitingRecords;
  }

  /** Items in capture order (`records` of them are rows); never blocks, never grows without bound. */
  append(items: TraceStoreItem[], records: number): void {
    if (this.dead) return this.options.health.traceRecordsDropped(records);
    if (this.inFlight + records <= MAX_IN_FLIGHT && this.waiting.length === 0) return this.post(items, records);
    this.waiting.push(...items);
    this.waitingRecords += records;
    if (this.waiting.length > MAX_WAITING) {
      const over = this.waiting.splice(0, this.waiting.length - MAX_WAITING);
      const lost = over.filter((item) => 'record' in item).length;
      this.waitingRecords -= lost;
      this.options.health.traceRecordsDropped(lost);
    }
  }

  rememberSession(info: TraceSessionInfo): void {
    if (!this.dead) this.port.postMessage({ type: 'session', info } satisfies ToStore);
  }

  rememberConnection(connection: TraceConnection): void {
    if (!this.dead) this.port.postMessage({ type: 'connection', connection } satisfies ToStore);
  }

  request<R extends StoreRequest>(request: R): Promise<StoreReplies[R['op']]> {
    if (this.dead) return Promise.reject(new Error(`the trace store is not running (${this.dead.message})`));
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.postMessage({ type: 'request', id, request } satisfies ToStore);
    });
  }

  /** Sends what waits, lets the store write what it holds, and stops it. */
  async close(): Promise<void> {
    if (this.dead) return;
    if (this.waiting.length > 0) this.post(this.waiting.splice(0), this.waitingRecords);
    await new Promise<void>((resolve) => {
      this.closing = resolve;
      this.port.postMessage({ type: 'close' } satisfies ToStore);
    });
    if (this.worker) await this.worker.terminate();
  }

  private post(items: TraceStoreItem[], records: number): void {
    this.inFlight += records;
    const { batch, transfer } = packTraceBatch(items);
    this.port.postMessage({ type: 'append', batch } satisfies ToStore, transfer);
  }

  private receive(message: FromStore): void {
    switch (message.type) {
      case 'reply': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(errorFrom(message.error));
        return;
      }
      case 'appended':
        this.inFlight -= message.records;
        if (this.waiting.length > 0 && this.inFlight < MAX_IN_FLIGHT / 2) {
          const items = this.waiting;
          const records = this.waitingRecords;
          this.waiting = [];
          this.waitingRecords = 0;
          this.post(items, records);
        }
        return;
      case 'health':
        if (message.call === 'failed') this.options.health.failed(errorFrom(message.error), message.where);
        else if (message.call === 'succeeded') this.options.health.succeeded();
        else if (message.call === 'unsaved') this.options.health.setUnsavedTraceRecords(message.count);
        else this.options.health.traceRecordsDropped(message.count);
        return;
      case 'pruned':
        this.options.onPruned(message.lowestId);
        return;
      case 'closed':
        this.port.close();
        this.closing?.();
        return;
      default:
        return;
    }
  }

  private died(error: Error): void {
    if (this.dead) return;
    this.dead = error;
    this.options.diagnostics.report(error, { where: 'trace store' });
    this.options.health.failed(error, 'trace store');
    for (const pending of this.pending.values()) pending.reject(new Error(`the trace store stopped: ${error.message}`));
    this.pending.clear();
    this.options.health.traceRecordsDropped(this.inFlight + this.waitingRecords);
    this.closing?.();
  }
}
