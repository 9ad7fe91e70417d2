// The simulator's actions (unbind, drop, every fault of the library), MO injection, message_ids across a restart
// and scenarios through the contract, each seen from the console's own sessions. Real TCP on 127.0.0.1.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorFaultNames, type InboxItem, type InjectMoResult, type MoInjectionView, type ScenarioSummary, type SimulatorFaultName, type SimulatorScenario } from '../../shared/contract';
import { faultBytes } from '../../electron/core/simulator/faults';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { consoleWithSimulator } from '../support/simulator-console';
import { esmeSession, startSimulator, waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function boundToSimulator(overrides: Parameters<typeof esmeSession>[1] = {}) {
  const simulator: SmscSimulator = await startSimulator();
  cleanups.push(() => simulator.stop());
  const esme = esmeSession(simulator.address.port, { stallTimeoutMs: 150, ...overrides });
  await esme.session.open();
  cleanups.push(() => esme.session.close());
  const simSessionId = simulator.status().sessions[0]!.id;
  return { simulator, simSessionId, ...esme };
}

describe('actions on a session', () => {
  it('unbind: the simulator sends unbind, the console answers and closes', async () => {
    const { simulator, simSessionId, session } = await boundToSimulator();
    expect(await simulator.action({ sessionId: simSessionId, action: 'unbind' })).toEqual({ sessionId: simSessionId, outcome: 'unbound: unbind_resp ESME_ROK' });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('the SMSC unbound');
  });

  it('drop: the connection goes, the console says so', async () => {
    const { simulator, simSessionId, session } = await boundToSimulator();
    await simulator.action({ sessionId: simSessionId, action: 'drop' });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toMatch(/peer closed the connection|ECONNRESET|connection closed/);
    await expect(simulator.action({ sessionId: simSessionId, action: 'drop' })).rejects.toThrow(`no open simulator session ${simSessionId}`);
  });

  // What the console does with each fault: the link goes with the reason, or the fault is named and the link stays.
  const closes: Partial<Record<SimulatorFaultName, RegExp>> = {
    'command-length-zero': /^unframeable input: command_length 0 is below the 16-octet header$/,
    'command-length-below-header': /^unframeable input: command_length 8 is below/,
    'command-length-too-large': /^unframeable input: command_length 69633 is above the 69632-octet limit$/,
    garbage: /^unframeable input: command_length 1 is below/,
    'http-reply': /^unframeable input: command_length 1213486160 is above/,
    'stalled-pdu': /^PDU stalled: 10 of \d+ octets received, then nothing for 150 ms$/,
    'eof-mid-pdu': /^peer closed the connection mid-PDU$/,
    'connection-reset': /ECONNRESET|peer closed the connection/,
  };
  const stays: Partial<Record<SimulatorFaultName, RegExp>> = {
    'truncated-tlv': /^receipted_message_id: TLV length 100 runs past the end of the PDU \(6 octets left\)$/,
    'sm-length-overrun': /^short_message: sm_length 5 runs past the end of the PDU \(2 octets left\)$/,
    'missing-nul': /^source_addr: no NUL terminator before the end of the PDU/,
    'unknown-command': /^unknown command_id 0x00000777$/,
    'unsolicited-response': /^$/,
  };

  it('the fault library covers the named cases', () => {
    expect(Object.keys({ ...closes, ...stays }).sort()).toEqual([...simulatorFaultNames].sort());
  });

  it.each(Object.entries(closes))('fault %s: the console closes the link with the reason', async (fault, reason) => {
    const { simulator, simSessionId, session, wire } = await boundToSimulator();
    await simulator.action({ sessionId: simSessionId, action: 'fault', fault: fault as SimulatorFaultName });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toMatch(reason);
    // The octets the fault wrote are kept as evidence (a reset writes none): command_length and command_id match.
    const expected = faultBytes(fault as SimulatorFaultName, 0)?.subarray(0, 8) ?? null;
    const kept = wire.find((r) => r.direction === 'in' && r.pdu === null)?.bytes.subarray(0, 8) ?? null;
    expect(expected === null ? null : kept).toEqual(expected);
  });

  it.each(Object.entries(stays))('fault %s: named in the trace, the link stays bound', async (fault, problem) => {
    const { simulator, simSessionId, session, wire } = await boundToSimulator();
    await simulator.action({ sessionId: simSessionId, action: 'fault', fault: fault as SimulatorFaultName });
    const record = await waitFor(() => wire.find((r) => r.direction === 'in' && r.bytes.length > 0 && r.pdu?.command !== 'bind_transceiver_resp'));
    expect(record.problem ?? '').toMatch(problem);
    const answer = await session.request('enquire_link');
    expect(answer.command).toBe('enquire_link_resp');
    expect(session.state).toBe('bound');
  });
});

describe('MO injection', () => {
  const lastOf = (inbox: InboxItem[], kind = 'mo') => inbox.filter((i) => i.kind === kind).at(-1);

  it.each([
    ['GSM 7-bit, single', 'gsm7', 'udh8', 'Hello MO {€}', 1, 0x00],
    ['UCS-2, UDH 8-bit', 'ucs2', 'udh8', 'Привет 👋 '.repeat(12), 2, 0x08],
    ['Latin-1, SAR', 'latin1', 'sar', 'Grüße aus Köln. '.repeat(10), 2, 0x03],
    ['GSM 7-bit, UDH 16-bit', 'gsm7', 'udh16', 'x'.repeat(400), 3, 0x00],
    ['UCS-2, whole in message_payload', 'ucs2', 'payload', 'Ω'.repeat(300), 1, 0x08],
  ] as const)('%s reaches the console as one message', async (_name, encoding, split, text, parts, dataCoding) => {
    const c = await consoleWithSimulator(cleanups);
    const session = await c.bind('transceiver', 'mo-user');
    const { injection } = await c.call<InjectMoResult>('injectMo', { systemId: 'mo-user', sourceAddr: '447700900999', destinationAddr: '100', text, encoding, split });
    expect(injection).toMatchObject({ sessionId: expect.stringMatching(/^sim-/), partsPerMessage: parts, sent: parts, acknowledged: parts, failed: 0, state: 'done' });
    const item = await waitFor(() => c.inbox.find((i) => i.kind === 'mo' && i.parts.received === parts));
    expect(item).toMatchObject({ sessionId: session.id, text, dataCoding, sourceAddr: '447700900999', parts: { total: parts, received: parts } });
  });

  it('binary octets, given as hex', async () => {
    const c = await consoleWithSimulator(cleanups);
    await c.bind('receiver', 'mo-user');
    await c.call('injectMo', { systemId: 'mo-user', sourceAddr: '1', destinationAddr: '2', text: '0102 03ff', encoding: 'binary' });
    expect(await waitFor(() => lastOf(c.inbox))).toMatchObject({ dataCoding: 0x04 });
  });

  it('at a rate: 10 messages at 40 a second', async () => {
    const c = await consoleWithSimulator(cleanups);
    const session = await c.bind('transceiver', 'mo-user');
    const status = await c.services.handlers.simulatorStatus();
    const started = performance.now();
    const { injection } = await c.call<InjectMoResult>('injectMo', {
      sessionId: status.sessions[0]!.id, sourceAddr: '1', destinationAddr: '2', text: 'tick', count: 10, ratePerSecond: 40,
    });
    expect(injection).toMatchObject({ messages: 10, ratePerSecond: 40, state: 'sending' });
    await waitFor(() => c.inbox.filter((i) => i.kind === 'mo' && i.sessionId === session.id).length === 10);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200); // 9 intervals of 25 ms after the first
    await waitFor(async () => (await c.services.handlers.simulatorStatus()).injections[0]!.state === 'done');
    expect((await c.services.handlers.simulatorStatus()).injections[0]).toMatchObject({ sent: 10, acknowledged: 10 });
  });

  it('stopped by the user: no deliver_sm after the stop, those sent answered; an unknown injection named', async () => {
    const c = await consoleWithSimulator(cleanups);
    const session = await c.bind('transceiver', 'mo-user');
    const simId = (await c.services.handlers.simulatorStatus()).sessions[0]!.id;
    const { injection } = await c.call<InjectMoResult>('injectMo', { sessionId: simId, sourceAddr: '1', destinationAddr: '2', text: 'flood', count: 100_000, ratePerSecond: 200 });
    const received = () => c.inbox.filter((i) => i.kind === 'mo' && i.sessionId === session.id).length;
    await waitFor(() => received() >= 20);
    const stopped = await c.call<MoInjectionView>('stopMoInjection', { injectionId: injection.id });
    expect(stopped.state).toBe('stopped');
    expect(stopped.sent).toBeLessThan(100_000);
    // Every deliver_sm written before the stop arrives and is answered; none after it.
    await waitFor(async () => (await c.services.handlers.simulatorStatus()).injections[0]!.acknowledged === stopped.sent);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (await c.services.handlers.simulatorStatus()).injections[0]!;
    expect(after).toMatchObject({ state: 'stopped', sent: stopped.sent, acknowledged: stopped.sent, failed: 0 });
    expect(received()).toBe(stopped.sent);
    // Stopping it again says what it is; an id the simulator never had is refused by name.
    expect(await c.call<MoInjectionView>('stopMoInjection', { injectionId: injection.id })).toMatchObject({ state: 'stopped', sent: stopped.sent });
    await expect(c.call('stopMoInjection', { injectionId: 'mo-999' })).rejects.toMatchObject({ field: 'injectionId', message: 'no MO injection mo-999 (the newest 20 are kept)' });
    // One without a rate went out whole: nothing to stop, it stays done.
    const { injection: atOnce } = await c.call<InjectMoResult>('injectMo', { sessionId: simId, sourceAddr: '1', destinationAddr: '2', text: 'once' });
    expect(await c.call<MoInjectionView>('stopMoInjection', { injectionId: atOnce.id })).toMatchObject({ state: 'done', sent: 1 });
  });

  it('keeps the newest 20 injections, dropping finished ones first; a 21st running at once stops the oldest, never orphans it', async () => {
    const c = await consoleWithSimulator(cleanups);
    await c.bind('transceiver', 'mo-user');
    const simId = (await c.services.handlers.simulatorStatus()).sessions[0]!.id;
    const slow = { sessionId: simId, sourceAddr: '1', destinationAddr: '2', text: 'slow', count: 1_000, ratePerSecond: 1 };
    const { injection: finished } = await c.call<InjectMoResult>('injectMo', { sessionId: simId, sourceAddr: '1', destinationAddr: '2', text: 'done' });
    const running: string[] = [];
    for (let i = 0; i < 20; i += 1) running.push((await c.call<InjectMoResult>('injectMo', slow)).injection.id);
    // 21 in all: the finished one went, all 20 running ones are still listed (and can be stopped).
    let listed = (await c.services.handlers.simulatorStatus()).injections;
    expect(listed.map((i) => i.id)).toEqual(running);
    expect(listed.map((i) => i.id)).not.toContain(finished.id);
    // A 22nd with all 20 still running: the oldest is stopped, said so, and dropped.
    const { injection: newest } = await c.call<InjectMoResult>('injectMo', slow);
    const status = await c.services.handlers.simulatorStatus();
    listed = status.injections;
    expect(listed.map((i) => i.id)).toEqual([...running.slice(1), newest.id]);
    expect(status.activity.some((a) => a.text.startsWith(`MO injection ${running[0]} stopped: more than 20 injections at once`))).toBe(true);
    for (const id of [...running.slice(1), newest.id]) await c.call('stopMoInjection', { injectionId: id });
    expect((await c.services.handlers.simulatorStatus()).injections.every((i) => i.state === 'stopped')).toBe(true);
  });

  it('never to a transmitter, never to nobody', async () => {
    const c = await consoleWithSimulator(cleanups);
    await c.bind('transmitter', 'tx-only');
    const simId = (await c.services.handlers.simulatorStatus()).sessions[0]!.id;
    const mo = { sourceAddr: '1', destinationAddr: '2', text: 'x' };
    await expect(c.call('injectMo', { ...mo, sessionId: simId })).rejects.toThrow(`session ${simId} is bound as transmitter: deliver_sm is never sent to a transmitter`);
    await expect(c.call('injectMo', { ...mo, systemId: 'tx-only' })).rejects.toThrow('no bound receiver or transceiver of system_id "tx-only"');
    await c.bind('receiver', 'rx');
    await expect(c.call('injectMo', { ...mo, systemId: 'rx', text: 'Ж', encoding: 'gsm7' })).rejects.toThrow('"Ж" at position 1 is not in the chosen GSM 03.38 tables');
  });
});

