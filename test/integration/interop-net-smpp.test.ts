// Interop with an independent SMPP implementation from Debian's packages: Net::SMPP (libnet-smpp-perl) as the
// SMSC, in TX, RX and TRX modes, with receipts and MO. CI installs the package; where it is missing the tests
// print that they were skipped and why.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptOf, deliveredText, isReceipt } from '../../electron/core/messages/receipt-parser';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { encodeGsm7 } from '../../shared/text-codec';
import { esmeSession, waitFor } from '../support/simulator-fixture';

const available = spawnSync('perl', ['-MNet::SMPP', '-e', '1']).status === 0;
if (!available) console.log('Net::SMPP interop skipped: perl module Net::SMPP is missing (apt-get install libnet-smpp-perl)');

let smsc: ChildProcess;
let port = 0;
beforeAll(async () => {
  if (!available) return;
  smsc = spawn('perl', ['test/interop/net-smpp-smsc.pl'], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve, reject) => {
    smsc.stdout!.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    smsc.once('exit', (code) => reject(new Error(`Net::SMPP SMSC exited with ${code}`)));
  });
});
afterAll(() => smsc?.kill());

const submit = (text: string) => ({ source_addr: '12345', destination_addr: '447700900123', registered_delivery: 1, data_coding: 0, short_message: Buffer.from(encodeGsm7(text)) });

describe.skipIf(!available)('against Net::SMPP', () => {
  // Net::SMPP writes text as it is given: ASCII under data_coding 0. A profile says so with "data_coding 0 means
  // Latin-1"; read as GSM 03.38 the underscore would turn into '§' (the smpp package's mistake, smpp-notes.md).
  it('TRX: submit, the receipt for that message_id, and an MO with its underscore intact', async () => {
    const delivered: Pdu[] = [];
    const { session } = esmeSession(port, { systemId: 'trx', onDeliver: async (pdu) => (delivered.push(pdu), 0) });
    await session.open();
    expect(session.smscSystemId).toBe('NETSMPP');
    const mo = await waitFor(() => delivered.find((p) => !isReceipt(p)));
    expect(deliveredText(mo, 'latin1')).toBe('MO via Net::SMPP: hello_world');
    expect(deliveredText(mo, 'gsm7')).toBe('MO via Net::SMPP: hello§world');
    const response = await session.request('submit_sm', submit('Hello Perl'));
    const smscMessageId = String(response.fields.message_id);
    expect(smscMessageId).toMatch(/^\d+$/);
    const receipt = await waitFor(() => delivered.find((p) => isReceipt(p)));
    expect(receiptOf(receipt)).toMatchObject({ smscMessageId, stat: 'DELIVRD' });
    expect(deliveredText(receipt, 'latin1')).toContain('text:Hello Perl');
    await session.close();
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('unbound');
  });

  it('TX and RX: submit on the transmitter, the receipt arrives on the receiver', async () => {
    const received: Pdu[] = [];
    const rx = esmeSession(port, { systemId: 'split', bindMode: 'receiver', onDeliver: async (pdu) => (received.push(pdu), 0) });
    const tx = esmeSession(port, { systemId: 'split', bindMode: 'transmitter', onDeliver: async () => 0x08 });
    await rx.session.open();
    await tx.session.open();
    const response = await tx.session.request('submit_sm', submit('Split binds'));
    const receipt = await waitFor(() => received.find((p) => isReceipt(p)));
    expect(receiptOf(receipt)?.smscMessageId).toBe(String(response.fields.message_id));
    expect(received.some((p) => deliveredText(p, 'latin1').startsWith('MO via Net::SMPP'))).toBe(true);
    expect(tx.wire.some((r) => r.direction === 'in' && r.pdu?.command === 'deliver_sm')).toBe(false);
    await tx.session.close();
    await rx.session.close();
  });
});
