// Unread state, the kept counts and clearing, against the real database: counts follow inserts (and not updates
// of an item already counted), marking read by id or all (of a session), clearing a session or all — and after
// each step the counts kept in memory equal a fresh GROUP BY over the store, and reach clients as events.
import { afterEach, describe, expect, it } from 'vitest';
import type { ListCounts } from '../../shared/contract';
import { encodeGsm7 } from '../../shared/text-codec';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { ListCountsKeeper } from '../../electron/core/messages/list-counts';
import { ConsoleEventBus } from '../../electron/core/api/event-bus';
import { openDatabase } from '../../electron/core/store/database';
import { InboxRepo } from '../../electron/core/store/inbox-repo';
import { inboxFixture } from '../support/inbox-fixture';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The counts as a fresh start would find them: GROUP BY over the store the fixture's console wrote. */
function countedAfresh(dataDir: string): ListCounts {
  const db = openDatabase(dataDir);
  const keeper = new ListCountsKeeper(db, new InboxRepo(db), new ConsoleEventBus());
  try {
    return keeper.current();
  } finally {
    keeper.close();
    db.close();
  }
}

async function fixtureWithCounts() {
  const fixture = await inboxFixture(cleanups);
  const published: ListCounts[] = [];
  fixture.services.events.on('listCounts', (counts) => published.push(counts));
  return { ...fixture, published, counts: () => fixture.services.handlers.listCounts() };
}

