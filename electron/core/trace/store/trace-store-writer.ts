// Trace records on their way into the database, surviving a store that fails (disk full, locked by another
// writer): a batch that cannot be appended is held, in order, and retried with a growing delay; later batches
// queue behind it so the stored trace keeps its order. Memory stays bounded: past MAX_UNSAVED the oldest held
// records are let go and counted — shown in the banner and the log, never silently.
import type { TraceStoreItem } from './trace-db';

/** Records held while the store is down (≈ 300 bytes each with their bytes: tens of MB at most). */
export const MAX_UNSAVED = 100_000;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
/** Items appended per transaction when catching up. */
const CATCH_UP_CHUNK = 2_000;

/** What the writer tells about the store's health (the main side's StoreHealthMonitor, or a proxy to it). */
export interface TraceStoreHealth {
  failed(error: unknown, where: string): void;
  succeeded(): void;
  setUnsavedTraceRecords(count: number): void;
  traceRecordsDropped(count: number): void;
}

export interface TraceAppender {
  append(items: readonly TraceStoreItem[]): void;
  /** Keeps the newest `keep`; returns the lowest id kept. */
  prune(keep: number): number;
}

export interface TraceStoreWriterOptions {
  /** Records kept in the database; older ones are pruned (in steps of a tenth, never per PDU). */
  retainRecords: number;
  health: TraceStoreHealth;
  /** Told after a prune, with the lowest id kept (views over the store must re-count). */
  onPruned?: (lowestId: number) => void;
  maxUnsaved?: number;
}

export class TraceStoreWriter {
  private held: TraceStoreItem[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay = RETRY_MIN_MS;
  private sincePrune = 0;
  private readonly maxUnsaved: number;

  constructor(
    private readonly store: TraceAppender,
    private readonly options: TraceStoreWriterOptions,
  ) {
    this.maxUnsaved = options.maxUnsaved ?? MAX_UNSAVED;
  }

  get unsaved(): number {
    return this.held.length;
  }

  /** Appends a batch now, or holds it behind earlier ones until the store takes writes again. */
  write(batch: TraceStoreItem[]): void {
    if (this.held.length > 0) return this.hold(batch);
    try {
      this.append(batch);
      this.options.health.succeeded();
    } catch (error) {
      this.options.health.failed(error, 'storing trace records');
      this.hold(batch);
    }
  }

  /** Tries the held records once more now (at shutdown); what still fails is reported and counted. */
  drain(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.held.length === 0) return;
    this.retry();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.held.length > 0) {
      this.options.health.traceRecordsDropped(this.held.length);
      this.held = [];
      this.options.health.setUnsavedTraceRecords(0);
    }
  }

  private hold(batch: TraceStoreItem[]): void {
    this.held.push(...batch);
    const over = this.held.length - this.maxUnsaved;
    if (over > 0) {
      this.held.splice(0, over);
      this.options.health.traceRecordsDropped(over);
    }
    this.options.health.setUnsavedTraceRecords(this.held.length);
    this.retryTimer ??= setTimeout(() => this.retry(), this.retryDelay);
  }

  private retry(): void {
    this.retryTimer = null;
    try {
      while (this.held.length > 0) {
        const chunk = this.held.slice(0, CATCH_UP_CHUNK);
        this.append(chunk);
        this.held.splice(0, chunk.length);
      }
      this.retryDelay = RETRY_MIN_MS;
      this.options.health.succeeded();
    } catch (error) {
      this.options.health.failed(error, 'storing trace records');
      this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
      this.retryTimer = setTimeout(() => this.retry(), this.retryDelay);
    }
    this.options.health.setUnsavedTraceRecords(this.held.length);
  }

  private append(batch: TraceStoreItem[]): void {
    this.store.append(batch);
    this.sincePrune += batch.length;
    const retain = this.options.retainRecords;
    if (this.sincePrune >= Math.max(1, Math.floor(retain / 10))) {
      this.sincePrune = 0;
      this.options.onPruned?.(this.store.prune(retain));
    }
  }
}
