// Long messages: how a text is measured for parts and split into them (smpp-notes.md §Long messages). Pure, so the
// compose pane shows exactly the parts core will send. A GSM escape pair and a UTF-16 surrogate pair are one
// character here and never cross a part boundary.
import type { DefaultAlphabet, NationalLanguage, SplitMethod, TextEncodingChoice } from './contract';
import { GSM_ESCAPE, decodeGsmWith, gsmEncoderFor, gsmTablesFor, type GsmTables } from './gsm-tables';
import { DATA_CODING } from './text-codec';

export interface PartOptions {
  encoding?: TextEncodingChoice;
  nationalLanguage?: NationalLanguage;
  split?: SplitMethod;
  /**
   * What data_coding 0 means on the SMSC (the profile says). When it is Latin-1 or IA5, "GSM 03.38" text goes out
   * as data_coding 0 in those octets — what that SMSC will read — and counts as 7-bit on the air as before.
   */
  defaultAlphabet?: DefaultAlphabet;
}

/** One octet string on the air interface: 140 octets, of which a UDH takes its share. */
const AIR_OCTETS = 140;
/** Concatenation IEs: 0x00 with an 8-bit reference (5 octets), 0x08 with a 16-bit one (6 octets). */
const CONCAT_IE_OCTETS: Record<SplitMethod, number> = { udh8: 5, udh16: 6, sar: 6, payload: 0 };
/** The total-parts field of every method is one octet. */
export const MAX_PARTS = 255;

export interface UnsupportedCharacter {
  char: string;
  /** Position by code point (as a person counts characters), for highlighting. */
  index: number;
}

/** The encoding a text actually goes out in (Auto resolved). */
export type WireEncoding = 'gsm7' | 'ia5' | 'latin1' | 'ucs2' | 'binary';

/** data_coding for each (smpp-notes.md §data_coding): binary is 8-bit data (4). */
const WIRE_DATA_CODING: Record<WireEncoding, number> = {
  gsm7: DATA_CODING.smscDefault, ia5: DATA_CODING.ia5, latin1: DATA_CODING.latin1, ucs2: DATA_CODING.ucs2, binary: DATA_CODING.binary,
};

/** Encodings whose characters are 7-bit on the air: a part holds 160 of them, not 140. */
const SEPTET_ENCODINGS = new Set<WireEncoding>(['gsm7', 'ia5']);

export interface MessagePlan {
  encoding: WireEncoding;
  dataCoding: number;
  characters: number;
  /** Septets for GSM (escape pairs count two), UTF-16 code units for UCS-2. */
  units: number;
  unitName: 'septets' | 'characters' | 'octets' | 'UCS-2 units';
  parts: number;
  /** Units one part holds with this split method (all of them for message_payload). */
  perPart: number;
  /** Units left in the last part. */
  roomLeft: number;
  /** Characters the chosen encoding and tables cannot carry (for binary: what is not hex); never for Auto. */
  unsupported: UnsupportedCharacter[];
}

export interface MessagePart {
  /** The user data header to put before the payload (UDHI set), or null. */
  udh: Uint8Array | null;
  /** Septets (one per octet) or UCS-2 octets. */
  payload: Uint8Array;
  /** For SAR: the TLV values; for concatenation UDH they are inside `udh`. */
  sar: { reference: number; total: number; sequence: number } | null;
}

interface EncodedText {
  encoding: WireEncoding;
  tables: GsmTables;
  /** One entry per character (code point). */
  units: Uint8Array[];
  unsupported: UnsupportedCharacter[];
}

