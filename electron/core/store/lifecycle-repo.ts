// What the message store knows of one sent message's story: its parts (each submit's sequence number, times and
// outcome) and the receipts matched to it (which part each reports on, and the deliver_sm it came in). The trace
// rows of those PDUs are found from this by messages/message-lifecycle.ts.
import { receiptMatchRules, type DraftContent, type MessageState, type ReceiptMatchRule, type ReceiptView } from '../../../shared/contract';
import { normaliseMessageId } from '../../../shared/message-id';
import { statement, type Database } from './database';
import { storedAs, storedReceipt, type StoredReceiptColumns } from './stored-receipt';

export interface StoredPart {
  seq: number;
  state: MessageState;
  smscMessageId: string | null;
  commandStatus: number | null;
  submitSequence: number | null;
  sentAt: number | null;
  answeredAt: number | null;
}

export interface StoredLifecycleReceipt {
  inboxId: number;
  sessionId: string;
  receivedAt: number;
  esmClass: number;
  /** The part it reports on: as matched, else by its id among the parts' ids, else the first part. */
  seq: number;
  pduSequence: number | null;
  receipt: ReceiptView;
  matchRule: ReceiptMatchRule | null;
}

interface PartRow {
  seq: number; state: string; smsc_message_id: string | null; command_status: number | null; submit_sequence: number | null;
  sent_at: number | null; answered_at: number | null;
}

interface ReceiptRow extends StoredReceiptColumns {
  id: number; session_id: string; received_at: number; esm_class: number; matched_part: number | null; pdu_sequence: number | null;
  match_rule: string | null;
}

export class LifecycleRepo {
  constructor(private readonly db: Database) {}

  /** The draft a message was sent from; null for messages stored before drafts were kept, or an unreadable one. */
  draftOf(consoleMessageId: string): DraftContent | null {
    const row = statement(this.db, 'SELECT draft FROM messages WHERE id = ?').get(consoleMessageId) as { draft: string | null } | undefined;
    if (!row?.draft) return null;
    return JSON.parse(row.draft) as DraftContent;
  }

  parts(consoleMessageId: string): StoredPart[] {
    const rows = statement(this.db, 
      `SELECT seq, state, smsc_message_id, command_status, submit_sequence, sent_at, answered_at FROM message_parts
       WHERE console_message_id = ? ORDER BY seq`,
    ).all(consoleMessageId) as unknown as PartRow[];
    return rows.map((r) => ({
      seq: r.seq, state: r.state as MessageState, smscMessageId: r.smsc_message_id, commandStatus: r.command_status,
      submitSequence: r.submit_sequence, sentAt: r.sent_at, answeredAt: r.answered_at,
    }));
  }

  /** The receipts matched to the message, oldest first, each assigned to its part. */
  receipts(consoleMessageId: string, parts: StoredPart[]): StoredLifecycleReceipt[] {
    const rows = statement(this.db, 
      `SELECT id, session_id, received_at, esm_class, matched_part, pdu_sequence, match_rule, receipt_smsc_message_id, receipt_stat,
         receipt_stat_text, receipt_err, receipt_submit_date, receipt_done_date, receipt_text, receipt_conflict
       FROM inbox INDEXED BY inbox_by_matched WHERE matched_message = ? ORDER BY id`,
    ).all(consoleMessageId) as unknown as ReceiptRow[];
    const seqById = new Map(parts.filter((p) => p.smscMessageId !== null).map((p) => [normaliseMessageId(p.smscMessageId!), p.seq]));
    return rows.flatMap((r) => {
      const receipt = storedReceipt(r);
      if (!receipt) return [];
      const seq = r.matched_part ?? seqById.get(normaliseMessageId(receipt.smscMessageId)) ?? 1;
      return [{
        inboxId: r.id, sessionId: r.session_id, receivedAt: r.received_at, esmClass: r.esm_class, seq, pduSequence: r.pdu_sequence,
        receipt, matchRule: storedAs(receiptMatchRules, r.match_rule),
      }];
    });
  }
}
