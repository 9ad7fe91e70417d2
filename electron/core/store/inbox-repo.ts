// Received deliver_sm / data_sm: delivery receipts (matched to the sent message when one is found) and MO.
import { receiptMatchRules, type InboxItem, type InboxPageRequest, type MessageView, type ReceiptMatchRule, type ReceiptStat, type ReceiptView } from '../../../shared/contract';
import { inTransaction, type Database, statement } from './database';
import { receiptStatOf, storedAs, storedReceipt } from './stored-receipt';
import { inboxWhere } from './inbox-query';
import type { PartRef } from './messages-repo';

interface InboxRow {
  id: number; session_id: string; kind: string; received_at: number; source_addr: string; destination_addr: string;
  data_coding: number; text: string; receipt_smsc_message_id: string | null; receipt_stat: string | null; receipt_err: string | null;
  receipt_submit_date: string | null; receipt_done_date: string | null; receipt_stat_text: string | null; receipt_text: string | null;
  receipt_conflict: string | null; match_rule: string | null; read_at: number | null; repeats: number;
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
  /** The part of that message the receipt reports on (its own message_id). */
  matchedPart?: number | null;
  matchRule: ReceiptMatchRule | null;
  /** The deliver_sm / data_sm's digest (deliver-digest.ts), by which a re-send of it is recognised (inbox-duplicates.ts). */
  pduDigest?: string;
  /** Its sequence_number. */
  pduSequence?: number;
}

/**
 * Up to this many unread items (and no session named), an unread-only page reads them from inbox_unread and sorts
 * their ids (≈ 5 ms at this many); past it, unread items are common enough that walking newest first finds a page
 * sooner — at 100,000 unread, sorting took 23 ms and the walk 0.3 ms (`npm run bench`, "inbox").
 */
const UNREAD_SORTED = 20_000;

const SELECT = `SELECT i.*, m.id AS m_id, m.destination_addr AS m_destination_addr, m.text AS m_text, m.smsc_message_id AS m_smsc_message_id,
    CASE WHEN i.concat_key IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM inbox_parts p WHERE p.inbox_id = i.id) END AS parts_received
  FROM inbox i LEFT JOIN messages m ON m.id = i.matched_message`;

/** Where a part of a concatenated MO belongs: same account, addresses, reference and total. */
export interface ConcatPart {
  key: string;
  total: number;
  sequence: number;
}

/**
 * The receipts still waiting for their message, by normalised id, among `profiles` profiles. The expression is
 * inbox_unmatched_receipts' own (migration v11), so that small index answers; the test checks the plan on this text.
 */
export function unmatchedReceiptsSql(profiles: number): string {
  return `SELECT id, receipt_stat AS stat, received_at AS receivedAt FROM inbox
    WHERE kind = 'receipt' AND matched_message IS NULL AND ltrim(lower(receipt_smsc_message_id), '0') = ?
      AND profile_id IN (${Array.from({ length: profiles }, () => '?').join(', ')})
    ORDER BY id`;
}

/** Shown where a part has not arrived (yet), so a gap is never mistaken for the text. */
const MISSING_PART = '…';

export class InboxRepo {
  constructor(private readonly db: Database) {}

