// How many rows the Sent and Inbox tabs hold and how many inbox items are unread, in all and per session
// (ListCounts), kept without querying under load: counted once with GROUP BY at start (each count read from an
// index alone), then kept in memory — +1 for each new message or inbox item the core announces, and the exact
// change for what this class itself does (mark read, clear). Changes are published as a core 'listCounts' event at
// most every PUBLISH_MS; the EventPipeline sends each client the latest only.
//
// Why not re-count by GROUP BY whenever something changed (at most twice a second)? At 1,000,000 inbox items and as
// many sent messages the counts take ≈ 320–400 ms here (`npm run bench`, "inbox" section): a receipt burst keeps the
// lists changing, so that would spend two-thirds of the main thread on counting. Keeping them costs ≈ 0.1–0.4 µs per
// event (a comparison, and for a message not yet answered one primary-key lookup).
//
// "New" must be told from "changed": an inbox event also comes for an item updated in place (the next part of a
// concatenated MO, a receipt matched when its submit_sm_resp arrives, a re-sent deliver_sm recognised). Inbox ids
// are AUTOINCREMENT (never reused, even after a clear) and every insert is announced in id order (deliveries commit
// and are announced in one GroupCommit queue), so an item is new exactly when its id is above the highest seen.
// Messages have UUIDs; the table's rowid grows the same way (messages are never deleted), so a message event that
// may be an insert — its submit_sm not yet answered — is looked up by primary key once.
import type { InboxItem, ListCounts, MessageView } from '../../../shared/contract';
import type { ConsoleEventBus } from '../api/event-bus';
import { statement, type Database } from '../store/database';
import type { InboxRepo } from '../store/inbox-repo';

/** The counts reach clients at most this often (the tabs' figures need no more). */
export const PUBLISH_MS = 250;
/** Ids one UPDATE of "mark all read" covers: ≤ ≈ 120 ms of the main thread when every one is unread. */
const MARK_WINDOW = 20_000;

interface Tally {
  sent: number;
  inbox: number;
  unread: number;
}

export class ListCountsKeeper {
  private readonly sessions = new Map<string, Tally>();
  private readonly total: Tally = { sent: 0, inbox: 0, unread: 0 };
  private newestInboxId = 0;
  private newestMessageRowid = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly stop: () => void;

  constructor(
    private readonly db: Database,
    private readonly inbox: InboxRepo,
    private readonly events: ConsoleEventBus,
    private readonly publishMs = PUBLISH_MS,
  ) {
    this.recount();
    const onInbox = (item: InboxItem) => this.inboxChanged(item);
    const onMessage = (message: MessageView) => this.messageChanged(message);
    events.on('inbox', onInbox);
    events.on('message', onMessage);
    this.stop = () => {
      events.off('inbox', onInbox);
      events.off('message', onMessage);
    };
  }

  /** The counts now (a copy: callers and the event's receivers may keep it). */
  current(): ListCounts {
    const sessions: ListCounts['sessions'] = {};
    for (const [id, tally] of this.sessions) sessions[id] = { ...tally };
    return { ...this.total, sessions };
  }

  /**
   * Marks items read (the given ones, else every one; of a session when given). Returns the ids that were unread
   * (none listed for "every one": there may be a million).
   */
  async markRead(ids: readonly number[] | undefined, sessionId: string | undefined, at = Date.now()): Promise<number[]> {
    const changed: number[] = [];
    if (ids !== undefined) {
      for (const item of this.inbox.markRead(ids, sessionId, at)) {
        this.add(item.sessionId, { unread: -1 });
        changed.push(item.id);
      }
    } else {
      await this.markAllRead(sessionId, at);
    }
    this.publishNow();
    return changed;
  }

