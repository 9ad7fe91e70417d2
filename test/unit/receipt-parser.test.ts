import { describe, expect, it } from 'vitest';
import { parseReceiptText } from '../../electron/core/messages/receipt-parser';
import { messageIdCandidates, normaliseMessageId } from '../../shared/message-id';

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
});
