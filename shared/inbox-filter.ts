// The Inbox's filter (InboxFilter, in message-types.ts) and the one predicate that decides a live item — the same
// meaning the store gives it in SQL (electron/core/store/inbox-query.ts), so an item that arrives live is shown
// exactly when a reload would have returned it. Parts combine with AND.
//
// What each part compares:
//   kind    'receipt' or 'mo';
//   stat    a receipt's v3.4 word, or 'other': a receipt whose stat maps to none of them (stat:SENT…);
//   number  source_addr or destination_addr, exactly — or every address starting with it when it ends in '*';
//   text    ignoring ASCII case (as SQLite's lower() does), a substring of an MO's text, or of a receipt's text:
//           field or its stat as received — never the rest of a receipt's short_message (id:, sub:, dlvrd:…),
//           which would make every receipt match "id" or a digit;
//   unread  only items not yet read.
import type { InboxFilter, InboxItem } from './message-types';
import { asciiLower } from './trace-filter';

/** The filter with empty parts dropped and the number trimmed: equal filters have equal keys. */
export function canonicalInboxFilter(filter: InboxFilter | undefined): InboxFilter {
  const out: InboxFilter = {};
  if (!filter) return out;
  if (filter.kind) out.kind = filter.kind;
  if (filter.stat) out.stat = filter.stat;
  const number = filter.number?.trim();
  // '*' alone is every address: no filter at all.
  if (number && number !== '*') out.number = number;
  if (filter.text) out.text = filter.text;
  if (filter.unreadOnly) out.unreadOnly = true;
  return out;
}

export function isInboxFiltered(filter: InboxFilter | undefined): boolean {
  return Object.keys(canonicalInboxFilter(filter)).length > 0;
}

/** The prefix a number filter asks for ('4477*' → '4477'), or null for an exact number. */
export function numberPrefix(number: string): string | null {
  return number.endsWith('*') ? number.slice(0, -1) : null;
}

/** Whether an item belongs in a view of this session (undefined: every session) and this filter. */
export function matchesInboxFilter(item: InboxItem, sessionId: string | undefined, filter: InboxFilter): boolean {
  if (sessionId !== undefined && item.sessionId !== sessionId) return false;
  if (filter.kind !== undefined && item.kind !== filter.kind) return false;
  if (filter.stat !== undefined) {
    if (item.receipt === null) return false;
    if (filter.stat === 'other' ? item.receipt.stat !== null : item.receipt.stat !== filter.stat) return false;
  }
  if (filter.number !== undefined && !numberMatches(item, filter.number)) return false;
  if (filter.text !== undefined && !textMatches(item, asciiLower(filter.text))) return false;
  if (filter.unreadOnly && item.read) return false;
  return true;
}

function numberMatches(item: InboxItem, number: string): boolean {
  const prefix = numberPrefix(number);
  const one = (address: string) => (prefix === null ? address === number : address.startsWith(prefix));
  return one(item.sourceAddr) || one(item.destinationAddr);
}

function textMatches(item: InboxItem, wanted: string): boolean {
  if (item.kind === 'mo') return asciiLower(item.text).includes(wanted);
  const receipt = item.receipt;
  return receipt !== null && [receipt.text, receipt.statText].some((field) => field !== null && asciiLower(field).includes(wanted));
}
