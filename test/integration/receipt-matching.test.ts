// Receipts matched to the right message when SMSCs make it hard: the receipt in the same TCP read as its
// submit_sm_resp, ids that read as both hex and decimal, receipts on another profile of the same account,
// and an intermediate notification after the final one.
import { afterEach, describe, expect, it } from 'vitest';
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
    await waitFor(() => inbox.find((i) => i.receipt?.messageId === '10' && i.matchedMessage));
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
});
