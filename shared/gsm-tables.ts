// GSM 03.38 tables from 3GPP TS 23.038: the default alphabet (§6.2.1) and its extension table (§6.2.1.1), and
// the national language locking-shift (annex A.3) and single-shift (annex A.2) tables the console offers:
// Turkish (id 1), Spanish (id 2, single shift only) and Portuguese (id 3). A locking-shift table replaces the
// default alphabet; a single-shift table replaces the extension table (reached through the 0x1B escape).
import type { NationalLanguage } from './contract';

export const GSM_ESCAPE = 0x1b;

/** 128 characters indexed by septet; position 0x1B is the escape and never a character. */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const TURKISH_LOCKING =
  '@£$¥€éùıòÇ\nĞğ\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bŞşßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  'İABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§çabcdefghijklmnopqrstuvwxyzäöñüà';

const PORTUGUESE_LOCKING =
  '@£$¥êéúíóç\nÔô\rÁáΔ_ªÇÀ∞^\\€Ó|\u001bÂâÊÉ !"#º%&\'()*+,-./0123456789:;<=>?' +
  'ÍABCDEFGHIJKLMNOPQRSTUVWXYZÃÕÚÜ§~abcdefghijklmnopqrstuvwxyzãõ`üà';

/** Extension (single-shift) tables: septet after 0x1B → character. */
const DEFAULT_EXTENSION: Record<number, string> = {
  0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|', 0x65: '€',
};

const TURKISH_SINGLE: Record<number, string> = {
  0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|',
  0x47: 'Ğ', 0x49: 'İ', 0x53: 'Ş', 0x63: 'ç', 0x65: '€', 0x67: 'ğ', 0x69: 'ı', 0x73: 'ş',
};

const SPANISH_SINGLE: Record<number, string> = {
  0x09: 'ç', 0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|',
  0x41: 'Á', 0x49: 'Í', 0x4f: 'Ó', 0x55: 'Ú', 0x61: 'á', 0x65: '€', 0x69: 'í', 0x6f: 'ó', 0x75: 'ú',
};

const PORTUGUESE_SINGLE: Record<number, string> = {
  0x05: 'ê', 0x09: 'ç', 0x0a: '\f', 0x0b: 'Ô', 0x0c: 'ô', 0x0e: 'Á', 0x0f: 'á', 0x12: 'Φ', 0x13: 'Γ', 0x14: '^',
  0x15: 'Ω', 0x16: 'Π', 0x17: 'Ψ', 0x18: 'Σ', 0x19: 'Θ', 0x1f: 'Ê', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[',
  0x3d: '~', 0x3e: ']', 0x40: '|', 0x41: 'À', 0x49: 'Í', 0x4f: 'Ó', 0x55: 'Ú', 0x5b: 'Ã', 0x5c: 'Õ', 0x61: 'Â',
  0x65: '€', 0x69: 'í', 0x6f: 'ó', 0x75: 'ú', 0x7b: 'ã', 0x7c: 'õ', 0x7f: 'â',
};

/** A pair of tables in use, with the national language identifiers to put in the UDH (null = default table). */
export interface GsmTables {
  locking: string;
  single: Record<number, string>;
  lockingShiftId: number | null;
  singleShiftId: number | null;
}

const TABLE_SETS: Record<NationalLanguage, GsmTables> = {
  none: { locking: DEFAULT_ALPHABET, single: DEFAULT_EXTENSION, lockingShiftId: null, singleShiftId: null },
  turkish: { locking: TURKISH_LOCKING, single: TURKISH_SINGLE, lockingShiftId: 1, singleShiftId: 1 },
  spanish: { locking: DEFAULT_ALPHABET, single: SPANISH_SINGLE, lockingShiftId: null, singleShiftId: 2 },
  portuguese: { locking: PORTUGUESE_LOCKING, single: PORTUGUESE_SINGLE, lockingShiftId: 3, singleShiftId: 3 },
};

/** The tables a choice of national language selects: its locking table where it has one, and its single shift. */
export function gsmTablesFor(language: NationalLanguage): GsmTables {
  return TABLE_SETS[language];
}

/** The tables a received UDH names (IE 0x25 locking shift, IE 0x24 single shift); unknown ids fall back to default. */
function gsmTablesById(lockingShiftId: number | null, singleShiftId: number | null): GsmTables {
  // Almost every message uses the default tables: no lookup, no new object, on the trace's hot path.
  if (lockingShiftId === null && singleShiftId === null) return TABLE_SETS.none;
  const byId = (id: number | null) => Object.values(TABLE_SETS).find((t) => t.singleShiftId === id && id !== null);
  const locking = Object.values(TABLE_SETS).find((t) => t.lockingShiftId === lockingShiftId && lockingShiftId !== null);
  return {
    locking: locking?.locking ?? DEFAULT_ALPHABET,
    single: byId(singleShiftId)?.single ?? DEFAULT_EXTENSION,
    lockingShiftId: locking ? lockingShiftId : null,
    singleShiftId: byId(singleShiftId) ? singleShiftId : null,
  };
}

/** Character → septet maps for encoding, built once per table pair. */
export interface GsmEncoder {
  direct: ReadonlyMap<string, number>;
  escaped: ReadonlyMap<string, number>;
}

const encoders = new Map<GsmTables, GsmEncoder>();
export function gsmEncoderFor(tables: GsmTables): GsmEncoder {
  let encoder = encoders.get(tables);
  if (!encoder) {
    const direct = new Map<string, number>();
    [...tables.locking].forEach((char, septet) => {
      if (septet !== GSM_ESCAPE && !direct.has(char)) direct.set(char, septet);
    });
    const escaped = new Map<string, number>();
    for (const [septet, char] of Object.entries(tables.single)) if (!direct.has(char)) escaped.set(char, Number(septet));
    encoder = { direct, escaped };
    encoders.set(tables, encoder);
  }
  return encoder;
}

/** Decodes unpacked GSM septets with the tables a UDH named (default tables when none). */
export function decodeGsmWith(bytes: Uint8Array, lockingShiftId: number | null, singleShiftId: number | null): string {
  const tables = gsmTablesById(lockingShiftId, singleShiftId);
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const septet = bytes[i]!;
    if (septet === GSM_ESCAPE && i + 1 < bytes.length) {
      i += 1;
      text += tables.single[bytes[i]!] ?? tables.locking[bytes[i]!] ?? '\ufffd';
    } else text += septet < 0x80 && septet !== GSM_ESCAPE ? tables.locking[septet] : '\ufffd';
  }
  return text;
}
