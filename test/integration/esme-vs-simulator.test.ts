// A core ESME session against the built-in simulator over real TCP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeGsm7 } from '../../shared/text-codec';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { receiptOf } from '../../electron/core/messages/receipt-parser';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { esmeSession, startSimulator, waitFor } from '../support/simulator-fixture';

let simulator: SmscSimulator | null = null;
afterEach(async () => {
  await simulator?.stop();
  simulator = null;
});

describe('ESME session against the built-in simulator', () => {
  it('binds, submits, gets a receipt for the message_id it was given, and unbinds', async () => {
    simulator = await startSimulator({ systemId: 'SIM1' });
    const delivered: Pdu[] = [];
    const { session, wire } = esmeSession(simulator.address.port, {
      onDeliver: async (pdu) => {
        delivered.push(pdu);
        return 0;
      },
    });
    const states: string[] = [];
    session.on('state', (s) => states.push(s));
    await session.open();
    expect(session.state).toBe('bound');
    expect(session.smscSystemId).toBe('SIM1');

    const response = await session.request('submit_sm', {
      source_addr: '12345', destination_addr: '447700900123', registered_delivery: 1, data_coding: 0,
      short_message: Buffer.from(encodeGsm7('Hello [world]')),
    });
    expect(response.command).toBe('submit_sm_resp');
    expect(response.commandStatus).toBe(0);
    const smscMessageId = String(response.fields.message_id);
    // 64 bits in hex, unique across restarts (electron/core/simulator/message-ids.ts)
    expect(smscMessageId).toMatch(/^[0-9A-F]{16}$/);

    const receipt = await waitFor(() => delivered[0]);
    expect(receipt.fields.esm_class).toBe(0x04);
    expect(receipt.fields.source_addr).toBe('447700900123');
    expect(receiptOf(receipt)).toMatchObject({ smscMessageId, stat: 'DELIVRD' });
    // deliver_sm_resp is written after onDeliver resolved
    await waitFor(() => wire.find((r) => r.direction === 'out' && r.pdu?.command === 'deliver_sm_resp'));

    await session.close();
    await waitFor(() => session.state === 'closed');
    expect(states).toEqual(['connecting', 'binding', 'bound', 'unbinding', 'closed']);
    expect(session.closeReason).toBe('unbound');
    const commands = wire.map((r) => `${r.direction} ${r.pdu?.command}`);
    expect(commands).toEqual([
      'out bind_transceiver', 'in bind_transceiver_resp', 'out submit_sm', 'in submit_sm_resp',
      'in deliver_sm', 'out deliver_sm_resp', 'out unbind', 'in unbind_resp',
    ]);
  });

  it('sends enquire_link on its interval and answers the SMSC’s own', async () => {
    simulator = await startSimulator({ enquireLinkIntervalMs: 40 });
    const { session, wire } = esmeSession(simulator.address.port, { enquireLinkIntervalMs: 50 });
    await session.open();
    const seen = (direction: string, command: string) =>
      wire.filter((r) => r.direction === direction && r.pdu?.command === command).length;
    await waitFor(() => seen('out', 'enquire_link') >= 2 && seen('in', 'enquire_link_resp') >= 2);
    await waitFor(() => seen('in', 'enquire_link') >= 2 && seen('out', 'enquire_link_resp') >= 2);
    // each of the SMSC's enquire_links got a response with its own sequence number
    const asked = wire.filter((r) => r.direction === 'in' && r.pdu?.command === 'enquire_link').map((r) => r.pdu!.sequenceNumber);
    const answered = wire.filter((r) => r.direction === 'out' && r.pdu?.command === 'enquire_link_resp').map((r) => r.pdu!.sequenceNumber);
    expect(answered.slice(0, 2)).toEqual(asked.slice(0, 2));
    await session.close();
  });

  it('reports a refused connection with the address', async () => {
    simulator = await startSimulator();
    const port = simulator.address.port;
    await simulator.stop();
    simulator = null;
    const { session } = esmeSession(port);
    await expect(session.open()).rejects.toThrow(`cannot connect to 127.0.0.1:${port}`);
    expect(session.state).toBe('closed');
  });
});
