// Received deliver_sm / data_sm: delivery receipts (matched to the sent message when one is found) and MO.
import { receiptMatchRules, receiptStats, type InboxItem, type InboxPageRequest, type ReceiptMatchRule, type ReceiptStat, type ReceiptView } from '../../../shared/contract';
import { type Database, statement } from './database';

interface InboxRow {
  id: number; session_id: string; kind: string; received_at: number; source_addr: string; destination_addr: string;
  data_coding: number; text: string; receipt_smsc_message_id: string | null; receipt_stat: string | null; receipt_err: string | null;
  receipt_submit_date: string | null; receipt_done_date: string | null; receipt_stat_text: string | null; receipt_text: string | null;
  receipt_conflict: string | null; match_rule: string | null; read_at: number | null;
  m_id: string | null; m_destination_addr: string | null; m_text: string | null; m_smsc_message_id: string | null;
  parts_total: number; parts_received: number;
}

export interface NewInboxItem {
  sessionId: string;
  profileId: string;
  receivedAt: number;
  sourceAddr: string;
  destinationAddr: string;
  esmClass: number;
  dataCoding: number;
  text: string;
  receipt: ReceiptView | null;
  matchedMessageId: string | null;
  matchRule: ReceiptMatchRule | null;
}

const SELECT = `SELECT i.*, m.id AS m_id, m.destination_addr AS m_destination_addr, m.text AS m_text, m.smsc_message_id AS m_smsc_message_id,
    CASE WHEN i.concat_key IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM inbox_parts p WHERE p.inbox_id = i.id) END AS parts_received
  FROM inbox i LEFT JOIN messages m ON m.id = i.matched_message`;

/** Where a part of a concatenated MO belongs: same account, addresses, reference and total. */
export interface ConcatPart {
  key: string;
  total: number;
  sequence: number;
}

/** Shown where a part has not arrived (yet), so a gap is never mistaken for the text. */
const MISSING_PART = '…';

export class InboxRepo {
  constructor(private readonly db: Database) {}

