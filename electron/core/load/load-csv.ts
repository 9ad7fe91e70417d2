// A load run's CSV of destination,text rows (RFC 4180: fields may be quoted, "" is a quote inside one, a quoted
// field may hold commas and line breaks; CRLF or LF between records; an optional header row). A bad row is reported
// with the line it starts on and the rest are still sent — a file of thousands of numbers exported from somewhere
// else always has a few; only a file past the limits is refused whole, because then it is not the file meant.
import { LOAD_LIMITS } from '../../../shared/contract';
import { maxCharacters } from '../../../shared/smpp-limits';

export interface LoadCsvRow {
  /** The physical line the record starts on (1-based), for reports. */
  line: number;
  destinationAddr: string;
  text: string;
}

export interface LoadCsv {
  rows: LoadCsvRow[];
  /** Every bad row, in order (never more than the row limit). */
  errors: Array<{ line: number; message: string }>;
}

export class LoadCsvError extends Error {}

/** A first record whose destination cell says this is a header, not a number. */
const HEADER_WORDS = new Set(['destination', 'destination_addr', 'destinationaddr', 'dest', 'to', 'msisdn', 'number', 'phone', 'recipient']);
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MAX_DESTINATION_CHARACTERS = maxCharacters('destination_addr');

export function parseLoadCsv(csv: string): LoadCsv {
  const rows: LoadCsvRow[] = [];
  const errors: LoadCsv['errors'] = [];
  let first = true;
  for (const record of records(csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv)) {
    if (record.problem === null && record.fields.length === 1 && record.fields[0] === '') continue; // a blank line
    const isFirst = first;
    first = false;
    if (isFirst && HEADER_WORDS.has((record.fields[0] ?? '').trim().toLowerCase())) continue;
    if (rows.length + errors.length >= LOAD_LIMITS.maxCsvRows) {
      throw new LoadCsvError(`CSV file: ${LOAD_LIMITS.maxCsvRows.toLocaleString('en')} rows at most (line ${record.line} is past that)`);
    }
    const problem = record.problem ?? rowProblem(record.fields);
    if (problem !== null) errors.push({ line: record.line, message: problem });
    else rows.push({ line: record.line, destinationAddr: record.fields[0]!.trim(), text: record.fields[1]! });
  }
  return { rows, errors };
}

function rowProblem(fields: string[]): string | null {
  if (fields.length !== 2) {
    return fields.length < 2
      ? 'expected destination,text — found one field'
      : `expected destination,text — found ${fields.length} fields (quote a text that holds commas: "like, this")`;
  }
  const destination = fields[0]!.trim();
  const text = fields[1]!;
  if (destination === '') return 'destination: required';
  if (destination.length > MAX_DESTINATION_CHARACTERS) {
    return `destination: at most ${MAX_DESTINATION_CHARACTERS} characters (destination_addr is a C-Octet String of 21 octets with its NUL)`;
  }
  if (!PRINTABLE_ASCII.test(destination)) return 'destination: only printable ASCII characters are allowed in destination_addr';
  // One message per row: a space or ; inside would make the console send to several recipients.
  if (/[\s;]/.test(destination)) return 'destination: one address per row (no spaces or semicolons)';
  if (text.length > LOAD_LIMITS.maxTextCharacters) return `text: at most ${LOAD_LIMITS.maxTextCharacters.toLocaleString('en')} characters`;
  return null;
}

interface CsvRecord {
  line: number;
  fields: string[];
  problem: string | null;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** The records of a CSV, each with the line it starts on; a malformed one carries why instead of being dropped. */
function* records(csv: string): Generator<CsvRecord> {
  let at = 0;
  let line = 1;
  while (at < csv.length) {
    const start = line;
    const fields: string[] = [];
    let problem: string | null = null;
    for (;;) {
      let value: string;
      if (csv.charCodeAt(at) === QUOTE) {
        // A quoted field: up to the quote not followed by another; "" is one quote; line breaks count as lines.
        let end = at + 1;
        let parts = '';
        for (;;) {
          const next = csv.indexOf('"', end);
          if (next < 0) {
            problem ??= `a quoted field opened on line ${line} is not closed (the rest of the file was read as that field)`;
            parts += csv.slice(end);
            end = csv.length;
            break;
          }
          parts += csv.slice(end, next);
          if (csv.charCodeAt(next + 1) === QUOTE) {
            parts += '"';
            end = next + 2;
            continue;
          }
          end = next + 1;
          break;
        }
        line += countLineBreaks(parts);
        value = parts;
        at = end;
        // Anything between the closing quote and the next comma or line break is not RFC 4180.
        const stop = fieldEnd(csv, at);
        if (stop > at) {
          problem ??= 'characters after a closing quote (a quote inside a field is written "")';
          value += csv.slice(at, stop);
          at = stop;
        }
      } else {
        const stop = fieldEnd(csv, at);
        value = csv.slice(at, stop);
        at = stop;
      }
      fields.push(value);
      if (csv.charCodeAt(at) === COMMA) {
        at += 1;
        continue;
      }
      break;
    }
    // The record ends at a line break (CRLF, LF or a lone CR) or at the end of the file.
    if (csv.charCodeAt(at) === CR) at += 1;
    if (csv.charCodeAt(at) === LF) at += 1;
    line += 1;
    yield { line: start, fields, problem };
  }
}

/** Where an unquoted field ends: the next comma or line break, or the end. */
function fieldEnd(csv: string, from: number): number {
  for (let i = from; i < csv.length; i += 1) {
    const code = csv.charCodeAt(i);
    if (code === COMMA || code === LF || code === CR) return i;
  }
  return csv.length;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return count;
}
