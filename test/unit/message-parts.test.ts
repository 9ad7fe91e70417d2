// Long messages against smpp-notes.md and 3GPP TS 23.038/23.040: per-part capacities, boundaries that must not
// split an escape pair or a surrogate pair, national language tables, and encode → split → reassemble.
import { describe, expect, it } from 'vitest';
import type { NationalLanguage, SplitMethod } from '../../shared/contract';
import { decodeGsmWith, gsmTablesFor } from '../../shared/gsm-tables';
import { parseUdh, planMessage, splitMessage, MessageSplitError, type PartOptions, type WireEncoding } from '../../shared/message-parts';
import { decodeUcs2 } from '../../shared/text-codec';

describe('tables', () => {
  it.each(['none', 'turkish', 'spanish', 'portuguese'] as NationalLanguage[])('%s locking table has 128 positions with the escape at 0x1B', (language) => {
    const tables = gsmTablesFor(language);
    expect([...tables.locking]).toHaveLength(128);
    expect(tables.locking[0x1b]).toBe('\u001b');
  });
  it('places national characters where TS 23.038 annex A puts them', () => {
    expect(gsmTablesFor('turkish').locking[0x07]).toBe('ı');
    expect(gsmTablesFor('turkish').locking[0x40]).toBe('İ');
    expect(gsmTablesFor('turkish').single[0x53]).toBe('Ş');
    expect(gsmTablesFor('spanish').single[0x41]).toBe('Á');
    expect(gsmTablesFor('portuguese').locking[0x60]).toBe('~');
    expect(gsmTablesFor('portuguese').single[0x7f]).toBe('â');
  });
});

