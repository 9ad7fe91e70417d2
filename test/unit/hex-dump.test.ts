import { describe, expect, it } from 'vitest';
import { bytesFromHex, formatHexDump, hexDump } from '../../renderer/src/trace/hex-dump';

describe('the trace hex dump', () => {
  it('lays out 16 bytes a line with offset, hex and ASCII', () => {
    const line = hexDump('0000003d000000040000000000000001');
    expect(line).toBe('0000  00 00 00 3d 00 00 00 04 00 00 00 00 00 00 00 01  ...=............');
  });

  it('pads a short last line so the ASCII column lines up', () => {
    const [, last] = formatHexDump(bytesFromHex(`${'00'.repeat(16)}41`)).split('\n');
    expect(last).toBe(`0010  41${' '.repeat(45)}  A`);
  });

  it('widens the offset past 0xffff and gives nothing for no bytes', () => {
    const lines = formatHexDump(new Uint8Array(0x10010)).split('\n');
    expect(lines.at(-1)!.startsWith('10000  00')).toBe(true);
    expect(formatHexDump(new Uint8Array(0))).toBe('');
  });
});
