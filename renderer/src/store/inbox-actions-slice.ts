// What the Inbox does to its items beyond listing them: mark them read (those the user has seen, or all), clear a
// session's (or every) item, and export the list as CSV — written by the host, fetched in pieces and saved as a
// download like a trace export. Each action reports its outcome where its control is.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, InboxExportResult } from '../../../shared/contract';
import { canonicalInboxFilter } from '../../../shared/inbox-filter';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { downloadExport } from './fetch-export';
import { inboxSessionOf } from './inbox-slice';
import type { Outcome } from './operations-slice';
import type { TransferOutcome } from './trace-tools-slice';

export interface InboxActionsSlice {
  /** Seen items: marked read on the host (and shown read here at once). */
  markInboxSeen: (ids: number[]) => Promise<void>;
  /** Every unread item of the list's session (or of all, when it shows all). */
  markAllInboxRead: () => Promise<void>;
  inboxClearOutcome: Outcome<{ removed: number }>;
  /** A session's items, or every session's (undefined). */
  clearInbox: (sessionId: string | undefined) => Promise<void>;
  inboxExportOutcome: TransferOutcome<InboxExportResult>;
  /** The list's session and filter, every matching row (not only those loaded), as CSV. */
  exportInboxCsv: () => Promise<void>;
}

export function createInboxActionsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], InboxActionsSlice> {
  return (set, get) => ({
    markInboxSeen: async (ids) => {
      get().showInboxRead(ids);
      try {
        get().setListCounts(await api.markInboxRead({ ids }));
      } catch (error) {
        // Nothing is lost: they stay unread on the host and are marked when seen again.
        get().reportLoadError(`Could not mark inbox items read: ${errorMessage(error)}`);
      }
    },
    markAllInboxRead: async () => {
      const sessionId = inboxSessionOf(get());
      try {
        get().setListCounts(await api.markInboxRead(sessionId !== undefined ? { sessionId } : {}));
        // Under "unread only" the list is now empty; otherwise each row just turns read.
        if (get().inboxFilter.unreadOnly) await get().reloadInbox();
        else get().showInboxRead('all');
      } catch (error) {
        get().reportLoadError(`Could not mark the inbox read: ${errorMessage(error)}`);
      }
    },
    inboxClearOutcome: { status: 'idle' },
    clearInbox: async (sessionId) => {
      set({ inboxClearOutcome: { status: 'running' } });
      try {
        const removed = await api.clearInbox(sessionId !== undefined ? { sessionId } : {});
        set({ inboxClearOutcome: { status: 'done', value: removed } });
        await get().reloadInbox();
      } catch (error) {
        set({ inboxClearOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
      }
    },
    inboxExportOutcome: { status: 'idle' },
    exportInboxCsv: async () => {
      const state = get();
      const sessionId = inboxSessionOf(state);
      try {
        set({ inboxExportOutcome: { status: 'running', step: 'Writing the CSV…', done: 0, total: 0 } });
        const result = await api.exportInbox({ ...(sessionId !== undefined ? { sessionId } : {}), filter: canonicalInboxFilter(state.inboxFilter) });
        await downloadExport(api, result.exportId, result.fileName, 'text/csv;charset=utf-8', (done, total) =>
          set({ inboxExportOutcome: { status: 'running', step: 'Fetching', done, total } }),
        );
        set({ inboxExportOutcome: { status: 'done', value: result } });
      } catch (error) {
        set({ inboxExportOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
      }
    },
  });
}