describe('message_ids across a restart', () => {
  it('a second run on the same data never repeats an id of the first, and ids only grow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-ids-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const ids: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const c = await consoleWithSimulator(cleanups, dir);
      const session = await c.bind('transceiver', 'acct');
      const sent = [];
      for (let i = 0; i < 3; i += 1) sent.push((await c.send(session.id)).smscMessageId!);
      ids.push(sent);
      await c.close();
    }
    const [first, second] = ids as [string[], string[]];
    expect(new Set([...first, ...second]).size).toBe(6);
    expect(BigInt(`0x${second[0]}`)).toBeGreaterThan(BigInt(`0x${first[2]}`));
    expect(existsSync(join(dir, 'simulator', 'message-ids.json'))).toBe(true);
  });
});

describe('scenarios through the contract', () => {
  const document = {
    name: 'flaky operator', description: 'UK mobiles slow, 4470 refused',
    accounts: [{ systemId: 'acme', password: 'secret', bindTypes: ['transceiver'], window: 10, maxSubmitsPerSecond: 50 }],
    receipts: { outcomes: [{ stat: 'DELIVRD', weight: 90 }, { stat: 'UNDELIV', weight: 5, err: 1 }, { stat: 'EXPIRED', weight: 5 }], delay: { kind: 'uniform', minMs: 200, maxMs: 2000 } },
    rules: [{ name: 'bad range', match: { destinationPrefix: '4470' }, action: 'reject', status: 'ESME_RINVDSTADR' }],
  };

  it('save, list, export, delete, import, run, and still running after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-scenarios-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const c = await consoleWithSimulator(cleanups, dir);
    const saved = await c.call<SimulatorScenario>('saveScenario', { scenario: document }).then(() => c.call<ScenarioSummary[]>('listScenarios', null));
    expect(saved).toMatchObject([{ name: 'flaky operator', accounts: 1, rules: 1 }]);
    const { json, fileName } = await c.call<{ json: string; fileName: string }>('exportScenario', { name: 'flaky operator' });
    expect(fileName).toBe('flaky operator.json');
    const full = JSON.parse(json) as SimulatorScenario;
    expect(full).toMatchObject({ ...document, messageIdFormat: 'hex', seed: null, receipts: { ...document.receipts, intermediate: false, command: 'deliver_sm', tlvs: true, receiptId: 'as-sent' } });
    await c.call('deleteScenario', { name: 'flaky operator' });
    expect(await c.call('listScenarios', null)).toEqual([]);
    await c.call('importScenario', { json });
    expect((await c.call<{ json: string }>('exportScenario', { name: 'flaky operator' })).json).toBe(json);
    expect(await c.call('setSimulatorScenario', { name: 'flaky operator' })).toEqual(full);
    expect((await c.services.handlers.simulatorStatus()).scenarioName).toBe('flaky operator');
    await c.close();
    const again = await consoleWithSimulator(cleanups, dir);
    expect(await again.call('simulatorScenario', null)).toEqual(full);
  });

  it('a bad document is refused, naming the field and the limit', async () => {
    const c = await consoleWithSimulator(cleanups);
    const refused = (method: string, payload: unknown) => c.call(method, payload).then(() => null, (error: Error & { field?: string }) => [error.message, error.field]);
    const tooWide = { name: 'x', accounts: [{ systemId: 'a', window: 200_000 }] };
    expect(await refused('importScenario', { json: JSON.stringify(tooWide) })).toEqual(['accounts[0].window: 100,000 at most', 'accounts.0.window']);
    expect(await refused('setSimulatorScenario', { scenario: tooWide })).toEqual(['accounts[0].window: 100,000 at most', 'scenario.accounts.0.window']);
    expect(await refused('importScenario', { json: '{"name": "x", "recipts": {}}' })).toEqual(['scenario: unknown field "recipts"', 'json']);
    expect(await refused('importScenario', { json: '{"name": "x", "rules": [{"action": "reject"}]}' })).toEqual([
      'rules[0].status: required for action reject: a command_status name such as ESME_RINVDSTADR, or 0x-hex', 'rules.0.status',
    ]);
    expect(await refused('importScenario', { json: '{"name": "x", "receipts": {"delay": {"kind": "uniform", "minMs": 900, "maxMs": 100}}}' })).toEqual([
      'receipts.delay.minMs: minMs must not exceed maxMs', 'receipts.delay.minMs',
    ]);
    expect((await refused('importScenario', { json: '{"name": ' }))![0]).toMatch(/^not JSON: /);
    expect(await refused('setSimulatorScenario', { name: 'nothing saved' })).toEqual(['no saved scenario "nothing saved"', 'name']);
    expect((await c.services.handlers.simulatorStatus()).scenarioName).toBe('Default');
  });
});
