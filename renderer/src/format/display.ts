// Small display formats shared by the regions. Fixed to en-US digits and a 24-hour clock: engineers compare
// these against SMSC logs, not against the desktop's locale conventions.

const countFormat = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** Epoch ms → local "HH:MM:SS.mmm". */
export function formatClock(time: number): string {
  const date = new Date(time);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${clock}.${pad(date.getMilliseconds(), 3)}`;
}

/** Long session ids shortened for select options and tables. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
