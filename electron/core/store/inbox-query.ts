// The Inbox's filter (shared/inbox-filter.ts) as SQL over the inbox table (aliased i), with the same meaning the
// shared predicate gives a live item — see there for what each part compares.
//
// Which index serves a page (newest first, LIMIT n, paged back by id):
//   - a session: inbox_by_session (session_id, id) walks that session's rows newest first;
//   - unread only: inbox_unread (read_at, session_id) holds exactly the unread rows — with a session, already in
//     id order. Without one its ids must be sorted, which pays while unread items are few (the caller counts them,
//     bounded); when they are many (nobody looked during a burst), walking newest first finds a page at once, so
//     the caller asks for that instead (unreadByIndex false: `+` keeps the planner off the index);
//   - kind, stat, number and text have no index: the walk goes newest first by id and stops at a page of matches,
//     so a page costs what it takes to find n matches — quick where matches are common, a scan of the rows
//     before them where they are rare. `npm run bench` prints both cases (the "inbox" section).
import type { SQLInputValue } from 'node:sqlite';
import { receiptStats, type InboxFilter } from '../../../shared/contract';
import { canonicalInboxFilter, numberPrefix } from '../../../shared/inbox-filter';

export interface InboxWhere {
  /** SQL for after WHERE ('1' when nothing narrows). */
  where: string;
  params: SQLInputValue[];
}

const V34_WORDS = receiptStats.map((stat) => `'${stat}'`).join(', ');

/** The WHERE clause for one session's (or every session's) rows matching the filter. */
export function inboxWhere(sessionId: string | undefined, filter: InboxFilter | undefined, plan: { unreadByIndex?: boolean } = {}): InboxWhere {
  const f = canonicalInboxFilter(filter);
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  if (sessionId !== undefined) {
    clauses.push('i.session_id = ?');
    params.push(sessionId);
  }
  if (f.unreadOnly) clauses.push(sessionId !== undefined || plan.unreadByIndex !== false ? 'i.read_at IS NULL' : '+i.read_at IS NULL');
  if (f.kind !== undefined) {
    clauses.push('i.kind = ?');
    params.push(f.kind);
  }
  if (f.stat === 'other') {
    // As toItem reads it: a stored word outside the v3.4 list reads as none, the same as NULL.
    clauses.push(`i.kind = 'receipt' AND (i.receipt_stat IS NULL OR i.receipt_stat NOT IN (${V34_WORDS}))`);
  } else if (f.stat !== undefined) {
    clauses.push(`i.kind = 'receipt' AND i.receipt_stat = ?`);
    params.push(f.stat);
  }
  if (f.number !== undefined) {
    const prefix = numberPrefix(f.number);
    if (prefix === null) {
      clauses.push('(i.source_addr = ? OR i.destination_addr = ?)');
      params.push(f.number, f.number);
    } else {
      // substr, not LIKE: LIKE ignores case and treats % and _ as wildcards; startsWith does neither. (Addresses
      // are ASCII, where substr's characters and JavaScript's code units agree.)
      clauses.push('(substr(i.source_addr, 1, ?) = ? OR substr(i.destination_addr, 1, ?) = ?)');
      params.push(prefix.length, prefix, prefix.length, prefix);
    }
  }
  if (f.text !== undefined) {
    // LIKE folds ASCII letters only (no ICU here), as asciiLower does on the live side, and reads the column in
    // place where lower() would copy it first (≈ 15 % of a scan). Its wildcards in the text are escaped.
    const pattern = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(
      `((i.kind <> 'receipt' AND i.text LIKE ? ESCAPE '\\') OR (i.kind = 'receipt' AND
        (i.receipt_text LIKE ? ESCAPE '\\' OR i.receipt_stat_text LIKE ? ESCAPE '\\')))`,
    );
    params.push(pattern, pattern, pattern);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}
