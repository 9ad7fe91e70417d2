// The Inbox filter's shared half: canonical form (what the list and the export send) and the live predicate's
// corners. Its agreement with the SQL is checked against the real database in test/integration/inbox-filters.
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/contract';
import { canonicalInboxFilter, isInboxFiltered, matchesInboxFilter } from '../../shared/inbox-filter';

const mo: InboxItem = {
  id: 1, sessionId: 's1', kind: 'mo', read: false, receivedAt: 0, sourceAddr: '447700900001', destinationAddr: '12345', dataCoding: 0,
  text: 'Hello', receipt: null, matchedMessage: null, matchRule: null, parts: { total: 1, received: 1 }, repeats: 0,
};
const receipt: InboxItem = {
  ...mo, id: 2, kind: 'receipt', text: 'id:1 stat:SENT text:Hi',
  receipt: { smscMessageId: '1', stat: null, statText: 'SENT', err: '000', submitDate: null, doneDate: null, text: 'Hi', conflict: null },
};

describe('inbox filter', () => {
  it('drops empty parts, trims the number, and takes * alone for no number', () => {
    expect(canonicalInboxFilter({ number: '  4477* ', text: '', unreadOnly: false })).toEqual({ number: '4477*' });
    expect(canonicalInboxFilter({ number: '*' })).toEqual({});
    expect(isInboxFiltered({ text: '' })).toBe(false);
    expect(isInboxFiltered({ unreadOnly: true })).toBe(true);
  });

  it('stat other is a receipt whose stat maps to no v3.4 word; an MO has no stat', () => {
    expect(matchesInboxFilter(receipt, undefined, { stat: 'other' })).toBe(true);
    expect(matchesInboxFilter(mo, undefined, { stat: 'other' })).toBe(false);
    expect(matchesInboxFilter(receipt, undefined, { stat: 'DELIVRD' })).toBe(false);
  });

  it('text searches a receipt\'s text: field and stat as received, never the rest of its short_message', () => {
    expect(matchesInboxFilter(receipt, undefined, { text: 'hi' })).toBe(true);
    expect(matchesInboxFilter(receipt, undefined, { text: 'sent' })).toBe(true);
    expect(matchesInboxFilter(receipt, undefined, { text: 'id:1' })).toBe(false);
  });

  it('a number is exact unless it ends in *; a session narrows; unread only leaves read items out', () => {
    expect(matchesInboxFilter(mo, undefined, { number: '447700900001' })).toBe(true);
    expect(matchesInboxFilter(mo, undefined, { number: '4477' })).toBe(false);
    expect(matchesInboxFilter(mo, undefined, { number: '123*' })).toBe(true);
    expect(matchesInboxFilter(mo, 's2', {})).toBe(false);
    expect(matchesInboxFilter({ ...mo, read: true }, 's1', { unreadOnly: true })).toBe(false);
  });
});
