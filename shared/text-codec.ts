// Text codec for short_message: GSM 03.38 (3GPP TS 23.038) default alphabet with its extension table, and UCS-2.
import type { DefaultAlphabet } from './contract';
import { GSM_ESCAPE, decodeGsmWith, gsmEncoderFor, gsmTablesFor } from './gsm-tables';

// Pure TypeScript on Uint8Array: the compose pane measures live with it and core encodes with it, so what the
// user sees counted is exactly what goes on the wire.
//
// GSM text is sent unpacked, one septet per octet, as SMPP carries it. It is labelled data_coding 0 (SMSC
// default alphabet) — never 1 (IA5), the mistake the `smpp` package makes.

/** data_coding values this codec writes (smpp-notes.md §data_coding). */
export const DATA_CODING = { smscDefault: 0x00, ia5: 0x01, latin1: 0x03, binary: 0x04, ucs2: 0x08 } as const;

export class TextEncodingError extends Error {
  constructor(
    message: string,
    readonly character: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'TextEncodingError';
  }
}

const defaultEncoder = gsmEncoderFor(gsmTablesFor('none'));

/** Septets one character costs in the GSM 03.38 default tables, or null when the alphabet cannot carry it. */
export function gsmSeptetCost(char: string): 1 | 2 | null {
  if (defaultEncoder.direct.has(char)) return 1;
  if (defaultEncoder.escaped.has(char)) return 2;
  return null;
}

/** GSM 03.38 default tables, one septet per octet; throws TextEncodingError naming the first character it cannot carry. */
export function encodeGsm7(text: string): Uint8Array {
  const out: number[] = [];
  let index = 0;
  for (const char of text) {
    const septet = defaultEncoder.direct.get(char);
    const escaped = septet === undefined ? defaultEncoder.escaped.get(char) : undefined;
    if (septet !== undefined) out.push(septet);
    else if (escaped !== undefined) out.push(GSM_ESCAPE, escaped);
    else throw new TextEncodingError(`"${char}" at position ${index + 1} is not in the GSM 03.38 alphabet`, char, index);
    index += 1;
  }
  return Uint8Array.from(out);
}

/** Decodes unpacked GSM 03.38 with the default tables; a value they do not define shows as U+FFFD, not a guess. */
export function decodeGsm7(bytes: Uint8Array): string {
  return decodeGsmWith(bytes, null, null);
}

/** UCS-2 as SMPP uses it: UTF-16 big-endian, surrogate pairs kept as two units. */
export function encodeUcs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

export function decodeUcs2(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  if (bytes.length % 2 === 1) text += '\ufffd';
  return text;
}

export function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** How the octets of a short_message are read as text. */
export type TextAlphabet = 'gsm7' | 'latin1' | 'ia5' | 'ucs2' | 'binary';

const GENERAL_GROUP_ALPHABETS: readonly TextAlphabet[] = ['gsm7', 'binary', 'ucs2', 'binary'];

/**
 * The alphabet a data_coding selects. 0–0x0F are SMPP's own values (v3.4 §5.2.19; 0 is the SMSC's default, which
 * the profile names); above them the 3GPP TS 23.038 coding groups: general (0x10–0x3F, 0x40–0x7F automatic
 * deletion; bits 3–2 the alphabet, compressed text unreadable), message waiting (0xC0–0xDF GSM, 0xE0–0xEF UCS-2)
 * and message class (0xF0–0xFF, bit 2: 8-bit data or GSM).
 */
export function textAlphabetOf(dataCoding: number, defaultAlphabet: DefaultAlphabet = 'gsm7'): TextAlphabet {
  if (dataCoding === DATA_CODING.smscDefault) return defaultAlphabet;
  if (dataCoding === DATA_CODING.ucs2) return 'ucs2';
  if (dataCoding === DATA_CODING.ia5) return 'ia5';
  if (dataCoding === DATA_CODING.latin1) return 'latin1';
  if (dataCoding < 0x10) return 'binary';
  if (dataCoding < 0x80) {
    if (dataCoding & 0x20) return 'binary';
    return GENERAL_GROUP_ALPHABETS[(dataCoding >> 2) & 0x03] ?? 'binary';
  }
  if (dataCoding < 0xc0) return 'binary';
  if (dataCoding < 0xe0) return 'gsm7';
  if (dataCoding < 0xf0) return 'ucs2';
  return dataCoding & 0x04 ? 'binary' : 'gsm7';
}

/**
 * Decodes a received short_message by its data_coding. What 0 means is the SMSC's choice (smpp-notes.md), so the
 * caller passes the profile's answer; GSM 03.38 is the common case and the default. 1 is IA5 (ASCII), read as
 * such — not as GSM. Binary data shows octet for octet (Latin-1), so nothing is hidden.
 */
export function decodeShortMessage(bytes: Uint8Array, dataCoding: number, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  const alphabet = textAlphabetOf(dataCoding, defaultAlphabet);
  if (alphabet === 'ucs2') return decodeUcs2(bytes);
  if (alphabet === 'gsm7') return decodeGsm7(bytes);
  return decodeLatin1(bytes);
}
