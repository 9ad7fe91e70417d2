// Hex typed by hand (a TLV value, a raw PDU): engineers paste it from captures with spaces and line breaks
// between octets, so whitespace is dropped before the value is counted or sent.

export function compactHex(text: string): string {
  return text.replace(/\s+/g, '');
}
