// Every PDU's trace record with its exact bytes, appended in batches (one transaction per batch).
import type { TraceDirection, TraceSummary } from '../../../shared/contract';
import { commandName, statusName } from '../smpp/smpp-tables';
import { inTransaction, type Database } from './database';

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

  append(records: TraceRecord[]): void {
    const insert = this.db.prepare(
      `INSERT INTO trace (id, session_id, time_ms, direction, command_id, command_status, sequence_number, length, summary, problem, bytes, command_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inTransaction(this.db, () => {
      for (const r of records) {
        // The name is stored only where the command_id cannot give it back (events, unframed bytes).
        const name = r.direction === 'event' || r.length < 16 ? r.commandName : null;
        insert.run(r.id, r.sessionId, r.time, r.direction, r.commandId, r.commandStatus, r.sequenceNumber, r.length, r.summary, r.problem, r.bytes, name);
      }
    });
  }

  get(id: number): TraceRecord | null {
    const row = this.db.prepare('SELECT * FROM trace WHERE id = ?').get(id) as unknown as TraceRow | undefined;
    return row ? fromRow(row) : null;
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
