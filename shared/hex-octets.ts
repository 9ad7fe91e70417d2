// Octets typed or pasted as hex — from Wireshark ("0x00, 0x00"), a log ("00:00:00:2f"), or a hex dump with line
// breaks. Whitespace, 0x prefixes and , : - separators are dropped; anything else is refused with where it is.

export type HexParse = { ok: true; hex: string } | { ok: false; message: string };

const SEPARATORS = /0x|[\s,:-]+/gi;

/** The pasted text as plain lower-case hex digits, or why it is not octets. */
export function parseHexOctets(text: string): HexParse {
  const digits = text.replace(SEPARATORS, '');
  const bad = /[^0-9a-f]/i.exec(digits);
  if (bad) {
    // Point at the character in what was typed, not in the compacted digits.
    const at = text.indexOf(bad[0]);
    return { ok: false, message: `hex: ${JSON.stringify(bad[0])} at character ${at + 1} is not a hex digit` };
  }
  if (digits.length % 2 === 1) return { ok: false, message: `hex: ${digits.length} hex digits — octets take two each` };
  return { ok: true, hex: digits.toLowerCase() };
}
