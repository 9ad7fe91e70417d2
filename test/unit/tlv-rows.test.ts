import { describe, expect, it } from 'vitest';
import { integerOctets, newTlvRow, OTHER_TAG, toRawTlv } from '../../renderer/src/compose/tlv-rows';

describe('TLV editor rows', () => {
  it('takes a number for an integer TLV and writes exactly its width, big-endian', () => {
    const row = { ...newTlvRow(1), hex: '258' }; // user_message_reference, 2 octets
    expect(integerOctets(row)).toBe(2);
    expect(toRawTlv(row, 0x0204)).toEqual({ tlv: { tag: 0x0204, hex: '0102' }, problem: null });
    expect(toRawTlv({ ...row, hex: '65536' }, 0x0204)).toEqual({ tlv: null, problem: 'value: a whole number 0–65535 (2 octets)' });
  });
  it('takes hex octets for other tags, as typed', () => {
    const row = { ...newTlvRow(1), tag: OTHER_TAG, otherTag: '1400', hex: 'ca fe' };
    expect(integerOctets(row)).toBeNull();
    expect(toRawTlv(row, 0x1400)).toEqual({ tlv: { tag: 0x1400, hex: 'cafe' }, problem: null });
  });
});
