// ESME sessions, with the connect/disconnect actions the Sessions region drives (profiles: profiles-slice.ts).
import type { StateCreator } from 'zustand';
import type { ConsoleApi, SessionView } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { mergeLoaded } from './list-updates';

export interface SessionsSlice {
  /** In the order the console first heard of them, so the last one is the newest. */
  sessions: SessionView[];
  sessionsError: string | null;
  loadSessions: (sessions: SessionView[]) => void;
  /** Sessions that changed (a frame's worth), each replacing its older view or added at the end. */
  receiveSessions: (sessions: SessionView[]) => void;
  connect: (profileId: string) => Promise<void>;
  disconnect: (sessionId: string) => Promise<void>;
}

export function createSessionsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], SessionsSlice> {
  return (set, get) => ({
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
    connect: async (profileId) => {
      set({ sessionsError: null });
      try {
        get().receiveSessions([await api.connect({ profileId })]);
        void get().loadTraceSessions();
      } catch (error) {
        set({ sessionsError: errorMessage(error) });
      }
    },
    disconnect: async (sessionId) => {
      set({ sessionsError: null });
      try {
        get().receiveSessions([await api.disconnect({ sessionId })]);
      } catch (error) {
        set({ sessionsError: errorMessage(error) });
      }
    },
  });
}
