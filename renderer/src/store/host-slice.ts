// The link to the console host itself: whether it is still there, what failed to load at start-up, and whether
// the host's database takes writes.
import type { StateCreator } from 'zustand';
import type { StoreHealth } from '../../../shared/contract';
import type { ConsoleState } from './console-store';

export interface HostSlice {
  connectionLost: boolean;
  loadErrors: string[];
  /** null until the host has said (at start-up); then its latest word. */
  storeHealth: StoreHealth | null;
  markConnectionLost: () => void;
  reportLoadError: (message: string) => void;
  setStoreHealth: (health: StoreHealth) => void;
}

export const createHostSlice: StateCreator<ConsoleState, [], [], HostSlice> = (set) => ({
  connectionLost: false,
  loadErrors: [],
  storeHealth: null,
  markConnectionLost: () => set({ connectionLost: true }),
  reportLoadError: (message) => set((state) => ({ loadErrors: [...state.loadErrors, message] })),
  setStoreHealth: (health) => set({ storeHealth: health }),
});
