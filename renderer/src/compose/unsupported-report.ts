// Characters a forced GSM 03.38, IA5 or Latin-1 cannot carry (or, for binary, that are not hex octets): how
// they are named in the alert and where they are marked in the mirror of the text. Nothing is replaced: the
// engineer sees each one and decides (another encoding, or an edit).
import type { NationalLanguage } from '../../../shared/contract';
import type { UnsupportedCharacter } from '../../../shared/message-parts';
import { encodingName, nationalLanguageLabel } from './compose-options';

/** Pasted texts hide these: a no-break space looks like a space, a zero-width one like nothing at all. */
const INVISIBLE = /^[\p{White_Space}\p{C}]$/u;
/** Enough to find them; a text full of them is summarised rather than listed. */
const MAX_CHARACTERS_NAMED = 4;
const MAX_POSITIONS_NAMED = 5;
/** A mirror of a long text with thousands of marks helps nobody and costs a render per keystroke. */
export const MAX_MARKS = 200;

export function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function isInvisible(char: string): boolean {
  return INVISIBLE.test(char);
}

/** `"😀"`, or the code point for a character that would show as nothing (or as an ordinary space). */
export function nameCharacter(char: string): string {
  return isInvisible(char) ? codePointOf(char) : `"${char}"`;
}

/** Positions count from 1, by code point, as a person counts characters. */
export function positionOf(character: UnsupportedCharacter): number {
  return character.index + 1;
}

/** What is wrong with a character the charset cannot carry, short: "not in GSM 03.38", "not part of a hex octet". */
export function unsupportedPhrase(charset: string): string {
  return charset === 'binary' ? 'not part of a hex octet' : `not in ${encodingName(charset)}`;
}

/**
 * `"😀" at position 3 cannot be sent in GSM 03.38 (choose UCS-2 or Auto)`, grouped by character. `charset` is
 * the forced one that cannot carry them (GSM 03.38, IA5, Latin-1); national tables only ever extend GSM's. For
 * binary, typed as hex, they are the characters that are not hex digits or lack their pair.
 */
export function describeUnsupported(
  unsupported: readonly UnsupportedCharacter[],
  language: NationalLanguage,
  charset = 'gsm7',
): string {
  const positions = new Map<string, number[]>();
  for (const character of unsupported) {
    const list = positions.get(character.char) ?? [];
    list.push(positionOf(character));
    positions.set(character.char, list);
  }
  const groups = [...positions].slice(0, MAX_CHARACTERS_NAMED).map(([char, at]) => `${nameCharacter(char)} ${atPositions(at)}`);
  const others = positions.size - groups.length;
  if (others > 0) groups.push(`${others} other ${others === 1 ? 'character' : 'characters'}`);
  if (charset === 'binary') return `${joinWords(groups)} cannot be read as hex octets (type binary as pairs of hex digits)`;
  const tables =
    charset !== 'gsm7' || language === 'none'
      ? encodingName(charset)
      : `GSM 03.38 with the ${nationalLanguageLabel(language)} tables`;
  return `${joinWords(groups)} cannot be sent in ${tables} (choose UCS-2 or Auto)`;
}

function atPositions(positions: number[]): string {
  if (positions.length === 1) return `at position ${positions[0]}`;
  const shown = positions.slice(0, MAX_POSITIONS_NAMED).map(String);
  const more = positions.length - shown.length;
  return `at positions ${more > 0 ? `${shown.join(', ')} and ${more} more` : joinWords(shown)}`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export type MirrorSegment = { kind: 'text'; text: string } | { kind: 'mark'; char: string; position: number };

/** The text cut into plain runs and marked characters, in order; only the first MAX_MARKS are marked. */
export function mirrorSegments(text: string, unsupported: readonly UnsupportedCharacter[]): MirrorSegment[] {
  const chars = [...text];
  const segments: MirrorSegment[] = [];
  let from = 0;
  for (const character of unsupported.slice(0, MAX_MARKS)) {
    if (character.index > from) segments.push({ kind: 'text', text: chars.slice(from, character.index).join('') });
    segments.push({ kind: 'mark', char: character.char, position: positionOf(character) });
    from = character.index + 1;
  }
  if (from < chars.length) segments.push({ kind: 'text', text: chars.slice(from).join('') });
  return segments;
}
