// A misbehaving SMSC never freezes or crashes the console: each fault shows in the trace as what it is, with its
// bytes, and the session either goes on or closes with the reason. Real TCP on 127.0.0.1, one case per test. The
// simulator's fault library (electron/core/simulator/faults.ts) sends the same cases to any ESME.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Connection, type WireRecord } from '../../electron/core/smpp/connection';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { encodeGsm7 } from '../../shared/text-codec';
import { smLengthOverrunDeliverSm, truncatedTlvDeliverSm } from '../../electron/core/simulator/faults';
import { rawPdu, startRawSmsc, type RawScript, type RawSmsc } from '../support/raw-smsc';
import { esmeSession, waitFor } from '../support/simulator-fixture';

let smsc: RawSmsc | null = null;
afterEach(async () => {
  await smsc?.stop();
  smsc = null;
});

const SUBMIT = { source_addr: '1', destination_addr: '2', short_message: Buffer.from(encodeGsm7('x')) };

async function boundSession(script: RawScript, overrides: Parameters<typeof esmeSession>[1] = {}) {
  smsc = await startRawSmsc(script);
  const { session, wire } = esmeSession(smsc.port, { responseTimeoutMs: 500, ...overrides });
  await session.open();
  const inbound = () => wire.filter((r) => r.direction === 'in');
  const sent = (command: string) => wire.filter((r) => r.direction === 'out' && r.pdu?.command === command);
  return { session, wire, inbound, sent };
}

/** After the bind, the SMSC writes these bytes. */
async function faultAfterBind(bytes: Buffer, overrides: Parameters<typeof esmeSession>[1] = {}) {
  const ctx = await boundSession(() => undefined, overrides);
  smsc!.sockets[0]!.write(bytes);
  return ctx;
}

