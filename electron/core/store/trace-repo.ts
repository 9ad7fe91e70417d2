// Every PDU's trace record with its exact bytes, appended in batches (one transaction per batch).
import type { TraceDirection, TraceSummary } from '../../../shared/contract';
import { commandName, statusName } from '../smpp/smpp-tables';
import type { StatementSync } from 'node:sqlite';
import { inTransaction, type Database } from './database';

/** 12 columns × 64 rows stays under SQLite's default limit of 32,766 bound parameters. */
const ROWS_PER_INSERT = 64;

export interface TraceRecord extends TraceSummary {
  bytes: Buffer;
}

interface TraceRow {
  id: number; session_id: string; time_ms: number; direction: string; command_id: number; command_status: number;
  sequence_number: number; length: number; summary: string; problem: string | null; bytes: Uint8Array;
  command_name: string | null;
}

export class TraceRepo {
  constructor(private readonly db: Database) {}

  nextId(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM trace').get() as { next: number };
    return row.next;
  }

  /** Appends in one transaction, ROWS_PER_INSERT rows a statement: per-statement cost dominates one-row inserts. */
  append(records: TraceRecord[]): void {
    inTransaction(this.db, () => {
      for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
        const chunk = records.slice(start, start + ROWS_PER_INSERT);
        const values: unknown[] = [];
        for (const r of chunk) {
          // The name is stored only where the command_id cannot give it back (events, unframed bytes).
          const name = r.direction === 'event' || r.length < 16 ? r.commandName : null;
          values.push(r.id, r.sessionId, r.time, r.direction, r.commandId, r.commandStatus, r.sequenceNumber, r.length, r.summary, r.problem, r.bytes, name);
        }
        this.insertStatement(chunk.length).run(...(values as never[]));
      }
    });
  }

  private readonly inserts = new Map<number, StatementSync>();
  private insertStatement(rows: number): StatementSync {
    let statement = this.inserts.get(rows);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO trace (id, session_id, time_ms, direction, command_id, command_status, sequence_number, length, summary, problem, bytes, command_name)
         VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  get(id: number): TraceRecord | null {
    const row = this.db.prepare('SELECT * FROM trace WHERE id = ?').get(id) as unknown as TraceRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Drops every record older than the newest `keep` (ids are consecutive); returns how many went. */
  prune(keep: number): number {
    return Number(this.db.prepare('DELETE FROM trace WHERE id <= (SELECT MAX(id) FROM trace) - ?').run(keep).changes);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM trace').get() as { n: number }).n;
  }

  /** The newest records, oldest first. */
  recent(limit: number): TraceRecord[] {
    const rows = this.db.prepare('SELECT * FROM trace ORDER BY id DESC LIMIT ?').all(limit) as unknown as TraceRow[];
    return rows.reverse().map(fromRow);
  }
}

function fromRow(row: TraceRow): TraceRecord {
  return {
    id: row.id, sessionId: row.session_id, time: row.time_ms, direction: row.direction as TraceDirection,
    commandId: row.command_id, commandName: row.command_name ?? commandName(row.command_id),
    commandStatus: row.command_status, statusName: row.direction === 'event' ? '' : statusName(row.command_status), sequenceNumber: row.sequence_number, length: row.length,
    summary: row.summary, problem: row.problem, bytes: Buffer.from(row.bytes),
  };
}
