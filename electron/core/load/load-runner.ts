// One load run: messages handed to MessageService.submit at a target rate — each a normal message with its own
// lifecycle and receipts — paced by a token bucket and bounded in flight by the sessions' windows (twice each: see
// RUN_WINDOWS_PER_SESSION_WINDOW), so the run never queues more than that (the sessions' own flow control, max submit
// rate and throttling back-off, still applies under it). What it measures goes to LoadStats; receipts to LoadReceipts.
import type {
  LoadEndReason, LoadMessageSettings, LoadRowErrors, LoadRunState, LoadRunView, MessageView, SessionState, SubmitDraft, TraceSummary,
} from '../../../shared/contract';
import { LoadReceipts } from './load-receipts';
import { LoadStats } from './load-stats';

/** The messages a run sends, by position: the same one `total` times, or a CSV's rows. */
export interface LoadMessages {
  total: number;
  at(index: number): { destinationAddr: string; text: string };
}

export interface LoadRunnerDeps {
  submit(draft: SubmitDraft): Promise<MessageView>;
  /** The session's state and window now, and whether it will bind again by itself (a reconnect is scheduled). */
  session(sessionId: string): { state: SessionState; windowSize: number; reconnecting: boolean };
  /** Something changed; `urgent` for the run's state, worth telling at once. */
  onChange(urgent: boolean): void;
  /** Submit outcomes the run could not classify are a bug somewhere: reported, never thrown into a promise chain. */
  onError(error: unknown): void;
}

export interface LoadRunPlan {
  id: string;
  sessionIds: string[];
  ratePerSecond: number;
  sourceAddr: string;
  /** The rest of the composed draft (encoding, split, message options): every message carries it as Compose would. */
  settings: LoadMessageSettings;
  messages: LoadMessages;
  source: LoadRunView['source'];
  rowErrors: LoadRowErrors;
}

/** The bucket holds this much time's worth of tokens: a short stall (a GC, an fsync) is caught up, a long one is not. */
const BURST_SECONDS = 0.2;
/**
 * A message is in the run's flight from the commit before its submit_sm to the commit of its answer; only the middle
 * of that is on the wire, where the session's window bounds it (its tracker queues the rest). The run keeps as many
 * again as the window between those commits and the wire, so an fsync'd commit never leaves the window idle: at
 * window 100 and 2,000/s, one window's worth capped the run near 1,900/s (each message ≈ 50 ms in flight, most of it
 * waiting for two commits).
 */
export const RUN_WINDOWS_PER_SESSION_WINDOW = 2;
/** How often a run with no bound session looks again (a reconnect may bring one back). */
const UNBOUND_POLL_MS = 100;

export class LoadRunner {
  state: LoadRunState = 'running';
  endReason: LoadEndReason | null = null;
  readonly stats: LoadStats;
  readonly receipts: LoadReceipts;
  private readonly startedAt = Date.now();
  private readonly startedMono = performance.now();
  endedAt: number | null = null;
  private sendingEndedMono: number | null = null;
  private readonly sessionSet: ReadonlySet<string>;
  private readonly inFlightBy = new Map<string, number>();
  private inFlight = 0;
  private next = 0;
  private cursor = 0;
  private tokens = 1;
  private refilledAt = this.startedMono;
  private readonly burst: number;
  private timer: NodeJS.Timeout | null = null;
  /** Waiting for an answer to free a window slot: an answer pumps at once instead of waiting for the timer. */
  private blockedOnWindow = false;

  constructor(
    readonly plan: LoadRunPlan,
    private readonly deps: LoadRunnerDeps,
  ) {
    this.sessionSet = new Set(plan.sessionIds);
    this.burst = Math.max(1, plan.ratePerSecond * BURST_SECONDS);
    this.stats = new LoadStats(this.startedMono);
    this.receipts = new LoadReceipts(
      this.sessionSet,
      (stat) => {
        this.stats.receipt(stat);
        deps.onChange(false);
      },
      receiptsAsked(plan.settings),
    );
  }

  start(): void {
    this.pump();
  }

  /** No new submits; the ones in flight answer as they will, and then the run is done. */
  stop(): void {
    if (this.state === 'running') this.drain('stopped');
  }

  /** Trace rows as captured: the run's submit_sm_resp carry their round trip (paired at capture time). */
  traceRows(rows: readonly TraceSummary[]): void {
    if (this.state === 'done') return;
    for (const row of rows) {
      if (row.rttMs === null || row.direction !== 'in' || !this.sessionSet.has(row.sessionId)) continue;
      if (row.commandName === 'submit_sm_resp' || row.commandName === 'submit_multi_resp') this.stats.roundTrip(row.rttMs);
    }
  }

  view(pointLimit?: number): LoadRunView {
    const { stats, plan } = this;
    const sendingMs = (this.sendingEndedMono ?? performance.now()) - this.startedMono;
    return {
      id: plan.id, state: this.state, endReason: this.endReason, sessionIds: plan.sessionIds, ratePerSecond: plan.ratePerSecond,
      source: plan.source, startedAt: this.startedAt, endedAt: this.endedAt, sendingMs: Math.round(sendingMs), inFlight: this.inFlight,
      summary: {
        planned: plan.messages.total, sent: stats.sent, accepted: stats.accepted, failed: stats.failed, failedByStatus: stats.failedByStatus,
        receipts: stats.receipts, receiptsByStat: stats.receiptsByStat, awaitingReceipts: this.receipts.awaitingCount,
        latency: stats.latencySummary, achievedRate: sendingMs > 0 ? Math.round((stats.sent / sendingMs) * 1000 * 10) / 10 : 0,
      },
      rowErrors: plan.rowErrors,
      points: stats.pointsView(pointLimit),
    };
  }

