// The Inbox's filters against the real database, through the handler the renderer calls: each part alone, parts
// combined, paging back by id, and the shared predicate (what the renderer applies to live items) agreeing with
// the SQL on every filter tried.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboxFilter, InboxItem } from '../../shared/contract';
import { matchesInboxFilter } from '../../shared/inbox-filter';
import { inboxFixture } from '../support/inbox-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('inbox filters', () => {
  let fixture: Awaited<ReturnType<typeof inboxFixture>>;
  let all: InboxItem[];
  const suiteCleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    fixture = await inboxFixture(suiteCleanups);
    await fixture.mo(0, { from: '447700900001', to: '12345', text: 'Hello WORLD' });
    await fixture.mo(0, { from: '447700900002', to: '12345', text: 'stop' });
    await fixture.mo(1, { from: '33612345678', to: '4477', text: 'Bonjour, ça va ?' });
    await fixture.receipt(0, { id: 'A1', stat: 'DELIVRD', text: 'Hello there' });
    await fixture.receipt(0, { id: 'A2', stat: 'UNDELIV', err: '001', from: '447700900002' });
    await fixture.receipt(1, { id: 'A3', stat: 'delivered' }); // maps to DELIVRD, kept as received
    await fixture.receipt(1, { id: 'A4', stat: 'SENT' }); // maps to none: 'other'
    all = await fixture.services.handlers.listInbox({ limit: 100 });
    return async () => {
      for (const c of suiteCleanups.splice(0).reverse()) await c();
    };
  });

  const list = (filter: InboxFilter, sessionId?: string) =>
    fixture.services.handlers.listInbox({ ...(sessionId ? { sessionId } : {}), filter, limit: 100 });
  const texts = (items: InboxItem[]) => items.map((i) => (i.kind === 'mo' ? i.text : `${i.receipt!.smscMessageId}`));

  it('newest first, every item unread when it arrives', () => {
    expect(texts(all)).toEqual(['A4', 'A3', 'A2', 'A1', 'Bonjour, ça va ?', 'stop', 'Hello WORLD']);
    expect(all.every((i) => !i.read)).toBe(true);
  });

  it('by kind', async () => {
    expect(texts(await list({ kind: 'mo' }))).toEqual(['Bonjour, ça va ?', 'stop', 'Hello WORLD']);
    expect(texts(await list({ kind: 'receipt' }))).toEqual(['A4', 'A3', 'A2', 'A1']);
  });

  it('by stat: a v3.4 word (whatever spelling came), or other for a word that maps to none', async () => {
    expect(texts(await list({ stat: 'DELIVRD' }))).toEqual(['A3', 'A1']);
    expect(texts(await list({ stat: 'UNDELIV' }))).toEqual(['A2']);
    expect(texts(await list({ stat: 'other' }))).toEqual(['A4']);
    expect(await list({ stat: 'EXPIRED' })).toEqual([]);
  });

  it('by number: source or destination exactly, or a prefix ending in *', async () => {
    expect(texts(await list({ number: '447700900002' }))).toEqual(['A2', 'stop']);
    expect(texts(await list({ number: '4477' }))).toEqual(['Bonjour, ça va ?']); // its destination, exactly
    expect(texts(await list({ number: '4477009*' }))).toEqual(['A4', 'A3', 'A2', 'A1', 'stop', 'Hello WORLD']);
    expect(texts(await list({ number: '336*' }))).toEqual(['Bonjour, ça va ?']);
    expect(await list({ number: '44770090000' })).toEqual([]); // no prefix without the *
    expect(texts(await list({ number: '*' }))).toHaveLength(7); // * alone: every address
  });

  it('by text: MO text, a receipt text: field or its stat as received, ignoring ASCII case only', async () => {
    expect(texts(await list({ text: 'hello' }))).toEqual(['A1', 'Hello WORLD']);
    expect(texts(await list({ text: 'DELIVERED' }))).toEqual(['A3']);
    expect(texts(await list({ text: 'ÇA' }))).toEqual([]); // Ç is not ASCII: not folded
    expect(texts(await list({ text: 'ça' }))).toEqual(['Bonjour, ça va ?']);
    // the rest of a receipt's text (id:, sub:, err:) is not searched
    expect(await list({ text: 'sub:' })).toEqual([]);
  });

  it('by session, and parts combined', async () => {
    const [first, second] = fixture.sessions;
    expect(texts(await list({}, second))).toEqual(['A4', 'A3', 'Bonjour, ça va ?']);
    expect(texts(await list({ kind: 'receipt', number: '447700900002' }, first))).toEqual(['A2']);
    expect(texts(await list({ kind: 'mo', text: 'o' }, first))).toEqual(['stop', 'Hello WORLD']);
  });

  it('pages back by id, newest first, within the filter', async () => {
    const filter: InboxFilter = { kind: 'receipt' };
    const page1 = await fixture.services.handlers.listInbox({ filter, limit: 3 });
    const page2 = await fixture.services.handlers.listInbox({ filter, beforeId: page1.at(-1)!.id, limit: 3 });
    expect(texts(page1)).toEqual(['A4', 'A3', 'A2']);
    expect(texts(page2)).toEqual(['A1']);
  });

  it('the shared predicate the renderer applies to live items agrees with the SQL on every filter', async () => {
    const filters: InboxFilter[] = [
      {}, { kind: 'mo' }, { kind: 'receipt' }, { stat: 'DELIVRD' }, { stat: 'other' }, { stat: 'UNDELIV', kind: 'receipt' },
      { number: '447700900002' }, { number: '4477*' }, { number: '12345' }, { text: 'HELLO' }, { text: 'sent' }, { text: 'ça' },
      { unreadOnly: true }, { kind: 'mo', number: '4477*', text: 'o' },
    ];
    for (const sessionId of [undefined, ...fixture.sessions]) {
      for (const filter of filters) {
        const fromSql = (await list(filter, sessionId)).map((i) => i.id);
        const live = all.filter((item) => matchesInboxFilter(item, sessionId, filter)).map((i) => i.id);
        expect({ sessionId, filter, ids: live }).toEqual({ sessionId, filter, ids: fromSql });
      }
    }
  });

  it('% and _ in the text are themselves, not wildcards (added last: it adds an item)', async () => {
    const added = await fixture.mo(0, { from: '9', to: '9', text: '100% sure_thing' });
    expect(texts(await list({ text: '0% S' }))).toEqual(['100% sure_thing']);
    expect(texts(await list({ text: 'e_t' }))).toEqual(['100% sure_thing']);
    expect(texts(await list({ text: '%' }))).toEqual(['100% sure_thing']);
    expect(texts(await list({ text: '_' }))).toEqual(['100% sure_thing']);
    expect(matchesInboxFilter(added, undefined, { text: '0% S' })).toBe(true);
  });

  it('a bad filter is refused naming the field and the limit', async () => {
    const call = (filter: unknown) => fixture.services.call('listInbox', { filter, limit: 10 });
    const tooLong = await call({ number: '1'.repeat(22) });
    expect(tooLong).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Number: 21 characters at most/) } });
    const badStat = await call({ stat: 'FINE' });
    expect(badStat).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Stat/) } });
    const longText = await call({ text: 'x'.repeat(201) });
    expect(longText).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Text: 200 characters at most/) } });
  });
});
