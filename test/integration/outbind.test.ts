// Outbind: the profile listens, the SMSC connects and sends outbind, the console answers with bind_receiver on
// that connection and then receives deliver_sm like any receiver. Whoever completes an outbind is sent the
// profile's system_id and password, so the listener faces one address only, takes connections from the SMSC's
// addresses only, and checks the outbind's system_id and password; everything else is refused and traced.
import { connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu, type Pdu } from '../../electron/core/smpp/pdu-codec';
import { planOutbind } from '../../electron/core/smpp/outbind-plan';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { esmeSession, startSimulator, waitFor } from '../support/simulator-fixture';

let simulator: SmscSimulator | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await simulator?.stop();
  simulator = null;
});

/** Linux routes all of 127/8 to lo; a machine without it cannot stage "another address" and says so. */
const secondLoopback = await new Promise<string | null>((resolve) => {
  const probe = createServer().once('error', () => resolve(null));
  probe.listen(0, '127.0.0.2', () => probe.close(() => resolve('127.0.0.2')));
});
if (secondLoopback === null) console.log('outbind from another address: skipped — this machine cannot bind 127.0.0.2');

function listening(notes: string[]) {
  return waitFor(() => notes.map((n) => /^listening on ([\d.:]+):(\d+) for the SMSC's outbind \((.*)\); accepting (.*) only$/.exec(n)).find(Boolean));
}

/** A raw "SMSC" that connects from a chosen address, sends one outbind and collects whatever comes back. */
async function rawOutbind(port: number, from: string, systemId: string, password: string) {
  const socket = connect({ host: '127.0.0.1', port, localAddress: from });
  sockets.push(socket);
  let received = Buffer.alloc(0);
  socket.on('data', (chunk) => (received = Buffer.concat([received, chunk])));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(encodePdu({ command: 'outbind', sequenceNumber: 1, fields: { system_id: systemId, password } }));
  return { closed, received: () => received };
}

describe('outbind', () => {
  it('listens on 127.0.0.1 for a local SMSC, takes its outbind, binds as receiver on that connection', async () => {
    simulator = await startSimulator({ systemId: 'OUTBINDER' });
    const notes: string[] = [];
    const delivered: Pdu[] = [];
    const { session, wire } = esmeSession(0, {
      host: 'localhost', connectMode: 'outbind', outbindPort: 0, bindMode: 'receiver',
      onNote: (text) => notes.push(text),
      onDeliver: async (pdu) => (delivered.push(pdu), 0),
    });
    const opening = session.open();
    const [, address, port, why, accepting] = await listening(notes);
    expect([address, why]).toEqual(['127.0.0.1', 'automatic: the SMSC localhost is on this machine']);
    expect(accepting).toContain('127.0.0.1');
    await simulator.outbind('127.0.0.1', Number(port), 'test', 'pw');
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

  it('refuses an outbind with the wrong system_id or password, sends it nothing, and keeps listening for the SMSC', async () => {
    simulator = await startSimulator({ systemId: 'OUTBINDER' });
    const notes: string[] = [];
    const { session, wire } = esmeSession(0, {
      host: '127.0.0.1', connectMode: 'outbind', outbindPort: 0, bindMode: 'receiver', systemId: 'acct', password: 'secret',
      outbindSystemId: 'SMSC01', onNote: (text) => notes.push(text),
    });
    const opening = session.open();
    const port = Number((await listening(notes))[2]);

    const wrongId = await rawOutbind(port, '127.0.0.1', 'attacker', 'secret');
    await wrongId.closed;
    const wrongPassword = await rawOutbind(port, '127.0.0.1', 'SMSC01', 'guess');
    await wrongPassword.closed;
    expect(wrongId.received().length + wrongPassword.received().length).toBe(0);
    expect(wire.some((r) => r.direction === 'out')).toBe(false);
    expect(notes.filter((n) => n.startsWith('outbind refused'))).toEqual([
      expect.stringMatching(/^outbind refused: from 127\.0\.0\.1:\d+: system_id "attacker" is not the expected "SMSC01"$/),
      expect.stringMatching(/^outbind refused: from 127\.0\.0\.1:\d+: its password is not this profile's$/),
    ]);
    // both refused outbinds are in the trace as what they were
    expect(wire.filter((r) => r.pdu?.command === 'outbind')).toHaveLength(2);

    await simulator.outbind('127.0.0.1', port, 'SMSC01', 'secret');
    await opening;
    expect(session.state).toBe('bound');
    expect(wire.filter((r) => r.pdu?.command === 'bind_receiver')).toHaveLength(1);
    await session.close();
  });

  it.skipIf(secondLoopback === null)('is not reachable on another address, and refuses a peer that is not the SMSC', async () => {
    simulator = await startSimulator({ systemId: 'OUTBINDER' });
    const notes: string[] = [];
    const { session, wire } = esmeSession(0, {
      host: 'localhost', connectMode: 'outbind', outbindPort: 0, bindMode: 'receiver', onNote: (text) => notes.push(text),
    });
    const opening = session.open();
    const port = Number((await listening(notes))[2]);
    // not listening on every interface: the same port on 127.0.0.2 has nobody behind it
    const elsewhere = connect({ host: secondLoopback!, port });
    sockets.push(elsewhere);
    expect(await new Promise((resolve) => elsewhere.once('error', (e: NodeJS.ErrnoException) => resolve(e.code)))).toBe('ECONNREFUSED');

    // a peer from 127.0.0.2, not one of localhost's addresses, with the right credentials: refused unread
    const stranger = await rawOutbind(port, secondLoopback!, 'test', 'pw');
    await stranger.closed;
    expect(stranger.received().length).toBe(0);
    expect(notes).toContainEqual(expect.stringMatching(/^outbind refused: a connection from 127\.0\.0\.2:\d+ is not the SMSC \(accepting 127\.0\.0\.1(, ::1)? only\)$/));
    expect(wire).toHaveLength(0);

    await simulator.outbind('127.0.0.1', port, 'test', 'pw');
    await opening;
    expect(session.state).toBe('bound');
    await session.close();
  });
});

describe('the outbind plan', () => {
  // (An unresolvable name is not tried here: resolving it would ask the machine's DNS server, off 127.0.0.1.)
  it('names the address it will listen on and why, and resolves names to the addresses it accepts', async () => {
    expect(await planOutbind('127.0.0.1', '')).toEqual({ listenAddress: '127.0.0.1', smscAddresses: ['127.0.0.1'], why: 'automatic: the SMSC 127.0.0.1 is on this machine' });
    expect(await planOutbind('127.0.0.1', '127.0.0.1')).toMatchObject({ listenAddress: '127.0.0.1', why: 'as the profile names it' });
    expect((await planOutbind('localhost', '')).smscAddresses).toContain('127.0.0.1');
  });

  it('a profile may not listen on every interface', async () => {
    const cleanups: Array<() => Promise<void>> = [];
    const { services } = await consoleAgainstSmsc({ port: 2775, sockets: [], stop: async () => undefined }, cleanups);
    for (const address of ['0.0.0.0', '::', 'smsc.example.net']) {
      const result = await services.call('createProfile', {
        ...DEFAULT_PROFILE_SETTINGS, name: 'o', systemId: 'a', connectMode: 'outbind', bindMode: 'receiver', outbindAddress: address,
      });
      expect(result).toMatchObject({ ok: false, error: { field: 'outbindAddress', message: expect.stringMatching(/^Listen on: an IP address of this machine/) } });
    }
    for (const cleanup of cleanups) await cleanup();
  });
});
