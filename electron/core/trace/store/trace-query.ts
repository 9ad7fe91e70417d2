// Filters, counts and pages over the whole stored trace, as SQL with the same meaning as shared/trace-filter.ts
// gives a live row. A query is fixed at a snapshot (the newest id stored when it was counted): rows after it reach
// the view live. Paging a screenful at any offset must stay fast at a million rows, so counting also builds a
// directory of where positions are, in one of three shapes:
//   - unfiltered and gapless: positions are arithmetic (id = first + position);
//   - sparse (≤ 100,000 matches): every matching id, so a page is a lookup of ≤ 200 ids by primary key;
//   - dense: the id at every 1,024th position; a page walks the table by rowid from the nearest one (NOT INDEXED:
//     with a list of commands the planner would otherwise gather both index ranges and sort them).
// A directory is read in one pass over the filter's index (or the table, for free text and addresses): the matching
// ids as arrays, sorted here. And `+id` keeps the snapshot bound from steering the planner away from that index.
// Measured (`npm run bench`, 1,000,000 rows): see the README's figures.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { TraceCount, TraceSort, TraceSummary } from '../../../../shared/contract';
import { asciiLower, canonicalFilter, type TraceFilter } from '../../../../shared/trace-filter';
import { statement } from '../../store/database';
import { summaryOf, type TraceRow } from './trace-db';

export type { TraceCount, TraceSort };

const STEP = 1024;
/** Up to this many matches a directory keeps them all. */
const SPARSE = 100_000;
/** Directories kept for the latest queries (≤ 800 KB each). */
const CACHED = 8;

type Directory =
  | { kind: 'arithmetic'; total: number; snapshotId: number; first: number }
  | { kind: 'ids'; total: number; snapshotId: number; ids: number[] }
  | { kind: 'anchors'; total: number; snapshotId: number; anchors: number[] };

export class TraceQueries {
  /** One directory per filter (the latest snapshot), most recently used last. */
  private readonly directories = new Map<string, Directory>();
  /** The last RTT-ordered view, materialised (a temp table: positions are its rowids). */
  private rttView: { key: string; total: number } | null = null;

  constructor(private readonly db: DatabaseSync) {}

  /** Counts the matches up to now (or up to `snapshotId`) and remembers where positions are. */
  count(filter: TraceFilter, sort: TraceSort = 'time', snapshotId?: number): TraceCount {
    const snapshot = snapshotId ?? this.newestId();
    if (sort === 'rtt') return { total: this.rttOrder(filter, snapshot).total, snapshotId: snapshot };
    return { total: this.directory(filter, snapshot).total, snapshotId: snapshot };
  }

  /** `limit` rows from position `offset` of the query fixed at `snapshotId`, in its order. */
  page(filter: TraceFilter, sort: TraceSort, snapshotId: number, offset: number, limit: number): TraceSummary[] {
    if (sort === 'rtt') {
      this.rttOrder(filter, snapshotId);
      const rows = statement(this.db, 'SELECT t.* FROM temp.rtt_view v JOIN trace t ON t.id = v.id WHERE v.rowid > ? ORDER BY v.rowid LIMIT ?')
        .all(offset, limit) as unknown as TraceRow[];
      return rows.map(summaryOf);
    }
    const directory = this.directory(filter, snapshotId);
    const end = Math.min(offset + limit, this.totalAt(directory, snapshotId));
    if (offset >= end) return [];
    const { where, params } = whereOf(canonicalFilter(filter));
    if (directory.kind === 'ids') {
      const ids = directory.ids.slice(offset, end);
      const rows = statement(this.db, `SELECT * FROM trace WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`).all(...ids) as unknown as TraceRow[];
      return rows.map(summaryOf);
    }
    let startId: number;
    if (directory.kind === 'arithmetic') {
      startId = directory.first + offset;
    } else {
      const found = statement(this.db, `SELECT id FROM trace NOT INDEXED WHERE ${where} AND id >= ? AND id <= ? ORDER BY id LIMIT 1 OFFSET ?`)
        .get(...params, directory.anchors[Math.floor(offset / STEP)]!, snapshotId, offset % STEP) as { id: number } | undefined;
      if (!found) return [];
      startId = found.id;
    }
    const rows = statement(this.db, `SELECT * FROM trace NOT INDEXED WHERE ${where} AND id >= ? AND id <= ? ORDER BY id LIMIT ?`)
      .all(...params, startId, snapshotId, end - offset) as unknown as TraceRow[];
    return rows.map(summaryOf);
  }

