// How a saved draft is named in the Recent drafts list: its text's start and where it went, which is what an
// engineer remembers a test message by; and a short note of what else it set, so two drafts with the same text
// but different encodings can be told apart before one is recalled.
import type { DraftContent } from '../../../shared/contract';
import { DEFAULT_COMPOSE_OPTIONS, ENCODING_CHOICES, nationalLanguageLabel, SPLIT_CHOICES } from './compose-options';

/** Characters of the text in a draft's name: enough to recognise it, short enough for a list row. */
export const LABEL_CHARS = 40;

/** "Recall draft: Hello there → 447700900123". Line breaks become spaces so the name stays one line. */
export function recallLabel(draft: DraftContent): string {
  const text = draft.text.replace(/\s+/g, ' ').trim();
  // By code point, so an emoji is never cut in half.
  const chars = [...text];
  const start = chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS).join('')}…` : text;
  return `Recall draft: ${start === '' ? '(no text)' : start} → ${draft.destinationAddr}`;
}

/** "UCS-2 · Turkish · SAR TLVs · 2 options", or '' for a draft at every default. */
export function draftSettings(draft: DraftContent): string {
  const notes: string[] = [];
  if (draft.encoding !== undefined && draft.encoding !== DEFAULT_COMPOSE_OPTIONS.encoding) {
    notes.push(ENCODING_CHOICES.find((choice) => choice.value === draft.encoding)?.label ?? draft.encoding);
  }
  if (draft.nationalLanguage !== undefined && draft.nationalLanguage !== DEFAULT_COMPOSE_OPTIONS.nationalLanguage) {
    notes.push(nationalLanguageLabel(draft.nationalLanguage));
  }
  if (draft.split !== undefined && draft.split !== DEFAULT_COMPOSE_OPTIONS.split) {
    notes.push(SPLIT_CHOICES.find((choice) => choice.value === draft.split)?.label ?? draft.split);
  }
  const options = draft.options === undefined ? 0 : Object.keys(draft.options).length;
  if (options > 0) notes.push(options === 1 ? '1 option' : `${options} options`);
  return notes.join(' · ');
}

/** When it was sent: the clock for today, the date (ISO order, as in SMSC logs) for older drafts. */
export function savedWhen(savedAt: number, now: number = Date.now()): string {
  const saved = new Date(savedAt);
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = `${pad(saved.getHours())}:${pad(saved.getMinutes())}`;
  if (saved.toDateString() === new Date(now).toDateString()) return clock;
  return `${saved.getFullYear()}-${pad(saved.getMonth() + 1)}-${pad(saved.getDate())} ${clock}`;
}
