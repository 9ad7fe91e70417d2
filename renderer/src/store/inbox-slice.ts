// Received deliver_sm / data_sm — receipts and MO — as a window over the store, newest first (list-window.ts).
import type { StateCreator } from 'zustand';
import type { ConsoleApi, InboxItem, ListBatch, ListCounts } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { applyBatch, MAX, PAGE, WINDOW } from './list-window';

export interface InboxSlice {
  inbox: InboxItem[];
  inboxHasOlder: boolean;
  reloadInbox: () => Promise<void>;
  loadOlderInbox: () => Promise<void>;
  receiveInbox: (batch: ListBatch<InboxItem>) => void;
  /** Sent / inbox / unread counts for the tabs (null until the host has said). */
  listCounts: ListCounts | null;
  setListCounts: (counts: ListCounts) => void;
}

/** Inbox ids grow with arrival: newest first is highest id first. */
const newer = (a: InboxItem, b: InboxItem) => a.id > b.id;

export function createInboxSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], InboxSlice> {
  let loadingOlder = false; // scrolling at the end asks many times; one page at a time
  return (set, get) => ({
    inbox: [],
    inboxHasOlder: false,
    listCounts: null,
    setListCounts: (listCounts) => set({ listCounts }),
    reloadInbox: async () => {
      const session = get().scopeSessionId;
      try {
        const items = await api.listInbox({ ...(session !== null ? { sessionId: session } : {}), limit: WINDOW + 1 });
        if (get().scopeSessionId === session) set({ inbox: items.slice(0, WINDOW), inboxHasOlder: items.length > WINDOW });
      } catch (error) {
        get().reportLoadError(`Could not load the inbox: ${errorMessage(error)}`);
      }
    },
    loadOlderInbox: async () => {
      const { inbox } = get();
      const oldest = inbox.at(-1);
      if (!oldest || inbox.length >= MAX || loadingOlder) return;
      const session = get().scopeSessionId;
      loadingOlder = true;
      try {
        const older = await api.listInbox({ ...(session !== null ? { sessionId: session } : {}), beforeId: oldest.id, limit: PAGE + 1 });
        if (get().scopeSessionId !== session || get().inbox.at(-1) !== oldest) return;
        set({ inbox: inbox.concat(older.slice(0, PAGE)), inboxHasOlder: older.length > PAGE });
      } catch (error) {
        get().reportLoadError(`Could not load older inbox items: ${errorMessage(error)}`);
      } finally {
        loadingOlder = false;
      }
    },
    receiveInbox: (batch) => {
      if (batch.overflowed) return void get().reloadInbox();
      const session = get().scopeSessionId;
      const current = { items: get().inbox, hasOlder: get().inboxHasOlder };
      const next = applyBatch(current, batch.items, newer, (item) => session === null || item.sessionId === session);
      if (next !== current) set({ inbox: next.items, inboxHasOlder: next.hasOlder });
    },
  });
}
