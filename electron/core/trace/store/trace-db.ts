// Every PDU's trace record with its exact bytes, in the trace store's own database: appended in batches (one
// transaction each), request rows updated as their responses pair with them, pruned to the newest N, and read back
// by id. Runs where the trace store runs (a worker thread in the app); nothing here touches the main database.
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { RequestOutcome, TraceDirection, TracePairUpdate, TraceSessionInfo, TraceSummary } from '../../../../shared/contract';
import type { ConnectionEndpoints } from '../../smpp/connection';
import { commandName, statusName } from '../../smpp/smpp-tables';
import { secureFile } from '../../store/data-folder';
import { statement } from '../../store/database';
import { TRACE_MIGRATIONS } from './trace-schema';

export const TRACE_DATABASE_FILE = 'smpp-console-trace.sqlite';

export interface TraceRecord extends TraceSummary {
  /** Exact octets as captured (a Uint8Array once it has crossed to the worker). */
  bytes: Uint8Array;
}

/** What the store is sent, in capture order: rows, and changes to request rows already sent. */
export type TraceStoreItem = { record: TraceRecord } | { update: TracePairUpdate };

export type { TraceSessionInfo };

/** One connection of a session as the trace knows it: its ends, and the first trace id that may be its. */
export interface TraceConnection extends ConnectionEndpoints {
  sessionId: string;
  firstId: number;
  /** ms since the epoch (fractional for a capture's microseconds). */
  openedAt: number;
}

const COLUMNS =
  'id, session_id, time_ms, direction, command_id, command_name, command_status, sequence_number, length, summary, problem, ' +
  'message_id, source_addr, destination_addr, request_id, response_id, outcome, response_status, rtt_us, bytes';
const COLUMN_COUNT = COLUMNS.split(',').length;
/** 20 columns × 64 rows stays under SQLite's default limit of 32,766 bound parameters. */
const ROWS_PER_INSERT = 64;

/**
 * The INSERT for n rows, written once per n: building its ≈ 6 KB of text (and hashing it to find the prepared
 * statement) for every 64 rows was ≈ 3 % of the store worker's time at window 10 (profiled).
 */
const insertSqls: string[] = [];
function insertSql(rows: number): string {
  let sql = insertSqls[rows];
  if (sql === undefined) {
    const row = `(${Array.from({ length: COLUMN_COUNT }, () => '?').join(', ')})`;
    sql = `INSERT INTO trace (${COLUMNS}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
    insertSqls[rows] = sql;
  }
  return sql;
}

export interface TraceRow {
  id: number; session_id: string; time_ms: number; direction: string; command_id: number; command_name: string;
  command_status: number; sequence_number: number; length: number; summary: string; problem: string | null;
  message_id: string | null; source_addr: string | null; destination_addr: string | null; request_id: number | null;
  response_id: number | null; outcome: string | null; response_status: number | null; rtt_us: number | null;
  bytes: Uint8Array;
}

export function openTraceDatabase(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): DatabaseSync {
  const file = join(dataDir, TRACE_DATABASE_FILE);
  secureFile(file);
  const db = new DatabaseSync(file);
  // 16 MiB of page cache: the indexes are appended to at their ends, so their hot pages are few (measured: 64 MiB
  // inserted no faster, and cost the host ≈ 50 MB of memory under a burst).
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA cache_size = -16384;`);
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let v = version; v < TRACE_MIGRATIONS.length; v += 1) {
    db.exec('BEGIN');
    db.exec(TRACE_MIGRATIONS[v]!);
    db.exec(`PRAGMA user_version = ${v + 1}`);
    db.exec('COMMIT');
  }
  return db;
}

export class TraceDb {
  private readonly updatePair: StatementSync;

  constructor(readonly db: DatabaseSync) {
    this.updatePair = db.prepare('UPDATE trace SET response_id = ?, outcome = ?, response_status = ?, rtt_us = ? WHERE id = ?');
  }