  insert(item: NewInboxItem): InboxItem {
    const result = statement(this.db, 
        `INSERT INTO inbox (session_id, profile_id, kind, received_at, source_addr, destination_addr, esm_class, data_coding, text,
          receipt_smsc_message_id, receipt_stat, receipt_err, receipt_submit_date, receipt_done_date, matched_message,
          receipt_stat_text, receipt_text, receipt_conflict, match_rule)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.sessionId, item.profileId, item.receipt ? 'receipt' : 'mo', item.receivedAt, item.sourceAddr, item.destinationAddr,
        item.esmClass, item.dataCoding, item.text, item.receipt?.smscMessageId ?? null, item.receipt?.stat ?? null,
        item.receipt?.err ?? null, item.receipt?.submitDate ?? null, item.receipt?.doneDate ?? null, item.matchedMessageId,
        item.receipt?.statText ?? null, item.receipt?.text ?? null, item.receipt?.conflict ?? null, item.matchRule,
      );
    return this.get(Number(result.lastInsertRowid))!;
  }

  /** Receipts that arrived before their message's submit_sm_resp was stored (same TCP read, or another session). */
  unmatchedReceiptsFor(profileIds: string[], normalisedMessageId: string): Array<{ id: number; stat: ReceiptStat | null; receivedAt: number }> {
    const scope = profileIds.map(() => '?').join(', ');
    return (statement(this.db, 
        `SELECT id, receipt_stat AS stat, received_at AS receivedAt FROM inbox
         WHERE kind = 'receipt' AND matched_message IS NULL AND profile_id IN (${scope})
           AND (ltrim(lower(receipt_smsc_message_id), '0') = ? OR (? = '0' AND ltrim(lower(receipt_smsc_message_id), '0') = ''))
         ORDER BY id`,
      )
      .all(...profileIds, normalisedMessageId, normalisedMessageId) as unknown as Array<{ id: number; stat: string | null; receivedAt: number }>)
      .map((r) => ({ ...r, stat: receiptStatOf(r.stat) }));
  }

  /** A receipt that came before its message's submit_sm_resp, matched once that response arrived. */
  match(id: number, consoleMessageId: string): InboxItem {
    statement(this.db, "UPDATE inbox SET matched_message = ?, match_rule = 'on-response' WHERE id = ?").run(consoleMessageId, id);
    return this.get(id)!;
  }

  /**
   * Adds one part of a concatenated MO: to the open item with the same key (not yet complete), or a new item.
   * The item's text is its parts in order, with a marker for each one still missing. A repeated part (an SMSC
   * re-sending what it thinks was lost) replaces its earlier copy.
   */
  addMoPart(item: NewInboxItem, part: ConcatPart): InboxItem {
    const open = statement(this.db, 
        `SELECT i.id FROM inbox i WHERE i.concat_key = ? AND i.parts_total = ?
           AND (SELECT COUNT(*) FROM inbox_parts p WHERE p.inbox_id = i.id) < i.parts_total ORDER BY i.id DESC LIMIT 1`,
      )
      .get(part.key, part.total) as { id: number } | undefined;
    const id = open?.id ?? this.insert({ ...item, text: '' }).id;
    if (!open) statement(this.db, 'UPDATE inbox SET concat_key = ?, parts_total = ? WHERE id = ?').run(part.key, part.total, id);
    statement(this.db, 'INSERT OR REPLACE INTO inbox_parts (inbox_id, seq, text) VALUES (?, ?, ?)').run(id, part.sequence, item.text);
    const texts = new Map(
      (statement(this.db, 'SELECT seq, text FROM inbox_parts WHERE inbox_id = ?').all(id) as Array<{ seq: number; text: string }>).map((p) => [p.seq, p.text]),
    );
    const text = Array.from({ length: part.total }, (_, i) => texts.get(i + 1) ?? MISSING_PART).join('');
    statement(this.db, 'UPDATE inbox SET text = ?, received_at = ? WHERE id = ?').run(text, item.receivedAt, id);
    return this.get(id)!;
  }

  get(id: number): InboxItem | null {
    const row = statement(this.db, `${SELECT} WHERE i.id = ?`).get(id) as unknown as InboxRow | undefined;
    return row ? toItem(row) : null;
  }

  /** Newest first; one session's when asked; before an id when paging back. */
  list(request: InboxPageRequest): InboxItem[] {
    const clauses: string[] = [];
    const params: Array<string | number> = [];
    if (request.sessionId !== undefined) {
      clauses.push('i.session_id = ?');
      params.push(request.sessionId);
    }
    if (request.beforeId !== undefined) {
      clauses.push('i.id < ?');
      params.push(request.beforeId);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    return (statement(this.db, `${SELECT} ${where} ORDER BY i.id DESC LIMIT ?`).all(...params, request.limit) as unknown as InboxRow[]).map(toItem);
  }
}

function toItem(row: InboxRow): InboxItem {
  return {
    id: row.id, sessionId: row.session_id, kind: row.kind === 'receipt' ? 'receipt' : 'mo', read: row.read_at !== null, receivedAt: row.received_at,
    sourceAddr: row.source_addr, destinationAddr: row.destination_addr, dataCoding: row.data_coding, text: row.text,
    receipt:
      row.receipt_smsc_message_id === null
        ? null
        : {
            smscMessageId: row.receipt_smsc_message_id, stat: receiptStatOf(row.receipt_stat), statText: row.receipt_stat_text, err: row.receipt_err,
            submitDate: row.receipt_submit_date, doneDate: row.receipt_done_date, text: row.receipt_text, conflict: row.receipt_conflict,
          },
    matchRule: storedAs(receiptMatchRules, row.match_rule),
    matchedMessage:
      row.m_id === null
        ? null
        : { id: row.m_id, destinationAddr: row.m_destination_addr ?? '', text: row.m_text ?? '', smscMessageId: row.m_smsc_message_id },
    parts: { total: row.parts_total, received: row.parts_received },
  };
}

/** A stored word as the union it was written from (a value outside it reads as none). */
function storedAs<T extends string>(words: readonly T[], stored: string | null): T | null {
  return words.find((word) => word === stored) ?? null;
}

const receiptStatOf = (stored: string | null): ReceiptStat | null => storedAs(receiptStats, stored);
