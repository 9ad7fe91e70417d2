// SMPP's time format (v3.4 §7.1.1) for schedule_delivery_time and validity_period: YYMMDDhhmmsstnnp, where t is
// tenths of a second, nn the offset from UTC in quarter hours and p '+' or '-' (absolute), or 'R' with nn '00'
// for a relative time. The compose pane builds these from pickers; the main side checks whatever arrives.

export interface RelativeDuration {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Absolute time in UTC (offset 00+): unambiguous whatever the SMSC's own time zone. */
export function absoluteSmppTime(date: Date): string {
  return (
    two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate()) + two(date.getUTCHours()) +
    two(date.getUTCMinutes()) + two(date.getUTCSeconds()) + String(Math.floor(date.getUTCMilliseconds() / 100)) + '00+'
  );
}

/** Relative time, e.g. { hours: 2 } → 000000020000000R. */
export function relativeSmppTime(duration: RelativeDuration): string {
  const parts = [duration.years, duration.months, duration.days, duration.hours, duration.minutes, duration.seconds].map((n) => n ?? 0);
  const out = parts.find((n) => !Number.isInteger(n) || n < 0 || n > 99);
  if (out !== undefined) throw new RangeError(`each part of a relative time is 0–99 (got ${out})`);
  return `${parts.map(two).join('')}000R`;
}

const FORMAT = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d)(\d{2})([+\-R])$/;

/** Why a value is not an SMPP time, naming the part; null when it is one (or empty, meaning "none"). */
export function smppTimeProblem(value: string): string | null {
  if (value === '') return null;
  const match = FORMAT.exec(value);
  if (!match) return `${JSON.stringify(value)} is not YYMMDDhhmmsstnnp (16 characters, p = + - or R)`;
  const [, , month, day, hour, minute, second, , quarters, sign] = match as unknown as string[];
  if (sign === 'R') return quarters === '00' ? null : 'a relative time has 00 where the offset goes';
  if (Number(month) < 1 || Number(month) > 12) return `month ${month} is not 01–12`;
  if (Number(day) < 1 || Number(day) > 31) return `day ${day} is not 01–31`;
  if (Number(hour) > 23) return `hour ${hour} is not 00–23`;
  if (Number(minute) > 59 || Number(second) > 59) return 'minutes and seconds are 00–59';
  if (Number(quarters) > 48) return `offset ${quarters} quarter hours is more than 48`;
  return null;
}
