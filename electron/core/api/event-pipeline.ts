// Everything that streams to a client goes through here (design §4): per client, changes gather between ticks —
// trace rows and pairing updates in order, everything else latest-per-id — and at most one frame per tick leaves,
// and only when the client has acknowledged enough of the earlier ones (and its socket is not backed up). So main
// never queues without bound for a slow or frozen client: past the caps the oldest trace rows are let go and the
// frame says how many (the client pages them from the store), and a list with too many changes says "reload".
// Memory per client is bounded by the caps below whatever the PDU rate; the hot path is O(1) per event.
import type { ConsoleEvents, EventFrame, InboxItem, MessageView, SessionTraceStats, SessionView, TracePairUpdate, TraceSummary } from '../../../shared/contract';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { ConsoleEventBus, CoreEvents } from './event-bus';

export interface PipelineLimits {
  tickMs: number;
  /** Frames sent and not yet acknowledged before the client is considered behind. */
  maxInFlight: number;
  /** Trace rows in one frame; the rest wait for the next tick. */
  maxRowsPerFrame: number;
  /** Trace rows (and updates) waiting for a client that is behind; older ones are skipped past this. */
  maxPendingRows: number;
  /** Changed messages or inbox items waiting; past this the client is told to reload the list. */
  maxPendingItems: number;
}

export const DEFAULT_LIMITS: PipelineLimits = { tickMs: 50, maxInFlight: 2, maxRowsPerFrame: 2_000, maxPendingRows: 5_000, maxPendingItems: 2_000 };

export interface EventClient {
  /** The client handled every frame up to this one. */
  ack(seq: number): void;
  detach(): void;
  /** What waits for it now (for tests and the benchmark: it must stay bounded). */
  readonly pending: { rows: number; updates: number; items: number; inFlight: number };
}

export interface ClientTransport {
  send(frame: EventFrame): void;
  /** False while the transport's own buffer is backed up (a WebSocket's bufferedAmount). */
  writable?(): boolean;
}

export class EventPipeline {
  private readonly clients = new Set<PipelineClient>();
  private timer: NodeJS.Timeout | null = null;
  private readonly stop: () => void;

  constructor(
    bus: ConsoleEventBus,
    private readonly diagnostics: Diagnostics,
    private readonly limits: PipelineLimits = DEFAULT_LIMITS,
  ) {
    const listeners: { [E in keyof CoreEvents]: (payload: CoreEvents[E]) => void } = {
      session: (session) => this.each((c) => c.sessions.set(session.id, session)),
      sessionRemoved: (sessionId) =>
        this.each((c) => {
          c.sessions.delete(sessionId);
          c.removedSessions.add(sessionId);
        }),
      profiles: (profiles) => this.each((c) => (c.profiles = profiles)),
      trace: (batch) => this.each((c) => c.addTrace(batch.rows, batch.updates)),
      traceStats: (stats) => this.each((c) => c.stats.set(stats.sessionId, stats)),
      tracePruned: (pruned) => this.each((c) => (c.pruned = pruned)),
      message: (message) => this.each((c) => c.addItem('messages', message)),
      inbox: (item) => this.each((c) => c.addItem('inbox', item)),
      listCounts: (counts) => this.each((c) => (c.listCounts = counts)),
      storeHealth: (health) => this.each((c) => (c.storeHealth = health)),
      loadRun: (run) => this.each((c) => (c.loadRun = run)),
    };
    for (const [event, listener] of Object.entries(listeners)) bus.on(event as keyof CoreEvents, listener as never);
    this.stop = () => {
      for (const [event, listener] of Object.entries(listeners)) bus.off(event as keyof CoreEvents, listener as never);
    };
  }

  attach(transport: ClientTransport): EventClient {
    const client = new PipelineClient(transport, this.limits);
    this.clients.add(client);
    return {
      ack: (seq) => {
        client.ack(seq);
        this.schedule();
      },
      detach: () => void this.clients.delete(client),
      get pending() {
        return client.counts();
      },
    };
  }

  /** What waits for each client now (the benchmark and tests watch it stay bounded). */
  pending(): Array<EventClient['pending']> {
    return [...this.clients].map((client) => client.counts());
  }

  close(): void {
    this.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.clients.clear();
  }

  private each(change: (client: PipelineClient) => void): void {
    for (const client of this.clients) change(client);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.tick(), this.limits.tickMs);
  }

  private tick(): void {
    this.timer = null;
    let more = false;
    for (const client of this.clients) {
      try {
        client.flush();
      } catch (error) {
        // A transport that throws (a window gone mid-send) must not stop the others.
        this.diagnostics.report(error, { where: 'sending events to a client' });
      }
      more ||= client.hasPending();
    }
    if (more) this.schedule();
  }
}

