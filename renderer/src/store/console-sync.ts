// Start-up: subscribe to the host's event frames first, then load what already exists, so nothing that happens
// while the lists are in flight is missed (the slices merge the two).
import { consoleEventNames, type ConsoleApi, type InboxItem, type MessageView } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleStore } from './console-store';
import { createEventCoalescer } from './event-coalescer';

export function startConsoleSync(store: ConsoleStore, api: ConsoleApi): () => void {
  const state = store.getState;
  // Frames are merged and applied at most ten times a second, all kinds in one go (event-coalescer.ts).
  const push = createEventCoalescer((events) => {
    if (events.tracePruned) void state().refreshTrace();
    else if (events.trace) state().receiveTrace(events.trace);
    if (events.sessions) state().receiveSessions(events.sessions);
    if (events.sessionsRemoved) state().removeSessions(events.sessionsRemoved);
    // The whole list after any change, wherever it came from (this window, another one, an import).
    if (events.profiles) state().setProfiles(events.profiles);
    if (events.traceStats) state().receiveTraceStats(events.traceStats);
    if (events.messages) state().receiveMessages(events.messages);
    if (events.inbox) state().receiveInbox(events.inbox);
    // An open timeline follows its message: a new response or receipt names it in one of these.
    // Named lazily: with no timeline open (nearly always), a burst's batch is not walked at all.
    if (events.messages || events.inbox) state().lifecycleTouched(touchedMessageIds(events.messages?.items, events.inbox?.items));
    if (events.listCounts) state().setListCounts(events.listCounts);
    if (events.storeHealth) state().setStoreHealth(events.storeHealth);
    if (events.loadRun) state().receiveLoadRun(events.loadRun);
  });
  const unsubscribes = consoleEventNames.map((name) => api.on(name, (payload) => push({ [name]: payload })));
  const load = <T>(what: string, request: () => Promise<T>, apply: (value: T) => void) => {
    request().then(apply, (error: unknown) => {
      state().reportLoadError(`Could not load ${what}: ${errorMessage(error)}`);
    });
  };
  load('profiles', () => api.listProfiles(), (profiles) => state().setProfiles(profiles));
  load('sessions', () => api.listSessions(), (sessions) => state().loadSessions(sessions));
  load('the database state', () => api.storeHealth(), (health) => state().setStoreHealth(health));
  // Counted once by the host; changes arrive as listCounts events (subscribed above, so none is missed).
  load('the list counts', () => api.listCounts(), (counts) => state().setListCounts(counts));
  void state().reloadMessages();
  void state().reloadInbox();
  void state().refreshTrace();
  void state().loadTraceSessions();
  // Drafts have no event; the slice reports its own load errors beside the list.
  void state().loadRecentDrafts();
  void state().loadLatestRun();
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

function* touchedMessageIds(messages: readonly MessageView[] | undefined, inbox: readonly InboxItem[] | undefined): Generator<string> {
  for (const message of messages ?? []) yield message.id;
  for (const item of inbox ?? []) if (item.matchedMessage) yield item.matchedMessage.id;
}
