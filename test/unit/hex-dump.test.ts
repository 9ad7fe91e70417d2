import { describe, expect, it } from 'vitest';
import { bytesFromHex, printable } from '../../renderer/src/trace/hex-dump';

describe('the byte grid’s octets', () => {
  it('reads the contract’s hex, tolerating whitespace and dropping a trailing nibble', () => {
    expect(Array.from(bytesFromHex('00 3d\nff'))).toEqual([0x00, 0x3d, 0xff]);
    expect(Array.from(bytesFromHex('414'))).toEqual([0x41]);
  });

  it('shows printable ASCII as itself and every other octet as a dot', () => {
    expect([0x41, 0x20, 0x7e, 0x1f, 0x7f, 0xe9].map(printable).join('')).toBe('A ~...');
  });
});
