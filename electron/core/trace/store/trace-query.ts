// Filters, counts and pages over the whole stored trace, as SQL with the same meaning as shared/trace-filter.ts
// gives a live row. A query is fixed at a snapshot (the newest id stored when it was counted): rows after it reach
// the view live. Paging a screenful at any offset must stay fast at a million rows, so a count also builds a
// directory — the id at every 1,024th position, in the same pass (a window function) — and a page starts from the
// nearest entry, skipping at most 1,023 index entries. Measured here with 1,048,576 rows: command + status count
// ≈ 1 ms, message_id ≈ 0.1 ms, a command's directory (350k matches) ≈ 0.3–0.5 s, free text or address (full scan)
// ≈ 0.3–0.7 s; a page from a directory entry ≈ 3 ms. Unfiltered, ids are consecutive: positions are arithmetic.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { TraceCount, TraceSort, TraceSummary } from '../../../../shared/contract';
import { asciiLower, canonicalFilter, type TraceFilter } from '../../../../shared/trace-filter';
import { summaryOf, type TraceRow } from './trace-db';

export type { TraceCount, TraceSort };

const STEP = 1024;
/** Directories kept for the latest queries (a few KB each). */
const CACHED = 8;

interface Directory {
  total: number;
  snapshotId: number;
  /** Unfiltered and gapless: the row at position p is id first + p. */
  first: number | null;
  /** Otherwise the id at positions 0, STEP, 2·STEP… */
  anchors: number[];
}

export class TraceQueries {
  private readonly directories = new Map<string, Directory>();
  /** The last RTT-ordered view, materialised (a temp table: positions are its rowids). */
  private rttView: { key: string; total: number } | null = null;

  constructor(private readonly db: DatabaseSync) {}

  /** Counts the matches up to now (or up to `snapshotId`) and remembers where every 1,024th one is. */
  count(filter: TraceFilter, sort: TraceSort = 'time', snapshotId?: number): TraceCount {
    const snapshot = snapshotId ?? this.newestId();
    if (sort === 'rtt') return { total: this.rttOrder(filter, snapshot).total, snapshotId: snapshot };
    const directory = this.directory(filter, snapshot);
    return { total: directory.total, snapshotId: snapshot };
  }

  /** `limit` rows from position `offset` of the query fixed at `snapshotId`, in its order. */
  page(filter: TraceFilter, sort: TraceSort, snapshotId: number, offset: number, limit: number): TraceSummary[] {
    if (sort === 'rtt') {
      this.rttOrder(filter, snapshotId);
      const rows = this.db
        .prepare('SELECT t.* FROM temp.rtt_view v JOIN trace t ON t.id = v.id WHERE v.rowid > ? ORDER BY v.rowid LIMIT ?')
        .all(offset, limit) as unknown as TraceRow[];
      return rows.map(summaryOf);
    }
    const directory = this.directory(filter, snapshotId);
    if (offset >= directory.total) return [];
    const { where, params } = whereOf(canonicalFilter(filter));
    let startId: number;
    if (directory.first !== null) {
      startId = directory.first + offset;
    } else {
      const anchor = directory.anchors[Math.floor(offset / STEP)]!;
      const skip = offset % STEP;
      const found = this.db
        .prepare(`SELECT id FROM trace WHERE ${where} AND id >= ? AND id <= ? ORDER BY id LIMIT 1 OFFSET ?`)
        .get(...params, anchor, snapshotId, skip) as { id: number } | undefined;
      if (!found) return [];
      startId = found.id;
    }
    const rows = this.db
      .prepare(`SELECT * FROM trace WHERE ${where} AND id >= ? AND id <= ? ORDER BY id LIMIT ?`)
      .all(...params, startId, snapshotId, limit) as unknown as TraceRow[];
    return rows.map(summaryOf);
  }

