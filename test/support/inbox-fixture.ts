// The whole console bound twice (two sessions, one account) to a raw SMSC that the test makes deliver MO and
// receipts exactly as written: addresses, text (UCS-2, so any character goes), stat words, err codes.
import type { InboxItem } from '../../shared/contract';
import { encodeUcs2 } from '../../shared/text-codec';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { consoleAgainstSmsc } from './console-fixture';
import { startRawSmsc } from './raw-smsc';
import { waitFor } from './simulator-fixture';

export interface MoInit {
  from: string;
  to: string;
  text: string;
}

export interface ReceiptInit {
  /** The SMSC's message_id the receipt reports on. */
  id: string;
  stat: string;
  err?: string;
  text?: string;
  from?: string;
}

export async function inboxFixture(cleanups: Array<() => Promise<void>>) {
  let smscMessageId = 0;
  const smsc = await startRawSmsc((pdu, context) => {
    // submit_sm answered with a fresh message_id; deliver_sm_resp and the rest need no answer.
    if (pdu.command === 'submit_sm') context.reply(pdu, { message_id: `M${++smscMessageId}` });
  });
  cleanups.push(() => smsc.stop());
  const fixture = await consoleAgainstSmsc(smsc, cleanups);
  const { services } = fixture;
  // One after the other: sockets[0] is the first session's, sockets[1] the second's.
  const first = await services.handlers.connect({ profileId: (await fixture.profile('transceiver')).id });
  const second = await services.handlers.connect({ profileId: (await fixture.profile('receiver')).id });
  let sequence = 1000;
  /** Writes a deliver_sm and resolves with the item it made once that is announced. */
  const deliver = async (session: 0 | 1, fields: Record<string, string | number | Buffer>): Promise<InboxItem> => {
    const seen = new Set(fixture.inbox.map((item) => item.id));
    smsc.sockets[session]!.write(encodePdu({ command: 'deliver_sm', sequenceNumber: ++sequence, fields }));
    return waitFor(() => fixture.inbox.find((item) => !seen.has(item.id)));
  };
  return {
    ...fixture,
    /** Any PDU octets on session 0 or 1; resolves once an inbox item (new or updated) is announced. */
    deliverRaw: async (session: 0 | 1, octets: Buffer): Promise<InboxItem> => {
      const before = fixture.inbox.length;
      smsc.sockets[session]!.write(octets);
      return waitFor(() => fixture.inbox.length > before && fixture.inbox.at(-1));
    },
    sessions: [first.id, second.id] as const,
    /** An MO on session 0 or 1. */
    mo: (session: 0 | 1, mo: MoInit) =>
      deliver(session, { source_addr: mo.from, destination_addr: mo.to, data_coding: 8, short_message: Buffer.from(encodeUcs2(mo.text)) }),
    /** A delivery receipt (Appendix B text) on session 0 or 1. */
    receipt: (session: 0 | 1, r: ReceiptInit) =>
      deliver(session, {
        source_addr: r.from ?? '447700900123', destination_addr: '12345', esm_class: 0x04,
        short_message: Buffer.from(
          `id:${r.id} sub:001 dlvrd:001 submit date:2601011200 done date:2601011201 stat:${r.stat} err:${r.err ?? '000'} text:${r.text ?? ''}`,
          'latin1',
        ),
      }),
  };
}
