// An SMSC's re-send recognised (issue 10, "Nothing lost"): a deliver_sm whose command_id and body (not its
// sequence_number) match an inbox item of the same account received within 24 hours is that item again — counted
// in `repeats`, answered ESME_ROK so the SMSC stops, never stored twice, and a receipt never applied twice. The
// clock is moved with fake Date (only Date: sockets and timers stay real), never slept on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { encodeGsm7 } from '../../shared/text-codec';
import { encodePdu, type PduInit } from '../../electron/core/smpp/pdu-codec';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) await c();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

const mo = (text: string, source = '447700900001'): PduInit['fields'] => ({ source_addr: source, destination_addr: '12345', short_message: Buffer.from(encodeGsm7(text)) });
const receipt = (id: string): PduInit['fields'] => ({
  source_addr: '447700900123', destination_addr: '100', esm_class: 4,
  short_message: Buffer.from(`id:${id} sub:001 dlvrd:001 submit date:2601050900 done date:2601050901 stat:DELIVRD err:000 text:hi`),
});
const udhPart = (sequence: number, text: string): PduInit['fields'] => ({
  source_addr: '447700900999', destination_addr: '12345', esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 0x2a, 2, sequence, ...encodeGsm7(text)]),
});

/** A console bound (transceiver) to a raw SMSC that answers submit_sm with message_id M1 and records every deliver_sm_resp. */
async function bound() {
  const responses = new Map<number, number>();
  const smsc = await startRawSmsc((pdu, ctx) => {
    if (pdu.command === 'submit_sm') ctx.reply(pdu, { message_id: 'M1' });
    if (pdu.command === 'deliver_sm_resp') responses.set(pdu.sequenceNumber, pdu.commandStatus);
  });
  cleanups.push(() => smsc.stop());
  const fixture = await consoleAgainstSmsc(smsc, cleanups);
  const profile = await fixture.profile('transceiver');
  const session = await fixture.services.handlers.connect({ profileId: profile.id });
  let sequenceNumber = 100;
  /** Sends one deliver_sm on the given (default: first) connection; resolves with its deliver_sm_resp's status. */
  const deliver = async (fields: PduInit['fields'], socket = smsc.sockets[0]!) => {
    const seq = (sequenceNumber += 1);
    socket.write(encodePdu({ command: 'deliver_sm', sequenceNumber: seq, fields }));
    return waitFor(() => (responses.has(seq) ? { status: responses.get(seq)! } : null));
  };
  const inbox = () => fixture.services.handlers.listInbox({ limit: 100 });
  return { ...fixture, smsc, session, deliver, inbox };
}

describe('a re-sent deliver_sm', () => {
  it('the same body under a new sequence number is one item, counted, and answered ESME_ROK each time', async () => {
    const { deliver, inbox } = await bound();
    expect(await deliver(mo('Hello'))).toEqual({ status: 0 });
    expect(await deliver(mo('Hello'))).toEqual({ status: 0 });
    expect(await deliver(mo('Hello'))).toEqual({ status: 0 });
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'mo', text: 'Hello', repeats: 2 });
  });

  it('a different text, or another sender, is a new item', async () => {
    const { deliver, inbox } = await bound();
    await deliver(mo('Hello'));
    await deliver(mo('Hello!'));
    await deliver(mo('Hello', '447700900002'));
    const items = await inbox();
    expect(items.map((i) => [i.text, i.sourceAddr, i.repeats])).toEqual([
      ['Hello', '447700900002', 0], ['Hello!', '447700900001', 0], ['Hello', '447700900001', 0],
    ]);
  });

  it('within 24 hours it is a repeat; past them the same octets are a new message', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    const { deliver, inbox } = await bound();
    await deliver(mo('YES'));
    vi.setSystemTime(T0 + DAY_MS - 60_000);
    await deliver(mo('YES'));
    expect((await inbox()).map((i) => i.repeats)).toEqual([1]);
    vi.setSystemTime(T0 + DAY_MS + 60_000);
    await deliver(mo('YES'));
    const items = await inbox();
    expect(items.map((i) => [i.text, i.repeats])).toEqual([['YES', 0], ['YES', 1]]);
    expect(items[0]!.receivedAt).toBeGreaterThanOrEqual(T0 + DAY_MS + 60_000);
  });

  it('a re-sent receipt is not applied to its message again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    const { services, session, deliver, inbox } = await bound();
    const sent = await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text: 'hi' });
    await deliver(receipt('M1'));
    const first = (await services.handlers.listMessages({ limit: 10 })).find((m) => m.id === sent.id)!;
    expect(first).toMatchObject({ state: 'DELIVRD', receiptAt: expect.any(Number) });
    vi.setSystemTime(T0 + 60 * 60_000);
    expect(await deliver(receipt('M1'))).toEqual({ status: 0 });
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'receipt', repeats: 1, matchedMessage: { id: sent.id } });
    const after = (await services.handlers.listMessages({ limit: 10 })).find((m) => m.id === sent.id)!;
    expect(after.receiptAt).toBe(first.receiptAt);
  });

  it('on another session of the same account it is still a repeat; on another account it is new', async () => {
    const { services, smsc, deliver, inbox } = await bound();
    const { id: sameAccount } = await services.handlers.createProfile({ ...DEFAULT_PROFILE_SETTINGS, name: 'rx', port: smsc.port, systemId: 'acct', bindMode: 'receiver', enquireLinkIntervalMs: 0 });
    const { id: otherAccount } = await services.handlers.createProfile({ ...DEFAULT_PROFILE_SETTINGS, name: 'other', port: smsc.port, systemId: 'other', bindMode: 'receiver', enquireLinkIntervalMs: 0 });
    await services.handlers.connect({ profileId: sameAccount });
    await services.handlers.connect({ profileId: otherAccount });
    await deliver(mo('Hi'), smsc.sockets[0]);
    await deliver(mo('Hi'), smsc.sockets[1]);
    await deliver(mo('Hi'), smsc.sockets[2]);
    expect((await inbox()).map((i) => i.repeats)).toEqual([0, 1]);
  });

  it('a re-sent part of a complete concatenated MO neither opens a new item nor changes the text', async () => {
    const { deliver, inbox } = await bound();
    await deliver(udhPart(1, 'Hello '));
    await deliver(udhPart(2, 'world'));
    await deliver(udhPart(2, 'world'));
    await deliver(udhPart(1, 'Hello '));
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ text: 'Hello world', parts: { total: 2, received: 2 }, repeats: 2 });
  });
});