  /**
   * Every unread item up to the newest now, a window of ids at a time with the main thread let go between them:
   * one UPDATE of a million unread rows held it ≈ 6 s (`npm run bench`), while deliveries waited for their
   * commits. Each window's count comes off its session's unread; items arriving meanwhile stay unread.
   */
  private async markAllRead(sessionId: string | undefined, at: number): Promise<void> {
    const through = this.inbox.newestId();
    const sessions = sessionId !== undefined ? [sessionId] : [...this.sessions].filter(([, tally]) => tally.unread > 0).map(([id]) => id);
    for (const session of sessions) {
      for (let after = 0; after < through; after += MARK_WINDOW) {
        const marked = this.inbox.markReadBetween(session, after, Math.min(after + MARK_WINDOW, through), at);
        if (marked === 0) continue;
        this.add(session, { unread: -marked });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  /**
   * Deletes a session's inbox items (or all) and returns how many went. Everything goes in one statement (SQLite
   * drops the pages whole: 666,667 items in ≈ 0.16 s); one session's go a window of ids at a time with the main
   * thread let go between, as markAllRead does — in one transaction 333,333 items held it ≈ 4.3 s, and every
   * deliver_sm_resp with it. Items arriving meanwhile stay; a crash midway leaves the rest, never half an item.
   */
  async clear(sessionId: string | undefined): Promise<number> {
    if (sessionId === undefined) {
      const removed = this.inbox.clearAll();
      for (const [id, tally] of this.sessions) this.add(id, { inbox: -tally.inbox, unread: -tally.unread });
      this.publishNow();
      return removed;
    }
    const through = this.inbox.newestId();
    let removed = 0;
    for (let after = 0; after < through; after += MARK_WINDOW) {
      const gone = this.inbox.clearBetween(sessionId, after, Math.min(after + MARK_WINDOW, through));
      if (gone.removed === 0) continue;
      removed += gone.removed;
      this.add(sessionId, { inbox: -gone.removed, unread: -gone.unread });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.publishNow();
    return removed;
  }

  close(): void {
    this.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Counts from the store, by GROUP BY: at start only (tests check the kept counts against a new keeper's). */
  private recount(): void {
    this.sessions.clear();
    Object.assign(this.total, { sent: 0, inbox: 0, unread: 0 });
    // Read before the counts: anything inserted after is above these and counted as it is announced.
    this.newestInboxId = this.inbox.newestId();
    this.newestMessageRowid = (statement(this.db, 'SELECT COALESCE(MAX(rowid), 0) AS n FROM messages').get() as { n: number }).n;
    // messages_by_session (session_id, submitted_at, id) answers this without reading the table.
    const sent = statement(this.db, 'SELECT session_id AS sessionId, COUNT(*) AS n FROM messages GROUP BY session_id').all() as Array<{ sessionId: string; n: number }>;
    for (const { sessionId, n } of sent) this.add(sessionId, { sent: n });
    for (const { sessionId, inbox, unread } of this.inbox.countsBySession()) this.add(sessionId, { inbox, unread });
  }

  private inboxChanged(item: InboxItem): void {
    if (item.id <= this.newestInboxId) return; // an update of an item already counted
    this.newestInboxId = item.id;
    this.add(item.sessionId, { inbox: 1, unread: item.read ? 0 : 1 });
    this.schedule();
  }

  private messageChanged(message: MessageView): void {
    // An insert is announced before its submit_sm is answered; anything answered is an update.
    if (message.commandStatus !== null) return;
    const row = statement(this.db, 'SELECT rowid AS n FROM messages WHERE id = ?').get(message.id) as { n: number } | undefined;
    if (!row || row.n <= this.newestMessageRowid) return;
    this.newestMessageRowid = row.n;
    this.add(message.sessionId, { sent: 1 });
    this.schedule();
  }

  private add(sessionId: string, change: Partial<Tally>): void {
    let tally = this.sessions.get(sessionId);
    if (!tally) {
      tally = { sent: 0, inbox: 0, unread: 0 };
      this.sessions.set(sessionId, tally);
    }
    for (const key of ['sent', 'inbox', 'unread'] as const) {
      const delta = change[key] ?? 0;
      tally[key] += delta;
      this.total[key] += delta;
    }
    // A session with nothing left is not listed: the same as a fresh count, which only finds sessions with rows.
    if (tally.sent === 0 && tally.inbox === 0 && tally.unread === 0) this.sessions.delete(sessionId);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.publishNow(), this.publishMs);
  }

  private publishNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.events.emit('listCounts', this.current());
  }
}