function encodeCharacters(text: string, options: PartOptions): EncodedText {
  const smscAlphabet = options.defaultAlphabet ?? 'gsm7';
  if (smscAlphabet !== 'gsm7') return encodeForSmscDefault(text, options, smscAlphabet);
  const tables = gsmTablesFor(options.nationalLanguage ?? 'none');
  const encoder = gsmEncoderFor(tables);
  const gsm: Uint8Array[] = [];
  const unsupported: UnsupportedCharacter[] = [];
  let index = 0;
  for (const char of text) {
    const direct = encoder.direct.get(char);
    const escaped = direct === undefined ? encoder.escaped.get(char) : undefined;
    if (direct !== undefined) gsm.push(Uint8Array.of(direct));
    else if (escaped !== undefined) gsm.push(Uint8Array.of(GSM_ESCAPE, escaped));
    else unsupported.push({ char, index });
    index += 1;
  }
  const choice = options.encoding ?? 'auto';
  if (choice === 'gsm7' || (choice === 'auto' && unsupported.length === 0)) return { encoding: 'gsm7', tables, units: gsm, unsupported };
  if (choice === 'ia5' || choice === 'latin1') return { ...singleOctets(text, choice === 'ia5' ? 0x7f : 0xff), encoding: choice, tables };
  if (choice === 'binary') return { ...hexOctets(text), encoding: 'binary', tables };
  const ucs2 = [...text].map((char) => {
    const out = new Uint8Array(char.length * 2);
    for (let i = 0; i < char.length; i += 1) {
      out[i * 2] = char.charCodeAt(i) >> 8;
      out[i * 2 + 1] = char.charCodeAt(i) & 0xff;
    }
    return out;
  });
  return { encoding: 'ucs2', tables, units: ucs2, unsupported: [] };
}

/** data_coding 0 on an SMSC that reads it as Latin-1 or IA5: those octets, or UCS-2 under Auto when they fall short. */
function encodeForSmscDefault(text: string, options: PartOptions, alphabet: 'latin1' | 'ia5'): EncodedText {
  const tables = gsmTablesFor('none');
  const choice = options.encoding ?? 'auto';
  if (choice !== 'auto' && choice !== 'gsm7') return encodeCharacters(text, { ...options, defaultAlphabet: 'gsm7' });
  const octets = singleOctets(text, alphabet === 'ia5' ? 0x7f : 0xff);
  if (choice === 'gsm7' || octets.unsupported.length === 0) return { ...octets, encoding: 'gsm7', tables };
  return encodeCharacters(text, { ...options, encoding: 'ucs2', defaultAlphabet: 'gsm7' });
}

/** One octet per character, for IA5 (up to 0x7F) and Latin-1 (up to 0xFF); anything above is unsupported. */
function singleOctets(text: string, highest: number): Pick<EncodedText, 'units' | 'unsupported'> {
  const units: Uint8Array[] = [];
  const unsupported: UnsupportedCharacter[] = [];
  [...text].forEach((char, index) => {
    const code = char.codePointAt(0)!;
    if (code <= highest) units.push(Uint8Array.of(code));
    else unsupported.push({ char, index });
  });
  return { units, unsupported };
}

/** Binary entered as hex: pairs of hex digits, white space ignored; a stray or odd digit is unsupported. */
function hexOctets(text: string): Pick<EncodedText, 'units' | 'unsupported'> {
  const units: Uint8Array[] = [];
  const unsupported: UnsupportedCharacter[] = [];
  let pending: UnsupportedCharacter | null = null;
  for (const [index, char] of [...text].entries()) {
    if (/\s/.test(char)) continue;
    if (!/[0-9a-fA-F]/.test(char)) unsupported.push({ char, index });
    else if (pending === null) pending = { char, index };
    else {
      units.push(Uint8Array.of(Number.parseInt(pending.char + char, 16)));
      pending = null;
    }
  }
  if (pending !== null) unsupported.push(pending);
  return { units, unsupported };
}

/** The national language IEs every part carries (GSM only). */
function nationalIes(encoded: EncodedText): number[] {
  if (encoded.encoding !== 'gsm7' || encoded.tables === gsmTablesFor('none')) return [];
  const ies: number[] = [];
  if (encoded.tables.lockingShiftId !== null) ies.push(0x25, 1, encoded.tables.lockingShiftId);
  if (encoded.tables.singleShiftId !== null) ies.push(0x24, 1, encoded.tables.singleShiftId);
  return ies;
}

