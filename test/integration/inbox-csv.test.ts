// The Inbox's CSV export, written by the console from the real database and read back through readExport as the
// renderer fetches it, then parsed by an RFC 4180 reader written here: the BOM, the header, quotes, newlines and
// commas inside fields, UTF-8 text, a matched receipt's columns, the formula guard, and a filter narrowing it.
import { afterEach, describe, expect, it } from 'vitest';
import { csvField } from '../../shared/csv';
import { CSV_HEADER } from '../../electron/core/store/inbox-csv';
import { inboxFixture } from '../support/inbox-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** RFC 4180: fields split by commas, records by CRLF; a quoted field may hold both, and "" is one quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field === '' && record.length === 0, 'the file ends with CRLF after its last record').toBe(true);
  return records;
}

async function exported(f: Awaited<ReturnType<typeof inboxFixture>>, request: Parameters<typeof f.services.handlers.exportInbox>[0]) {
  const result = await f.services.handlers.exportInbox(request);
  const octets: Buffer[] = [];
  for (let offset = 0; ; ) {
    const piece = await f.services.handlers.readExport({ exportId: result.exportId, offset, length: 64 });
    const chunk = Buffer.from(piece.base64, 'base64');
    if (chunk.length === 0) break;
    octets.push(chunk);
    offset += chunk.length;
    if (offset >= piece.total) break;
  }
  const file = Buffer.concat(octets);
  expect(file.length).toBe(result.octets);
  return { result, file, rows: parseCsv(file.toString('utf8').slice(1)) };
}

describe('inbox CSV export', () => {
  it('writes every column, quoting and guarding what needs it, UTF-8 with a BOM; parsed back it is what was received', async () => {
    const f = await inboxFixture(cleanups);
    const [a] = f.sessions;
    const awkward = 'Line one\r\nline "two", with commas; € Привет 😀';
    const mo = await f.mo(0, { from: '447700900001', to: '12345', text: awkward });
    const formula = await f.mo(1, { from: '+447700900002', to: '12345', text: '=HYPERLINK("http://x","click")' });
    await f.mo(1, { from: '1', to: '2', text: '@SUM(A1)' });
    await f.mo(1, { from: '1', to: '2', text: '-2+3' });
    const sent = await f.send(a, 'the message');
    const receipt = await f.receipt(0, { id: sent.smscMessageId!, stat: 'delivered', err: '000', text: 'the message' });
    await f.services.handlers.markInboxRead({ ids: [mo.id] });

    const { result, file, rows } = await exported(f, {});
    expect(result.fileName).toMatch(/^smpp-inbox-\d{8}-\d{6}\.csv$/);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.records).toBe(5);
    const [header, ...records] = rows;
    expect(header).toEqual([...CSV_HEADER]);
    expect(records.map((r) => r[0])).toEqual(
      [mo.id, formula.id, formula.id + 1, formula.id + 2, receipt.id].map(String), // oldest first, as received
    );
    const byColumn = (record: string[]) => Object.fromEntries(CSV_HEADER.map((name, i) => [name, record[i]]));
    expect(byColumn(records[0]!)).toMatchObject({
      session: a, kind: 'mo', read: 'yes', from: '447700900001', to: '12345', data_coding: '8', text: awkward,
      'receipt message_id': '', stat: '', parts: '1',
    });
    expect(new Date(byColumn(records[0]!).received_at!).getTime()).toBe(mo.receivedAt);
    expect(byColumn(records[0]!).received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // the guard: a leading apostrophe on what a spreadsheet would run as a formula
    expect(byColumn(records[1]!)).toMatchObject({ read: 'no', from: "'+447700900002", text: `'=HYPERLINK("http://x","click")` });
    expect(byColumn(records[2]!).text).toBe("'@SUM(A1)");
    expect(byColumn(records[3]!).text).toBe("'-2+3");
    expect(byColumn(records[4]!)).toMatchObject({
      kind: 'receipt', 'receipt message_id': sent.smscMessageId, stat: 'DELIVRD', 'stat as received': 'delivered', err: '000',
      'submit date': '2601011200', 'done date': '2601011201', 'receipt text': 'the message',
      'matched message id': sent.id, 'match rule': 'as-sent',
    });
    expect(byColumn(records[4]!).text).toMatch(/^id:M1 sub:001/);
  });

  it('exports only what a session and filter select', async () => {
    const f = await inboxFixture(cleanups);
    const [, b] = f.sessions;
    await f.mo(0, { from: '1', to: '2', text: 'not this session' });
    await f.mo(1, { from: '4477001', to: '2', text: 'yes' });
    await f.mo(1, { from: '3361', to: '2', text: 'other number' });
    await f.receipt(1, { id: 'R1', stat: 'DELIVRD', from: '4477002' });
    const { result, rows } = await exported(f, { sessionId: b, filter: { kind: 'mo', number: '4477*' } });
    expect(result.records).toBe(1);
    expect(rows.slice(1).map((r) => r[8])).toEqual(['yes']);
    const none = await exported(f, { filter: { stat: 'EXPIRED' } });
    expect(none.result.records).toBe(0);
    expect(none.rows).toEqual([[...CSV_HEADER]]);
  });

  it('quotes by RFC 4180 and guards tab and CR too', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('=1+1,2')).toBe(`"'=1+1,2"`);
    expect(csvField(null)).toBe('');
    expect(csvField(8)).toBe('8');
    expect(csvField('a=b')).toBe('a=b'); // only a leading one is a formula
  });

  it('an unknown export id is refused naming the field', async () => {
    const f = await inboxFixture(cleanups);
    const outcome = await f.services.call('readExport', { exportId: 'nope', offset: 0, length: 10 });
    expect(outcome).toMatchObject({ ok: false, error: { field: 'exportId' } });
  });
});
