// Received deliver_sm / data_sm — receipts and MO — as a window over the store, newest first (list-window.ts),
// narrowed by the Inbox's filter bar: a session (by default whichever the Sessions region scopes to) and an
// InboxFilter. The store answers the filter in SQL; live items pass the same predicate (shared/inbox-filter.ts), so
// an item that does not match never appears — except one already shown that changed (marked read under "unread
// only", say): it stays, updated, until the view is reloaded, so rows do not vanish from under the reader.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, InboxFilter, InboxItem, ListBatch, ListCounts } from '../../../shared/contract';
import { canonicalInboxFilter, matchesInboxFilter } from '../../../shared/inbox-filter';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { applyBatch, MAX, PAGE, WINDOW } from './list-window';

/** The filter bar's session: follow the Sessions region's scope, every session, or one session by id. */
export type InboxSessionPick = { kind: 'scope' } | { kind: 'all' } | { kind: 'session'; sessionId: string };

export interface InboxSlice {
  inbox: InboxItem[];
  inboxHasOlder: boolean;
  inboxFilter: InboxFilter;
  inboxSessionPick: InboxSessionPick;
  /** Why the list could not be loaded with this filter (the host names the field and the limit). */
  inboxError: { message: string; field: string | null } | null;
  setInboxFilter: (filter: InboxFilter) => void;
  setInboxSessionPick: (pick: InboxSessionPick) => void;
  reloadInbox: () => Promise<void>;
  loadOlderInbox: () => Promise<void>;
  receiveInbox: (batch: ListBatch<InboxItem>) => void;
  /** Items shown as read at once (the host confirms with events); every one in the list when ids is 'all'. */
  showInboxRead: (ids: readonly number[] | 'all') => void;
  /** Sent / inbox / unread counts for the tabs (null until the host has said). */
  listCounts: ListCounts | null;
  setListCounts: (counts: ListCounts) => void;
}

/** The session the Inbox list shows (undefined: every session). */
export function inboxSessionOf(state: Pick<ConsoleState, 'inboxSessionPick' | 'scopeSessionId'>): string | undefined {
  const pick = state.inboxSessionPick;
  if (pick.kind === 'session') return pick.sessionId;
  if (pick.kind === 'all') return undefined;
  return state.scopeSessionId ?? undefined;
}

/** One session's counts (every session's when undefined; zero for a session the host has not counted yet). */
export function listCountsOf(counts: ListCounts | null, sessionId: string | undefined): ListCounts['sessions'][string] | null {
  if (counts === null) return null;
  if (sessionId === undefined) return { sent: counts.sent, inbox: counts.inbox, unread: counts.unread };
  return counts.sessions[sessionId] ?? { sent: 0, inbox: 0, unread: 0 };
}

/** Inbox ids grow with arrival: newest first is highest id first. */
const newer = (a: InboxItem, b: InboxItem) => a.id > b.id;

export function createInboxSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], InboxSlice> {
  let loadingOlder = false; // scrolling at the end asks many times; one page at a time
  let generation = 0; // a reload's answer is used only while it is the latest one asked for
  return (set, get) => {
    const query = () => {
      const state = get();
      const sessionId = inboxSessionOf(state);
      return { ...(sessionId !== undefined ? { sessionId } : {}), filter: canonicalInboxFilter(state.inboxFilter) };
    };
    return {
      inbox: [],
      inboxHasOlder: false,
      inboxFilter: {},
      inboxSessionPick: { kind: 'scope' },
      inboxError: null,
      listCounts: null,
      setInboxFilter: (inboxFilter) => {
        set({ inboxFilter });
        void get().reloadInbox();
      },
      setInboxSessionPick: (inboxSessionPick) => {
        set({ inboxSessionPick });
        void get().reloadInbox();
      },
      setListCounts: (listCounts) => {
        const before = listCountsOf(get().listCounts, inboxSessionOf(get()));
        set({ listCounts });
        const after = listCountsOf(listCounts, inboxSessionOf(get()));
        // Only a clear takes items away: this window's or another's. The list reloads what is left.
        if (before !== null && after !== null && after.inbox < before.inbox) void get().reloadInbox();
      },
      reloadInbox: async () => {
        const ticket = ++generation;
        try {
          const items = await api.listInbox({ ...query(), limit: WINDOW + 1 });
          if (ticket === generation) set({ inbox: items.slice(0, WINDOW), inboxHasOlder: items.length > WINDOW, inboxError: null });
        } catch (error) {
          if (ticket === generation) set({ inbox: [], inboxHasOlder: false, inboxError: { message: errorMessage(error), field: errorField(error) } });
        }
      },
      loadOlderInbox: async () => {
        const { inbox } = get();
        const oldest = inbox.at(-1);
        if (!oldest || inbox.length >= MAX || loadingOlder) return;
        const ticket = generation;
        loadingOlder = true;
        try {
          const older = await api.listInbox({ ...query(), beforeId: oldest.id, limit: PAGE + 1 });
          if (ticket !== generation || get().inbox.at(-1) !== oldest) return;
          set({ inbox: inbox.concat(older.slice(0, PAGE)), inboxHasOlder: older.length > PAGE });
        } catch (error) {
          get().reportLoadError(`Could not load older inbox items: ${errorMessage(error)}`);
        } finally {
          loadingOlder = false;
        }
      },
      receiveInbox: (batch) => {
        if (batch.overflowed) return void get().reloadInbox();
        const { sessionId, filter } = query();
        const current = { items: get().inbox, hasOlder: get().inboxHasOlder };
        // Built only when an item fails the filter: unfiltered (the usual case), a burst never pays for it.
        let shown: Set<number> | undefined;
        const belongs = (item: InboxItem) =>
          matchesInboxFilter(item, sessionId, filter) || (shown ??= new Set(current.items.map((i) => i.id))).has(item.id);
        const next = applyBatch(current, batch.items, newer, belongs);
        if (next !== current) set({ inbox: next.items, inboxHasOlder: next.hasOlder });
      },
      showInboxRead: (ids) => {
        const marked = ids === 'all' ? null : new Set(ids);
        const mark = (item: InboxItem) => !item.read && (marked === null || marked.has(item.id));
        if (!get().inbox.some(mark)) return;
        set({ inbox: get().inbox.map((item) => (mark(item) ? { ...item, read: true } : item)) });
      },
    };
  };
}
