// Receipts for a load run's messages, counted from the core 'message' events (each receipt changes its message's
// state): no query per message, and memory bounded however long the run. A receipt can be announced before the
// run has heard its own submit answer (both settle in one grouped commit), so a receipt state seen on the run's
// sessions for a message not known yet is kept, briefly and bounded, until the submit's answer names it.
import { finalOutcomeStats, receiptStats, type MessageState, type MessageView, type ReceiptStat } from '../../../shared/contract';

/** Accepted messages remembered while their final receipt is due; past this the oldest are let go (and counted). */
export const MAX_AWAITING_RECEIPTS = 100_000;
/** Receipt states held for messages whose submit answer has not reached the run yet. */
const MAX_EARLY = 10_000;

const STATS = new Set<string>(receiptStats);
/** A receipt after which no other is expected (ENROUTE and ACCEPTD are intermediate). */
export const FINAL_RECEIPT_STATS: ReadonlySet<string> = new Set(finalOutcomeStats);

const isStat = (state: MessageState): state is ReceiptStat => STATS.has(state);

export class LoadReceipts {
  /** Message id → the state last counted for it. Insertion order is age: the oldest are let go first. */
  private readonly awaiting = new Map<string, MessageState>();
  /**
   * The same for a run whose receipts are not awaited (registered_delivery 2 or 3: one comes only for some outcomes):
   * those that come are counted, but none is owed — so none shows as awaited, and the oldest are let go silently.
   */
  private readonly unawaited = new Map<string, MessageState>();
  private readonly early = new Map<string, ReceiptStat>();
  /** Accepted messages let go past the bound: their receipts are no longer counted. */
  private untracked = 0;

  constructor(
    private readonly sessionIds: ReadonlySet<string>,
    private readonly onReceipt: (stat: ReceiptStat) => void,
    /** Every accepted message will have a receipt (receiptsAsked in load-runner.ts): when not, none is awaited (any that come still count). */
    private readonly receiptsAsked = true,
  ) {}

  /** Accepted messages whose final receipt has not been counted. */
  get awaitingCount(): number {
    return this.awaiting.size + this.untracked;
  }

  /** The run's submit was accepted: its message now waits for receipts (and any that came early are counted). */
  accepted(message: MessageView): void {
    const early = this.early.get(message.id);
    this.early.delete(message.id);
    const seen = early ?? (isStat(message.state) ? message.state : null);
    if (seen !== null) {
      this.onReceipt(seen);
      if (FINAL_RECEIPT_STATS.has(seen)) return;
    }
    const tracked = this.receiptsAsked ? this.awaiting : this.unawaited;
    tracked.set(message.id, seen ?? message.state);
    if (tracked.size > MAX_AWAITING_RECEIPTS) {
      tracked.delete(tracked.keys().next().value!);
      if (tracked === this.awaiting) this.untracked += 1;
    }
  }

  /** Every message event of the console; O(1). */
  message(message: MessageView): void {
    const tracked = this.awaiting.has(message.id) ? this.awaiting : this.unawaited.has(message.id) ? this.unawaited : null;
    if (tracked !== null) {
      const last = tracked.get(message.id);
      if (message.state === last || !isStat(message.state)) return;
      this.onReceipt(message.state);
      if (FINAL_RECEIPT_STATS.has(message.state)) tracked.delete(message.id);
      else tracked.set(message.id, message.state);
      return;
    }
    if (!isStat(message.state) || !this.sessionIds.has(message.sessionId)) return;
    this.early.set(message.id, message.state);
    // Receipts of messages sent outside the run on the same sessions end up here too; the oldest go first.
    if (this.early.size > MAX_EARLY) this.early.delete(this.early.keys().next().value!);
  }
}
