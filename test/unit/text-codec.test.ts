import { describe, expect, it } from 'vitest';
import { planMessage } from '../../shared/message-parts';
import { decodeGsm7, decodeShortMessage, decodeUcs2, encodeGsm7, encodeUcs2, gsmSeptetCost, TextEncodingError } from '../../shared/text-codec';

describe('choosing GSM 03.38 or UCS-2', () => {
  it('labels GSM text data_coding 0, never 1', () => {
    const m = planMessage('Hello @ £ $ ¥ è Ø Δ _ ¿ à');
    expect(m.encoding).toBe('gsm7');
    expect(m.dataCoding).toBe(0);
    expect(m.units).toBe(m.characters);
  });

  it.each(['€', '[', ']', '{', '}', '~', '^', '|', '\\'])('counts the extension character %s as two septets', (char) => {
    const m = planMessage(`a${char}b`);
    expect(m.encoding).toBe('gsm7');
    expect(m.units).toBe(4);
    expect(m.characters).toBe(3);
    expect(gsmSeptetCost(char)).toBe(2);
    expect(encodeGsm7(char)[0]).toBe(0x1b);
  });

  it('falls back to UCS-2 (data_coding 8) when one character does not fit, counting an emoji as two units', () => {
    expect(planMessage('Hi 😀')).toMatchObject({ encoding: 'ucs2', dataCoding: 8, characters: 4, units: 5 });
    expect(planMessage('Привет').encoding).toBe('ucs2');
    expect(gsmSeptetCost('П')).toBeNull();
  });

  it('knows one part holds 160 septets or 70 UCS-2 units', () => {
    expect(planMessage('a'.repeat(160)).parts).toBe(1);
    expect(planMessage('a'.repeat(161)).parts).toBe(2);
    expect(planMessage('€'.repeat(80)).parts).toBe(1);
    expect(planMessage(`${'€'.repeat(80)}a`).parts).toBe(2);
    expect(planMessage('П'.repeat(70)).parts).toBe(1);
    expect(planMessage('П'.repeat(71)).parts).toBe(2);
    expect(planMessage('😀'.repeat(35)).parts).toBe(1);
    expect(planMessage(`${'😀'.repeat(35)}a`).parts).toBe(2);
  });
});

describe('GSM 03.38 bytes', () => {
  it('encodes the default table by TS 23.038 positions', () => {
    expect([...encodeGsm7('@£$¥')]).toEqual([0x00, 0x01, 0x02, 0x03]);
    expect([...encodeGsm7('A a 0')]).toEqual([0x41, 0x20, 0x61, 0x20, 0x30]);
    expect([...encodeGsm7('¡§¿äà_Δ')]).toEqual([0x40, 0x5f, 0x60, 0x7b, 0x7f, 0x11, 0x10]);
    expect([...encodeGsm7('€[]{}')]).toEqual([0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x28, 0x1b, 0x29]);
  });

  it('round-trips every character it can carry', () => {
    const text = 'me@x.com $5 [a]_~ {ok} ^|\\ €10 ÄÖÑÜ§ äöñüà\nline';
    expect(decodeGsm7(encodeGsm7(text))).toBe(text);
  });

  it('refuses a character it cannot carry, naming it and its position — never replacing it', () => {
    expect(() => encodeGsm7('ab😀')).toThrow(TextEncodingError);
    expect(() => encodeGsm7('abП')).toThrow('"П" at position 3 is not in the GSM 03.38 alphabet');
  });
});

describe('decoding received text by data_coding', () => {
  it('reads 1 as IA5/ASCII and 0 as GSM, so an underscore survives in both', () => {
    expect(decodeShortMessage(Buffer.from('id:ab_12', 'latin1'), 1)).toBe('id:ab_12');
    expect(decodeShortMessage(encodeGsm7('id:ab_12'), 0)).toBe('id:ab_12');
  });
  it('reads 8 as UTF-16BE with surrogate pairs', () => {
    expect(decodeUcs2(encodeUcs2('Hi 😀'))).toBe('Hi 😀');
    expect(decodeShortMessage(encodeUcs2('Привет'), 8)).toBe('Привет');
  });
});
