// Start-up: subscribe to the host's events first, then load what already exists, so nothing that happens
// while the lists are in flight is missed (the slices merge the two).
import type { ConsoleApi, TraceSummary } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleStore } from './console-store';
import { createFrameBatcher } from './frame-batcher';

/** How many recent PDU summaries to fetch at start-up; live batches fill the window from there. */
const INITIAL_TRACE = 2000;
/** Trace summaries held back for the next frame before they are applied regardless. */
const MAX_PENDING_TRACE = 5000;

export function startConsoleSync(store: ConsoleStore, api: ConsoleApi): () => void {
  const state = store.getState;
  const appendTrace = createFrameBatcher((batch: TraceSummary[]) => state().appendTrace(batch), MAX_PENDING_TRACE);
  const unsubscribes = [
    api.on('session', (session) => state().upsertSession(session)),
    // The whole list after any change, wherever it came from (this window, another one, an import).
    api.on('profiles', (profiles) => state().setProfiles(profiles)),
    api.on('trace', appendTrace),
    api.on('message', (message) => state().upsertMessage(message)),
    api.on('inbox', (item) => state().upsertInbox(item)),
    api.on('storeHealth', (health) => state().setStoreHealth(health)),
  ];
  const load = <T>(what: string, request: () => Promise<T>, apply: (value: T) => void) => {
    request().then(apply, (error: unknown) => {
      state().reportLoadError(`Could not load ${what}: ${errorMessage(error)}`);
    });
  };
  load('profiles', () => api.listProfiles(), (profiles) => state().setProfiles(profiles));
  load('sessions', () => api.listSessions(), (sessions) => state().loadSessions(sessions));
  load('sent messages', () => api.listMessages(), (messages) => state().loadMessages(messages));
  load('the inbox', () => api.listInbox(), (items) => state().loadInbox(items));
  load('the trace', () => api.recentTrace({ limit: INITIAL_TRACE }), (recent) => state().loadTrace(recent));
  load('the database state', () => api.storeHealth(), (health) => state().setStoreHealth(health));
  // Drafts have no event; the slice reports its own load errors beside the list.
  void state().loadRecentDrafts();
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
