// The trace as the renderer holds it: a window over the store, not a copy of it. A view is a filter (and order)
// counted at a snapshot — `total` stored rows, fetched a page at a time as they scroll into sight and kept in a
// bounded cache — plus the live tail: rows that arrived after the snapshot and match, kept up to MAX_LIVE; past
// that (or when the host says this client was sent less than everything) the view is re-counted, which moves the
// snapshot forward and empties the tail. Memory is bounded by MAX_PAGES × PAGE_SIZE + MAX_LIVE rows, however
// long the trace. Pure: the slice (store/trace-slice.ts) does the asking.
import type { TracePairUpdate, TraceSort, TraceSummary } from '../../../shared/contract';
import { matchesTraceFilter, type TraceFilter } from '../../../shared/trace-filter';

export const PAGE_SIZE = 200;
export const MAX_PAGES = 40;
export const MAX_LIVE = 5_000;

export interface TraceView {
  /** Canonical (trace-filter.ts canonicalFilter). */
  filter: TraceFilter;
  sort: TraceSort;
  /** Until the first count answers: -1. */
  total: number;
  snapshotId: number;
  live: TraceSummary[];
  /** Page index → its rows; insertion order is recency (least recently used first). */
  pages: Map<number, TraceSummary[]>;
  /** Pages asked for and not yet answered. */
  loading: Set<number>;
  /** Bumped whenever the view is replaced: answers for an older one are ignored. */
  generation: number;
}

export function emptyView(filter: TraceFilter, sort: TraceSort, generation: number): TraceView {
  return { filter, sort, total: -1, snapshotId: 0, live: [], pages: new Map(), loading: new Set(), generation };
}

export function viewLength(view: TraceView): number {
  return Math.max(0, view.total) + view.live.length;
}

export function rowAt(view: TraceView, index: number): TraceSummary | undefined {
  const total = Math.max(0, view.total);
  if (index >= total) return view.live[index - total];
  const page = view.pages.get(Math.floor(index / PAGE_SIZE));
  return page?.[index % PAGE_SIZE];
}

/** The pages a range of positions needs that are neither cached nor on their way. */
export function missingPages(view: TraceView, from: number, to: number): number[] {
  if (view.total <= 0) return [];
  const last = Math.min(to, view.total - 1);
  const wanted: number[] = [];
  for (let page = Math.floor(Math.max(0, from) / PAGE_SIZE); page * PAGE_SIZE <= last; page += 1) {
    if (!view.pages.has(page) && !view.loading.has(page)) wanted.push(page);
  }
  return wanted;
}

/** Caches a page (evicting the least recently used past MAX_PAGES, but never one in `keep`). */
export function storePage(view: TraceView, page: number, rows: TraceSummary[], keep: ReadonlySet<number>): void {
  view.loading.delete(page);
  view.pages.delete(page);
  view.pages.set(page, rows);
  for (const old of view.pages.keys()) {
    if (view.pages.size <= MAX_PAGES) break;
    if (!keep.has(old)) view.pages.delete(old);
  }
}

/** Marks pages as used (moves them to the recent end), so scrolling keeps what is in sight. */
export function touchPages(view: TraceView, pages: Iterable<number>): void {
  for (const page of pages) {
    const rows = view.pages.get(page);
    if (!rows) continue;
    view.pages.delete(page);
    view.pages.set(page, rows);
  }
}

/**
 * Adds the rows of a live batch that belong in this view (capture order only: a sorted view is a snapshot).
 * Returns how many were added, and whether the tail has outgrown MAX_LIVE (time to re-count).
 */
export function appendLive(view: TraceView, rows: readonly TraceSummary[]): { added: number; full: boolean } {
  if (view.sort !== 'time' || view.total < 0) return { added: 0, full: false };
  const lastId = view.live.at(-1)?.id ?? view.snapshotId;
  const fresh = rows.filter((row) => row.id > lastId && matchesTraceFilter(row, view.filter));
  if (fresh.length > 0) view.live = view.live.concat(fresh);
  return { added: fresh.length, full: view.live.length > MAX_LIVE };
}

/** After a re-count at a later snapshot: the tail keeps only what came after it. */
export function rebase(view: TraceView, total: number, snapshotId: number): void {
  view.total = total;
  view.snapshotId = snapshotId;
  const keepFrom = view.live.findIndex((row) => row.id > snapshotId);
  view.live = keepFrom < 0 ? [] : view.live.slice(keepFrom);
}

/** Applies pairing changes to the rows in the window; true when any was there. */
export function applyUpdates(view: TraceView, updates: readonly TracePairUpdate[]): boolean {
  let changed = false;
  for (const update of updates) {
    const place = findRow(view, update.requestId);
    if (!place) continue;
    const { list, index } = place;
    list[index] = {
      ...list[index]!, responseId: update.responseId, outcome: update.outcome, responseStatus: update.responseStatus,
      responseStatusName: update.responseStatusName, rttMs: update.rttMs,
    };
    changed = true;
  }
  if (changed) view.live = view.live.slice();
  return changed;
}

/** The position of a row already in the window (live tail or a cached page), or -1. */
export function indexInWindow(view: TraceView, id: number): number {
  const place = findRow(view, id);
  if (!place) return -1;
  return place.page === null ? Math.max(0, view.total) + place.index : place.page * PAGE_SIZE + place.index;
}

function findRow(view: TraceView, id: number): { list: TraceSummary[]; index: number; page: number | null } | null {
  const inLive = binarySearch(view.live, id);
  if (inLive >= 0) return { list: view.live, index: inLive, page: null };
  for (const [page, rows] of view.pages) {
    const index = view.sort === 'time' ? binarySearch(rows, id) : rows.findIndex((row) => row.id === id);
    if (index >= 0) return { list: rows, index, page };
  }
  return null;
}

/** Rows in capture order are sorted by id. */
function binarySearch(rows: readonly TraceSummary[], id: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const middleId = rows[middle]!.id;
    if (middleId === id) return middle;
    if (middleId < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