/** Octets of user data a part holds (as SMPP carries them) when its UDH (with the UDHL octet) takes udhOctets. */
function capacity(encoding: WireEncoding, udhOctets: number): number {
  const free = AIR_OCTETS - udhOctets;
  if (SEPTET_ENCODINGS.has(encoding)) return Math.floor((free * 8) / 7);
  return encoding === 'ucs2' ? Math.floor(free / 2) * 2 : free;
}

interface Layout {
  encoded: EncodedText;
  ies: number[];
  perPart: number;
  /** Index of the first character of each part. */
  starts: number[];
  used: number[];
}

function layout(text: string, options: PartOptions): Layout {
  const encoded = encodeCharacters(text, options);
  const ies = nationalIes(encoded);
  // Sizes in octets as SMPP carries them: a septet per octet for GSM (an escape pair is two), two per UCS-2 unit.
  const total = encoded.units.reduce((sum, unit) => sum + unit.length, 0);
  const single = capacity(encoded.encoding, ies.length > 0 ? ies.length + 1 : 0);
  const split = options.split ?? 'udh8';
  if (split === 'payload' || total <= single) {
    return { encoded, ies, perPart: split === 'payload' ? total : single, starts: [0], used: [total] };
  }
  const perPart = capacity(encoded.encoding, 1 + ies.length + CONCAT_IE_OCTETS[split]);
  const starts = [0];
  const used = [0];
  let inPart = 0;
  encoded.units.forEach((unit, index) => {
    if (inPart + unit.length > perPart) {
      starts.push(index);
      used.push(0);
      inPart = 0;
    }
    inPart += unit.length;
    used[used.length - 1] = inPart;
  });
  return { encoded, ies, perPart, starts, used };
}

/** What the compose pane shows live: encoding, units, parts and room left, and what cannot be carried. */
export function planMessage(text: string, options: PartOptions = {}): MessagePlan {
  const { encoded, perPart, used } = layout(text, options);
  const octets = used.reduce((a, b) => a + b, 0);
  const per = encoded.encoding === 'ucs2' ? 2 : 1;
  const unitName = ({ gsm7: 'septets', ia5: 'characters', latin1: 'octets', binary: 'octets', ucs2: 'UCS-2 units' } as const)[encoded.encoding];
  return {
    encoding: encoded.encoding,
    dataCoding: WIRE_DATA_CODING[encoded.encoding],
    characters: [...text].length,
    units: octets / per,
    unitName,
    parts: used.length,
    perPart: perPart / per,
    roomLeft: (perPart - (used.at(-1) ?? 0)) / per,
    unsupported: encoded.unsupported,
  };
}

export class MessageSplitError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'MessageSplitError';
  }
}

/**
 * Splits a text into the parts to submit. `reference` is the concatenation reference all parts share (8 or 16
 * bits as the method says). Refuses, naming the character, what the encoding cannot carry.
 */