describe('capacities', () => {
  it('GSM: 160 in one part, 161 in two of up to 153 (8-bit reference) or 152 (16-bit)', () => {
    expect(planMessage('a'.repeat(160))).toMatchObject({ parts: 1, perPart: 160, roomLeft: 0 });
    expect(planMessage('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153, roomLeft: 145 });
    expect(planMessage('a'.repeat(306))).toMatchObject({ parts: 2, roomLeft: 0 });
    expect(planMessage('a'.repeat(307))).toMatchObject({ parts: 3 });
    expect(planMessage('a'.repeat(305), { split: 'udh16' })).toMatchObject({ parts: 3, perPart: 152 });
    expect(planMessage('a'.repeat(304), { split: 'udh16' })).toMatchObject({ parts: 2 });
  });
  it('UCS-2: 70 in one part, 71 in two of up to 67 (8-bit reference) or 66 (16-bit)', () => {
    expect(planMessage('П'.repeat(70))).toMatchObject({ encoding: 'ucs2', parts: 1, perPart: 70 });
    expect(planMessage('П'.repeat(71))).toMatchObject({ parts: 2, perPart: 67 });
    expect(planMessage('П'.repeat(133), { split: 'udh16' })).toMatchObject({ parts: 3, perPart: 66 });
  });
  it('message_payload sends any length as one', () => {
    expect(planMessage('a'.repeat(1000), { split: 'payload' })).toMatchObject({ parts: 1, units: 1000 });
  });
  it('a national language table costs UDH room in every part', () => {
    // Spanish: a single-shift IE (3 octets + UDHL) leaves 155 septets; Turkish: locking and single shift, 152
    expect(planMessage('á'.repeat(10), { nationalLanguage: 'spanish' })).toMatchObject({ encoding: 'gsm7', parts: 1, perPart: 155 });
    expect(planMessage('ş'.repeat(10), { nationalLanguage: 'turkish' })).toMatchObject({ encoding: 'gsm7', parts: 1, perPart: 152 });
    expect(planMessage('ş'.repeat(10))).toMatchObject({ encoding: 'ucs2' });
  });
});

describe('boundaries', () => {
  it('never splits a GSM escape pair: € that would straddle 153 moves whole to the next part', () => {
    const { parts } = splitMessage(`${'a'.repeat(152)}€${'b'.repeat(10)}`, 7);
    expect(parts[0]!.payload).toHaveLength(152);
    expect([...parts[1]!.payload.subarray(0, 2)]).toEqual([0x1b, 0x65]);
  });
  it('never splits a surrogate pair: an emoji at the 67-unit boundary moves whole', () => {
    const { parts } = splitMessage(`${'П'.repeat(66)}😀${'П'.repeat(10)}`, 7);
    expect(parts[0]!.payload).toHaveLength(132);
    expect(decodeUcs2(parts[1]!.payload).startsWith('😀')).toBe(true);
  });
  it('numbers parts under one reference: 05 00 03 ref total seq, and 06 08 04 rH rL total seq', () => {
    const eight = splitMessage('a'.repeat(400), 0x1a).parts;
    expect(eight.map((p) => [...p.udh!])).toEqual([1, 2, 3].map((seq) => [5, 0, 3, 0x1a, 3, seq]));
    const sixteen = splitMessage('a'.repeat(400), 0x1a2b, { split: 'udh16' }).parts;
    expect([...sixteen[2]!.udh!]).toEqual([6, 8, 4, 0x1a, 0x2b, 3, 3]);
    const sar = splitMessage('a'.repeat(400), 0x1a2b, { split: 'sar' }).parts;
    expect(sar.map((p) => p.sar)).toEqual([1, 2, 3].map((sequence) => ({ reference: 0x1a2b, total: 3, sequence })));
    expect(sar.every((p) => p.udh === null)).toBe(true);
  });
  it('refuses a character the forced GSM tables cannot carry, naming it — never replacing it', () => {
    expect(planMessage('ab😀', { encoding: 'gsm7' }).unsupported).toEqual([{ char: '😀', index: 2 }]);
    expect(() => splitMessage('ab😀', 1, { encoding: 'gsm7' })).toThrow(MessageSplitError);
    expect(() => splitMessage('ab😀', 1, { encoding: 'gsm7' })).toThrow('"😀" at position 3');
  });
});

describe('IA5, Latin-1 and 8-bit binary', () => {
  it('IA5 is 7-bit (160 a part), Latin-1 and binary 8-bit (140, then 134 and 133)', () => {
    expect(planMessage('a'.repeat(160), { encoding: 'ia5' })).toMatchObject({ encoding: 'ia5', dataCoding: 1, parts: 1, perPart: 160 });
    expect(planMessage('é'.repeat(140), { encoding: 'latin1' })).toMatchObject({ dataCoding: 3, parts: 1, perPart: 140, unitName: 'octets' });
    expect(planMessage('é'.repeat(141), { encoding: 'latin1' })).toMatchObject({ parts: 2, perPart: 134 });
    expect(planMessage('ab'.repeat(141), { encoding: 'binary', split: 'udh16' })).toMatchObject({ dataCoding: 4, parts: 2, perPart: 133 });
  });
  it('names what the encoding cannot carry', () => {
    expect(() => splitMessage('café €', 1, { encoding: 'latin1' })).toThrow('"€" at position 6 is not Latin-1');
    expect(() => splitMessage('café', 1, { encoding: 'ia5' })).toThrow('"é" at position 4 is not IA5/ASCII');
    expect(() => splitMessage('de ad b', 1, { encoding: 'binary' })).toThrow('"b" at position 7 is not a hex digit (or lacks its pair)');
    expect(planMessage('zz', { encoding: 'binary' }).unsupported).toEqual([{ char: 'z', index: 0 }, { char: 'z', index: 1 }]);
  });
  it('round-trips binary octets and Latin-1 text across parts', () => {
    const octets = Array.from({ length: 300 }, (_, i) => i & 0xff);
    const hex = octets.map((o) => o.toString(16).padStart(2, '0')).join(' ');
    const { parts } = splitMessage(hex, 9, { encoding: 'binary' });
    expect(parts.flatMap((p) => [...p.payload])).toEqual(octets);
    const latin = 'Crème brûlée à la française, s’il vous plaît. '.replace('’', "'").repeat(5);
    const latinParts = splitMessage(latin, 9, { encoding: 'latin1', split: 'sar' }).parts;
    expect(latinParts.map((p) => String.fromCharCode(...p.payload)).join('')).toBe(latin);
  });
});

describe('data_coding 0 on an SMSC that reads it as Latin-1', () => {
  it('sends the Latin-1 octets under data_coding 0, and falls to UCS-2 under Auto for what Latin-1 lacks', () => {
    const { plan, parts } = splitMessage('café_€', 1, { defaultAlphabet: 'latin1', encoding: 'auto' });
    expect(plan).toMatchObject({ encoding: 'ucs2', dataCoding: 8 });
    const latin = splitMessage('café_[x]', 1, { defaultAlphabet: 'latin1' });
    expect(latin.plan).toMatchObject({ encoding: 'gsm7', dataCoding: 0, units: 8 });
    expect([...latin.parts[0]!.payload]).toEqual([...Buffer.from('café_[x]', 'latin1')]);
    expect(parts).toHaveLength(1);
    expect(() => splitMessage('Δ', 1, { defaultAlphabet: 'latin1', encoding: 'gsm7' })).toThrow('"Δ" at position 1 has no Latin-1 octet, and this SMSC reads data_coding 0 as Latin-1 (profile)');
  });
});

describe('round trip: encode → split → reassemble, every encoding × every split method', () => {
  const binaryOctets = Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
  const cases: Array<[string, string, PartOptions, WireEncoding]> = [
    ['GSM 03.38', 'The quick brown fox [jumps] over {the} lazy dog €5 ~ ^ | \\ '.repeat(9), {}, 'gsm7'],
    ['GSM + Turkish', "Şişli'de ığdır çok güzel, İstanbul. ".repeat(8), { nationalLanguage: 'turkish' }, 'gsm7'],
    ['GSM + Spanish', '¿Dónde está la estación? Árbol, ración. '.repeat(8), { nationalLanguage: 'spanish' }, 'gsm7'],
    ['GSM + Portuguese', 'Não há ação sem informação: ÇÃÕ âêô. '.repeat(8), { nationalLanguage: 'portuguese' }, 'gsm7'],
    ['IA5', 'Plain ASCII with_underscores and @ signs. '.repeat(8), { encoding: 'ia5' }, 'ia5'],
    ['Latin-1', "Crème brûlée à la française, s'il vous plaît. ".repeat(6), { encoding: 'latin1' }, 'latin1'],
    ['UCS-2', 'Привет, мир! 😀 Это длинное сообщение. '.repeat(6), {}, 'ucs2'],
    ['binary', binaryOctets.map((o) => o.toString(16).padStart(2, '0')).join(' '), { encoding: 'binary' }, 'binary'],
  ];
  const decode = (encoding: WireEncoding, payload: Uint8Array, udh: ReturnType<typeof parseUdh>) => {
    if (encoding === 'gsm7') return decodeGsmWith(payload, udh?.lockingShiftId ?? null, udh?.singleShiftId ?? null);
    if (encoding === 'ucs2') return decodeUcs2(payload);
    if (encoding === 'binary') return [...payload].map((o) => o.toString(16).padStart(2, '0')).join(' ');
    return String.fromCharCode(...payload);
  };
  for (const [name, text, options, encoding] of cases) {
    for (const split of ['udh8', 'udh16', 'sar', 'payload'] as SplitMethod[]) {
      it(`${name} via ${split}`, () => {
        const { plan, parts } = splitMessage(text, 0x42, { ...options, split });
        expect(plan.encoding).toBe(encoding);
        expect(parts).toHaveLength(plan.parts);
        // every text here needs parts, except where message_payload carries it whole
        expect(plan.parts > 1).toBe(split !== 'payload');
        const ordered = parts
          .map((part) => ({ part, udh: part.udh ? parseUdh(Uint8Array.from([...part.udh, ...part.payload])) : null }))
          .sort((a, b) => (a.udh?.concat?.sequence ?? a.part.sar?.sequence ?? 0) - (b.udh?.concat?.sequence ?? b.part.sar?.sequence ?? 0));
        expect(ordered.map(({ part, udh }) => decode(encoding, part.payload, udh)).join(encoding === 'binary' ? ' ' : '')).toBe(text);
      });
    }
  }
});
