// Filters, counts and paging over a trace store seeded with a million rows (seeded once for this file): every
// answer checked against a brute-force count over what was seeded, and the SQL's meaning checked against the
// shared predicate that decides live rows. Speed is the benchmark's to show (npm run bench), not this test's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceDirection } from '../../shared/contract';
import { canonicalFilter, matchesTraceFilter, type TraceFilter } from '../../shared/trace-filter';
import { commandIdOf, statusName } from '../../electron/core/smpp/smpp-tables';
import { openTraceDatabase, TraceDb, type TraceRecord } from '../../electron/core/trace/store/trace-db';
import { TraceQueries } from '../../electron/core/trace/store/trace-query';

const N = 1_000_000;
const COMMANDS = ['submit_sm', 'submit_sm_resp', 'deliver_sm', 'deliver_sm_resp', 'enquire_link', 'enquire_link_resp'] as const;
const BASE_TIME = Date.UTC(2026, 11, 1, 12, 0, 0);

/** Row `id` of the seeded trace: every field a pure function of the id, so any answer can be recomputed. */
function seeded(id: number): TraceRecord {
  const command = COMMANDS[id % COMMANDS.length]!;
  const response = command.endsWith('_resp');
  const status = response && id % 97 === 0 ? 0x58 : 0;
  const addressed = command === 'submit_sm' || command === 'deliver_sm';
  return {
    id, sessionId: `s${id % 3}`, time: BASE_TIME + id, direction: (response ? 'in' : 'out') as TraceDirection, commandId: commandIdOf(command),
    commandName: command, commandStatus: status, statusName: statusName(status), sequenceNumber: id % 100_000, length: 40,
    summary: `Hello ${id % 5000} from 4477009${String(id % 1000).padStart(3, '0')}`, problem: null,
    smscMessageId: command === 'submit_sm_resp' ? id.toString(16) : null,
    sourceAddr: addressed ? `4477009${String(id % 1000).padStart(3, '0')}` : null, destinationAddr: addressed ? '100' : null,
    requestId: response ? id - 1 : null, responseId: null, outcome: null, responseStatus: null, responseStatusName: null,
    rttMs: response ? (id % 5000) / 10 : null, bytes: new Uint8Array(4),
  };
}

/** Brute force over the seeded ids 1…upTo: the ids a filter matches, by the shared predicate. */
function matching(filter: TraceFilter, upTo = N): number[] {
  const canonical = canonicalFilter(filter);
  const ids: number[] = [];
  for (let id = 1; id <= upTo; id += 1) if (matchesTraceFilter(seeded(id), canonical)) ids.push(id);
  return ids;
}

