// A concatenated MO shows as one inbox item: parts in any order, a repeated part, SAR as well as UDH.
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { encodeGsm7 } from '../../shared/text-codec';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc, type RawSmsc } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const udhPart = (sequence: number, text: string, seqNo: number) =>
  encodePdu({
    command: 'deliver_sm', sequenceNumber: seqNo,
    fields: { source_addr: '447700900999', destination_addr: '12345', esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 0x7e, 3, sequence, ...encodeGsm7(text)]) },
  });
const sarPart = (sequence: number, text: string, seqNo: number) =>
  encodePdu({
    command: 'deliver_sm', sequenceNumber: seqNo,
    fields: { source_addr: '447700900999', destination_addr: '12345', short_message: Buffer.from(encodeGsm7(text)) },
    tlvs: { sar_msg_ref_num: 0x1234, sar_total_segments: 2, sar_segment_seqnum: sequence },
  });

async function boundTo(smsc: RawSmsc) {
  const fixture = await consoleAgainstSmsc(smsc, cleanups);
  await fixture.services.handlers.connect({ profileId: (await fixture.profile('transceiver')).id });
  return fixture;
}

describe('concatenated MO', () => {
  it('parts out of order and one repeated become one item, gaps marked until they arrive', async () => {
    const smsc = await startRawSmsc(() => undefined);
    cleanups.push(() => smsc.stop());
    const { services, inbox } = await boundTo(smsc);
    const socket = smsc.sockets[0]!;
    socket.write(udhPart(3, 'three.', 11));
    socket.write(udhPart(1, 'One, ', 12));
    await waitFor(() => inbox.length === 2);
    expect(inbox.at(-1)).toMatchObject({ kind: 'mo', text: 'One, …three.', parts: { total: 3, received: 2 } });
    socket.write(udhPart(1, 'One, ', 13));
    socket.write(udhPart(2, 'two, ', 14));
    await waitFor(() => inbox.at(-1)?.parts.received === 3);
    const items = await services.handlers.listInbox({ limit: 500 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ text: 'One, two, three.', sourceAddr: '447700900999', parts: { total: 3, received: 3 } });
  });

  it('SAR TLVs too', async () => {
    const smsc = await startRawSmsc(() => undefined);
    cleanups.push(() => smsc.stop());
    const { services, inbox } = await boundTo(smsc);
    smsc.sockets[0]!.write(Buffer.concat([sarPart(2, 'world', 21), sarPart(1, 'Hello ', 22)]));
    await waitFor(() => inbox.at(-1)?.parts.received === 2);
    expect((await services.handlers.listInbox({ limit: 500 })).map((i) => i.text)).toEqual(['Hello world']);
  });
});
