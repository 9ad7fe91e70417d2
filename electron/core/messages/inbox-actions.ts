// What the user does to the Inbox as a whole: mark items read, clear a session's items (or all), export as CSV.
// The list itself is read through InboxRepo.list; the counts are kept by ListCountsKeeper.
import type { InboxExportResult, InboxFilter, ListCounts } from '../../../shared/contract';
import type { ConsoleEventBus } from '../api/event-bus';
import type { CaptureTransfers } from '../capture/capture-transfers';
import type { Database } from '../store/database';
import { writeInboxCsv } from '../store/inbox-csv';
import type { InboxRepo } from '../store/inbox-repo';
import type { ListCountsKeeper } from './list-counts';

export class InboxActions {
  constructor(
    private readonly db: Database,
    private readonly inbox: InboxRepo,
    private readonly counts: ListCountsKeeper,
    private readonly events: ConsoleEventBus,
    private readonly transfers: CaptureTransfers,
  ) {}

  /**
   * Marks the given items read, or every one (of a session when given). Items marked by id are announced changed,
   * so every client's list shows them read; "every one" is not announced item by item (it may be a million):
   * the client that asked updates its own window, and the counts reach all.
   */
  async markRead(ids: number[] | undefined, sessionId: string | undefined): Promise<ListCounts> {
    for (const id of await this.counts.markRead(ids, sessionId)) {
      const item = this.inbox.get(id);
      if (item) this.events.emit('inbox', item);
    }
    return this.counts.current();
  }

  /**
   * Deletes a session's items (or all) in transactions of their own, outside the GroupCommit queue: deliveries
   * queued before it commit and are announced first, those after it get ids above the counted ones — so the kept
   * counts stay exact (a clear inside a group could delete rows whose announcement was still to come).
   */
  async clear(sessionId: string | undefined): Promise<{ removed: number }> {
    return { removed: await this.counts.clear(sessionId) };
  }

  /** Writes the matching rows as CSV in the exports folder; readExport then hands the file over. */
  async exportCsv(sessionId: string | undefined, filter: InboxFilter | undefined): Promise<InboxExportResult> {
    const { exportId, fileName, path } = this.transfers.newExport('csv');
    const written = await writeInboxCsv(this.db, path, sessionId, filter);
    return { exportId, fileName, ...written };
  }
}
