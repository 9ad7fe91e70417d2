// Text codec for short_message: GSM 03.38 (3GPP TS 23.038) default alphabet with its extension table, and UCS-2.
import type { DefaultAlphabet } from './contract';

// Pure TypeScript on Uint8Array: the compose pane measures live with it and core encodes with it, so what the
// user sees counted is exactly what goes on the wire.
//
// GSM text is sent unpacked, one septet per octet, as SMPP carries it. It is labelled data_coding 0 (SMSC
// default alphabet) — never 1 (IA5), the mistake the `smpp` package makes.

/** GSM 03.38 default alphabet, indexed by septet value; 0x1B is the escape to the extension table. */
const GSM_DEFAULT =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** GSM 03.38 extension table: character → septet that follows the 0x1B escape. Each costs two septets. */
const GSM_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const GSM_ESCAPE = 0x1b;
const gsmDefaultIndex: ReadonlyMap<string, number> = new Map(
  [...GSM_DEFAULT].map((char, septet) => [char, septet] as const).filter(([, septet]) => septet !== GSM_ESCAPE),
);
const gsmExtensionBySeptet: ReadonlyMap<number, string> = new Map(
  [...GSM_EXTENSION].map(([char, septet]) => [septet, char] as const),
);

export type TextEncoding = 'gsm7' | 'ucs2';
export type EncodingChoice = 'auto' | TextEncoding;

/** data_coding values this codec writes (smpp-notes.md §data_coding). */
export const DATA_CODING = { smscDefault: 0x00, ia5: 0x01, latin1: 0x03, ucs2: 0x08 } as const;

/** Single-part capacity in the encoding's own units (septets for GSM, UTF-16 code units for UCS-2). */
export const SINGLE_PART_CAPACITY: Record<TextEncoding, number> = { gsm7: 160, ucs2: 70 };

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

/** Septets one character costs in GSM 03.38, or null when the alphabet cannot carry it. */
export function gsmSeptetCost(char: string): 1 | 2 | null {
  if (gsmDefaultIndex.has(char)) return 1;
  if (GSM_EXTENSION.has(char)) return 2;
  return null;
}

/** Characters of the text (by code point) that GSM 03.38 cannot carry, each once, in order of appearance. */
export function gsmUnsupported(text: string): string[] {
  const seen = new Set<string>();
  for (const char of text) if (gsmSeptetCost(char) === null) seen.add(char);
  return [...seen];
}

export interface TextMeasure {
  encoding: TextEncoding;
  dataCoding: number;
  /** Characters as a person counts them (code points: an emoji is one). */
  characters: number;
  /** Septets for GSM (escape pairs count two), UTF-16 code units for UCS-2 (an emoji is two). */
  units: number;
  unitName: 'septets' | 'UCS-2 units';
  octets: number;
  capacity: number;
  fitsOnePart: boolean;
  /** Characters the chosen encoding cannot carry (only ever non-empty for a forced GSM choice). */
  unsupported: string[];
}

/** Measures text for sending: Auto picks GSM 03.38 when every character fits, else UCS-2. */
export function measureText(text: string, choice: EncodingChoice = 'auto'): TextMeasure {
  const unsupported = gsmUnsupported(text);
  const encoding: TextEncoding = choice === 'auto' ? (unsupported.length === 0 ? 'gsm7' : 'ucs2') : choice;
  const characters = [...text].length;
  if (encoding === 'gsm7') {
    let units = 0;
    for (const char of text) units += gsmSeptetCost(char) ?? 1;
    const capacity = SINGLE_PART_CAPACITY.gsm7;
    return {
      encoding, dataCoding: DATA_CODING.smscDefault, characters, units, unitName: 'septets', octets: units,
      capacity, fitsOnePart: units <= capacity, unsupported,
    };
  }
  const units = text.length;
  const capacity = SINGLE_PART_CAPACITY.ucs2;
  return {
    encoding, dataCoding: DATA_CODING.ucs2, characters, units, unitName: 'UCS-2 units', octets: units * 2,
    capacity, fitsOnePart: units <= capacity, unsupported: [],
  };
}

/** GSM 03.38, one septet per octet; throws TextEncodingError naming the first character it cannot carry. */
export function encodeGsm7(text: string): Uint8Array {
  const out: number[] = [];
  let index = 0;
  for (const char of text) {
    const septet = gsmDefaultIndex.get(char);
    if (septet !== undefined) out.push(septet);
    else {
      const extended = GSM_EXTENSION.get(char);
      if (extended === undefined) {
        throw new TextEncodingError(`"${char}" at position ${index + 1} is not in the GSM 03.38 alphabet`, char, index);
      }
      out.push(GSM_ESCAPE, extended);
    }
    index += 1;
  }
  return Uint8Array.from(out);
}

/** Decodes unpacked GSM 03.38; a value the tables do not define shows as U+FFFD rather than a guess. */
export function decodeGsm7(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const septet = bytes[i]!;
    if (septet === GSM_ESCAPE && i + 1 < bytes.length) {
      i += 1;
      // An undefined escape shows the default-table character, as TS 23.038 says a receiver should.
      text += gsmExtensionBySeptet.get(bytes[i]!) ?? GSM_DEFAULT[bytes[i]!] ?? '\ufffd';
    } else {
      text += septet < 0x80 && septet !== GSM_ESCAPE ? GSM_DEFAULT[septet] : '\ufffd';
    }
  }
  return text;
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

/** Encodes for a measured choice, returning the bytes and the data_coding that truthfully labels them. */
export function encodeText(text: string, choice: EncodingChoice = 'auto'): { bytes: Uint8Array; measure: TextMeasure } {
  const measure = measureText(text, choice);
  const bytes = measure.encoding === 'gsm7' ? encodeGsm7(text) : encodeUcs2(text);
  return { bytes, measure };
}

/**
 * Decodes a received short_message by its data_coding. What 0 means is the SMSC's choice (smpp-notes.md), so the
 * caller passes the profile's answer; GSM 03.38 is the common case and the default. 1 is IA5 (ASCII), read as
 * such — not as GSM.
 */
export function decodeShortMessage(bytes: Uint8Array, dataCoding: number, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  if (dataCoding === DATA_CODING.ucs2) return decodeUcs2(bytes);
  if (dataCoding === DATA_CODING.smscDefault) return defaultAlphabet === 'gsm7' ? decodeGsm7(bytes) : decodeLatin1(bytes);
  if (dataCoding === DATA_CODING.ia5 || dataCoding === DATA_CODING.latin1) return decodeLatin1(bytes);
  if ((dataCoding & 0xf0) === 0xf0) return dataCoding & 0x04 ? decodeLatin1(bytes) : decodeGsm7(bytes);
  return decodeLatin1(bytes);
}
