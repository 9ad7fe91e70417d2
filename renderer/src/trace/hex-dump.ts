// Octets as the byte grid shows them, Wireshark's and `hexdump -C`'s way: 16 to a row, each as two lower-case hex
// digits, with an ASCII column of the printable ones ('.' for the rest).

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

/** An octet in the ASCII column. */
export const printable = (byte: number) => (byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.');
