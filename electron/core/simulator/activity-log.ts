// What the simulator did, newest few hundred kept for its status (and written to stdout by the headless runner).
// Session events (connect, bind, refusal, unbind, close, actions) are always kept; message events (accepted,
// rejected, throttled, receipts, MO) are kept up to a budget a second, and what passed the budget is said in one
// line: a load test must not turn the log into the bottleneck.
import type { SimulatorActivity } from '../../../shared/contract';

export interface ActivityLogOptions {
  keep?: number;
  messagesPerSecond?: number;
  onEntry?: (entry: SimulatorActivity) => void;
  /** The clock (tests pin it). */
  now?: () => number;
}

export class ActivityLog {
  private entries: SimulatorActivity[] = [];
  private readonly keep: number;
  private readonly budget: number;
  private second = 0;
  private usedThisSecond = 0;
  private suppressed = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ActivityLogOptions = {}) {
    this.keep = options.keep ?? 500;
    this.budget = options.messagesPerSecond ?? 50;
    this.now = options.now ?? Date.now;
  }

  /** A session-level event: always kept. */
  note(sessionId: string | null, text: string): void {
    this.add({ at: this.now(), sessionId, text });
  }

  /** A message-level event: kept while this second's budget lasts, else counted (the text is only built if kept). */
  message(sessionId: string | null, text: string | (() => string)): void {
    const now = this.now();
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.flushSuppressed();
      this.second = second;
      this.usedThisSecond = 0;
    }
    if (this.usedThisSecond < this.budget) {
      this.usedThisSecond += 1;
      this.add({ at: now, sessionId, text: typeof text === 'string' ? text : text() });
      return;
    }
    this.suppressed += 1;
    this.flushTimer ??= setTimeout(() => this.flushSuppressed(), 1000).unref();
  }

  recent(limit = this.keep): SimulatorActivity[] {
    return this.entries.slice(-limit);
  }

  close(): void {
    this.flushSuppressed();
  }

  private flushSuppressed(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.suppressed === 0) return;
    const count = this.suppressed;
    this.suppressed = 0;
    this.add({ at: this.now(), sessionId: null, text: `… and ${count.toLocaleString('en')} more message events in that second (not listed one by one)` });
  }

  private add(entry: SimulatorActivity): void {
    this.entries.push(entry);
    if (this.entries.length >= this.keep * 2) this.entries = this.entries.slice(-this.keep);
    this.options.onEntry?.(entry);
  }
}
