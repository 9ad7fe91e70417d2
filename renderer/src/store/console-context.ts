// Hands the store to components. Components read through atomic selectors (one value each), so a trace batch
// re-renders the trace list and not the compose form.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConsoleState, ConsoleStore } from './console-store';

export const ConsoleStoreContext = createContext<ConsoleStore | null>(null);

export function useConsoleStore(): ConsoleStore {
  const store = useContext(ConsoleStoreContext);
  if (store === null) throw new Error('useConsoleStore needs a ConsoleStoreContext provider above it');
  return store;
}

export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(useConsoleStore(), selector);
}
