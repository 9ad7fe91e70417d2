// Classic hex dump of a PDU's bytes, as `hexdump -C` and Wireshark lay it out, so an engineer can read offsets
// off it and line them up with the decoded fields:
//   0000  00 00 00 3d 00 00 00 04 00 00 00 00 00 00 00 01  ...=............
// 16 bytes a line; offset as (at least) 4 hex digits; two spaces; bytes as lower-case hex separated by single
// spaces, a short last line padded so its ASCII column lines up; two spaces; printable ASCII, '.' for the rest.

export const BYTES_PER_LINE = 16;

/** Bytes from the contract's hex (lower-case, no separators). Whitespace is tolerated; a trailing nibble is dropped. */
export function bytesFromHex(hex: string): Uint8Array {
  const digits = hex.replace(/\s+/g, '');
  const bytes = new Uint8Array(Math.floor(digits.length / 2));
  for (let i = 0; i < bytes.length; i += 1) {
    const value = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
    bytes[i] = Number.isNaN(value) ? 0 : value;
  }
  return bytes;
}

const printable = (byte: number) => (byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.');

export function formatHexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  const hexWidth = BYTES_PER_LINE * 3 - 1;
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_LINE) {
    const chunk = bytes.subarray(offset, offset + BYTES_PER_LINE);
    const hex = Array.from(chunk, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, printable).join('');
    lines.push(`${offset.toString(16).padStart(4, '0')}  ${hex.padEnd(hexWidth, ' ')}  ${ascii}`);
  }
  return lines.join('\n');
}

/** The dump for a TraceDetail's `hex`. */
export function hexDump(hex: string): string {
  return formatHexDump(bytesFromHex(hex));
}
