import { describe, expect, it } from 'vitest';
import { decodePdu, encodePdu, PduEncodeError, tlvValue } from '../../electron/core/smpp/pdu-codec';

const submit = (fields: Record<string, unknown> = {}) =>
  encodePdu({
    command: 'submit_sm',
    sequenceNumber: 7,
    fields: { source_addr: '12345', destination_addr: '447700900123', data_coding: 0, short_message: Buffer.from('Hi'), ...fields } as never,
  });

describe('PDU codec over the smpp package tables', () => {
  it('encodes submit_sm field by field in spec order, with command_length first', () => {
    const bytes = submit();
    expect(bytes.readUInt32BE(0)).toBe(bytes.length);
    expect(bytes.readUInt32BE(4)).toBe(0x00000004);
    expect(bytes.readUInt32BE(12)).toBe(7);
    // service_type "" then source TON/NPI then "12345\0"
    expect(bytes.subarray(16, 26).toString('hex')).toBe('00000031323334350000');
    const { pdu, layout, problems } = decodePdu(bytes);
    expect(problems).toEqual([]);
    expect(pdu.fields.destination_addr).toBe('447700900123');
    expect(pdu.fields.short_message).toEqual(Buffer.from('Hi'));
    const sm = layout.find((f) => f.name === 'short_message')!;
    expect(sm.offset + sm.length).toBe(bytes.length);
    expect(bytes[sm.offset]).toBe(2); // sm_length
  });

  it('keeps the high bit of C-string octets', () => {
    const bytes = encodePdu({ command: 'bind_transceiver_resp', sequenceNumber: 1, fields: { system_id: 'Zürich' } });
    expect(decodePdu(bytes).pdu.fields.system_id).toBe('Zürich');
  });

  it('writes no body on an error response', () => {
    const bytes = encodePdu({ command: 'submit_sm_resp', sequenceNumber: 3, commandStatus: 0x45, fields: { message_id: 'x' } });
    expect(bytes.length).toBe(16);
    expect(decodePdu(bytes).problems).toEqual([]);
  });

  it('refuses a short_message over 254 octets, naming the field and the limit', () => {
    expect(() => submit({ short_message: Buffer.alloc(255) })).toThrow(PduEncodeError);
    expect(() => submit({ short_message: Buffer.alloc(255) })).toThrow('short_message: 255 octets; its one-octet length allows at most 254');
  });

  it('round-trips TLVs by name', () => {
    const bytes = encodePdu({
      command: 'deliver_sm', sequenceNumber: 9, fields: { esm_class: 4, short_message: Buffer.from('id:1') },
      tlvs: { receipted_message_id: 'ABC', message_state: 2 },
    });
    const { pdu, problems } = decodePdu(bytes);
    expect(problems).toEqual([]);
    expect(tlvValue(pdu, 'receipted_message_id')).toBe('ABC');
    expect(tlvValue(pdu, 'message_state')).toBe(2);
  });
});

describe('decoding what broken SMSCs send: problems named, nothing guessed', () => {
  it('reports an sm_length that runs past the end instead of truncating silently', () => {
    const bytes = submit({ short_message: Buffer.from('Hello') });
    const cut = Buffer.from(bytes.subarray(0, bytes.length - 2));
    cut.writeUInt32BE(cut.length, 0);
    const { problems, pdu } = decodePdu(cut);
    expect(problems).toEqual(['short_message: sm_length 5 runs past the end of the PDU (3 octets left)']);
    expect(pdu.fields.short_message).toEqual(Buffer.from('Hel'));
  });

  it('reports a TLV whose length runs past the end', () => {
    const good = encodePdu({ command: 'deliver_sm', sequenceNumber: 1, tlvs: { receipted_message_id: 'ABCDE' } });
    const bad = Buffer.from(good);
    bad.writeUInt16BE(100, bad.length - 6 - 2); // the TLV's length field
    expect(decodePdu(bad).problems).toEqual(['receipted_message_id: TLV length 100 runs past the end of the PDU (6 octets left)']);
  });

  it('reports a submit_sm_resp message_id without its NUL', () => {
    const bytes = Buffer.concat([Buffer.alloc(16), Buffer.from('ABC')]);
    bytes.writeUInt32BE(bytes.length, 0);
    bytes.writeUInt32BE(0x80000004, 4);
    const { pdu, problems } = decodePdu(bytes);
    expect(pdu.fields.message_id).toBe('ABC');
    expect(problems).toEqual(['message_id: no NUL terminator before the end of the PDU']);
  });

  it('names an unknown command_id and keeps its body', () => {
    const bytes = Buffer.alloc(20);
    bytes.writeUInt32BE(20, 0);
    bytes.writeUInt32BE(0x00000777, 4);
    const { pdu, problems, layout } = decodePdu(bytes);
    expect(pdu.command).toBe('unknown_0x00000777');
    expect(problems).toEqual(['unknown command_id 0x00000777']);
    expect(layout.at(-1)).toMatchObject({ name: 'body', offset: 16, length: 4 });
  });
});
