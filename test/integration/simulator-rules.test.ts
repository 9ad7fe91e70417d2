// The simulator as a tool, seen from the console's own sessions (services, as the UI drives them): bind-state rules,
// accounts, each kind of rule, receipt settings, message_id formats, throttling and the window. Real TCP on
// 127.0.0.1; every wait is bounded.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { decodePdu, encodePdu, tlvValue } from '../../electron/core/smpp/pdu-codec';
import { seededRandom } from '../../electron/core/simulator/random';
import { consoleWithSimulator } from '../support/simulator-console';
import { esmeSession, waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const start = () => consoleWithSimulator(cleanups);

describe('bind-state rules', () => {
  it('default scenario: any system_id binds; submit on RX is ESME_RINVBNDSTS; receipts go to the RX bind, never the TX', async () => {
    const c = await start();
    const rx = await c.bind('receiver', 'anyone', 'whatever');
    const tx = await c.bind('transmitter', 'anyone', 'whatever');
    expect([rx.state, tx.state]).toEqual(['bound', 'bound']);
    const onRx = await c.send(rx.id);
    expect(onRx).toMatchObject({ state: 'rejected', commandStatus: 0x04, statusName: 'ESME_RINVBNDSTS' });
    const onTx = await c.send(tx.id);
    expect(onTx.state).toBe('accepted');
    await c.settled(onTx.id, 'DELIVRD');
    expect(c.inbox.filter((i) => i.kind === 'receipt').map((i) => i.sessionId)).toEqual([rx.id]);
    const status = await c.services.handlers.simulatorStatus();
    expect(status.sessions.map((s) => [s.systemId, s.bindType])).toEqual([['anyone', 'receiver'], ['anyone', 'transmitter']]);
    expect(status.sessions[0]!.counters).toMatchObject({ receiptsSent: 1, submitsReceived: 0 });
    expect(status.activity.some((a) => a.text.includes('refused: ESME_RINVBNDSTS (bound as receiver)'))).toBe(true);
  });

  it('a receipt due while no bind of the account can receive is held, and goes out when it binds RX again', async () => {
    const c = await start();
    const tx = await c.bind('transmitter', 'holder');
    const sent = await c.send(tx.id);
    expect(sent.state).toBe('accepted');
    await waitFor(async () => (await c.services.handlers.simulatorStatus()).activity.some((a) => a.text.startsWith(`receipt for ${sent.smscMessageId} held`)));
    // Another account's receiver does not get it.
    await c.bind('receiver', 'someone-else');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.inbox).toEqual([]);
    expect((await c.services.handlers.simulatorStatus()).heldReceipts).toEqual([{ systemId: 'holder', count: 1 }]);
    const rx = await c.bind('receiver', 'holder');
    const matched = await c.settled(sent.id, 'DELIVRD');
    expect(matched.receiptAt).not.toBeNull();
    expect(c.inbox.map((i) => [i.kind, i.sessionId, i.matchedMessage?.id])).toEqual([['receipt', rx.id, sent.id]]);
    const status = await c.services.handlers.simulatorStatus();
    expect(status.activity.some((a) => a.text.startsWith('1 held receipt(s) for "holder" going out'))).toBe(true);
    expect(status.heldReceipts).toEqual([]);
  });

  it('accounts: wrong password ESME_RINVPASWD, unknown system_id ESME_RINVSYSID, a mode not allowed ESME_RBINDFAIL', async () => {
    const c = await start();
    await c.scenario({ accounts: [{ systemId: 'acme', password: 'secret', bindTypes: ['transmitter', 'receiver'] }] });
    const refused = (...args: Parameters<typeof c.bind>) => c.bind(...args).then(() => 'bound', (error: Error) => error.message);
    expect(await refused('transmitter', 'acme', 'wrong')).toBe('bind refused: ESME_RINVPASWD');
    expect(await refused('transmitter', 'nobody', 'secret')).toBe('bind refused: ESME_RINVSYSID');
    expect(await refused('transceiver', 'acme', 'secret')).toBe('bind refused: ESME_RBINDFAIL');
    expect((await c.bind('transmitter', 'acme', 'secret')).state).toBe('bound');
    const activity = (await c.services.handlers.simulatorStatus()).activity.map((a) => a.text);
    expect(activity).toContain('bind_transceiver as "acme" refused: ESME_RBINDFAIL ("acme" may bind as transmitter or receiver, not transceiver)');
  });

  it('a request before any bind is answered ESME_RINVBNDSTS', async () => {
    const c = await start();
    const socket = connect(c.services.simulatorAddress.port, '127.0.0.1');
    const answers: Pdu[] = [];
    socket.on('data', (chunk: Buffer) => {
      for (let at = 0; at + 16 <= chunk.length; at += chunk.readUInt32BE(at)) answers.push(decodePdu(chunk.subarray(at, at + chunk.readUInt32BE(at))).pdu);
    });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(encodePdu({ command: 'submit_sm', sequenceNumber: 7, fields: { destination_addr: '1', short_message: Buffer.from('x') } }));
    socket.write(encodePdu({ command: 'query_sm', sequenceNumber: 8, fields: { message_id: '1' } }));
    await waitFor(() => answers.length === 2);
    socket.destroy();
    expect(answers.map((p) => [p.command, p.sequenceNumber, p.commandStatus])).toEqual([['submit_sm_resp', 7, 0x04], ['query_sm_resp', 8, 0x04]]);
  });
});

