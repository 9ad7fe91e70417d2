// Sent and Inbox are windows over the store too: the newest WINDOW items (of the scoped session, when one is),
// changed in place by event batches — one copy per batch, never per event — and older items paged in on request.
// An item that is neither in the window nor newer than its oldest is left where it is: in the store.

/** Items kept in view before "Show older" pages more in (each page adds PAGE more, up to MAX). */
export const WINDOW = 200;
export const PAGE = 200;
export const MAX = 2_000;

export interface ListWindow<T> {
  items: T[];
  /** The store may hold older ones: "Show older" can page them in. */
  hasOlder: boolean;
}

/**
 * Applies a batch of new or changed items to a newest-first window. `newer(a, b)` is true when a sorts before b.
 * Returns the same window when nothing in the batch belongs in it.
 */
export function applyBatch<T extends { id: string | number }>(
  window: ListWindow<T>,
  batch: readonly T[],
  newer: (a: T, b: T) => boolean,
  belongs: (item: T) => boolean,
): ListWindow<T> {
  const byId = new Map(window.items.map((item, index) => [item.id, index]));
  const oldest = window.items.at(-1);
  const next = window.items.slice();
  const added: T[] = [];
  for (const item of batch) {
    if (!belongs(item)) continue;
    const index = byId.get(item.id);
    if (index !== undefined) next[index] = item;
    else if (oldest === undefined || !window.hasOlder || newer(item, oldest)) added.push(item);
  }
  if (added.length === 0 && next.every((item, i) => item === window.items[i])) return window;
  const items = added.length === 0 ? next : next.concat(added).sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
  const excess = items.length - Math.max(WINDOW, window.items.length);
  return excess > 0 ? { items: items.slice(0, items.length - excess), hasOlder: true } : { items, hasOlder: window.hasOlder };
}
