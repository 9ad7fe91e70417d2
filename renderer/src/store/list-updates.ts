// Immutable list updates shared by the slices. Lists stay arrays (not maps) because every view renders them in
// order; they are short except the trace, which has its own bounded append in trace-slice.ts.

/** Replaces the item with the same id in place, or adds it where `insertAt` says (default: the end). */
export function upsertById<T extends { id: unknown }>(
  list: readonly T[],
  item: T,
  insertAt: (list: readonly T[], item: T) => number = (l) => l.length,
): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  const next = list.slice();
  if (index >= 0) next[index] = item;
  else next.splice(insertAt(list, item), 0, item);
  return next;
}

/**
 * Merges a list loaded at start-up with what events already delivered while it was in flight. The loaded copy
 * wins for ids in both (the host answers after emitting what it had); items only events knew about are kept.
 */
export function mergeLoaded<T extends { id: unknown }>(loaded: readonly T[], current: readonly T[]): T[] {
  const loadedIds = new Set(loaded.map((item) => item.id));
  return [...loaded, ...current.filter((item) => !loadedIds.has(item.id))];
}

/** Where to insert into a newest-first list so it stays newest first (ties: the newcomer goes first). */
export function newestFirstIndex<T>(time: (item: T) => number): (list: readonly T[], item: T) => number {
  return (list, item) => {
    const index = list.findIndex((existing) => time(existing) <= time(item));
    return index < 0 ? list.length : index;
  };
}

/** Sorts newest first; equal times fall back to `tieBreak` (also newest first), else keep their order. */
export function sortNewestFirst<T>(list: readonly T[], time: (item: T) => number, tieBreak?: (item: T) => number): T[] {
  return list.slice().sort((a, b) => time(b) - time(a) || (tieBreak ? tieBreak(b) - tieBreak(a) : 0));
}