  /** Where a row sits in the query fixed at `snapshotId`; null when it does not match (or is not in the snapshot). */
  position(filter: TraceFilter, sort: TraceSort, snapshotId: number, id: number): number | null {
    if (id > snapshotId) return null;
    const { where, params } = whereOf(canonicalFilter(filter));
    if (sort === 'rtt') {
      this.rttOrder(filter, snapshotId);
      const row = statement(this.db, 'SELECT rowid AS n FROM temp.rtt_view WHERE id = ?').get(id) as { n: number } | undefined;
      return row ? row.n - 1 : null;
    }
    if (!statement(this.db, `SELECT 1 FROM trace WHERE ${where} AND id = ?`).get(...params, id)) return null;
    const directory = this.directory(filter, snapshotId);
    if (directory.kind === 'arithmetic') return id - directory.first;
    const list = directory.kind === 'ids' ? directory.ids : directory.anchors;
    const index = floorIndex(list, id);
    if (directory.kind === 'ids') return list[index] === id ? index : null;
    const before = statement(this.db, `SELECT COUNT(*) AS n FROM trace NOT INDEXED WHERE ${where} AND id >= ? AND id < ?`)
      .get(...params, list[index]!, id) as { n: number };
    return index * STEP + before.n;
  }

  /** Rows after `afterId` that match (the part of a live tail a client was not sent), oldest first. */
  after(filter: TraceFilter, afterId: number, limit: number): TraceSummary[] {
    const { where, params } = whereOf(canonicalFilter(filter));
    const rows = statement(this.db, `SELECT * FROM trace WHERE ${where} AND id > ? ORDER BY id LIMIT ?`)
      .all(...params, afterId, limit) as unknown as TraceRow[];
    return rows.map(summaryOf);
  }

  /** Forget cached positions: rows were pruned. */
  invalidate(): void {
    this.directories.clear();
    this.rttView = null;
  }

  newestId(): number {
    return (statement(this.db, 'SELECT COALESCE(MAX(id), 0) AS id FROM trace').get() as { id: number }).id;
  }

  /**
   * The directory of a filter up to a snapshot. One is kept per filter (the latest): a later snapshot extends it
   * with only the rows that came since — a following view re-counts every few thousand rows, and must not pay a
   * full scan each time — while an earlier snapshot reads the same positions from it (positions never move; only
   * pruning moves them, and that drops every directory).
   */
  private directory(filter: TraceFilter, snapshotId: number): Directory {
    const canonical = canonicalFilter(filter);
    const key = JSON.stringify(canonical);
    const cached = this.directories.get(key);
    this.directories.delete(key);
    let directory: Directory;
    if (cached && cached.snapshotId >= snapshotId) directory = cached;
    else if (cached) directory = this.extend(canonical, cached, snapshotId);
    else directory = this.build(canonical, snapshotId);
    this.directories.set(key, directory);
    if (this.directories.size > CACHED) this.directories.delete(this.directories.keys().next().value!);
    return directory;
  }

  /** How many of a directory's matches an earlier snapshot counted (all of them for the directory's own). */
  private totalAt(directory: Directory, snapshotId: number): number {
    if (snapshotId >= directory.snapshotId) return directory.total;
    if (directory.kind === 'arithmetic') return Math.max(0, snapshotId - directory.first + 1);
    if (directory.kind === 'ids') return floorIndex(directory.ids, snapshotId) + 1;
    return directory.total; // the walk stops at the snapshot's id by itself
  }

  private build(filter: TraceFilter, snapshotId: number): Directory {
    if (Object.keys(filter).length === 0) {
      const span = statement(this.db, 'SELECT MIN(id) AS low, COUNT(*) AS n FROM trace WHERE id <= ?').get(snapshotId) as { low: number | null; n: number };
      if (span.low === null) return { kind: 'ids', total: 0, snapshotId, ids: [] };
      if (snapshotId - span.low + 1 === span.n) return { kind: 'arithmetic', total: span.n, snapshotId, first: span.low };
    }
    return this.shaped(this.matchingIds(filter, 0, snapshotId), snapshotId);
  }

  private extend(filter: TraceFilter, from: Directory, snapshotId: number): Directory {
    if (from.kind === 'arithmetic') {
      const added = (statement(this.db, 'SELECT COUNT(*) AS n FROM trace WHERE id > ? AND id <= ?').get(from.snapshotId, snapshotId) as { n: number }).n;
      // still gapless: positions stay arithmetic; otherwise (rows were lost) count it afresh
      if (added === snapshotId - from.snapshotId) return { ...from, total: from.total + added, snapshotId };
      return this.build(filter, snapshotId);
    }
    const more = this.matchingIds(filter, from.snapshotId, snapshotId);
    if (from.kind === 'ids') return this.shaped(from.ids.concat(more), snapshotId);
    const anchors = from.anchors.concat(more.filter((_, i) => (from.total + i) % STEP === 0));
    return { kind: 'anchors', total: from.total + more.length, snapshotId, anchors };
  }