  /** The next id to give out: one past the newest stored. */
  nextId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM trace').get() as { next: number }).next;
  }

  /** One transaction: rows inserted ROWS_PER_INSERT a statement, updates applied in their place in the order. */
  append(items: readonly TraceStoreItem[]): void {
    this.db.exec('BEGIN');
    try {
      let rows: TraceRecord[] = [];
      const flushRows = () => {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) this.insertRows(rows.slice(start, start + ROWS_PER_INSERT));
        rows = [];
      };
      for (const item of items) {
        if ('record' in item) {
          rows.push(item.record);
          continue;
        }
        flushRows();
        const u = item.update;
        this.updatePair.run(u.responseId, u.outcome, u.responseStatus, u.rttMs === null ? null : Math.round(u.rttMs * 1000), u.requestId);
      }
      flushRows();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private insertRows(rows: readonly TraceRecord[]): void {
    const values: Array<string | number | null | Uint8Array> = [];
    for (const r of rows) {
      values.push(
        r.id, r.sessionId, r.time, r.direction, r.commandId, r.commandName, r.commandStatus, r.sequenceNumber, r.length, r.summary,
        r.problem, r.smscMessageId, r.sourceAddr, r.destinationAddr, r.requestId, r.responseId, r.outcome, r.responseStatus,
        r.rttMs === null ? null : Math.round(r.rttMs * 1000), r.bytes,
      );
    }
    statement(this.db, insertSql(rows.length)).run(...values);
  }

  /** Drops every record older than the newest `keep` (ids are consecutive); returns the lowest id kept. */
  prune(keep: number): number {
    this.db.prepare('DELETE FROM trace WHERE id <= (SELECT MAX(id) FROM trace) - ?').run(keep);
    return (this.db.prepare('SELECT COALESCE(MIN(id), 0) AS low FROM trace').get() as { low: number }).low;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM trace').get() as { n: number }).n;
  }

  get(id: number): TraceRecord | null {
    const row = statement(this.db, 'SELECT * FROM trace WHERE id = ?').get(id) as unknown as TraceRow | undefined;
    return row ? recordOf(row) : null;
  }

  rememberSession(info: TraceSessionInfo): void {
    this.db
      .prepare('INSERT INTO trace_sessions (session_id, profile_name, started_at) VALUES (?, ?, ?) ON CONFLICT (session_id) DO NOTHING')
      .run(info.sessionId, info.profileName, info.startedAt);
  }

  rememberConnection(c: TraceConnection): void {
    statement(
      this.db,
      'INSERT INTO trace_connections (session_id, first_id, opened_at, local_address, local_port, remote_address, remote_port, initiator, tls) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(c.sessionId, c.firstId, c.openedAt, c.localAddress, c.localPort, c.remoteAddress, c.remotePort, c.initiator, c.tls ? 1 : 0);
  }

  /** Every recorded connection, oldest first within each session. */
  connections(): TraceConnection[] {
    const rows = this.db.prepare('SELECT * FROM trace_connections ORDER BY session_id, first_id, id').all() as Array<Record<string, string | number>>;
    return rows.map((r) => ({
      sessionId: String(r.session_id), firstId: Number(r.first_id), openedAt: Number(r.opened_at), localAddress: String(r.local_address),
      localPort: Number(r.local_port), remoteAddress: String(r.remote_address), remotePort: Number(r.remote_port),
      initiator: r.initiator === 'remote' ? 'remote' : 'local', tls: Number(r.tls) === 1,
    }));
  }

  sessions(): TraceSessionInfo[] {
    const rows = this.db.prepare('SELECT * FROM trace_sessions ORDER BY started_at').all() as Array<{ session_id: string; profile_name: string; started_at: number }>;
    return rows.map((r) => ({ sessionId: r.session_id, profileName: r.profile_name, startedAt: r.started_at }));
  }
}

export function summaryOf(row: TraceRow): TraceSummary {
  const direction = row.direction as TraceDirection;
  return {
    id: row.id, sessionId: row.session_id, time: row.time_ms, direction, commandId: row.command_id,
    commandName: row.command_name, commandStatus: row.command_status,
    statusName: direction === 'event' || row.length < 16 ? '' : statusName(row.command_status),
    sequenceNumber: row.sequence_number, length: row.length, summary: row.summary, problem: row.problem,
    smscMessageId: row.message_id, sourceAddr: row.source_addr, destinationAddr: row.destination_addr, requestId: row.request_id,
    responseId: row.response_id, outcome: row.outcome as RequestOutcome | null, responseStatus: row.response_status,
    responseStatusName: row.response_status === null ? null : statusName(row.response_status),
    rttMs: row.rtt_us === null ? null : row.rtt_us / 1000,
  };
}

export function recordOf(row: TraceRow): TraceRecord {
  return { ...summaryOf(row), bytes: row.bytes };
}

/**
 * The trace an earlier version kept in the main database, moved here once (in chunks, with the command names the
 * old rows left out), then dropped there. Returns how many rows moved.
 */
export function importLegacyTrace(trace: TraceDb, mainDatabaseFile: string): number {
  const db = trace.db;
  db.exec(`ATTACH DATABASE '${mainDatabaseFile.replaceAll("'", "''")}' AS legacy`);
  try {
    const exists = db.prepare("SELECT 1 FROM legacy.sqlite_master WHERE type = 'table' AND name = 'trace'").get();
    if (!exists) return 0;
    const read = db.prepare('SELECT * FROM legacy.trace WHERE id > ? ORDER BY id LIMIT 2000');
    let after = 0;
    let moved = 0;
    for (;;) {
      const rows = read.all(after) as Array<Record<string, unknown>>;
      if (rows.length === 0) break;
      trace.append(
        rows.map((r) => ({
          record: {
            ...summaryOf({
              ...(r as unknown as TraceRow), command_name: (r.command_name as string | null) ?? commandName(Number(r.command_id)),
              message_id: null, source_addr: null, destination_addr: null, request_id: null, response_id: null, outcome: null,
              response_status: null, rtt_us: null,
            }),
            bytes: r.bytes as Uint8Array,
          },
        })),
      );
      moved += rows.length;
      after = Number(rows.at(-1)!.id);
    }
    db.exec('DROP TABLE legacy.trace');
    return moved;
  } finally {
    db.exec('DETACH DATABASE legacy');
  }
}
