// Grouped commits: writes queued within a short window go into one transaction — one fsync for all of them
// (synchronous=FULL costs ≈ 0.5 ms per commit here, so committing each deliver_sm alone would cap a session near
// 2,000 receipts/s and stall everything else on the main thread while it did). The window is a few milliseconds:
// under an MO burst the PDUs of several socket reads share one fsync (profiled: one turn's worth was a handful),
// while a lone receipt waits no longer than that before its deliver_sm_resp. Each write runs inside its own
// savepoint: one that throws is rolled back alone and its caller told; the others still commit. A promise resolves
// only after the COMMIT that holds its write returned — the caller may then tell the SMSC or the user.
import { rollback, statement, type Database } from './database';

interface QueuedWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How long the first write of a group waits for others to join it. */
export const GROUP_WINDOW_MS = 2;
/** A group this large commits at once. */
const GROUP_MAX = 500;

export class GroupCommit {
  private queue: QueuedWrite[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly windowMs = GROUP_WINDOW_MS,
  ) {}

  /** Runs `work` in the next group's transaction; resolves with its result once that transaction is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.queue.length >= GROUP_MAX) return this.commit();
      // A timer, not a microtask: the PDUs of this socket read (and of the next ones, within the window) join.
      this.timer ??= setTimeout(() => this.commit(), this.windowMs);
    });
  }

  private commit(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.queue;
    this.queue = [];
    const done: Array<[QueuedWrite, unknown]> = [];
    try {
      // IMMEDIATE takes the write lock now: a store that is locked or read-only fails here, before any work runs.
      statement(this.db, 'BEGIN IMMEDIATE').run();
      for (const write of group) {
        statement(this.db, 'SAVEPOINT one_write').run();
        try {
          done.push([write, write.work()]);
          statement(this.db, 'RELEASE one_write').run();
        } catch (error) {
          statement(this.db, 'ROLLBACK TO one_write').run();
          statement(this.db, 'RELEASE one_write').run();
          write.reject(error);
        }
      }
      statement(this.db, 'COMMIT').run();
    } catch (error) {
      // BEGIN or COMMIT failed (or a savepoint could not be undone): nothing of this group is stored.
      let reason: unknown = error;
      try {
        rollback(this.db, error);
      } catch (rollbackError) {
        reason = rollbackError; // carries both errors
      }
      // Writes already rejected by their own failure stay rejected (a promise settles once).
      for (const write of group) write.reject(reason);
      return;
    }
    for (const [write, value] of done) write.resolve(value);
  }
}
