// The inbox as CSV (RFC 4180): UTF-8 with a byte order mark — without it Excel reads the file as the machine's
// legacy code page and every non-ASCII character (UCS-2 MO text, €) comes out garbled — CRLF line ends, and a
// field quoted when it holds a comma, a quote (doubled inside), CR or LF.
//
// Each field goes through shared/csv.ts (quoting and the formula guard: an MO's text is whatever its sender typed).
//
// Rows go oldest first, as received, a slice at a time from the SQL statement's cursor straight into a buffer
// that is written when it fills; between slices the main thread is let go, so deliveries keep being committed and
// answered during a long export. Rows that arrive during the export are not in it: it stops at the newest id
// stored when it started.
import { closeSync, openSync, writeSync } from 'node:fs';
import { receiptMatchRules, type InboxFilter } from '../../../shared/contract';
import { secureFile } from './data-folder';
import { statement, type Database } from './database';
import { csvLine } from '../../../shared/csv';
import { inboxWhere } from './inbox-query';
import { receiptStatOf, storedAs } from './stored-receipt';

export const CSV_HEADER = [
  'id', 'received_at', 'session', 'kind', 'read', 'from', 'to', 'data_coding', 'text', 'receipt message_id', 'stat',
  'stat as received', 'err', 'submit date', 'done date', 'receipt text', 'matched message id', 'match rule', 'parts',
] as const;

const BOM = '\uFEFF';
const SLICE = 5_000;
const FLUSH_AT = 1024 * 1024;

/**
 * The columns behind CSV_HEADER, read as arrays: node:sqlite spends most of an export turning rows into objects
 * (measured: 100,000 whole rows as objects ≈ 1.1 s; these twenty as arrays ≈ 0.3 s).
 */
const COLUMNS = `i.id, i.received_at, i.session_id, i.kind, i.read_at, i.source_addr, i.destination_addr, i.data_coding, i.text,
  i.receipt_smsc_message_id, i.receipt_stat, i.receipt_stat_text, i.receipt_err, i.receipt_submit_date, i.receipt_done_date,
  i.receipt_text, i.matched_message, i.match_rule, i.parts_total,
  CASE WHEN i.concat_key IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM inbox_parts p WHERE p.inbox_id = i.id) END`;
type Cell = string | number | null;
type Text = string | null;
/** One row of COLUMNS, in its order. */
type ExportRow = [
  id: number, receivedAt: number, session: string, kind: string, readAt: number | null, from: string, to: string, dataCoding: number,
  text: string, smscId: Text, stat: Text, statText: Text, err: Text, submitDate: Text, doneDate: Text, receiptText: Text,
  matched: Text, rule: Text, total: number, received: number,
];

/** A row's fields in CSV_HEADER's order, each as the Inbox shows it (InboxRepo's toItem reads the same columns). */
export function inboxCsvValues(row: ExportRow): Cell[] {
  const [id, receivedAt, session, kind, readAt, from, to, dataCoding, text, smscId, stat, statText, err, submitDate, doneDate, receiptText, matched, rule, total, received] = row;
  const receipt = kind === 'receipt';
  // "2 of 3" rather than 2/3, which a spreadsheet would read as a date.
  const parts = received === total ? total : `${received} of ${total}`;
  return [
    id, new Date(receivedAt).toISOString(), session, receipt ? 'receipt' : 'mo', readAt === null ? 'no' : 'yes', from, to, dataCoding, text,
    smscId, receipt ? receiptStatOf(stat) : null, statText, err, submitDate, doneDate, receiptText, matched,
    storedAs(receiptMatchRules, rule), parts,
  ];
}

export interface CsvOutcome {
  records: number;
  octets: number;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the rows of a session (or all) that match the filter to `path`; resolves with what was written. */
export async function writeInboxCsv(db: Database, path: string, sessionId: string | undefined, filter: InboxFilter | undefined): Promise<CsvOutcome> {
  const through = (statement(db, 'SELECT COALESCE(MAX(id), 0) AS id FROM inbox').get() as { id: number }).id;
  // By id range, not inbox_unread: that index would re-sort every unread id for each slice.
  const { where, params } = inboxWhere(sessionId, filter, { unreadByIndex: false });
  // Its own statement, not the shared cache's: two exports at once must not reset each other's cursor.
  const select = db.prepare(`SELECT ${COLUMNS} FROM inbox i WHERE ${where} AND i.id > ? AND i.id <= ? ORDER BY i.id LIMIT ${SLICE}`);
  select.setReturnArrays(true);
  secureFile(path);
  const fd = openSync(path, 'w');
  let pending = BOM + csvLine(CSV_HEADER);
  let octets = 0;
  let records = 0;
  const flush = () => {
    const buffer = Buffer.from(pending, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
    octets += buffer.length;
    pending = '';
  };
  try {
    for (let after = 0; ; ) {
      let inSlice = 0;
      for (const row of select.iterate(...params, after, through) as Iterable<ExportRow>) {
        pending += csvLine(inboxCsvValues(row));
        if (pending.length >= FLUSH_AT) flush();
        after = row[0];
        inSlice += 1;
      }
      records += inSlice;
      if (inSlice < SLICE) break;
      await yieldToOthers();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { records, octets };
}
