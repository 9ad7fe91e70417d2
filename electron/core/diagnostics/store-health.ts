// Whether the database takes writes, as the user must know it: a failed write is retried quietly at first
// ('retrying'); if the store stays down past FAILING_AFTER_MS the UI is told ('failing', a banner) with what is
// waiting and what was deferred. Nothing is dropped silently: trace records wait in memory (bounded; beyond the
// bound the count of those lost is shown), deliver_sm that could not be committed were answered ESME_RX_T_APPN
// so the SMSC sends them again.
import type { StoreHealth } from '../../../shared/contract';
import type { Diagnostics } from './diagnostics';

/** How long writes may keep failing before the UI shows it. */
export const FAILING_AFTER_MS = 2_000;
/** Counter changes while the store is down reach the UI at most this often. */
const PUBLISH_INTERVAL_MS = 250;

export class StoreHealthMonitor {
  private health: StoreHealth = healthy();
  private escalation: NodeJS.Timeout | null = null;
  private publishTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly publish: (health: StoreHealth) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): StoreHealth {
    return { ...this.health };
  }

  /** A write failed (it will be retried, or its sender will repeat it). */
  failed(error: unknown, where: string): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.health.state === 'ok') {
      this.health = { ...this.health, state: 'retrying', since: this.now(), lastError: message };
      this.diagnostics.report(error, { where });
      this.escalation = setTimeout(() => {
        this.escalation = null;
        if (this.health.state !== 'retrying') return;
        this.health = { ...this.health, state: 'failing' };
        this.diagnostics.info(`database writes still failing after ${FAILING_AFTER_MS} ms: ${this.health.lastError}`, { where });
        this.publishNow();
      }, FAILING_AFTER_MS);
      this.publishNow();
      return;
    }
    this.health.lastError = message;
    this.publishSoon();
  }

  /** A write went through: the store is back (what still waits is written by its owner's retry). */
  succeeded(): void {
    if (this.health.state === 'ok') return;
    if (this.escalation) clearTimeout(this.escalation);
    this.escalation = null;
    const { since, unsavedTraceRecords, droppedTraceRecords, deferredDeliveries } = this.health;
    this.diagnostics.info(
      `database writes work again after ${this.now() - (since ?? this.now())} ms` +
        ` (${deferredDeliveries} deliveries deferred to the SMSC, ${droppedTraceRecords} trace records lost)`,
      { where: 'database' },
    );
    // The counts of this episode stay visible until the next one: a user who missed the banner sees them in the log.
    this.health = { ...healthy(), unsavedTraceRecords };
    this.publishNow();
  }

  setUnsavedTraceRecords(count: number): void {
    if (this.health.unsavedTraceRecords === count) return;
    this.health.unsavedTraceRecords = count;
    if (this.health.state !== 'ok' || count === 0) this.publishSoon();
  }

  traceRecordsDropped(count: number): void {
    if (this.health.droppedTraceRecords === 0) {
      this.diagnostics.info(`trace records lost: the trace store fell further behind (or stayed down longer) than memory holds (${count} so far)`, { where: 'storing trace records' });
    }
    this.health.droppedTraceRecords += count;
    this.publishSoon();
  }

  deliveryDeferred(): void {
    this.health.deferredDeliveries += 1;
    this.publishSoon();
  }

  stop(): void {
    if (this.escalation) clearTimeout(this.escalation);
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.escalation = this.publishTimer = null;
  }

  private publishNow(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    this.publish(this.current);
  }

  private publishSoon(): void {
    this.publishTimer ??= setTimeout(() => this.publishNow(), PUBLISH_INTERVAL_MS);
  }
}

function healthy(): StoreHealth {
  return { state: 'ok', since: null, lastError: null, unsavedTraceRecords: 0, droppedTraceRecords: 0, deferredDeliveries: 0 };
}