  /** Where a row sits in the query fixed at `snapshotId`; null when it does not match (or is not in the snapshot). */
  position(filter: TraceFilter, sort: TraceSort, snapshotId: number, id: number): number | null {
    if (id > snapshotId) return null;
    const canonical = canonicalFilter(filter);
    const { where, params } = whereOf(canonical);
    if (sort === 'rtt') {
      this.rttOrder(filter, snapshotId);
      const row = this.db.prepare('SELECT rowid AS n FROM temp.rtt_view WHERE id = ?').get(id) as { n: number } | undefined;
      return row ? row.n - 1 : null;
    }
    if (!this.db.prepare(`SELECT 1 FROM trace WHERE ${where} AND id = ?`).get(...params, id)) return null;
    const directory = this.directory(filter, snapshotId);
    if (directory.first !== null) return id - directory.first;
    let low = 0;
    let high = directory.anchors.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (directory.anchors[middle]! <= id) low = middle;
      else high = middle - 1;
    }
    const before = this.db
      .prepare(`SELECT COUNT(*) AS n FROM trace WHERE ${where} AND id >= ? AND id < ?`)
      .get(...params, directory.anchors[low]!, id) as { n: number };
    return low * STEP + before.n;
  }

  /** Rows after `afterId` that match (the part of a live tail a client was not sent), oldest first. */
  after(filter: TraceFilter, afterId: number, limit: number): TraceSummary[] {
    const { where, params } = whereOf(canonicalFilter(filter));
    const rows = this.db
      .prepare(`SELECT * FROM trace WHERE ${where} AND id > ? ORDER BY id LIMIT ?`)
      .all(...params, afterId, limit) as unknown as TraceRow[];
    return rows.map(summaryOf);
  }

  /** Forget cached positions: rows were pruned or rewritten. */
  invalidate(): void {
    this.directories.clear();
    this.rttView = null;
  }

  newestId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM trace').get() as { id: number }).id;
  }

  /**
   * The directory of a filter up to a snapshot. One is kept per filter (the latest): a later snapshot extends it
   * with only the rows that came since — a following view re-counts every few thousand rows, and must not pay a
   * full scan each time — while an earlier snapshot reads the same positions from it (positions never move, only
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
    else directory = this.buildDirectory(canonical, snapshotId);
    this.directories.set(key, directory); // most recently used goes last
    if (this.directories.size > CACHED) this.directories.delete(this.directories.keys().next().value!);
    return directory;
  }

  private extend(filter: TraceFilter, from: Directory, snapshotId: number): Directory {
    const { where, params } = whereOf(filter);
    if (from.first !== null) {
      const added = (this.db.prepare('SELECT COUNT(*) AS n FROM trace WHERE id > ? AND id <= ?').get(from.snapshotId, snapshotId) as { n: number }).n;
      // still gapless: positions stay arithmetic; otherwise (rows were lost) count it afresh
      if (added === snapshotId - from.snapshotId) return { ...from, total: from.total + added, snapshotId };
      return this.buildDirectory(filter, snapshotId);
    }
    const rows = this.db
      .prepare(
        `SELECT id, n, total FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
           FROM trace WHERE ${where} AND id > ? AND id <= ?) WHERE (n + ?) % ${STEP} = 1 OR n = total`,
      )
      .all(...params, from.snapshotId, snapshotId, from.total) as Array<{ id: number; n: number; total: number }>;
    const added = rows[0]?.total ?? 0;
    const anchors = from.anchors.concat(rows.filter((r) => (r.n + from.total) % STEP === 1).map((r) => r.id));
    return { total: from.total + added, snapshotId, first: null, anchors };
  }

  private buildDirectory(filter: TraceFilter, snapshotId: number): Directory {
    if (Object.keys(filter).length === 0) {
      const span = this.db.prepare('SELECT MIN(id) AS low, COUNT(*) AS n FROM trace WHERE id <= ?').get(snapshotId) as { low: number | null; n: number };
      if (span.low === null) return { total: 0, snapshotId, first: null, anchors: [] };
      if (snapshotId - span.low + 1 === span.n) return { total: span.n, snapshotId, first: span.low, anchors: [] };
    }
    const { where, params } = whereOf(filter);
    const rows = this.db
      .prepare(
        `SELECT id, n, total FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
           FROM trace WHERE ${where} AND id <= ?) WHERE n % ${STEP} = 1`,
      )
      .all(...params, snapshotId) as Array<{ id: number; n: number; total: number }>;
    return { total: rows[0]?.total ?? 0, snapshotId, first: null, anchors: rows.map((r) => r.id) };
  }

  private rttOrder(filter: TraceFilter, snapshotId: number): { total: number } {
    const canonical = canonicalFilter(filter);
    const key = `${snapshotId}|${JSON.stringify(canonical)}`;
    if (this.rttView?.key === key) return this.rttView;
    const { where, params } = whereOf(canonical);
    this.db.exec('DROP TABLE IF EXISTS temp.rtt_view');
    this.db
      .prepare(`CREATE TEMP TABLE rtt_view AS SELECT id FROM trace WHERE ${where} AND rtt_us IS NOT NULL AND id <= ? ORDER BY rtt_us DESC, id DESC`)
      .run(...params, snapshotId);
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM temp.rtt_view').get() as { n: number }).n;
    this.rttView = { key, total };
    return this.rttView;
  }
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
  if (filter.messageId !== undefined) {
    clauses.push('message_id = ?');
    params.push(filter.messageId);
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
