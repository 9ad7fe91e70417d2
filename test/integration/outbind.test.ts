// Outbind: the profile listens on a port, the SMSC connects and sends outbind, the console answers with
// bind_receiver on that connection and then receives deliver_sm like any receiver.
import { afterEach, describe, expect, it } from 'vitest';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { esmeSession, startSimulator, waitFor } from '../support/simulator-fixture';

let simulator: SmscSimulator | null = null;
afterEach(async () => {
  await simulator?.stop();
  simulator = null;
});

describe('outbind', () => {
  it('listens, takes the SMSC’s outbind, binds as receiver on that connection', async () => {
    simulator = await startSimulator({ systemId: 'OUTBINDER' });
    const notes: string[] = [];
    const delivered: Pdu[] = [];
    const { session, wire } = esmeSession(0, {
      connectMode: 'outbind', outbindPort: 0, bindMode: 'receiver',
      onNote: (text) => notes.push(text),
      onDeliver: async (pdu) => (delivered.push(pdu), 0),
    });
    const opening = session.open();
    const listening = await waitFor(() => notes.map((n) => /listening on port (\d+) for the SMSC's outbind/.exec(n)).find(Boolean));
    await simulator.outbind('127.0.0.1', Number(listening[1]), 'test');
    await opening;
    expect(session.state).toBe('bound');
    expect(session.smscSystemId).toBe('OUTBINDER');
    expect(wire.map((r) => `${r.direction} ${r.pdu?.command}`).slice(0, 3)).toEqual([
      'in outbind', 'out bind_receiver', 'in bind_receiver_resp',
    ]);
    await session.close();
  });

  it('stops listening when the user disconnects before the SMSC comes', async () => {
    const notes: string[] = [];
    const { session } = esmeSession(0, { connectMode: 'outbind', outbindPort: 0, bindMode: 'receiver', onNote: (t) => notes.push(t) });
    const opening = session.open();
    await waitFor(() => notes.length > 0);
    await session.close();
    await expect(opening).rejects.toThrow('closed by the user while waiting for an outbind');
    expect(session.state).toBe('closed');
  });
});
