// The store's writes return the row as they wrote it, without reading it back where the caller already holds the
// message: that view must be exactly what a later read gives, or the UI would show one thing and reload another.
// And the receipts still waiting for their message are found through their own index, by any spelling of the id.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView, ReceiptView } from '../../shared/contract';
import { openDatabase, type Database } from '../../electron/core/store/database';
import { InboxRepo, unmatchedReceiptsSql, type NewInboxItem } from '../../electron/core/store/inbox-repo';
import { MessagesRepo } from '../../electron/core/store/messages-repo';

const opened: Array<{ db: Database; dir: string }> = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-writes-'));
  const db = openDatabase(dir);
  opened.push({ db, dir });
  return { db, messages: new MessagesRepo(db), inbox: new InboxRepo(db) };
}

const draft = { sourceAddr: '12345', destinationAddr: '447700900123', text: 'hello' };
const exchange = (sequenceNumber: number) => ({ sequenceNumber, sentAt: 1_000.5, answeredAt: 1_002.25 });

function receipt(smscMessageId: string, stat: ReceiptView['stat']): ReceiptView {
  return { smscMessageId, stat, statText: stat, err: '000', submitDate: '2612020000', doneDate: '2612020001', text: 'hello', conflict: null };
}

function received(overrides: Partial<NewInboxItem>): NewInboxItem {
  return {
    sessionId: 's1', profileId: 'p1', receivedAt: 5_000, sourceAddr: '447700900123', destinationAddr: '12345', esmClass: 4, dataCoding: 0,
    text: 'id:ab stat:DELIVRD', receipt: null, matchedMessageId: null, matchRule: null, pduDigest: 'digest', pduSequence: 7, ...overrides,
  };
}

describe('what a write returns is what a read gives', () => {
  it('for a message answered with the view in hand, and receipted without it, in one part or three', () => {
    const { messages } = store();
    for (const parts of [1, 3]) {
      const id = `m${parts}`;
      let view: MessageView = messages.insert({ id, sessionId: 's1', profileId: 'p1', ...draft, dataCoding: 8 }, 1_000, parts, draft);
      expect(view).toEqual(messages.get(id));
      for (let seq = 1; seq <= parts; seq += 1) {
        // The second part refused: the message's status is the refusal, its message_id the first part's.
        const status = seq === 2 ? 0x58 : 0;
        view = messages.partAnswered({ consoleMessageId: id, seq }, status, status === 0 ? `0A${seq}` : null, exchange(seq), view);
        expect(view).toEqual(messages.get(id));
      }
      view = messages.receipted({ consoleMessageId: id, seq: 1 }, 'DELIVRD', 9_000);
      expect(view).toEqual(messages.get(id));
      expect(view).toMatchObject({ smscMessageId: '0A1', receiptAt: 9_000, state: parts === 1 ? 'DELIVRD' : 'rejected' });
    }
  });

  it('for a receipt stored with its matched message in hand, one matched without it, and an MO', () => {
    const { messages, inbox } = store();
    messages.insert({ id: 'm1', sessionId: 's1', profileId: 'p1', ...draft, dataCoding: 0 }, 1_000, 1, draft);
    messages.partAnswered({ consoleMessageId: 'm1', seq: 1 }, 0, 'AB', exchange(1));
    const updated = messages.receipted({ consoleMessageId: 'm1', seq: 1 }, 'DELIVRD', 5_000);
    const matched = { receipt: receipt('ab', 'DELIVRD'), matchedMessageId: 'm1', matchedPart: 1, matchRule: 'as-sent' } as const;
    const composed = inbox.insert(received(matched), updated);
    expect(composed.matchedMessage).toEqual({ id: 'm1', destinationAddr: draft.destinationAddr, text: 'hello', smscMessageId: 'AB' });
    expect(composed).toEqual(inbox.get(composed.id));
    // Without the view (a receipt whose stat maps to no word leaves the message as it was): read back.
    const readBack = inbox.insert(received({ ...matched, receipt: receipt('ab', null) }));
    expect(readBack.matchedMessage?.id).toBe('m1');
    expect(readBack).toEqual(inbox.get(readBack.id));
    // A view of another message than the one named is not trusted either.
    const other = inbox.insert(received(matched), { ...updated, id: 'm2' });
    expect(other.matchedMessage?.id).toBe('m1');
    const mo = inbox.insert(received({ text: 'hi there', esmClass: 0 }));
    expect(mo).toEqual(inbox.get(mo.id));
  });
});

describe('receipts waiting for their message', () => {
  it('are found by any case or zero padding of the id, an id of zeros included, through their own index', () => {
    const { db, messages, inbox } = store();
    messages.insert({ id: 'm9', sessionId: 's1', profileId: 'p1', ...draft, dataCoding: 0 }, 1_000, 1, draft);
    const early = ['00AB12', 'ab12', '000', 'cd'].map((id) => inbox.insert(received({ receipt: receipt(id, 'DELIVRD') })).id);
    inbox.insert(received({ text: 'an MO' }));
    expect(inbox.unmatchedReceiptsFor(['p1'], 'ab12').map((r) => r.id)).toEqual(early.slice(0, 2));
    expect(inbox.unmatchedReceiptsFor(['p1'], '0').map((r) => r.id)).toEqual([early[2]]);
    expect(inbox.unmatchedReceiptsFor(['p2'], 'cd')).toEqual([]);
    inbox.match(early[3]!, { consoleMessageId: 'm9', seq: 1 });
    expect(inbox.unmatchedReceiptsFor(['p1'], 'cd')).toEqual([]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${unmatchedReceiptsSql(1)}`).all('ab12', 'p1') as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('\n')).toContain('inbox_unmatched_receipts');
  });
});
