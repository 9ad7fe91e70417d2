// The simulator seen from an outside ESME: Net::SMPP (Debian's libnet-smpp-perl), an SMPP implementation that is
// not ours. Each rule, bind-state rule, receipt setting, limit, action and MO as Net::SMPP receives it. Skipped,
// saying why, where the perl module is missing.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorScenario } from '../../shared/contract';
import { checkScenario } from '../../electron/core/simulator/scenario-schema';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { NetSmppEsme, cStringOf, netSmppAvailable, netSmppMissing, octetOf, type NetPdu } from '../support/net-smpp-esme';
import { startSimulator } from '../support/simulator-fixture';

if (!netSmppAvailable) console.log(`Net::SMPP against the simulator skipped: ${netSmppMissing}`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulatorWith(draft: Record<string, unknown> = {}): Promise<SmscSimulator> {
  const checked = checkScenario({ name: 'net-smpp', receipts: { delay: { kind: 'fixed', ms: 20 } }, ...draft });
  if (!checked.ok) throw new Error(checked.message);
  const simulator = await startSimulator({ scenario: checked.scenario as SimulatorScenario });
  cleanups.push(() => simulator.stop());
  return simulator;
}

async function esme(simulator: SmscSimulator, bind?: ['transceiver' | 'receiver' | 'transmitter', string, string?]): Promise<NetSmppEsme> {
  const client = await NetSmppEsme.connect(simulator.address.port);
  cleanups.push(() => client.close());
  const bound = bind ? await client.bind(...bind) : null;
  if (bind && bound?.status !== 0) throw new Error(`Net::SMPP ${bind[0]} bind as ${bind[1]}: ${JSON.stringify(bound)}`);
  return client;
}

const SUBMIT = { source_addr: '12345', destination_addr: '447700900123', short_message: 'Hello Perl', registered_delivery: 1 };
const isDeliver = (p: NetPdu) => p.command === 'deliver_sm' || p.command === 'data_sm';

describe.skipIf(!netSmppAvailable)('Net::SMPP against the simulator', () => {
  it('bind-state rules: password, system_id, mode, request before bind, submit on RX; receipts to RX, never TX', async () => {
    const simulator = await simulatorWith({ accounts: [{ systemId: 'acme', password: 'secret', bindTypes: ['transmitter', 'receiver'] }] });
    const client = await esme(simulator);
    expect((await client.request('submit_sm', SUBMIT))?.status).toBe(0x04);
    expect((await client.bind('transmitter', 'acme', 'wrong'))?.status).toBe(0x0e);
    expect((await client.bind('transmitter', 'nobody', 'secret'))?.status).toBe(0x0f);
    expect((await client.bind('transceiver', 'acme', 'secret'))?.status).toBe(0x0d);
    expect((await client.bind('receiver', 'acme', 'secret'))?.status).toBe(0);
    expect((await client.request('submit_sm', SUBMIT))?.status).toBe(0x04);
    const tx = await esme(simulator, ['transmitter', 'acme', 'secret']);
    const response = await tx.request('submit_sm', SUBMIT);
    expect(response?.status).toBe(0);
    const receipt = await client.expect(isDeliver);
    expect(cStringOf(receipt?.fields.receipted_message_id)).toBe(response!.fields.message_id);
    expect(await tx.expect(isDeliver, 300)).toBeNull();
  });

  it('rules: reject with its status, never answer, answer after a delay', async () => {
    const simulator = await simulatorWith({
      rules: [
        { match: { destinationPrefix: '4470' }, action: 'reject', status: 'ESME_RINVDSTADR' },
        { match: { destinationPrefix: '999' }, action: 'ignore' },
        { match: { destinationPrefix: '33' }, action: 'accept', delayMs: 300 },
      ],
    });
    const client = await esme(simulator, ['transceiver', 'perl']);
    expect((await client.request('submit_sm', { ...SUBMIT, destination_addr: '447012345' }))?.status).toBe(0x0b);
    expect(await client.request('submit_sm', { ...SUBMIT, destination_addr: '999111' }, 500)).toBeNull();
    const started = performance.now();
    expect((await client.request('submit_sm', { ...SUBMIT, destination_addr: '3312345' }))?.status).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('receipts: an intermediate ENROUTE, then the outcome of the mix with its message_state and err', async () => {
    const simulator = await simulatorWith({ receipts: { outcomes: [{ stat: 'UNDELIV', weight: 1, err: 12 }], intermediate: true, delay: { kind: 'fixed', ms: 100 } } });
    const client = await esme(simulator, ['transceiver', 'perl']);
    const id = (await client.request('submit_sm', SUBMIT))!.fields.message_id;
    const final = await client.expect((p) => isDeliver(p) && p.fields.esm_class === 0x04);
    const notes = client.received.filter(isDeliver);
    expect(notes.map((p) => [p.fields.esm_class, octetOf(p.fields.message_state), cStringOf(p.fields.receipted_message_id)])).toEqual([[0x20, 1], [0x04, 5]].map((x) => [...x, id]));
    expect(notes[0]!.fields.short_message).toMatch(/^id:\S+ sub:001 dlvrd:000 .* stat:ENROUTE err:000 text:Hello Perl$/);
    expect(final!.fields.short_message).toMatch(new RegExp(`^id:${id} sub:001 dlvrd:000 .* stat:UNDELIV err:012 text:Hello Perl$`));
  });

  it('receipts after a uniform delay between its bounds', async () => {
    const simulator = await simulatorWith({ receipts: { delay: { kind: 'uniform', minMs: 100, maxMs: 400 } } });
    const client = await esme(simulator, ['transceiver', 'perl']);
    const sentAt = new Map<string, number>();
    for (let i = 0; i < 6; i += 1) sentAt.set(String((await client.request('submit_sm', SUBMIT))!.fields.message_id), performance.now());
    const receipts = await client.collect(isDeliver, 6);
    const delays = receipts.map((r) => r.receivedAt - sentAt.get(String(cStringOf(r.fields.receipted_message_id)))!);
    expect(delays).toHaveLength(6);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(95);
    for (const delay of delays) expect(delay).toBeLessThan(1000);
  });

  it('receipts as data_sm without TLVs (the text in message_payload)', async () => {
    const simulator = await simulatorWith({ receipts: { command: 'data_sm', tlvs: false, delay: { kind: 'fixed', ms: 10 } } });
    const client = await esme(simulator, ['transceiver', 'perl']);
    const id = (await client.request('submit_sm', SUBMIT))!.fields.message_id;
    const receipt = await client.expect(isDeliver);
    expect(receipt).toMatchObject({ command: 'data_sm', fields: { esm_class: 0x04 } });
    expect(receipt!.fields.message_payload).toContain(`id:${id} `);
    expect(receipt!.fields.receipted_message_id).toBeUndefined();
    expect(receipt!.fields.message_state).toBeUndefined();
  });

  it('message_id formats, and receipts quoting the other base or an unknown id', async () => {
    const simulator = await simulatorWith({ messageIdFormat: 'decimal', receipts: { receiptId: 'other-base', delay: { kind: 'fixed', ms: 10 } } });
    const client = await esme(simulator, ['transceiver', 'perl']);
    const decimal = String((await client.request('submit_sm', SUBMIT))!.fields.message_id);
    expect(decimal).toMatch(/^\d+$/);
    const receipt = await client.expect(isDeliver);
    expect(cStringOf(receipt!.fields.receipted_message_id)).toBe(BigInt(decimal).toString(16).toUpperCase());
    simulator.setScenario({ ...simulator.scenario, messageIdFormat: 'uuid', receipts: { ...simulator.scenario.receipts, receiptId: 'unknown' } });
    const uuid = String((await client.request('submit_sm', SUBMIT))!.fields.message_id);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const unknown = await client.expect((p) => isDeliver(p) && p !== receipt);
    expect(cStringOf(unknown!.fields.receipted_message_id)).not.toBe(uuid);
  });

  it('ESME_RTHROTTLED past N a second, ESME_RMSGQFUL past N unanswered', async () => {
    const simulator = await simulatorWith({
      accounts: [{ systemId: 'fast', maxSubmitsPerSecond: 2 }, { systemId: 'narrow', window: 1 }],
      rules: [{ match: { systemId: 'narrow' }, action: 'accept', delayMs: 300 }],
    });
    const fast = await esme(simulator, ['transmitter', 'fast']);
    const seqs = [];
    for (let i = 0; i < 4; i += 1) seqs.push(await fast.send('submit_sm', SUBMIT));
    const statuses = [];
    for (const seq of seqs) statuses.push((await fast.expect((p) => p.seq === seq && p.command === 'submit_sm_resp'))?.status);
    expect(statuses).toEqual([0, 0, 0x58, 0x58]);
    const narrow = await esme(simulator, ['transmitter', 'narrow']);
    const first = await narrow.send('submit_sm', SUBMIT);
    const second = await narrow.send('submit_sm', SUBMIT);
    const answers = [await narrow.expect((p) => p.seq === second), await narrow.expect((p) => p.seq === first)];
    expect(answers.map((p) => p?.status)).toEqual([0x14, 0]);
  });

  it('enquire_link from the SMSC; unbind and drop from the simulator', async () => {
    const simulator = await simulatorWith({ enquireLinkIntervalMs: 50 });
    const client = await esme(simulator, ['transceiver', 'perl']);
    expect(await client.expect((p) => p.command === 'enquire_link')).not.toBeNull();
    const [sim] = simulator.status().sessions;
    const unbound = simulator.action({ sessionId: sim!.id, action: 'unbind' });
    expect(await client.expect((p) => p.command === 'unbind')).not.toBeNull(); // the script answers it
    expect((await unbound).outcome).toBe('unbound: unbind_resp ESME_ROK');
    expect(await client.read(1000)).toBe('eof');
    const dropped = await esme(simulator, ['transceiver', 'perl']);
    const other = simulator.status().sessions.find((s) => s.id !== sim!.id)!;
    await simulator.action({ sessionId: other.id, action: 'drop' });
    expect(await dropped.read(1000)).toBe('eof');
  });

  it('faults arrive as the library describes them', async () => {
    const simulator = await simulatorWith();
    const client = await esme(simulator, ['transceiver', 'perl']);
    const simId = simulator.status().sessions[0]!.id;
    await simulator.action({ sessionId: simId, action: 'fault', fault: 'unknown-command' });
    expect(await client.expect((p) => p.command === '0x00000777')).toMatchObject({ body: '\x01\x02\x03' });
    await simulator.action({ sessionId: simId, action: 'fault', fault: 'truncated-tlv' });
    const truncated = await client.expect((p) => p.command === 'deliver_sm');
    expect(truncated!.body.slice(-10)).toBe('\x00\x1e\x00\x64ABCDE\x00');
  });

  it('MO: UCS-2 concatenated by UDH, and Latin-1 by SAR TLVs', async () => {
    const simulator = await simulatorWith();
    const client = await esme(simulator, ['receiver', 'perl']);
    const text = 'Привет '.repeat(15);
    // Without a rate the injection resolves once every part is answered: Net::SMPP answers as it reads them.
    const udh = simulator.injectMo({ systemId: 'perl', sourceAddr: '447700900999', destinationAddr: '100', text, encoding: 'ucs2', split: 'udh8' });
    const parts = await client.collect(isDeliver, 2);
    expect(await udh).toMatchObject({ partsPerMessage: 2, acknowledged: 2, state: 'done' });
    const headers = parts.map((p) => String(p.fields.short_message).slice(0, 6));
    expect(parts.map((p) => [p.fields.esm_class, p.fields.data_coding, p.fields.source_addr])).toEqual([[0x40, 8, '447700900999'], [0x40, 8, '447700900999']]);
    expect(headers.map((h) => [...h].map((c) => c.charCodeAt(0)))).toEqual([1, 2].map((n) => [5, 0, 3, headers[0]!.charCodeAt(3), 2, n]));
    const body = parts.map((p) => Buffer.from(String(p.fields.short_message).slice(6), 'latin1').swap16().toString('utf16le')).join('');
    expect(body).toBe(text);
    const mo = client.received.length;
    const injected = simulator.injectMo({ systemId: 'perl', sourceAddr: '1', destinationAddr: '2', text: 'Grüße! '.repeat(25), encoding: 'latin1', split: 'sar' });
    const sar = (await client.collect(isDeliver, 4)).filter((p) => client.received.indexOf(p) >= mo);
    expect((await injected).acknowledged).toBe(2);
    expect(sar.map((p) => [p.fields.data_coding, octetOf(p.fields.sar_total_segments), octetOf(p.fields.sar_segment_seqnum)])).toEqual([[3, 2, 1], [3, 2, 2]]);
    expect(sar.map((p) => p.fields.short_message).join('')).toBe('Grüße! '.repeat(25));
  });
});
