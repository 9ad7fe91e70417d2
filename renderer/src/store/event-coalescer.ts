// The host sends at most one frame per ≈50 ms; under a burst each one changes the trace, the inbox and the
// counters, and rendering all of it twenty times a second left long tasks (measured in the burst benchmark). Here
// frames are merged and applied at most once per MIN_INTERVAL_MS, in one animation frame: rows and updates in
// order, everything else latest-per-id. Bounded like the host's queue: past MAX_ROWS the oldest rows are let go
// and counted as skipped (the view re-counts from the store), so a hidden tab — no animation frames — holds little.
import type { ConsoleEvents, InboxItem, MessageView, SessionTraceStats, SessionView } from '../../../shared/contract';

export const MIN_INTERVAL_MS = 100;
export const MAX_ROWS = 5_000;

type Pending = Partial<ConsoleEvents>;

function byId<T>(into: Map<string | number, T>, items: readonly T[], id: (item: T) => string | number): void {
  for (const item of items) into.set(id(item), item);
}

export function createEventCoalescer(apply: (events: Pending) => void) {
  let pending: Pending = {};
  const sessions = new Map<string | number, SessionView>();
  const stats = new Map<string | number, SessionTraceStats>();
  const messages = new Map<string | number, MessageView>();
  const inbox = new Map<string | number, InboxItem>();
  let scheduled = false;
  let lastApplied = 0;

  const flush = () => {
    scheduled = false;
    lastApplied = performance.now();
    const events = pending;
    pending = {};
    if (sessions.size > 0) events.sessions = [...sessions.values()];
    if (stats.size > 0) events.traceStats = [...stats.values()];
    if (messages.size > 0 || events.messages) events.messages = { items: [...messages.values()], overflowed: events.messages?.overflowed ?? false };
    if (inbox.size > 0 || events.inbox) events.inbox = { items: [...inbox.values()], overflowed: events.inbox?.overflowed ?? false };
    sessions.clear();
    stats.clear();
    messages.clear();
    inbox.clear();
    apply(events);
  };

  // The next animation frame at least MIN_INTERVAL_MS after the last one that applied anything.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const wait = MIN_INTERVAL_MS - (performance.now() - lastApplied);
    if (wait <= 0) requestAnimationFrame(flush);
    else setTimeout(() => requestAnimationFrame(flush), wait);
  };

  return (events: Pending) => {
    if (events.trace) {
      const trace = (pending.trace ??= { rows: [], updates: [], skipped: 0 });
      trace.rows.push(...events.trace.rows);
      trace.updates.push(...events.trace.updates);
      trace.skipped += events.trace.skipped;
      const over = trace.rows.length - MAX_ROWS;
      if (over > 0) {
        trace.rows.splice(0, over);
        trace.skipped += over;
      }
    }
    if (events.sessions) byId(sessions, events.sessions, (s) => s.id);
    if (events.traceStats) byId(stats, events.traceStats, (s) => s.sessionId);
    for (const [kind, into] of [['messages', messages], ['inbox', inbox]] as const) {
      const list = events[kind];
      if (!list) continue;
      if (list.overflowed) {
        into.clear();
        pending[kind] = { items: [], overflowed: true };
      } else if (!pending[kind]?.overflowed) {
        byId(into as Map<string | number, MessageView | InboxItem>, list.items, (item) => item.id);
        if (into.size > MAX_ROWS) {
          into.clear();
          pending[kind] = { items: [], overflowed: true };
        }
      }
    }
    if (events.profiles) pending.profiles = events.profiles;
    if (events.storeHealth) pending.storeHealth = events.storeHealth;
    if (events.listCounts) pending.listCounts = events.listCounts;
    if (events.tracePruned) pending.tracePruned = events.tracePruned;
    // Latest only: each view carries the newest points, which the load slice merges by second.
    if (events.loadRun) pending.loadRun = events.loadRun;
    schedule();
  };
}
