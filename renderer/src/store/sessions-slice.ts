// ESME sessions, with the connect/disconnect actions the Sessions region drives (profiles: profiles-slice.ts).
import type { StateCreator } from 'zustand';
import type { ConsoleApi, ConnectRequest, SessionView } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { mergeLoaded } from './list-updates';

export interface SessionsSlice {
  /** In the order the console first heard of them, so the last one is the newest. */
  sessions: SessionView[];
  sessionsError: string | null;
  loadSessions: (sessions: SessionView[]) => void;
  /** Sessions that changed (a frame's worth), each replacing its older view or added at the end. */
  receiveSessions: (sessions: SessionView[]) => void;
  /** Sessions dismissed (by this window or another). */
  removeSessions: (sessionIds: string[]) => void;
  /**
   * Connects; when the host needs more first — the password this run lacks, or a yes to a second bind of the same
   * profile — the question is put in connectPrompt and the bind waits for its answer.
   */
  connect: (request: ConnectRequest) => Promise<void>;
  connectPrompt: ConnectPrompt | null;
  cancelConnectPrompt: () => void;
  disconnect: (sessionId: string) => Promise<void>;
  reconnectSession: (sessionId: string) => Promise<void>;
  dismissSessions: (sessionIds: string[] | 'closed') => Promise<void>;
}

/** What the host asked before it would bind, with the request to send again once answered. */
export interface ConnectPrompt {
  kind: 'password' | 'second-bind';
  message: string;
  request: ConnectRequest;
}

export function createSessionsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], SessionsSlice> {
  return (set, get) => {
    /** A session action from a row: its failure is said above the list. */
    const act = async (call: () => Promise<void>) => {
      set({ sessionsError: null });
      try {
        await call();
      } catch (error) {
        set({ sessionsError: errorMessage(error) });
      }
    };
    return {
      sessions: [],
      sessionsError: null,
      loadSessions: (loaded) => set((state) => ({ sessions: mergeLoaded(loaded, state.sessions) })),
      receiveSessions: (changed) =>
        set((state) => {
          const byId = new Map(changed.map((session) => [session.id, session]));
          const sessions = state.sessions.map((session) => byId.get(session.id) ?? session);
          const known = new Set(state.sessions.map((session) => session.id));
          return { sessions: sessions.concat(changed.filter((session) => !known.has(session.id))) };
        }),
      removeSessions: (removed) =>
        set((state) => {
          const gone = new Set(removed);
          return { sessions: state.sessions.filter((session) => !gone.has(session.id)), scopeSessionId: gone.has(state.scopeSessionId ?? '') ? null : state.scopeSessionId };
        }),
      connectPrompt: null,
      cancelConnectPrompt: () => set({ connectPrompt: null }),
      connect: async (request) => {
        set({ sessionsError: null, connectPrompt: null });
        try {
          get().receiveSessions([await api.connect(request)]);
          void get().loadTraceSessions();
        } catch (error) {
          const field = errorField(error);
          if (field === 'password' || field === 'secondBind') {
            set({ connectPrompt: { kind: field === 'password' ? 'password' : 'second-bind', message: errorMessage(error), request } });
          } else set({ sessionsError: errorMessage(error) });
        }
      },
      disconnect: (sessionId) => act(async () => get().receiveSessions([await api.disconnect({ sessionId })])),
      reconnectSession: (sessionId) => act(async () => get().receiveSessions([await api.reconnectSession({ sessionId })])),
      dismissSessions: (sessionIds) => act(async () => get().removeSessions((await api.dismissSessions({ sessionIds })).dismissed)),
    };
  };
}
