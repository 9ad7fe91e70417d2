// The Schedule delivery and Validity period pickers: how the engineer says a time (a moment, a duration, or the
// SMPP string itself) and the SMPP time string it becomes. Each mode keeps its own inputs, so switching modes to
// compare does not lose what was typed.
import { absoluteSmppTime, relativeSmppTime, smppTimeProblem } from '../../../shared/smpp-time';
import type { Choice } from './compose-options';

export type TimeMode = 'none' | 'at' | 'after' | 'raw';

export interface TimePick {
  mode: TimeMode;
  /** A datetime-local value ("2026-11-25T18:30"), in the desktop's own time zone. */
  at: string;
  days: string;
  hours: string;
  minutes: string;
  /** YYMMDDhhmmsstnnp as typed. */
  raw: string;
}

export type DurationPart = 'days' | 'hours' | 'minutes';

export const NO_TIME: TimePick = { mode: 'none', at: '', days: '', hours: '', minutes: '', raw: '' };

export const TIME_MODE_CHOICES: readonly Choice<TimeMode>[] = [
  { value: 'none', label: 'None' },
  { value: 'at', label: 'At a time' },
  { value: 'after', label: 'After a duration' },
  { value: 'raw', label: 'Raw SMPP time' },
];

export const DURATION_PARTS: readonly { part: DurationPart; label: string }[] = [
  { part: 'days', label: 'Days' },
  { part: 'hours', label: 'Hours' },
  { part: 'minutes', label: 'Minutes' },
];

export interface ResolvedTime {
  /** The SMPP time string to send; '' for none (or while the pick is unusable). */
  value: string;
  /** Why the pick does not make an SMPP time yet, or null. */
  problem: string | null;
}

export function resolveTimePick(pick: TimePick): ResolvedTime {
  switch (pick.mode) {
    case 'none':
      return { value: '', problem: null };
    case 'at':
      return resolveMoment(pick.at);
    case 'after':
      return resolveDuration(pick);
    case 'raw':
      return { value: pick.raw, problem: smppTimeProblem(pick.raw) };
  }
}

/** The local time picked, sent as UTC (offset 00+) so the SMSC's own time zone cannot shift it. */
function resolveMoment(at: string): ResolvedTime {
  if (at === '') return { value: '', problem: 'pick a date and time' };
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return { value: '', problem: `${JSON.stringify(at)} is not a date and time` };
  return { value: absoluteSmppTime(date), problem: null };
}

function resolveDuration(pick: TimePick): ResolvedTime {
  const parts = DURATION_PARTS.map(({ part }) => (pick[part].trim() === '' ? 0 : Number(pick[part])));
  const [days = 0, hours = 0, minutes = 0] = parts;
  if (parts.every((n) => n === 0)) return { value: '', problem: 'give days, hours or minutes' };
  try {
    return { value: relativeSmppTime({ days, hours, minutes }), problem: null };
  } catch (error) {
    return { value: '', problem: error instanceof Error ? error.message : String(error) };
  }
}
