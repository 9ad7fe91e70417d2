// ESME sessions, with the connect/disconnect actions the Sessions region drives (profiles: profiles-slice.ts).
import type { StateCreator } from 'zustand';
import type { ConsoleApi, SessionView } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { mergeLoaded, upsertById } from './list-updates';

export interface SessionsSlice {
  /** In the order the console first heard of them, so the last one is the newest. */
  sessions: SessionView[];
  sessionsError: string | null;
  loadSessions: (sessions: SessionView[]) => void;
  upsertSession: (session: SessionView) => void;
  connect: (profileId: string) => Promise<void>;
  disconnect: (sessionId: string) => Promise<void>;
}

export function createSessionsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], SessionsSlice> {
  return (set, get) => ({
    sessions: [],
    sessionsError: null,
    loadSessions: (loaded) => set((state) => ({ sessions: mergeLoaded(loaded, state.sessions) })),
    upsertSession: (session) => set((state) => ({ sessions: upsertById(state.sessions, session) })),
    connect: async (profileId) => {
      set({ sessionsError: null });
      try {
        get().upsertSession(await api.connect({ profileId }));
      } catch (error) {
        set({ sessionsError: errorMessage(error) });
      }
    },
    disconnect: async (sessionId) => {
      set({ sessionsError: null });
      try {
        get().upsertSession(await api.disconnect({ sessionId }));
      } catch (error) {
        set({ sessionsError: errorMessage(error) });
      }
    },
  });
}
