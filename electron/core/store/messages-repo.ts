// Sent messages and their lifecycle: submitting → accepted/rejected/failed → the receipt's stat.
import type { MessageState, MessageView } from '../../../shared/contract';
import { messageIdCandidates, normaliseMessageId } from '../messages/message-id';
import { statusName } from '../smpp/smpp-tables';
import type { Database } from './database';

interface MessageRow {
  id: string; session_id: string; profile_id: string; source_addr: string; destination_addr: string; text: string;
  data_coding: number; state: string; message_id: string | null; command_status: number | null; submitted_at: number;
  receipt_at: number | null;
}

const FINAL_STATS = ['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'REJECTD', 'UNKNOWN'];
const NON_FINAL_STATS = ['ENROUTE', 'ACCEPTD'];
const sqlList = (values: string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const FINAL_SQL = sqlList(FINAL_STATS);
const NON_FINAL_SQL = sqlList(NON_FINAL_STATS);

export type NewMessage = Pick<MessageView, 'id' | 'sessionId' | 'profileId' | 'sourceAddr' | 'destinationAddr' | 'text' | 'dataCoding'>;

export class MessagesRepo {
  constructor(private readonly db: Database) {}

  insert(message: NewMessage, submittedAt: number): MessageView {
    this.db
      .prepare(
        `INSERT INTO messages (id, session_id, profile_id, source_addr, destination_addr, text, data_coding, state, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'submitting', ?)`,
      )
      .run(message.id, message.sessionId, message.profileId, message.sourceAddr, message.destinationAddr, message.text, message.dataCoding, submittedAt);
    return this.get(message.id)!;
  }

  /** Records submit_sm_resp: accepted with its message_id, or rejected with its status. */
  answered(id: string, commandStatus: number, messageId: string | null): MessageView {
    const state: MessageState = commandStatus === 0 ? 'accepted' : 'rejected';
    this.db
      .prepare('UPDATE messages SET state = ?, command_status = ?, message_id = ?, message_id_norm = ? WHERE id = ?')
      .run(state, commandStatus, messageId, messageId === null ? null : normaliseMessageId(messageId), id);
    return this.get(id)!;
  }

  /** The submit never got an answer (timeout, connection lost, encode error). */
  failed(id: string): MessageView {
    this.db.prepare(`UPDATE messages SET state = 'failed' WHERE id = ?`).run(id);
    return this.get(id)!;
  }

  /** Records a receipt's stat; an intermediate one (ENROUTE, ACCEPTD) never overwrites a final outcome. */
  receipted(id: string, stat: string, at: number): MessageView {
    this.db
      .prepare(`UPDATE messages SET state = CASE WHEN ? IN ${NON_FINAL_SQL} AND state IN ${FINAL_SQL} THEN state ELSE ? END, receipt_at = ? WHERE id = ?`)
      .run(stat, stat, at, id);
    return this.get(id)!;
  }

  /**
   * The message a receipt's id reports on, among these profiles' messages: the newest with the same spelling
   * (case and zero padding aside); failing that, a hex/decimal conversion — but only when exactly one message
   * still waiting for its receipt answers to it, because a guess that picks the wrong message is worse than none.
   */
  findBySmscId(profileIds: string[], messageId: string): MessageView | null {
    const scope = profileIds.map(() => '?').join(', ');
    const [literal, ...converted] = messageIdCandidates(messageId);
    const exact = this.db
      .prepare(`SELECT * FROM messages WHERE profile_id IN (${scope}) AND message_id_norm = ? ORDER BY submitted_at DESC LIMIT 1`)
      .get(...profileIds, literal!) as unknown as MessageRow | undefined;
    if (exact) return toView(exact);
    if (converted.length === 0) return null;
    const rows = this.db
      .prepare(
        `SELECT * FROM messages WHERE profile_id IN (${scope}) AND receipt_at IS NULL
           AND message_id_norm IN (${converted.map(() => '?').join(', ')}) LIMIT 2`,
      )
      .all(...profileIds, ...converted) as unknown as MessageRow[];
    return rows.length === 1 ? toView(rows[0]!) : null;
  }

  get(id: string): MessageView | null {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as unknown as MessageRow | undefined;
    return row ? toView(row) : null;
  }

  list(limit = 500): MessageView[] {
    const rows = this.db.prepare('SELECT * FROM messages ORDER BY submitted_at DESC LIMIT ?').all(limit) as unknown as MessageRow[];
    return rows.map(toView);
  }
}

function toView(row: MessageRow): MessageView {
  return {
    id: row.id, sessionId: row.session_id, profileId: row.profile_id, sourceAddr: row.source_addr,
    destinationAddr: row.destination_addr, text: row.text, dataCoding: row.data_coding, state: row.state as MessageState,
    messageId: row.message_id, commandStatus: row.command_status,
    statusName: row.command_status === null ? null : statusName(row.command_status),
    submittedAt: row.submitted_at, receiptAt: row.receipt_at,
  };
}
