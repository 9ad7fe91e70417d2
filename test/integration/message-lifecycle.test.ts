// A message's timeline (issue 10, Lifecycle) against an SMSC that makes it hard: a three-part message whose second
// part's receipt arrives before its submit_sm_resp, whose receipts come out of order, with an intermediate
// notification, and one part undeliverable. Each step must sit on its own part and point at its own trace row.
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu, type Pdu } from '../../electron/core/smpp/pdu-codec';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc, type RawSmscContext } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let receiptSequence = 7000;
const receipt = (id: string, stat: string, esmClass = 0x04, err = '000') =>
  encodePdu({
    command: 'deliver_sm', sequenceNumber: receiptSequence++,
    fields: { source_addr: '447700900123', esm_class: esmClass, short_message: Buffer.from(`id:${id} sub:001 dlvrd:001 submit date:2612011200 done date:2612011201 stat:${stat} err:${err} text:part`) },
  });

describe('message lifecycle', () => {
  it('follows each part of a long message to its own receipts, in and out of order, each linked to its trace row', async () => {
    let part = 0;
    const smsc = await startRawSmsc((pdu: Pdu, ctx: RawSmscContext) => {
      if (pdu.command !== 'submit_sm') return;
      part += 1;
      const resp = (id: string) => encodePdu({ command: 'submit_sm_resp', sequenceNumber: pdu.sequenceNumber, fields: { message_id: id } });
      if (part === 1) ctx.socket.write(resp('P1'));
      // Part 2: its receipt is written well before its response (committed unmatched, claimed when the response comes).
      if (part === 2) {
        ctx.socket.write(receipt('P2', 'DELIVRD'));
        setTimeout(() => ctx.socket.write(resp('P2')), 40);
      }
      if (part === 3) {
        ctx.socket.write(Buffer.concat([resp('P3'), receipt('P3', 'UNDELIV', 0x04, '034')]));
        // Part 1's intermediate notification, then its final receipt, last of all.
        setTimeout(() => ctx.socket.write(Buffer.concat([receipt('P1', 'ENROUTE', 0x20), receipt('P1', 'DELIVRD')])), 30);
      }
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile } = await consoleAgainstSmsc(smsc, cleanups);
    const session = await services.handlers.connect({ profileId: (await profile('transceiver')).id });
    const sent = await services.handlers.submit({
      sessionId: session.id, sourceAddr: 'ACME', destinationAddr: '447700900123', text: 'x'.repeat(400),
      options: { serviceType: 'CMT', sourceAddrTon: 5, sourceAddrNpi: 0, destAddrTon: 1, destAddrNpi: 1 },
    });
    await waitFor(() => inbox.filter((i) => i.matchedMessage?.id === sent.id).length === 4 || undefined);

    const story = await services.handlers.messageLifecycle({ id: sent.id });
    expect(story.message.state).toBe('UNDELIV');
    expect(story.message.parts).toMatchObject({ total: 3, delivered: 2, failed: 1 });
    expect(story.draft).toMatchObject({ sourceAddr: 'ACME', destinationAddr: '447700900123', options: { serviceType: 'CMT', sourceAddrTon: 5, destAddrTon: 1 } });
    expect(story.parts.map((p) => [p.seq, p.state, p.response?.smscMessageId])).toEqual([
      [1, 'DELIVRD', 'P1'],
      [2, 'DELIVRD', 'P2'],
      [3, 'UNDELIV', 'P3'],
    ]);
    const [one, two, three] = story.parts;
    expect(one!.receipts.map((r) => [r.receipt.statText, r.intermediate])).toEqual([['ENROUTE', true], ['DELIVRD', false]]);
    expect(two!.receipts.map((r) => [r.receipt.stat, r.matchRule])).toEqual([['DELIVRD', 'on-response']]);
    expect(three!.receipts.map((r) => [r.receipt.stat, r.receipt.err, r.receipt.doneDate])).toEqual([['UNDELIV', '034', '2612011201']]);

    for (const p of story.parts) {
      expect(p.response).toMatchObject({ commandStatus: 0, statusName: 'ESME_ROK' });
      expect(p.response!.roundTripMs).toBeGreaterThanOrEqual(0);
      const submit = await services.handlers.traceDetail({ id: p.submit.traceId! });
      expect([submit.commandName, submit.sequenceNumber]).toEqual(['submit_sm', p.submit.sequenceNumber]);
      const response = await services.handlers.traceDetail({ id: p.response!.traceId! });
      expect([response.commandName, response.sequenceNumber, response.requestId]).toEqual(['submit_sm_resp', p.submit.sequenceNumber, submit.id]);
      for (const r of p.receipts) {
        const row = await services.handlers.traceDetail({ id: r.traceId! });
        expect(row.commandName).toBe('deliver_sm');
        expect(row.summary).toContain(`id=${r.receipt.smscMessageId} stat=${r.receipt.statText}`);
      }
    }
    // Five different deliver_sm rows: none linked twice.
    expect(new Set(story.parts.flatMap((p) => p.receipts.map((r) => r.traceId))).size).toBe(4);
  });

  it('names the field when the message is not one the console sent', async () => {
    const smsc = await startRawSmsc(() => undefined);
    cleanups.push(() => smsc.stop());
    const { services } = await consoleAgainstSmsc(smsc, cleanups);
    await expect(services.call('messageLifecycle', { id: 'no-such-message' })).resolves.toMatchObject({ ok: false, error: { field: 'id' } });
  });
});