describe('framing faults close the session with the reason and keep the bytes', () => {
  it.each([
    [0, 'command_length 0 is below the 16-octet header'],
    [8, 'command_length 8 is below the 16-octet header'],
    [65536 + 4096 + 1, 'command_length 69633 is above the 69632-octet limit'],
  ])('command_length %i', async (length, reason) => {
    const bytes = rawPdu(0x00000005, 9, Buffer.alloc(0), length);
    const { session, inbound, sent } = await faultAfterBind(bytes);
    await waitFor(() => session.state === 'closed');
    expect(sent('generic_nack')[0]?.pdu).toMatchObject({ sequenceNumber: 9, commandStatus: 0x02 });
    expect(session.closeReason).toBe(`unframeable input: ${reason}`);
    const record = inbound().at(-1)!;
    expect(record.problem).toBe(`${reason}: the stream cannot be framed`);
    expect(record.bytes.subarray(0, 16)).toEqual(bytes);
  });

  it('octets that keep coming after an unframeable close are shown, and crash nothing (found by the fuzz)', async () => {
    // An SMSC that keeps its side open after our FIN (half-open) and goes on writing garbage in later reads.
    const server = createServer({ allowHalfOpen: true });
    const smscSocket = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const wire: WireRecord[] = [];
    const connection = new Connection(connect((server.address() as AddressInfo).port, '127.0.0.1'), { trace: { record: (r) => wire.push(r) } });
    const smscSide = await smscSocket;
    const closed = new Promise<string>((resolve) => connection.once('close', resolve));
    smscSide.write(rawPdu(0x00000005, 9, Buffer.alloc(0), 0));
    expect(await closed).toBe('unframeable input: command_length 0 is below the 16-octet header');
    smscSide.write(rawPdu(0x00000005, 10, Buffer.alloc(0), 1));
    const late = await waitFor(() => wire.find((r) => r.problem?.includes('received after the connection was closed')));
    expect(late.problem).toBe('16 octets received after the connection was closed (unframeable input: command_length 0 is below the 16-octet header)');
    expect(late.bytes).toEqual(rawPdu(0x00000005, 10, Buffer.alloc(0), 1));
    smscSide.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('garbage, and an HTTP reply, are shown as the bytes they are', async () => {
    const http = Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    const { session, inbound } = await faultAfterBind(http);
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toMatch(/^unframeable input: command_length 1213486160 is above/);
    expect(inbound().at(-1)!.bytes.toString('latin1')).toContain('HTTP/1.1 400 Bad Request');
  });

  it('a PDU that stalls half-way is reported with how much arrived', async () => {
    const deliver = encodePdu({ command: 'deliver_sm', sequenceNumber: 4, fields: { short_message: Buffer.from('hello') } });
    const { session, inbound } = await faultAfterBind(deliver.subarray(0, 10), { stallTimeoutMs: 150 });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe(`PDU stalled: 10 of ${deliver.length} octets received, then nothing for 150 ms`);
    expect(inbound().at(-1)!.bytes).toEqual(deliver.subarray(0, 10));
  });

  it('EOF in the middle of a PDU', async () => {
    const deliver = encodePdu({ command: 'deliver_sm', sequenceNumber: 4 });
    const { session, inbound } = await boundSession(() => undefined);
    smsc!.sockets[0]!.end(deliver.subarray(0, 20));
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('peer closed the connection mid-PDU');
    expect(inbound().at(-1)!.problem).toBe(
      `connection closed in the middle of a PDU: 20 of ${deliver.length} octets received (peer closed the connection mid-PDU)`,
    );
  });

  it('a connection reset', async () => {
    const { session } = await boundSession(() => undefined);
    smsc!.sockets[0]!.resetAndDestroy();
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toMatch(/ECONNRESET|peer closed/);
  });
});

describe('body faults are named in the trace; the session goes on', () => {
  // A flawed deliver_sm is still delivered and answered: a generic_nack would make the SMSC re-send it forever.
  it('a truncated TLV in deliver_sm: the problem is traced, the PDU delivered and answered, the link stays bound', async () => {
    const bad = truncatedTlvDeliverSm(7);
    const delivered: number[] = [];
    const { session, inbound, sent } = await faultAfterBind(bad, { onDeliver: async (pdu) => (delivered.push(pdu.sequenceNumber), 0) });
    await waitFor(() => sent('deliver_sm_resp').length === 1);
    expect(inbound().at(-1)!.problem).toBe('receipted_message_id: TLV length 100 runs past the end of the PDU (6 octets left)');
    expect(sent('deliver_sm_resp')[0]!.pdu!).toMatchObject({ sequenceNumber: 7, commandStatus: 0 });
    expect(delivered).toEqual([7]);
    expect(sent('generic_nack')).toEqual([]);
    expect(session.state).toBe('bound');
  });

  it('sm_length past the end', async () => {
    const bad = smLengthOverrunDeliverSm(8);
    const { session, inbound, sent } = await faultAfterBind(bad);
    await waitFor(() => sent('deliver_sm_resp').length === 1);
    expect(inbound().at(-1)!.problem).toBe('short_message: sm_length 5 runs past the end of the PDU (2 octets left)');
    expect(session.state).toBe('bound');
  });

  it('a bind response and an unbind in one write: the session ends closed, never "bound" after closing', async () => {
    smsc = await startRawSmsc((pdu, ctx) => {
      ctx.reply(pdu, { system_id: 'FLAKY' });
      ctx.send({ command: 'unbind', sequenceNumber: 1 });
    }, { autoBind: false });
    const states: string[] = [];
    const { session } = esmeSession(smsc.port);
    session.on('state', (s) => states.push(s));
    await expect(session.open()).rejects.toThrow(/the connection closed during the bind|bind failed/);
    expect(session.state).toBe('closed');
    expect(states.at(-1)).toBe('closed');
    expect(states).not.toContain('bound');
  });

  it('an unknown request command_id gets generic_nack ESME_RINVCMDID', async () => {
    const { session, inbound, sent } = await faultAfterBind(rawPdu(0x00000777, 11, Buffer.from([1, 2, 3])));
    await waitFor(() => sent('generic_nack').length === 1);
    expect(sent('generic_nack')[0]!.pdu!).toMatchObject({ sequenceNumber: 11, commandStatus: 0x03 });
    expect(inbound().at(-1)!.problem).toBe('unknown command_id 0x00000777');
    expect(session.state).toBe('bound');
  });

  it('an unknown response command_id fails the request it claims to answer', async () => {
    const { session } = await boundSession((pdu, ctx) => ctx.socket.write(rawPdu(0x80000777, pdu.sequenceNumber)));
    await expect(session.request('submit_sm', SUBMIT)).rejects.toThrow('answered with unknown_0x80000777 where submit_sm_resp was due');
    expect(session.state).toBe('bound');
  });

  it('a response with the wrong command, or a generic_nack, fails the request with what came', async () => {
    let answer = 0;
    const { session } = await boundSession((pdu, ctx) =>
      answer++ === 0
        ? ctx.send({ command: 'query_sm_resp', sequenceNumber: pdu.sequenceNumber })
        : ctx.send({ command: 'generic_nack', sequenceNumber: pdu.sequenceNumber, commandStatus: 0x03 }),
    );
    await expect(session.request('submit_sm', SUBMIT)).rejects.toThrow('answered with query_sm_resp where submit_sm_resp was due');
    await expect(session.request('submit_sm', SUBMIT)).rejects.toThrow('generic_nack: ESME_RINVCMDID');
  });

  it('a submit_sm_resp without its NUL resolves, with the problem in the trace', async () => {
    const { session, inbound } = await boundSession((pdu, ctx) => ctx.socket.write(rawPdu(0x80000004, pdu.sequenceNumber, Buffer.from('AB12'))));
    const response = await session.request('submit_sm', SUBMIT);
    expect(response.fields.message_id).toBe('AB12');
    expect(inbound().at(-1)!.problem).toBe('message_id: no NUL terminator before the end of the PDU');
  });

  it('C-string octets with the high bit set keep it', async () => {
    smsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, { system_id: 'Zürich' }), { autoBind: false });
    const { session } = esmeSession(smsc.port);
    await session.open();
    expect(session.smscSystemId).toBe('Zürich');
  });
});

