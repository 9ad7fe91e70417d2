// Grouped commits: writes queued in one turn of the event loop go into one transaction — one fsync for all of
// them (synchronous=FULL costs ≈ 0.5 ms per commit here, so committing each deliver_sm alone would cap a session
// near 2,000 receipts/s and stall everything else on the main thread while it did). Each write runs inside its own
// savepoint: one that throws is rolled back alone and its caller told; the others still commit. A promise resolves
// only after the COMMIT that holds its write returned — the caller may then tell the SMSC or the user.
import { rollback, type Database } from './database';

interface QueuedWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: QueuedWrite[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  /** Runs `work` in the next group's transaction; resolves with its result once that transaction is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // setImmediate, not a microtask: every PDU of the current socket read (and its continuations) joins this group.
      setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    const done: Array<[QueuedWrite, unknown]> = [];
    try {
      // IMMEDIATE takes the write lock now: a store that is locked or read-only fails here, before any work runs.
      this.db.exec('BEGIN IMMEDIATE');
      for (const write of group) {
        this.db.exec('SAVEPOINT one_write');
        try {
          done.push([write, write.work()]);
          this.db.exec('RELEASE one_write');
        } catch (error) {
          this.db.exec('ROLLBACK TO one_write');
          this.db.exec('RELEASE one_write');
          write.reject(error);
        }
      }
      this.db.exec('COMMIT');
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
