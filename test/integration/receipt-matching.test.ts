// Receipts matched to the right message when SMSCs make it hard: the receipt in the same TCP read as its
// submit_sm_resp, ids that read as both hex and decimal, receipts on another profile of the same account,
// and an intermediate notification after the final one.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/contract';
import { encodePdu, type Pdu } from '../../electron/core/smpp/pdu-codec';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc, type RawSmscContext, type RawSmsc } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const consoleAgainst = (smsc: RawSmsc) => consoleAgainstSmsc(smsc, cleanups);

const receipt = (id: string, stat = 'DELIVRD') =>
  encodePdu({
    command: 'deliver_sm', sequenceNumber: 900, fields: { esm_class: 4, short_message: Buffer.from(`id:${id} stat:${stat} err:000`) },
  });

describe('receipt matching', () => {
  it('a receipt in the same write as its submit_sm_resp goes to that message, even when its id reads as another’s in hex', async () => {
    const ids = ['16', '10'];
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      const id = ids.shift()!;
      const resp = encodePdu({ command: 'submit_sm_resp', sequenceNumber: pdu.sequenceNumber, fields: { message_id: id } });
      // message 1's receipt comes later; message 2's comes glued to its response
      ctx.socket.write(id === '10' ? Buffer.concat([resp, receipt('10')]) : resp);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const first = await send(session.id, 'first');
    const second = await send(session.id, 'second');
    await waitFor(() => inbox.find((i) => i.receipt?.smscMessageId === '10' && i.matchedMessage));
    const messages = await services.handlers.listMessages({ limit: 500 });
    expect(messages.find((m) => m.id === second.id)?.state).toBe('DELIVRD');
    expect(messages.find((m) => m.id === first.id)?.state).toBe('accepted');
    expect(inbox.at(-1)?.matchedMessage?.id).toBe(second.id);
  });

  it('a receipt on the RX profile matches a message sent on the TX profile of the same account', async () => {
    let rx: RawSmscContext | null = null;
    const smsc = await startRawSmsc((pdu, ctx) => {
      if (pdu.command === 'submit_sm') {
        ctx.reply(pdu, { message_id: 'ABC123' });
        setTimeout(() => rx!.socket.write(receipt('abc123')), 20);
      }
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const rxSession = await services.handlers.connect({ profileId: (await profile('receiver')).id });
    rx = { socket: smsc.sockets[0]! } as RawSmscContext;
    const txSession = await services.handlers.connect({ profileId: (await profile('transmitter')).id });
    const sent = await send(txSession.id, 'split');
    const item = await waitFor(() => inbox.find((i) => i.matchedMessage));
    expect(item).toMatchObject({ sessionId: rxSession.id, matchedMessage: { id: sent.id } });
  });

  it('a late intermediate notification does not undo a final outcome', async () => {
    const smsc = await startRawSmsc((pdu, ctx) => {
      if (pdu.command !== 'submit_sm') return;
      ctx.reply(pdu, { message_id: 'X1' });
      setTimeout(() => ctx.socket.write(receipt('X1', 'DELIVRD')), 10);
      setTimeout(() => ctx.socket.write(receipt('X1', 'ENROUTE')), 40);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const sent = await send(session.id, 'x');
    await waitFor(() => inbox.length === 2);
    expect((await services.handlers.listMessages({ limit: 500 })).find((m) => m.id === sent.id)?.state).toBe('DELIVRD');
  });

  it('shows the rule that matched: as sent, converted, on response', async () => {
    const replies = [
      { id: 'A_1', receiptId: 'a_1', early: false }, // underscore: read as ASCII, not GSM's §
      { id: '255', receiptId: 'ff', early: false }, // hex of the decimal id: the only waiting message
      { id: 'Q9', receiptId: 'Q9', early: true }, // the receipt well before its response
    ];
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      const { id, receiptId, early } = replies.shift()!;
      const resp = encodePdu({ command: 'submit_sm_resp', sequenceNumber: pdu.sequenceNumber, fields: { message_id: id } });
      if (early) {
        ctx.socket.write(receipt(receiptId));
        setTimeout(() => ctx.socket.write(resp), 50);
      } else {
        ctx.socket.write(resp);
        setTimeout(() => ctx.socket.write(receipt(receiptId)), 10);
      }
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const sent: MessageView[] = [];
    for (const text of ['one', 'two', 'three']) {
      sent.push(await send(session.id, text));
      await waitFor(async () => (await services.handlers.listMessages({ limit: 10 })).find((m) => m.id === sent.at(-1)!.id)?.state === 'DELIVRD');
    }
    const items = (await services.handlers.listInbox({ limit: 10 })).reverse();
    expect(items.map((i) => [i.receipt?.smscMessageId, i.matchedMessage?.id, i.matchRule])).toEqual([
      ['a_1', sent[0]!.id, 'as-sent'], ['ff', sent[1]!.id, 'converted'], ['Q9', sent[2]!.id, 'on-response'],
    ]);
    expect(inbox.length).toBeGreaterThanOrEqual(3);
  });

  it('the profile says how the SMSC writes receipt ids: decimal receipts of hex responses match surely, never literally', async () => {
    // Response ids 1A and 26; the receipt says "26" — in decimal, that is 0x1A: the first message's, not the second's.
    const ids = ['1A', '26'];
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      ctx.reply(pdu, { message_id: ids.shift()! });
      if (ids.length === 0) setTimeout(() => ctx.socket.write(receipt('26')), 10);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const created = await profile('transceiver');
    const { id: _id, builtinSimulator: _b, passwordMissing: _p, ...settings } = created;
    await services.handlers.updateProfile({ id: created.id, draft: { ...settings, receiptIds: 'decimal' } });
    const session = await services.handlers.connect({ profileId: created.id });
    const first = await send(session.id, 'one');
    const second = await send(session.id, 'two');
    const item = await waitFor(() => inbox.find((i) => i.kind === 'receipt'));
    expect([item.matchedMessage?.id, item.matchRule]).toEqual([first.id, 'converted']);
    expect(item.matchedMessage?.id).not.toBe(second.id);
  });

  it('a stat word beyond the seven: mapped where it is sure (DELIVERED), else kept and the message left as it was', async () => {
    const stats = ['DELIVERED', 'SENT_TO_OPERATOR'];
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      const id = `M${stats.length}`;
      const stat = stats.shift()!;
      ctx.reply(pdu, { message_id: id });
      setTimeout(() => ctx.socket.write(receipt(id, stat)), 10);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const delivered = await send(session.id, 'sure');
    const unsure = await send(session.id, 'unsure');
    await waitFor(() => inbox.length === 2 && inbox.every((i) => i.matchedMessage));
    const messages = await services.handlers.listMessages({ limit: 10 });
    expect(messages.find((m) => m.id === delivered.id)?.state).toBe('DELIVRD');
    // before, an unknown word put the message back to "submitting" with nothing delivered
    expect(messages.find((m) => m.id === unsure.id)).toMatchObject({ state: 'accepted', parts: { delivered: 0, accepted: 1 } });
    expect(inbox.map((i) => [i.receipt?.stat, i.receipt?.statText, i.matchedMessage?.id])).toEqual([
      ['DELIVRD', 'DELIVERED', delivered.id], [null, 'SENT_TO_OPERATOR', unsure.id],
    ]);
  });

  it('TLVs and text disagreeing: the TLVs decide, and the disagreement is kept with the receipt', async () => {
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      ctx.reply(pdu, { message_id: 'T1' });
      const both = encodePdu({
        command: 'deliver_sm', sequenceNumber: 901, fields: { esm_class: 4, short_message: Buffer.from('id:T1 stat:DELIVRD err:000 text:x') },
        tlvs: { receipted_message_id: 'T1', message_state: 5 },
      });
      setTimeout(() => ctx.socket.write(both), 10);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, send } = await consoleAgainst(smsc);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const sent = await send(session.id, 'which is it');
    const item = await waitFor(() => inbox.find((i) => i.matchedMessage));
    expect(item.receipt).toMatchObject({ stat: 'UNDELIV', statText: 'DELIVRD', conflict: 'message_state UNDELIVERABLE (used) ≠ text stat:DELIVRD', text: 'x' });
    expect((await services.handlers.listMessages({ limit: 10 })).find((m) => m.id === sent.id)?.state).toBe('UNDELIV');
    // …and the stored row reads back the same
    expect((await services.handlers.listInbox({ limit: 1 }))[0]!.receipt).toEqual(item.receipt);
  });
});