  /** All of a list, or every 1,024th of it. */
  private shaped(ids: number[], snapshotId: number): Directory {
    if (ids.length <= SPARSE) return { kind: 'ids', total: ids.length, snapshotId, ids };
    return { kind: 'anchors', total: ids.length, snapshotId, anchors: ids.filter((_, i) => i % STEP === 0) };
  }

  /**
   * The matching ids in (afterId, upToId], ascending. Read without ORDER BY, so the planner walks the filter's own
   * index (ordered by the index's columns, not by id), then sorted here — measured with 350k matches: 0.15 s as
   * arrays plus the sort, against 0.7 s for a window function over the same rows.
   */
  private matchingIds(filter: TraceFilter, afterId: number, upToId: number): number[] {
    const { where, params } = whereOf(filter);
    const query = statement(this.db, `SELECT id FROM trace WHERE ${where} AND +id > ? AND +id <= ?`);
    query.setReturnArrays(true);
    const rows = query.all(...params, afterId, upToId) as unknown as Array<[number]>;
    const ids = new Float64Array(rows.length);
    let sorted = true;
    for (let i = 0; i < rows.length; i += 1) {
      ids[i] = rows[i]![0];
      if (i > 0 && ids[i]! < ids[i - 1]!) sorted = false;
    }
    if (!sorted) ids.sort();
    return Array.from(ids);
  }

  private rttOrder(filter: TraceFilter, snapshotId: number): { total: number } {
    const canonical = canonicalFilter(filter);
    const key = `${snapshotId}|${JSON.stringify(canonical)}`;
    if (this.rttView?.key === key) return this.rttView;
    const { where, params } = whereOf(canonical);
    this.db.exec('DROP TABLE IF EXISTS temp.rtt_view');
    statement(this.db, `CREATE TEMP TABLE rtt_view AS SELECT id FROM trace WHERE ${where} AND rtt_us IS NOT NULL AND +id <= ? ORDER BY rtt_us DESC, id DESC`)
      .run(...params, snapshotId);
    const total = (statement(this.db, 'SELECT COUNT(*) AS n FROM temp.rtt_view').get() as { n: number }).n;
    this.rttView = { key, total };
    return this.rttView;
  }
}

/** The index of the last entry ≤ id in an ascending list (0 when none is). */
function floorIndex(list: readonly number[], id: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (list[middle]! <= id) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The filter as a WHERE clause (always valid SQL: "1" when it asks for nothing) and its parameters. */
export function whereOf(filter: TraceFilter): { where: string; params: SQLInputValue[] } {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const inList = (column: string, values: readonly (string | number)[]) => {
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.sessionIds) inList('session_id', filter.sessionIds);
  if (filter.directions) inList('direction', filter.directions);
  if (filter.commands) inList('command_name', filter.commands);
  if (filter.status?.kind === 'errors') clauses.push('command_status <> 0');
  if (filter.status?.kind === 'equals') {
    clauses.push('command_status = ?');
    params.push(filter.status.value);
  }
  if (filter.sequenceNumber !== undefined) {
    clauses.push('sequence_number = ?');
    params.push(filter.sequenceNumber);
  }
  if (filter.smscMessageId !== undefined) {
    clauses.push('message_id = ?');
    params.push(filter.smscMessageId);
  }
  if (filter.address !== undefined) {
    if (filter.address.endsWith('*')) {
      // substr, not LIKE: an address may hold % or _, and LIKE would read them as wildcards
      const prefix = filter.address.slice(0, -1);
      clauses.push('(substr(source_addr, 1, ?) = ? OR substr(destination_addr, 1, ?) = ?)');
      params.push(prefix.length, prefix, prefix.length, prefix);
    } else {
      clauses.push('(source_addr = ? OR destination_addr = ?)');
      params.push(filter.address, filter.address);
    }
  }
  if (filter.timeFrom !== undefined) {
    clauses.push('time_ms >= ?');
    params.push(filter.timeFrom);
  }
  if (filter.timeTo !== undefined) {
    clauses.push('time_ms <= ?');
    params.push(filter.timeTo);
  }
  if (filter.text !== undefined) {
    clauses.push('instr(lower(summary), ?) > 0');
    params.push(asciiLower(filter.text));
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}