  /** Launches what the bucket and the windows allow, then waits for the next token or a free slot. */
  private readonly pump = (): void => {
    this.timer = null;
    this.blockedOnWindow = false;
    if (this.state !== 'running') return;
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.plan.ratePerSecond) / 1000);
    this.refilledAt = now;
    let blocked: 'full' | 'unbound' | null = null;
    while (this.tokens >= 1 && this.next < this.plan.messages.total) {
      const pick = this.pickSession();
      if (pick === 'gone') return this.drain('sessions-gone');
      if (pick === 'full' || pick === 'unbound') {
        blocked = pick;
        break;
      }
      this.tokens -= 1;
      this.launch(pick, this.next);
      this.next += 1;
    }
    if (this.next >= this.plan.messages.total) return this.drain('completed');
    this.blockedOnWindow = blocked === 'full';
    // Blocked: look again later (an answer freeing a slot pumps at once, see settled); else when the next token is due.
    const delay = blocked !== null ? UNBOUND_POLL_MS : ((1 - this.tokens) * 1000) / this.plan.ratePerSecond;
    this.timer = setTimeout(this.pump, Math.max(1, delay));
  };

  /**
   * Round-robin over the bound sessions with a free window slot. A session binding again (reconnecting) is waited
   * for; once every one is closed for good (closed by the user, or not reconnecting) the run ends.
   */
  private pickSession(): string | 'full' | 'unbound' | 'gone' {
    const ids = this.plan.sessionIds;
    let alive = false;
    let bound = false;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[(this.cursor + i) % ids.length]!;
      const session = this.deps.session(id);
      if (session.state === 'closed' && !session.reconnecting) continue;
      alive = true;
      if (session.state !== 'bound') continue;
      bound = true;
      if ((this.inFlightBy.get(id) ?? 0) >= session.windowSize * RUN_WINDOWS_PER_SESSION_WINDOW) continue;
      this.cursor = (this.cursor + i + 1) % ids.length;
      return id;
    }
    return !alive ? 'gone' : bound ? 'full' : 'unbound';
  }

  private launch(sessionId: string, index: number): void {
    const { destinationAddr, text } = this.plan.messages.at(index);
    const { sourceAddr, settings } = this.plan;
    this.inFlight += 1;
    this.inFlightBy.set(sessionId, (this.inFlightBy.get(sessionId) ?? 0) + 1);
    this.stats.submitted();
    this.deps
      .submit({ ...settings, sessionId, sourceAddr, destinationAddr, text })
      .then(
        (message) => {
          const refused = message.state === 'rejected' || message.state === 'failed';
          this.stats.answered(refused ? (message.statusName ?? message.state) : null);
          if (!refused) this.receipts.accepted(message);
        },
        (error: unknown) => this.stats.answered(failureName(error)),
      )
      .catch((error: unknown) => this.deps.onError(error))
      .finally(() => this.settled(sessionId));
  }

  private settled(sessionId: string): void {
    this.inFlight -= 1;
    this.inFlightBy.set(sessionId, this.inFlightBy.get(sessionId)! - 1);
    this.deps.onChange(false);
    if (this.state === 'draining' && this.inFlight === 0) return this.finish();
    if (this.blockedOnWindow && this.timer) {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.pump, 0);
      this.blockedOnWindow = false;
    }
  }

  private drain(reason: LoadEndReason): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.state = 'draining';
    this.endReason = reason;
    this.sendingEndedMono = performance.now();
    this.deps.onChange(true);
    if (this.inFlight === 0) this.finish();
  }

  private finish(): void {
    this.state = 'done';
    this.endedAt = Date.now();
    this.deps.onChange(true);
  }
}

/**
 * Whether every accepted message of the run will have a receipt to wait for: registered_delivery bits 1–0 = 1 (on
 * any final outcome; submit's default). With 0 none comes; with 2 (failure only) or 3 (success only) whether one
 * comes depends on the outcome — receipts that come are counted, none is awaited, and the run settles when the last
 * message is answered.
 */
export function receiptsAsked(settings: LoadMessageSettings): boolean {
  return ((settings.options?.registeredDelivery ?? 1) & 0x03) === 1;
}

/**
 * A failed submit's status for the summary: the SMSC's own answer where one came, else why none did. The message
 * service words it as "submit_sm failed: <why>"; the why is grouped so a thousand timeouts are one line.
 */
export function failureName(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const why = message.replace(/^(submit_sm|submit_multi) failed( \(part \d+\/\d+\))?: /, '');
  if (/^no \w+ within/.test(why)) return 'no response (timeout)';
  const nack = /^generic_nack: (\S+)/.exec(why);
  if (nack) return `generic_nack ${nack[1]}`;
  if (/connection (is )?closed|closed before the response|closed while waiting/.test(why)) return 'connection closed';
  if (/^the session is \w+/.test(why) || why === 'session is closed') return 'session not bound';
  return `not sent: ${why.slice(0, 80)}`;
}