class PipelineClient {
  readonly sessions = new Map<string, SessionView>();
  readonly removedSessions = new Set<string>();
  readonly stats = new Map<string, SessionTraceStats>();
  profiles: ConsoleEvents['profiles'] | null = null;
  pruned: ConsoleEvents['tracePruned'] | null = null;
  storeHealth: ConsoleEvents['storeHealth'] | null = null;
  /** Latest only: a client that was behind needs the counts now, not each step to them. */
  listCounts: ConsoleEvents['listCounts'] | null = null;
  /** Latest only, like the counts: each view carries the newest points, so one skipped loses none of them. */
  loadRun: ConsoleEvents['loadRun'] | null = null;
  private rows: TraceSummary[] = [];
  private updates: TracePairUpdate[] = [];
  private skipped = 0;
  private readonly lists = {
    messages: { items: new Map<string, MessageView>(), overflowed: false },
    inbox: { items: new Map<number, InboxItem>(), overflowed: false },
  };
  private seq = 0;
  private acked = 0;

  constructor(
    private readonly transport: ClientTransport,
    private readonly limits: PipelineLimits,
  ) {}

  addTrace(rows: TraceSummary[], updates: TracePairUpdate[]): void {
    for (const row of rows) this.rows.push(row);
    for (const update of updates) this.updates.push(update);
    const over = this.rows.length - this.limits.maxPendingRows;
    if (over > 0) {
      this.rows.splice(0, over);
      this.skipped += over;
    }
    const overUpdates = this.updates.length - this.limits.maxPendingRows;
    if (overUpdates > 0) {
      this.updates.splice(0, overUpdates);
      this.skipped += overUpdates;
    }
  }

  addItem<K extends 'messages' | 'inbox'>(kind: K, item: K extends 'messages' ? MessageView : InboxItem): void {
    const list = this.lists[kind];
    if (list.overflowed) return; // the client reloads the whole list anyway
    (list.items as Map<string | number, typeof item>).set(item.id, item);
    if (list.items.size > this.limits.maxPendingItems) {
      list.items.clear();
      list.overflowed = true;
    }
  }

  ack(seq: number): void {
    if (seq > this.acked && seq <= this.seq) this.acked = seq;
  }

  hasPending(): boolean {
    return (
      this.rows.length > 0 || this.updates.length > 0 || this.skipped > 0 || this.sessions.size > 0 || this.removedSessions.size > 0 || this.stats.size > 0 ||
      this.profiles !== null || this.pruned !== null || this.storeHealth !== null || this.listCounts !== null || this.loadRun !== null ||
      this.lists.messages.items.size > 0 || this.lists.messages.overflowed || this.lists.inbox.items.size > 0 || this.lists.inbox.overflowed
    );
  }

  counts() {
    return {
      rows: this.rows.length, updates: this.updates.length,
      items: this.lists.messages.items.size + this.lists.inbox.items.size, inFlight: this.seq - this.acked,
    };
  }

  /** One frame with everything gathered (trace rows up to the per-frame cap), if the client can take it. */
  flush(): void {
    if (!this.hasPending()) return;
    if (this.seq - this.acked >= this.limits.maxInFlight) return;
    if (this.transport.writable && !this.transport.writable()) return;
    const events: Partial<ConsoleEvents> = {};
    if (this.rows.length > 0 || this.updates.length > 0 || this.skipped > 0) {
      const rows = this.rows.splice(0, this.limits.maxRowsPerFrame);
      // Updates go with the rows they may refer to: all of them once the rows are out, else none yet.
      const updates = this.rows.length === 0 ? this.updates.splice(0) : [];
      events.trace = { rows, updates, skipped: this.skipped };
      this.skipped = 0;
    }
    if (this.sessions.size > 0) events.sessions = [...this.sessions.values()];
    if (this.removedSessions.size > 0) events.sessionsRemoved = [...this.removedSessions];
    if (this.stats.size > 0) events.traceStats = [...this.stats.values()];
    if (this.profiles) events.profiles = this.profiles;
    if (this.pruned) events.tracePruned = this.pruned;
    if (this.storeHealth) events.storeHealth = this.storeHealth;
    if (this.listCounts) events.listCounts = this.listCounts;
    if (this.loadRun) events.loadRun = this.loadRun;
    for (const kind of ['messages', 'inbox'] as const) {
      const list = this.lists[kind];
      if (list.items.size === 0 && !list.overflowed) continue;
      (events as Record<string, unknown>)[kind] = { items: [...list.items.values()], overflowed: list.overflowed };
      list.items.clear();
      list.overflowed = false;
    }
    this.sessions.clear();
    this.removedSessions.clear();
    this.stats.clear();
    this.profiles = this.pruned = this.storeHealth = this.listCounts = this.loadRun = null;
    this.seq += 1;
    this.transport.send({ seq: this.seq, events });
  }
}