  /**
   * Stores a new item. `matched`: the message it was matched to as just written, when the caller holds it — then the
   * item is composed from what was written instead of read back (a joined read, ≈ 8 µs on every receipt).
   */
  insert(item: NewInboxItem, matched?: MessageView): InboxItem {
    const result = statement(this.db, 
        `INSERT INTO inbox (session_id, profile_id, kind, received_at, source_addr, destination_addr, esm_class, data_coding, text,
          receipt_smsc_message_id, receipt_stat, receipt_err, receipt_submit_date, receipt_done_date, matched_message,
          receipt_stat_text, receipt_text, receipt_conflict, match_rule, pdu_digest, pdu_sequence, matched_part)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.sessionId, item.profileId, item.receipt ? 'receipt' : 'mo', item.receivedAt, item.sourceAddr, item.destinationAddr,
        item.esmClass, item.dataCoding, item.text, item.receipt?.smscMessageId ?? null, item.receipt?.stat ?? null,
        item.receipt?.err ?? null, item.receipt?.submitDate ?? null, item.receipt?.doneDate ?? null, item.matchedMessageId,
        item.receipt?.statText ?? null, item.receipt?.text ?? null, item.receipt?.conflict ?? null, item.matchRule,
        item.pduDigest ?? null, item.pduSequence ?? null, item.matchedPart ?? null,
      );
    const id = Number(result.lastInsertRowid);
    if (item.matchedMessageId !== null && matched?.id !== item.matchedMessageId) return this.get(id)!;
    return {
      id, sessionId: item.sessionId, kind: item.receipt ? 'receipt' : 'mo', read: false, receivedAt: item.receivedAt,
      sourceAddr: item.sourceAddr, destinationAddr: item.destinationAddr, dataCoding: item.dataCoding, text: item.text,
      receipt: item.receipt, matchRule: item.matchRule,
      matchedMessage: matched ? { id: matched.id, destinationAddr: matched.destinationAddr, text: matched.text, smscMessageId: matched.smscMessageId } : null,
      parts: { total: 1, received: 1 }, repeats: 0,
    };
  }

  /** Receipts that arrived before their message's submit_sm_resp was stored (same TCP read, or another session). */
  unmatchedReceiptsFor(profileIds: string[], normalisedMessageId: string): Array<{ id: number; stat: ReceiptStat | null; receivedAt: number }> {
    // ltrim leaves '' of an id of zeros, which normalises to '0'.
    return (statement(this.db, unmatchedReceiptsSql(profileIds.length))
      .all(normalisedMessageId === '0' ? '' : normalisedMessageId, ...profileIds) as unknown as Array<{ id: number; stat: string | null; receivedAt: number }>)
      .map((r) => ({ ...r, stat: receiptStatOf(r.stat) }));
  }

  /** A receipt that came before its message's submit_sm_resp, matched once that response arrived. */
  match(id: number, part: PartRef): InboxItem {
    statement(this.db, "UPDATE inbox SET matched_message = ?, matched_part = ?, match_rule = 'on-response' WHERE id = ?").run(part.consoleMessageId, part.seq, id);
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

  /**
   * Newest first; one session's when asked, narrowed by the filter; before an id when paging back. The page's ids
   * are found first over the inbox table alone, and only those rows are then read whole (joined to their message):
   * sorting whole rows cost ≈ 8× sorting ids (inbox-query.ts says which index finds them).
   */
  list(request: InboxPageRequest): InboxItem[] {
    const unreadByIndex = request.filter?.unreadOnly === true && request.sessionId === undefined && this.fewUnread();
    const { where, params } = inboxWhere(request.sessionId, request.filter, { unreadByIndex });
    const before = request.beforeId !== undefined ? ' AND i.id < ?' : '';
    if (request.beforeId !== undefined) params.push(request.beforeId);
    const sql = `${SELECT} WHERE i.id IN (SELECT i.id FROM inbox i WHERE ${where}${before} ORDER BY i.id DESC LIMIT ?) ORDER BY i.id DESC`;
    return (statement(this.db, sql).all(...params, request.limit) as unknown as InboxRow[]).map(toItem);
  }

  /** At most UNREAD_SORTED unread items in all: the inbox_unread index lists them faster than a walk finds them. */
  private fewUnread(): boolean {
    const row = statement(this.db, `SELECT COUNT(*) AS n FROM (SELECT 1 FROM inbox WHERE read_at IS NULL LIMIT ${UNREAD_SORTED + 1})`).get() as { n: number };
    return row.n <= UNREAD_SORTED;
  }

  /** The newest id stored (0 when none): where an export stops, and what counts as new after a start-up count. */
  newestId(): number {
    return (statement(this.db, 'SELECT COALESCE(MAX(id), 0) AS id FROM inbox').get() as { id: number }).id;
  }

  /** Items and unread items per session, each from its own index (inbox_by_session, inbox_unread) without the table. */
  countsBySession(): Array<{ sessionId: string; inbox: number; unread: number }> {
    const unread = new Map(
      (statement(this.db, 'SELECT session_id AS sessionId, COUNT(*) AS n FROM inbox WHERE read_at IS NULL GROUP BY session_id').all() as Array<{ sessionId: string; n: number }>)
        .map((r) => [r.sessionId, r.n]),
    );
    return (statement(this.db, 'SELECT session_id AS sessionId, COUNT(*) AS n FROM inbox GROUP BY session_id').all() as Array<{ sessionId: string; n: number }>)
      .map((r) => ({ sessionId: r.sessionId, inbox: r.n, unread: unread.get(r.sessionId) ?? 0 }));
  }

  /** Marks these items read (those of a session only, when given); returns each one that was unread, with its session. */
  markRead(ids: readonly number[], sessionId: string | undefined, at: number): Array<{ id: number; sessionId: string }> {
    const scope = sessionId === undefined ? '' : ' AND session_id = ?';
    const update = statement(this.db, `UPDATE inbox SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT value FROM json_each(?))${scope} RETURNING id, session_id AS sessionId`);
    return update.all(at, JSON.stringify(ids), ...(sessionId === undefined ? [] : [sessionId])) as Array<{ id: number; sessionId: string }>;
  }

  /** Marks a session's unread items with ids in (afterId, throughId] read; the inbox_unread index finds them. Returns how many. */
  markReadBetween(sessionId: string, afterId: number, throughId: number, at: number): number {
    return Number(
      statement(this.db, 'UPDATE inbox SET read_at = ? WHERE read_at IS NULL AND session_id = ? AND id > ? AND id <= ?').run(at, sessionId, afterId, throughId).changes,
    );
  }

  /** Deletes every item with its MO parts, atomically; returns how many items went. */
  clearAll(): number {
    // Every row: SQLite then drops the table's pages whole (its truncate optimisation, ≈ 50 ms for 200,000 rows
    // against ≈ 750 ms row by row) — but never while foreign keys are enforced on a table that inbox_parts names.
    // The parts go first in the same transaction, so no row is left naming an inbox row; the pragma cannot change
    // inside a transaction, and nothing else runs on this connection until it is back on.
    this.db.exec('PRAGMA foreign_keys = OFF');
    try {
      return inTransaction(this.db, () => {
        statement(this.db, 'DELETE FROM inbox_parts').run();
        return Number(statement(this.db, 'DELETE FROM inbox').run().changes);
      });
    } finally {
      this.db.exec('PRAGMA foreign_keys = ON');
    }
  }

  /**
   * Deletes a session's items with ids in (afterId, throughId] and their MO parts, in one transaction; returns how
   * many went and how many of those were unread (inbox_by_session finds them).
   */
  clearBetween(sessionId: string, afterId: number, throughId: number): { removed: number; unread: number } {
    return inTransaction(this.db, () => {
      statement(this.db, 'DELETE FROM inbox_parts WHERE inbox_id IN (SELECT id FROM inbox WHERE session_id = ? AND id > ? AND id <= ?)').run(sessionId, afterId, throughId);
      const gone = statement(this.db, 'DELETE FROM inbox WHERE session_id = ? AND id > ? AND id <= ? RETURNING read_at IS NULL AS unread')
        .all(sessionId, afterId, throughId) as Array<{ unread: number }>;
      return { removed: gone.length, unread: gone.reduce((n, row) => n + row.unread, 0) };
    });
  }
}

function toItem(row: InboxRow): InboxItem {
  return {
    id: row.id, sessionId: row.session_id, kind: row.kind === 'receipt' ? 'receipt' : 'mo', read: row.read_at !== null, receivedAt: row.received_at,
    sourceAddr: row.source_addr, destinationAddr: row.destination_addr, dataCoding: row.data_coding, text: row.text,
    receipt: storedReceipt(row),
    matchRule: storedAs(receiptMatchRules, row.match_rule),
    matchedMessage:
      row.m_id === null
        ? null
        : { id: row.m_id, destinationAddr: row.m_destination_addr ?? '', text: row.m_text ?? '', smscMessageId: row.m_smsc_message_id },
    parts: { total: row.parts_total, received: row.parts_received },
    repeats: row.repeats,
  };
}