describe('silence', () => {
  it('an SMSC that never answers the bind: the bind fails after the response timeout', async () => {
    smsc = await startRawSmsc(() => undefined, { autoBind: false });
    const { session } = esmeSession(smsc.port, { responseTimeoutMs: 200 });
    await expect(session.open()).rejects.toThrow('bind failed: no bind_transceiver_resp within 200 ms');
    expect(session.state).toBe('closed');
  });

  it('silence after the bind: N unanswered enquire_links and the link is declared dead', async () => {
    const notes: string[] = [];
    const { session, sent } = await boundSession(() => undefined, {
      enquireLinkIntervalMs: 60, enquireLinkMisses: 2, responseTimeoutMs: 100, onNote: (text) => notes.push(text),
    });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('link dead: 2 enquire_link in a row unanswered');
    expect(sent('enquire_link').length).toBeGreaterThanOrEqual(2);
    expect(notes).toContain('enquire_link seq 2: no response within 100 ms');
  });

  it('a link declared dead with half a PDU buffered still shows those octets', async () => {
    const deliver = encodePdu({ command: 'deliver_sm', sequenceNumber: 4, fields: { short_message: Buffer.from('half') } });
    // The stall clock is far longer than the keep-alive verdict, so the dead-link close is what ends it.
    const { session, inbound } = await faultAfterBind(deliver.subarray(0, 12), {
      enquireLinkIntervalMs: 60, enquireLinkMisses: 2, responseTimeoutMs: 100, stallTimeoutMs: 60_000,
    });
    await waitFor(() => session.state === 'closed');
    expect(session.closeReason).toBe('link dead: 2 enquire_link in a row unanswered');
    const last = inbound().at(-1)!;
    expect(last.bytes).toEqual(deliver.subarray(0, 12));
    expect(last.problem).toBe(
      `connection closed in the middle of a PDU: 12 of ${deliver.length} octets received (link dead: 2 enquire_link in a row unanswered)`,
    );
  });
});

describe('one bad session does not touch another', () => {
  it('garbage on one connection closes it; the other keeps submitting', async () => {
    smsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, { message_id: 'OK1' }));
    const a = esmeSession(smsc.port);
    const b = esmeSession(smsc.port);
    await a.session.open();
    await b.session.open();
    smsc.sockets[0]!.write(Buffer.from('\x00\x00\x00\x01garbage'));
    await waitFor(() => a.session.state === 'closed');
    expect((await b.session.request('submit_sm', SUBMIT)).fields.message_id).toBe('OK1');
    expect(b.session.state).toBe('bound');
  });
});
