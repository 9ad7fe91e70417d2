// A load run's CSV: RFC 4180 quoting, an optional header, bad rows reported by the line they start on (the rest
// still sent), and the limits that refuse a file whole.
import { describe, expect, it } from 'vitest';
import { LOAD_LIMITS } from '../../shared/contract';
import { LoadCsvError, parseLoadCsv } from '../../electron/core/load/load-csv';

describe('load CSV', () => {
  it('reads destination,text rows, with or without a header, CRLF or LF, a BOM and blank lines', () => {
    const plain = parseLoadCsv('447700900001,Hello\n447700900002,World\n');
    expect(plain.rows).toEqual([
      { line: 1, destinationAddr: '447700900001', text: 'Hello' },
      { line: 2, destinationAddr: '447700900002', text: 'World' },
    ]);
    expect(plain.errors).toEqual([]);

    const headed = parseLoadCsv('\ufeffdestination,text\r\n\r\n447700900001,Hi\r\n');
    expect(headed.rows).toEqual([{ line: 3, destinationAddr: '447700900001', text: 'Hi' }]);
    // A header is only the first record: the same word later is a bad destination, not a second header.
    expect(parseLoadCsv('1,a\nnumber,text\n').errors).toEqual([]);
    expect(parseLoadCsv('1,a\nnumber,text\n').rows[1]).toMatchObject({ destinationAddr: 'number' });
  });

  it('follows RFC 4180 quoting: commas, doubled quotes and line breaks inside a quoted field', () => {
    const { rows, errors } = parseLoadCsv('"447700900001","Hello, ""world"""\n447700900002,"two\nlines"\n447700900003,after\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 1, destinationAddr: '447700900001', text: 'Hello, "world"' },
      { line: 2, destinationAddr: '447700900002', text: 'two\nlines' },
      // Counted from the physical lines: the quoted break moved this record to line 4.
      { line: 4, destinationAddr: '447700900003', text: 'after' },
    ]);
    // Text is kept as written (spaces and all); the destination is trimmed.
    expect(parseLoadCsv(' 447700900001 , spaced \n').rows[0]).toMatchObject({ destinationAddr: '447700900001', text: ' spaced ' });
  });

  it('reports each bad row with its line and why, and keeps the good ones', () => {
    const csv = [
      'destination,text',
      '447700900001,ok',
      '447700900002',
      '447700900003,one,two',
      ',no destination',
      '123456789012345678901,too long',
      '4477 00900006,space',
      '"447700900007"x,stray',
      '447700900008,fine',
    ].join('\n');
    const { rows, errors } = parseLoadCsv(csv);
    expect(rows.map((r) => [r.line, r.destinationAddr])).toEqual([
      [2, '447700900001'],
      [9, '447700900008'],
    ]);
    expect(errors).toEqual([
      { line: 3, message: 'expected destination,text — found one field' },
      { line: 4, message: 'expected destination,text — found 3 fields (quote a text that holds commas: "like, this")' },
      { line: 5, message: 'destination: required' },
      { line: 6, message: 'destination: at most 20 characters (destination_addr is a C-Octet String of 21 octets with its NUL)' },
      { line: 7, message: 'destination: one address per row (no spaces or semicolons)' },
      { line: 8, message: 'characters after a closing quote (a quote inside a field is written "")' },
    ]);
  });

  it('says where an unclosed quote opened', () => {
    const { rows, errors } = parseLoadCsv('447700900001,ok\n447700900002,"never closed\n447700900003,lost\n');
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 2, message: 'a quoted field opened on line 2 is not closed (the rest of the file was read as that field)' }]);
  });

  it('checks the text limit per row, and refuses a file past the row limit whole', () => {
    const long = 'x'.repeat(LOAD_LIMITS.maxTextCharacters + 1);
    expect(parseLoadCsv(`447700900001,${long}\n447700900002,short\n`).errors).toEqual([{ line: 1, message: 'text: at most 65,536 characters' }]);

    const atLimit = Array.from({ length: LOAD_LIMITS.maxCsvRows }, (_, i) => `4477${String(i).padStart(8, '0')},m`).join('\n');
    expect(parseLoadCsv(`destination,text\n${atLimit}\n`).rows).toHaveLength(LOAD_LIMITS.maxCsvRows);
    const over = () => parseLoadCsv(`${atLimit}\n447700900001,one too many\n`);
    expect(over).toThrow(LoadCsvError);
    expect(over).toThrow('CSV file: 100,000 rows at most (line 100001 is past that)');
  });
});