describe('rules: first match wins', () => {
  it('reject with a chosen status by destination prefix, by account; the rest accepted', async () => {
    const c = await start();
    await c.scenario({
      rules: [
        { name: 'bad range', match: { destinationPrefix: '4470' }, action: 'reject', status: 'ESME_RINVDSTADR' },
        { match: { destinationPrefix: '44' }, action: 'accept' },
        { match: { systemId: 'blocked' }, action: 'reject', status: '0x00000400' },
      ],
    });
    const session = await c.bind('transceiver', 'acct');
    const blocked = await c.bind('transceiver', 'blocked');
    expect(await c.send(session.id, '447012345')).toMatchObject({ state: 'rejected', statusName: 'ESME_RINVDSTADR' });
    expect((await c.send(session.id, '447712345')).state).toBe('accepted');
    // first match wins: 44… is accepted by rule 2 before rule 3 would refuse the account
    expect((await c.send(blocked.id, '447712345')).state).toBe('accepted');
    expect(await c.send(blocked.id, '3312345')).toMatchObject({ state: 'rejected', commandStatus: 0x400 });
  });

  it('submit_multi with one destination refused by a rule: the accepted one is receipted from its own address', async () => {
    const c = await start();
    await c.scenario({ rules: [{ match: { destinationPrefix: '4470' }, action: 'reject', status: 'ESME_RINVDSTADR' }] });
    const session = await c.bind('transceiver', 'acct', '', { submitMulti: true });
    await c.send(session.id, '447012345 447712345');
    const receipt = await waitFor(() => c.inbox.find((i) => i.kind === 'receipt'));
    // The receipt comes from the recipient (its source_addr), and so matches the message sent to it.
    expect(receipt.sourceAddr).toBe('447712345');
    const sent = await c.services.handlers.listMessages({ limit: 10 });
    expect(sent.map((m) => [m.destinationAddr, m.state]).sort()).toEqual([['447012345', 'rejected'], ['447712345', 'DELIVRD']]);
  });

  it('never answer: the submit times out on the console; the simulator counts it outstanding', async () => {
    const c = await start();
    await c.scenario({ rules: [{ match: { destinationPrefix: '999' }, action: 'ignore' }] });
    const session = await c.bind('transceiver', 'acct', '', { responseTimeoutMs: 300 });
    await expect(c.send(session.id, '999000')).rejects.toThrow('submit_sm failed: no submit_sm_resp within 300 ms');
    expect((await c.services.handlers.listMessages({ limit: 10 }))[0]!.state).toBe('failed');
    const [simSession] = (await c.services.handlers.simulatorStatus()).sessions;
    expect(simSession!.counters).toMatchObject({ ignored: 1, outstanding: 1, accepted: 0 });
  });

  it('answer after a delay', async () => {
    const c = await start();
    await c.scenario({ rules: [{ match: { destinationPrefix: '' }, action: 'accept', delayMs: 300 }] });
    const session = await c.bind('transceiver', 'acct');
    const started = performance.now();
    expect((await c.send(session.id)).state).toBe('accepted');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('receipts', () => {
  it('an outcome of the mix: UNDELIV with its err', async () => {
    const c = await start();
    await c.scenario({ receipts: { outcomes: [{ stat: 'UNDELIV', weight: 1, err: 5 }], delay: { kind: 'fixed', ms: 10 } } });
    const session = await c.bind('transceiver', 'acct');
    const sent = await c.send(session.id);
    await c.settled(sent.id, 'UNDELIV');
    expect(c.inbox[0]!.receipt).toMatchObject({ stat: 'UNDELIV', err: '005' });
  });

  it('the mix plays as its seed says: 90/5/5 over 60 messages', async () => {
    const c = await start();
    const outcomes = [{ stat: 'DELIVRD', weight: 90 }, { stat: 'UNDELIV', weight: 5 }, { stat: 'EXPIRED', weight: 5 }] as const;
    await c.scenario({ seed: 7, receipts: { outcomes, delay: { kind: 'fixed', ms: 10 } } });
    const random = seededRandom(7);
    const expected = Array.from({ length: 60 }, () => {
      let roll = random() * 100;
      return outcomes.find((o) => (roll -= o.weight) < 0)!.stat;
    });
    const session = await c.bind('transceiver', 'acct');
    const sent = [];
    for (let i = 0; i < 60; i += 1) sent.push(await c.send(session.id, '447700900123', `m${i}`));
    await waitFor(() => c.inbox.length === 60);
    const stats = await Promise.all(sent.map(async (m) => (await c.message(m.id)).state));
    expect(stats).toEqual(expected);
    expect(new Set(stats).size).toBeGreaterThan(1);
  });

  it('a uniform delay between its bounds', async () => {
    const c = await start();
    await c.scenario({ receipts: { delay: { kind: 'uniform', minMs: 100, maxMs: 400 } } });
    const session = await c.bind('transceiver', 'acct');
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => c.send(session.id, '447700900123', `u${i}`)));
    await waitFor(() => c.inbox.length === 8);
    const delays = await Promise.all(sent.map(async (m) => (await c.message(m.id)).receiptAt! - m.submittedAt));
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(95);
    for (const delay of delays) expect(delay).toBeLessThan(1000);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(20);
  });

  it('an intermediate notification (esm_class 0x20, ENROUTE) before the final receipt', async () => {
    const c = await start();
    await c.scenario({ receipts: { intermediate: true, delay: { kind: 'fixed', ms: 200 } } });
    const session = await c.bind('transceiver', 'acct');
    const sent = await c.send(session.id);
    await c.settled(sent.id, 'DELIVRD');
    expect(c.inbox.map((i) => i.receipt?.stat)).toEqual(['ENROUTE', 'DELIVRD']);
    const lifecycle = await c.services.handlers.messageLifecycle({ id: sent.id });
    expect(lifecycle.parts[0]!.receipts.map((r) => [r.intermediate, r.receipt.stat])).toEqual([[true, 'ENROUTE'], [false, 'DELIVRD']]);
  });

  it('as data_sm without TLVs, or deliver_sm with them', async () => {
    const c = await start();
    const delivered: Pdu[] = [];
    const { session } = esmeSession(c.services.simulatorAddress.port, { onDeliver: async (pdu) => (delivered.push(pdu), 0) });
    await session.open();
    const submit = { destination_addr: '447700900123', registered_delivery: 1, short_message: Buffer.from('hi') };
    await c.scenario({ receipts: { command: 'data_sm', tlvs: false, delay: { kind: 'fixed', ms: 10 } } });
    const plain = String((await session.request('submit_sm', submit)).fields.message_id);
    await waitFor(() => delivered.length === 1);
    await c.scenario({ receipts: { command: 'deliver_sm', tlvs: true, delay: { kind: 'fixed', ms: 10 } } });
    const tagged = String((await session.request('submit_sm', submit)).fields.message_id);
    await waitFor(() => delivered.length === 2);
    const [asDataSm, asDeliverSm] = delivered;
    expect(asDataSm!.command).toBe('data_sm');
    expect(tlvValue(asDataSm!, 'receipted_message_id')).toBeUndefined();
    expect(String(tlvValue(asDataSm!, 'message_payload'))).toContain(`id:${plain} `);
    expect(asDeliverSm!.command).toBe('deliver_sm');
    expect([tlvValue(asDeliverSm!, 'receipted_message_id'), tlvValue(asDeliverSm!, 'message_state')]).toEqual([tagged, 2]);
    await session.close();
  });

  it('message_id formats: decimal and UUID, each matched by its receipt', async () => {
    const c = await start();
    const session = await c.bind('transceiver', 'acct');
    await c.scenario({ messageIdFormat: 'decimal' });
    const decimal = await c.send(session.id);
    expect(decimal.smscMessageId).toMatch(/^\d{16,20}$/);
    await c.settled(decimal.id, 'DELIVRD');
    await c.scenario({ messageIdFormat: 'uuid' });
    const uuid = await c.send(session.id);
    expect(uuid.smscMessageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await c.settled(uuid.id, 'DELIVRD');
  });

  it('deliberately wrong ids: in the other base (the console converts), or unknown (matches nothing)', async () => {
    const c = await start();
    const session = await c.bind('transceiver', 'acct');
    await c.scenario({ receipts: { receiptId: 'other-base', delay: { kind: 'fixed', ms: 10 } } });
    const converted = await c.send(session.id);
    await c.settled(converted.id, 'DELIVRD');
    const first = await waitFor(() => c.inbox[0]);
    expect(first.receipt!.smscMessageId).toBe(BigInt(`0x${converted.smscMessageId}`).toString(10));
    expect(first.matchRule).toBe('converted');
    await c.scenario({ rules: [{ match: { destinationPrefix: '' }, action: 'accept', receipts: { receiptId: 'unknown' } }] });
    const lost = await c.send(session.id);
    const second = await waitFor(() => c.inbox[1]);
    expect(second.matchedMessage).toBeNull();
    expect(second.receipt!.smscMessageId).not.toBe(lost.smscMessageId);
    expect((await c.message(lost.id)).state).toBe('accepted');
  });
});

describe('limits', () => {
  it('ESME_RTHROTTLED past N submits a second (the account, all its binds together)', async () => {
    const c = await start();
    await c.scenario({ accounts: [{ systemId: 'slow', maxSubmitsPerSecond: 3 }] });
    const a = await c.bind('transmitter', 'slow');
    const b = await c.bind('transmitter', 'slow');
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push((await c.send(i % 2 ? a.id : b.id)).statusName);
    expect(results).toEqual(['ESME_ROK', 'ESME_ROK', 'ESME_ROK', 'ESME_RTHROTTLED', 'ESME_RTHROTTLED', 'ESME_RTHROTTLED']);
    await new Promise((resolve) => setTimeout(resolve, 400)); // a token a third of a second
    expect((await c.send(a.id)).statusName).toBe('ESME_ROK');
  });

  it('ESME_RMSGQFUL past N unanswered submits on a bind', async () => {
    const c = await start();
    await c.scenario({ accounts: [{ systemId: 'small', window: 2 }], rules: [{ match: { destinationPrefix: '' }, action: 'accept', delayMs: 300 }] });
    const session = await c.bind('transmitter', 'small');
    const sent = await Promise.all([0, 1, 2].map((i) => c.send(session.id, '447700900123', `w${i}`)));
    expect(sent.map((m) => m.statusName).sort()).toEqual(['ESME_RMSGQFUL', 'ESME_ROK', 'ESME_ROK']);
    expect((await c.services.handlers.simulatorStatus()).sessions[0]!.counters).toMatchObject({ queueFull: 1, accepted: 2, outstanding: 0 });
  });

  it('enquire_link from the SMSC side, on the scenario’s interval', async () => {
    const c = await start();
    await c.scenario({ enquireLinkIntervalMs: 40 });
    const { session, wire } = esmeSession(c.services.simulatorAddress.port);
    await session.open();
    const answered = await waitFor(() => wire.filter((r) => r.direction === 'out' && r.pdu?.command === 'enquire_link_resp').length >= 2);
    expect(answered).toBe(true);
    await session.close();
  });
});
