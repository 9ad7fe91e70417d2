// CSV fields as RFC 4180 writes them (quoted when they hold a comma, a quote — doubled inside — CR or LF), for every
// file the console writes: the inbox export on the host, a load run's summary in the renderer.
//
// Formula injection: a spreadsheet runs a cell that begins with = + - or @ as a formula, and an MO's text is
// whatever its sender typed (=HYPERLINK(…), =cmd|…). Every such cell — tab and CR too, which some spreadsheets
// strip before looking — gets a leading apostrophe, which spreadsheets show as text. The price: an address written
// +447700900123 reads '+447700900123 in the file. (OWASP's "CSV Injection" advice.)

const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it, with the formula guard applied first. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_STARTS.has(value.charAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
