import { describe, expect, it } from 'vitest';
import { isReceipt, parseReceiptText, receiptOf } from '../../electron/core/messages/receipt-parser';
import { decodePdu, encodePdu, type Pdu, type PduValue } from '../../electron/core/smpp/pdu-codec';
import { normaliseReceiptStat } from '../../shared/receipt-stat';
import { messageIdCandidates, normaliseMessageId, receiptIdLookup, receiptSpellingOf } from '../../shared/message-id';

describe('receipt text (SMPP v3.4 Appendix B and variants seen in the wild)', () => {
  it('reads the standard text', () => {
    const r = parseReceiptText(
      'id:0000001A2B sub:001 dlvrd:001 submit date:2611251730 done date:2611251731 stat:DELIVRD err:000 text:Hello [world] id:x',
    );
    expect(r).toEqual({
      id: '0000001A2B', sub: '001', dlvrd: '001', submitDate: '2611251730', doneDate: '2611251731', stat: 'DELIVRD',
      err: '000', text: 'Hello [world] id:x',
    });
  });

  it('accepts upper-case keys, Text:, seconds in dates, missing sub/dlvrd and extra fields', () => {
    const r = parseReceiptText('ID:12345 SUBMIT DATE:261125173012 DONE DATE:261125173100 STAT:UNDELIV ERR:034 mccmnc:23410 Text:abc');
    expect(r).toMatchObject({ id: '12345', sub: null, dlvrd: null, submitDate: '261125173012', doneDate: '261125173100', stat: 'UNDELIV', err: '034', text: 'abc' });
  });

  it('keeps an underscore in the id (the smpp package turns it into §)', () => {
    expect(parseReceiptText('id:ab_12 stat:DELIVRD')?.id).toBe('ab_12');
  });

  it('says it is not a receipt when there is neither id nor stat', () => {
    expect(parseReceiptText('Hello, how are you?')).toBeNull();
  });
});

describe('message_id spellings', () => {
  it('normalises case and zero padding', () => {
    expect(normaliseMessageId('0000001A2B')).toBe('1a2b');
    expect(normaliseMessageId('0')).toBe('0');
  });
  it('offers the literal spelling first, then hex/decimal conversions', () => {
    expect(messageIdCandidates('6699')).toEqual(['6699', '1a2b', '26265']);
    expect(messageIdCandidates('00001A2B')).toEqual(['1a2b', '6699']);
  });
  it('looks a receipt id up as the profile says the SMSC writes it', () => {
    expect(receiptIdLookup('00FF', 'auto')).toEqual({ literal: 'ff', converted: ['255'] });
    expect(receiptIdLookup('00FF', 'as-sent')).toEqual({ literal: 'ff', converted: [] });
    // hex receipts of decimal responses: only the conversion, never the literal spelling (another message's id)
    expect(receiptIdLookup('00FF', 'hex')).toEqual({ literal: null, converted: ['255'] });
    expect(receiptIdLookup('255', 'decimal')).toEqual({ literal: null, converted: ['ff'] });
    expect(receiptIdLookup('zz', 'hex')).toEqual({ literal: null, converted: [] });
    expect(receiptIdLookup('1a', 'decimal')).toEqual({ literal: null, converted: [] });
  });
  it('spells a response id as receipts would, for receipts that came first', () => {
    expect(receiptSpellingOf('000A', 'auto')).toBe('a');
    expect(receiptSpellingOf('255', 'hex')).toBe('ff');
    expect(receiptSpellingOf('FF', 'decimal')).toBe('255');
    expect(receiptSpellingOf('FF', 'hex')).toBeNull();
  });
});

