// The link to the console host itself: whether it is still there, and what failed to load at start-up.
import type { StateCreator } from 'zustand';
import type { ConsoleState } from './console-store';

export interface HostSlice {
  connectionLost: boolean;
  loadErrors: string[];
  markConnectionLost: () => void;
  reportLoadError: (message: string) => void;
}

export const createHostSlice: StateCreator<ConsoleState, [], [], HostSlice> = (set) => ({
  connectionLost: false,
  loadErrors: [],
  markConnectionLost: () => set({ connectionLost: true }),
  reportLoadError: (message) => set((state) => ({ loadErrors: [...state.loadErrors, message] })),
});