describe('unread, counts and clear', () => {
  it('counts new items (and sent messages), not updates; kept counts equal a fresh GROUP BY and are published', async () => {
    const f = await fixtureWithCounts();
    const [a, b] = f.sessions;
    await f.send(a, 'one');
    await f.send(a, 'two');
    await f.mo(0, { from: '1', to: '2', text: 'hi' });
    await f.mo(1, { from: '3', to: '4', text: 'ho' });
    await f.receipt(0, { id: 'M1', stat: 'DELIVRD' }); // matched: updates message one (an update, not a new one)
    // a concatenated MO: its first part is a new item, the second updates it
    const part = (sequence: number, text: string, seqNo: number) =>
      encodePdu({
        command: 'deliver_sm', sequenceNumber: seqNo,
        fields: { source_addr: '5', destination_addr: '6', esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 0x11, 2, sequence, ...encodeGsm7(text)]) },
      });
    await f.deliverRaw(1, part(1, 'first ', 77));
    await f.deliverRaw(1, part(2, 'second', 78));
    expect(f.inbox.at(-1)).toMatchObject({ text: 'first second', parts: { received: 2 } });
    const expected: ListCounts = {
      sent: 2, inbox: 4, unread: 4,
      sessions: { [a]: { sent: 2, inbox: 2, unread: 2 }, [b]: { sent: 0, inbox: 2, unread: 2 } },
    };
    expect(await f.counts()).toEqual(expected);
    expect(countedAfresh(f.dataDir)).toEqual(expected);
    await waitFor(() => JSON.stringify(f.published.at(-1)) === JSON.stringify(expected));
  });

  it('marks read by id (announcing those items) and all of a session, then all; unread comes down exactly', async () => {
    const f = await fixtureWithCounts();
    const [a, b] = f.sessions;
    const x = await f.mo(0, { from: '1', to: '2', text: 'x' });
    const y = await f.mo(0, { from: '1', to: '2', text: 'y' });
    await f.mo(0, { from: '1', to: '2', text: 'z' });
    await f.mo(1, { from: '1', to: '2', text: 'w' });
    await f.mo(1, { from: '1', to: '2', text: 'v' });
    const announced = f.inbox.length;
    let counts = await f.services.handlers.markInboxRead({ ids: [x.id, y.id, x.id, 999_999] });
    expect(counts).toMatchObject({ inbox: 5, unread: 3, sessions: { [a]: { unread: 1 }, [b]: { unread: 2 } } });
    await waitFor(() => f.inbox.length === announced + 2);
    expect(f.inbox.slice(announced).map((i) => [i.id, i.read])).toEqual([[x.id, true], [y.id, true]]);
    // again: nothing changes, nothing is announced
    counts = await f.services.handlers.markInboxRead({ ids: [x.id] });
    expect(counts.unread).toBe(3);
    // ids of another session are left alone when a session is named
    counts = await f.services.handlers.markInboxRead({ sessionId: b, ids: [x.id] });
    expect(counts.unread).toBe(3);
    counts = await f.services.handlers.markInboxRead({ sessionId: b });
    expect(counts).toMatchObject({ unread: 1, sessions: { [a]: { unread: 1 }, [b]: { unread: 0 } } });
    expect((await f.services.handlers.listInbox({ filter: { unreadOnly: true }, limit: 10 })).map((i) => i.text)).toEqual(['z']);
    counts = await f.services.handlers.markInboxRead({});
    expect(counts).toMatchObject({ unread: 0, inbox: 5 });
    expect(countedAfresh(f.dataDir)).toEqual(counts);
    // a new item after that is unread again
    await f.mo(1, { from: '1', to: '2', text: 'u' });
    expect(await f.counts()).toMatchObject({ unread: 1, inbox: 6, sessions: { [b]: { unread: 1, inbox: 3 } } });
  });

  it('clears one session (its MO parts too), then all; sent messages stay; counts follow', async () => {
    const f = await fixtureWithCounts();
    const [a, b] = f.sessions;
    await f.send(a, 'kept');
    await f.mo(0, { from: '1', to: '2', text: 'a1' });
    await f.mo(0, { from: '1', to: '2', text: 'a2' });
    await f.mo(1, { from: '1', to: '2', text: 'b1' });
    await f.deliverRaw(
      1,
      encodePdu({
        command: 'deliver_sm', sequenceNumber: 91,
        fields: { source_addr: '7', destination_addr: '8', esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 0x22, 2, 1, ...encodeGsm7('half')]) },
      }),
    );
    expect(await f.services.handlers.clearInbox({ sessionId: b })).toEqual({ removed: 2 });
    expect((await f.services.handlers.listInbox({ limit: 10 })).map((i) => i.text)).toEqual(['a2', 'a1']);
    const counts = await f.counts();
    // a session with nothing left is not listed (as a fresh count finds it)
    expect(counts).toEqual({ sent: 1, inbox: 2, unread: 2, sessions: { [a]: { sent: 1, inbox: 2, unread: 2 } } });
    expect(countedAfresh(f.dataDir)).toEqual(counts);
    // the half-received MO went with its parts: its second part now starts an item of its own
    await f.deliverRaw(
      1,
      encodePdu({
        command: 'deliver_sm', sequenceNumber: 92,
        fields: { source_addr: '7', destination_addr: '8', esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 0x22, 2, 2, ...encodeGsm7('rest')]) },
      }),
    );
    expect((await f.services.handlers.listInbox({ sessionId: b, limit: 10 }))[0]).toMatchObject({ text: '…rest', parts: { total: 2, received: 1 } });
    expect(await f.services.handlers.clearInbox({})).toEqual({ removed: 3 });
    expect(await f.services.handlers.listInbox({ limit: 10 })).toEqual([]);
    expect(await f.counts()).toMatchObject({ sent: 1, inbox: 0, unread: 0 });
    // ids go on rising after a clear, so what comes next is counted as new
    await f.mo(0, { from: '1', to: '2', text: 'after' });
    expect(await f.counts()).toMatchObject({ inbox: 1, unread: 1 });
    expect(countedAfresh(f.dataDir)).toEqual(await f.counts());
    expect(await f.services.handlers.clearInbox({})).toEqual({ removed: 1 });
    expect(await f.services.handlers.clearInbox({})).toEqual({ removed: 0 });
  });
});
