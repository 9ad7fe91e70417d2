// Received deliver_sm / data_sm: delivery receipts and MO messages, newest first.
import type { StateCreator } from 'zustand';
import type { InboxItem } from '../../../shared/contract';
import type { ConsoleState } from './console-store';
import { mergeLoaded, newestFirstIndex, sortNewestFirst, upsertById } from './list-updates';

export interface InboxSlice {
  inbox: InboxItem[];
  loadInbox: (items: InboxItem[]) => void;
  upsertInbox: (item: InboxItem) => void;
}

const receivedAt = (item: InboxItem) => item.receivedAt;

export const createInboxSlice: StateCreator<ConsoleState, [], [], InboxSlice> = (set) => ({
  inbox: [],
  // Inbox ids grow with arrival, so they order items received within the same millisecond.
  loadInbox: (loaded) =>
    set((state) => ({ inbox: sortNewestFirst(mergeLoaded(loaded, state.inbox), receivedAt, (item) => item.id) })),
  upsertInbox: (item) => set((state) => ({ inbox: upsertById(state.inbox, item, newestFirstIndex(receivedAt)) })),
});
