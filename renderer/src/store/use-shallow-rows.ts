// useShallow one level deeper, for selectors that build a list of small row objects (the bound sessions Compose
// lists): the previous list is kept while every row is shallow-equal to its predecessor, so a component re-renders
// when a row's own fields change and not when the store hands out a fresh array of the same rows (the sessions list
// is replaced four times a second while counters tick).
import { useRef } from 'react';
import { shallow } from 'zustand/shallow';
import type { ConsoleState } from './console-store';

export function useShallowRows<T extends object>(selector: (state: ConsoleState) => readonly T[]): (state: ConsoleState) => readonly T[] {
  const previous = useRef<readonly T[] | undefined>(undefined);
  return (state) => {
    const next = selector(state);
    const last = previous.current;
    if (last !== undefined && last.length === next.length && next.every((row, i) => shallow(row, last[i]))) return last;
    previous.current = next;
    return next;
  };
}
