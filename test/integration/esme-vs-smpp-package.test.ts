// The same walk against an independent implementation: the `smpp` package's own Server, over real TCP.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as smpp from 'smpp';
import { receiptOf } from '../../electron/core/messages/receipt-parser';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { encodeUcs2 } from '../../shared/text-codec';
import { esmeSession, waitFor } from '../support/simulator-fixture';

let server: smpp.Server | null = null;
afterEach(async () => {
  for (const session of server?.sessions ?? []) session.destroy();
  const closing = server;
  server = null;
  if (closing) await new Promise((resolve) => closing.close(resolve));
});

/** A minimal SMSC on the package: binds, accepts submit_sm, sends a receipt as IA5 text with TLVs. */
async function startPackageSmsc(received: smpp.PDU[]): Promise<number> {
  server = smpp.createServer((session) => {
    session.on('error', () => undefined); // without a listener the package kills the process (smpp-notes.md)
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      session.send(pdu.response({ system_id: 'PKG_SMSC' }));
      setTimeout(() => session.send(new smpp.PDU('enquire_link')), 10);
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      received.push(pdu);
      session.send(pdu.response({ message_id: 'ab_12' }));
      const text = 'id:ab_12 sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 stat:DELIVRD err:000 text:';
      session.send(
        new smpp.PDU('deliver_sm', {
          source_addr: pdu.destination_addr, destination_addr: pdu.source_addr, esm_class: 4,
          data_coding: 1, short_message: Buffer.from(text, 'ascii'),
        }),
      );
    });
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('ESME session against the smpp package server', () => {
  it('binds, submits UCS-2, matches the IA5 receipt id with its underscore intact, answers enquire_link, unbinds', async () => {
    const received: smpp.PDU[] = [];
    const port = await startPackageSmsc(received);
    const delivered: Pdu[] = [];
    const { session, wire } = esmeSession(port, { onDeliver: async (pdu) => (delivered.push(pdu), 0) });
    await session.open();
    expect(session.smscSystemId).toBe('PKG_SMSC');

    const response = await session.request('submit_sm', {
      source_addr: '100', destination_addr: '447700900124', registered_delivery: 1, data_coding: 8,
      short_message: Buffer.from(encodeUcs2('Привет 😀')),
    });
    expect(response.fields.message_id).toBe('ab_12');
    // the package decoded our UCS-2 correctly: what we labelled is what we sent
    const [submitted] = received;
    expect(submitted?.data_coding).toBe(8);
    expect(submitted?.short_message).toEqual({ message: 'Привет 😀' });

    const receipt = await waitFor(() => delivered[0]);
    expect(receiptOf(receipt)).toMatchObject({ smscMessageId: 'ab_12', stat: 'DELIVRD' });
    await waitFor(() => wire.find((r) => r.direction === 'out' && r.pdu?.command === 'enquire_link_resp'));

    await session.close();
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('unbound');
  });
});