describe('receipts from any vendor (what receiptOf makes of the whole PDU)', () => {
  const deliver = (text: string | null, tlvs: Record<string, number | string> = {}, command: 'deliver_sm' | 'data_sm' = 'deliver_sm', esmClass = 0x04) => {
    const fields: Record<string, PduValue> = { esm_class: esmClass };
    if (command === 'deliver_sm' && text !== null) fields.short_message = Buffer.from(text, 'latin1');
    const all: Record<string, number | string | Buffer> = { ...tlvs };
    if (command === 'data_sm' && text !== null) all.message_payload = Buffer.from(text, 'latin1');
    return decodePdu(encodePdu({ command, sequenceNumber: 1, fields, tlvs: all })).pdu;
  };
  const view = (pdu: Pdu) => {
    const r = receiptOf(pdu);
    return r && [r.smscMessageId, r.stat, r.statText, r.err, r.text, r.conflict];
  };

  it.each([
    ['the standard text', deliver('id:ABC sub:001 dlvrd:001 submit date:2612011200 done date:2612011201 stat:DELIVRD err:000 text:Hi'), ['ABC', 'DELIVRD', 'DELIVRD', '000', 'Hi', null]],
    ['TLVs only', deliver(null, { receipted_message_id: 'ABC', message_state: 5 }), ['ABC', 'UNDELIV', 'UNDELIVERABLE', null, null, null]],
    ['text only, lower-case keys and word', deliver('id:42 stat:delivrd err:000'), ['42', 'DELIVRD', 'delivrd', '000', null, null]],
    ['Text: capitalised, fields missing, extra fields', deliver('ID:42 STAT:UNDELIV mccmnc:23410 Text:abc'), ['42', 'UNDELIV', 'UNDELIV', null, 'abc', null]],
    ['a long spelling mapped without doubt', deliver('id:42 stat:DELIVERED err:0'), ['42', 'DELIVRD', 'DELIVERED', '0', null, null]],
    ['UNDELIVERABLE, EN_ROUTE, ACCEPTED', deliver('id:42 stat:UNDELIVERABLE'), ['42', 'UNDELIV', 'UNDELIVERABLE', null, null, null]],
    ['a word that maps to none: kept, no state', deliver('id:42 stat:SENT_TO_OPERATOR'), ['42', null, 'SENT_TO_OPERATOR', null, null, null]],
    ['an ambiguous word (FAILED): kept, no state', deliver('id:42 stat:FAILED err:001'), ['42', null, 'FAILED', '001', null, null]],
    ['TLVs and text disagree: the TLVs win, the disagreement kept', deliver('id:41 stat:UNDELIV', { receipted_message_id: '42', message_state: 2 }),
      ['42', 'DELIVRD', 'UNDELIV', null, null, 'receipted_message_id 42 (used) ≠ text id:41; message_state DELIVERED (used) ≠ text stat:UNDELIV']],
    ['zero padding is not a disagreement', deliver('id:00042 stat:DELIVRD', { receipted_message_id: '42', message_state: 2 }), ['42', 'DELIVRD', 'DELIVRD', null, null, null]],
    ['a UUID id', deliver('id:3f2504e0-4f89-11d3-9a0c-0305e82c3301 stat:EXPIRED'), ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'EXPIRED', 'EXPIRED', null, null, null]],
    ['message_state SKIPPED (v5.0) maps to none', deliver(null, { receipted_message_id: '42', message_state: 9 }), ['42', null, 'SKIPPED', null, null, null]],
    ['a receipt on data_sm', deliver('id:77 stat:DELIVRD', {}, 'data_sm'), ['77', 'DELIVRD', 'DELIVRD', null, null, null]],
    ['an intermediate notification (esm_class 0x20)', deliver('id:77 stat:ENROUTE', {}, 'deliver_sm', 0x20), ['77', 'ENROUTE', 'ENROUTE', null, null, null]],
  ] as const)('%s', (_, pdu, expected) => {
    expect(isReceipt(pdu)).toBe(true);
    expect(view(pdu)).toEqual(expected);
  });

  it('stat words: case, separators and long spellings; nothing guessed', () => {
    expect(['DELIVRD', 'delivered', 'En_Route', 'en route', 'ACCEPTED', 'rejected', 'unknown', 'FAILED', 'SENT', ''].map(normaliseReceiptStat)).toEqual([
      'DELIVRD', 'DELIVRD', 'ENROUTE', 'ENROUTE', 'ACCEPTD', 'REJECTD', 'UNKNOWN', null, null, null,
    ]);
  });
});