export function splitMessage(text: string, reference: number, options: PartOptions = {}): { plan: MessagePlan; parts: MessagePart[] } {
  const plan = planMessage(text, options);
  const first = plan.unsupported[0];
  if (first) {
    const where = `"${first.char}" at position ${first.index + 1}`;
    const why = {
      gsm7: 'is not in the chosen GSM 03.38 tables; choose UCS-2 or remove it',
      ia5: 'is not IA5/ASCII; choose UCS-2 or remove it',
      latin1: 'is not Latin-1; choose UCS-2 or remove it',
      binary: 'is not a hex digit (or lacks its pair); binary is entered as hex octets',
      ucs2: 'cannot be encoded',
    }[plan.encoding];
    const smsc = options.defaultAlphabet ?? 'gsm7';
    const smscWhy = `has no ${smsc === 'ia5' ? 'IA5' : 'Latin-1'} octet, and this SMSC reads data_coding 0 as ${smsc === 'ia5' ? 'IA5' : 'Latin-1'} (profile); choose UCS-2 or remove it`;
    throw new MessageSplitError(`${where} ${plan.encoding === 'gsm7' && smsc !== 'gsm7' ? smscWhy : why}`, 'text');
  }
  if (plan.parts > MAX_PARTS) {
    throw new MessageSplitError(`text needs ${plan.parts} parts; ${MAX_PARTS} is the most a concatenated message can have`, 'text');
  }
  const { encoded, ies, starts } = layout(text, options);
  const split = options.split ?? 'udh8';
  const total = starts.length;
  return {
    plan,
    parts: starts.map((start, i) => {
      const end = starts[i + 1] ?? encoded.units.length;
      const payload = concat(encoded.units.slice(start, end));
      const concatIe =
        total === 1 || split === 'sar' || split === 'payload'
          ? []
          : split === 'udh8'
            ? [0x00, 3, reference & 0xff, total, i + 1]
            : [0x08, 4, (reference >> 8) & 0xff, reference & 0xff, total, i + 1];
      const body = [...concatIe, ...ies];
      return {
        udh: body.length > 0 ? Uint8Array.from([body.length, ...body]) : null,
        payload,
        sar: split === 'sar' && total > 1 ? { reference: reference & 0xffff, total, sequence: i + 1 } : null,
      };
    }),
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** What a user data header says: its concatenation (if any) and national language tables. */
export interface ParsedUdh {
  length: number;
  concat: { reference: number; total: number; sequence: number } | null;
  lockingShiftId: number | null;
  singleShiftId: number | null;
}

/** Reads the UDH at the start of a short_message whose esm_class has UDHI set; null when it is malformed. */
export function parseUdh(bytes: Uint8Array): ParsedUdh | null {
  const udhl = bytes[0];
  if (udhl === undefined || udhl + 1 > bytes.length) return null;
  const result: ParsedUdh = { length: udhl + 1, concat: null, lockingShiftId: null, singleShiftId: null };
  for (let offset = 1; offset < udhl + 1; ) {
    const iei = bytes[offset]!;
    const iedl = bytes[offset + 1];
    if (iedl === undefined || offset + 2 + iedl > udhl + 1) return null;
    const data = bytes.subarray(offset + 2, offset + 2 + iedl);
    if (iei === 0x00 && iedl === 3) result.concat = { reference: data[0]!, total: data[1]!, sequence: data[2]! };
    if (iei === 0x08 && iedl === 4) result.concat = { reference: (data[0]! << 8) | data[1]!, total: data[2]!, sequence: data[3]! };
    if (iei === 0x25 && iedl === 1) result.lockingShiftId = data[0]!;
    if (iei === 0x24 && iedl === 1) result.singleShiftId = data[0]!;
    offset += 2 + iedl;
  }
  return result;
}

const ESM_CLASS_UDHI = 0x40;

/**
 * The text a short_message (or message_payload) carries: the UDH, when esm_class says there is one, is read for
 * its concatenation and national language tables and left out of the text.
 */
export function decodeUserData(
  bytes: Uint8Array,
  dataCoding: number,
  esmClass: number,
  decodeBody: (body: Uint8Array, dataCoding: number) => string,
): { text: string; udh: ParsedUdh | null } {
  const udh = esmClass & ESM_CLASS_UDHI ? parseUdh(bytes) : null;
  const body = udh ? bytes.subarray(udh.length) : bytes;
  const national = udh && (udh.lockingShiftId !== null || udh.singleShiftId !== null) && dataCoding === DATA_CODING.smscDefault;
  return { text: national ? decodeGsmWith(body, udh.lockingShiftId, udh.singleShiftId) : decodeBody(body, dataCoding), udh };
}
