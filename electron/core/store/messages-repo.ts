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

  receipted(id: string, stat: string, at: number): MessageView {
    this.db.prepare('UPDATE messages SET state = ?, receipt_at = ? WHERE id = ?').run(stat, at, id);
    return this.get(id)!;
  }

  /** The newest message of this SMSC profile with this message_id: literal spelling first, then conversions. */
  findBySmscId(profileId: string, messageId: string): MessageView | null {
    const statement = this.db.prepare(
      'SELECT * FROM messages WHERE profile_id = ? AND message_id_norm = ? ORDER BY submitted_at DESC LIMIT 1',
    );
    for (const candidate of messageIdCandidates(messageId)) {
      const row = statement.get(profileId, candidate) as unknown as MessageRow | undefined;
      if (row) return toView(row);
    }
    return null;
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
