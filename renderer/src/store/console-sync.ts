// Start-up: subscribe to the host's event frames first, then load what already exists, so nothing that happens
// while the lists are in flight is missed (the slices merge the two). Each kind of event in a frame is applied
// once: a frame holds everything since the last, so the store changes at most once per kind per frame.
import type { ConsoleApi } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleStore } from './console-store';

export function startConsoleSync(store: ConsoleStore, api: ConsoleApi): () => void {
  const state = store.getState;
  const unsubscribes = [
    api.on('sessions', (sessions) => state().receiveSessions(sessions)),
    // The whole list after any change, wherever it came from (this window, another one, an import).
    api.on('profiles', (profiles) => state().setProfiles(profiles)),
    api.on('trace', (batch) => state().receiveTrace(batch)),
    api.on('traceStats', (stats) => state().receiveTraceStats(stats)),
    api.on('tracePruned', () => void state().refreshTrace()),
    api.on('messages', (batch) => state().receiveMessages(batch)),
    api.on('inbox', (batch) => state().receiveInbox(batch)),
    api.on('storeHealth', (health) => state().setStoreHealth(health)),
  ];
  const load = <T>(what: string, request: () => Promise<T>, apply: (value: T) => void) => {
    request().then(apply, (error: unknown) => {
      state().reportLoadError(`Could not load ${what}: ${errorMessage(error)}`);
    });
  };
  load('profiles', () => api.listProfiles(), (profiles) => state().setProfiles(profiles));
  load('sessions', () => api.listSessions(), (sessions) => state().loadSessions(sessions));
  load('the database state', () => api.storeHealth(), (health) => state().setStoreHealth(health));
  void state().reloadMessages();
  void state().reloadInbox();
  void state().refreshTrace();
  void state().loadTraceSessions();
  // Drafts have no event; the slice reports its own load errors beside the list.
  void state().loadRecentDrafts();
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
