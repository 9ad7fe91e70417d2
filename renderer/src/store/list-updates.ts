// Immutable list updates for the short lists (profiles, sessions). Sent and Inbox are windows over the store
// (list-window.ts), the trace a view over it (trace/trace-view.ts).

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