let dir: string;
let db: DatabaseSync;
let trace: TraceDb;
let queries: TraceQueries;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smpp-console-million-'));
  db = openTraceDatabase(dir, 'NORMAL');
  trace = new TraceDb(db);
  queries = new TraceQueries(db);
  const chunk = 20_000;
  for (let start = 1; start <= N; start += chunk) {
    trace.append(Array.from({ length: Math.min(chunk, N - start + 1) }, (_, i) => ({ record: seeded(start + i) })));
  }
}, 180_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a million stored PDUs', () => {
  it('unfiltered: counts all, and any offset pages the rows at that position', () => {
    const { total, snapshotId } = queries.count({}, 'time');
    expect([total, snapshotId]).toEqual([N, N]);
    for (const offset of [0, 1, 511_234, N - 200]) {
      expect(queries.page({}, 'time', snapshotId, offset, 200).map((r) => r.id)).toEqual(Array.from({ length: 200 }, (_, i) => offset + i + 1));
    }
    expect(queries.page({}, 'time', snapshotId, N, 200)).toEqual([]);
  });

  it('command and status: counted, and paged at any offset, exactly as a brute-force pass finds them', () => {
    const filter: TraceFilter = { commands: ['submit_sm_resp'], status: { kind: 'equals', value: 0x58 } };
    const expected = matching(filter);
    const { total, snapshotId } = queries.count(filter, 'time');
    expect(total).toBe(expected.length);
    for (const offset of [0, 1023, 1024, Math.floor(total / 2), total - 5]) {
      expect(queries.page(filter, 'time', snapshotId, offset, 50).map((r) => r.id)).toEqual(expected.slice(offset, offset + 50));
    }
  });

  it('errors only, a session, a direction, an address prefix, a time range, free text — alone and together', { timeout: 90_000 }, () => {
    const filters: TraceFilter[] = [
      { status: { kind: 'errors' } },
      { sessionIds: ['s1'], commands: ['deliver_sm'] },
      { directions: ['in'], status: { kind: 'errors' } },
      { address: '4477009123' },
      { address: '44770091*', sessionIds: ['s2'] },
      { timeFrom: BASE_TIME + 400_000, timeTo: BASE_TIME + 400_999, commands: ['submit_sm', 'submit_sm_resp'] },
      { text: 'hello 4999 FROM' },
      { sequenceNumber: 4242 },
    ];
    for (const filter of filters) {
      const expected = matching(filter);
      const { total, snapshotId } = queries.count(filter, 'time');
      expect([JSON.stringify(filter), total]).toEqual([JSON.stringify(filter), expected.length]);
      const middle = Math.max(0, Math.floor(total / 2) - 10);
      const rows = queries.page(filter, 'time', snapshotId, middle, 20);
      expect(rows.map((r) => r.id)).toEqual(expected.slice(middle, middle + 20));
      // what SQL returned, the shared predicate accepts: live rows and stored rows mean the same
      for (const row of rows) expect(matchesTraceFilter(row, canonicalFilter(filter))).toBe(true);
    }
  });

  it('finds a message_id whatever its case or leading zeros, and where a row sits in a view', () => {
    const id = 777_781; // a submit_sm_resp (id % 6 === 1)
    expect(seeded(id).commandName).toBe('submit_sm_resp');
    const { total, snapshotId } = queries.count({ smscMessageId: `000${id.toString(16).toUpperCase()}` }, 'time');
    expect(total).toBe(1);
    expect(queries.page({ smscMessageId: id.toString(16) }, 'time', snapshotId, 0, 5).map((r) => r.id)).toEqual([id]);

    const filter: TraceFilter = { commands: ['submit_sm_resp'] };
    const expected = matching(filter);
    expect(queries.position(filter, 'time', N, id)).toBe(expected.indexOf(id));
    expect(queries.position(filter, 'time', N, id - 1)).toBeNull(); // a submit_sm: not in this view
    expect(queries.position({}, 'time', N, id)).toBe(id - 1);
  });

  it('slowest round trip first: the RTT order over the whole store', () => {
    const filter: TraceFilter = { commands: ['submit_sm_resp'] };
    const { total, snapshotId } = queries.count(filter, 'rtt');
    expect(total).toBe(matching(filter).length);
    const top = queries.page(filter, 'rtt', snapshotId, 0, 10);
    expect(top.every((r) => r.rttMs === 499.9)).toBe(true);
    expect(top.map((r) => r.id)).toEqual([...top.map((r) => r.id)].sort((a, b) => b - a));
    expect(queries.position(filter, 'rtt', snapshotId, top[3]!.id)).toBe(3);
  });

  it('rows that arrive after a count extend the view’s positions without moving the earlier ones', () => {
    const filter: TraceFilter = { commands: ['deliver_sm_resp'] };
    const before = queries.count(filter, 'time');
    const added = 5_000;
    trace.append(Array.from({ length: added }, (_, i) => ({ record: seeded(N + 1 + i) })));
    const after = queries.count(filter, 'time');
    const expected = matching(filter, N + added);
    expect(after).toEqual({ total: expected.length, snapshotId: N + added });
    expect(before.total).toBeLessThan(after.total);
    // across the old end of the view and into the new rows
    const at = before.total - 3;
    expect(queries.page(filter, 'time', after.snapshotId, at, 10).map((r) => r.id)).toEqual(expected.slice(at, at + 10));
    // an earlier snapshot still pages only what it counted
    expect(queries.page(filter, 'time', before.snapshotId, before.total - 2, 10)).toHaveLength(2);
    expect(queries.after(filter, N, 3).map((r) => r.id)).toEqual(expected.filter((id) => id > N).slice(0, 3));
  });
});
