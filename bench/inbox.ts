// The Inbox at scale, on the main database the app uses: a page of 50 (newest first, and paged back from the
// middle) under each filter over 100,000 stored items; the Sent / Inbox / unread counts by GROUP BY at 100,000 and
// at 1,000,000 rows beside what keeping them costs per event (the choice list-counts.ts explains); the CSV export;
// and at 1,000,000, mark all read and clearing. Figures only (target: a filtered page well under 50 ms).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { InboxFilter, InboxItem, MessageView } from '../shared/contract';
import { ConsoleEventBus } from '../electron/core/api/event-bus';
import { ListCountsKeeper } from '../electron/core/messages/list-counts';
import { inTransaction, openDatabase, type Database } from '../electron/core/store/database';
import { writeInboxCsv } from '../electron/core/store/inbox-csv';
import { InboxRepo } from '../electron/core/store/inbox-repo';
import { percentile, report, round1, type Figure } from './figures';

const ROWS = Number(process.env.BENCH_INBOX_ROWS ?? 100_000);
const COUNT_ROWS = Number(process.env.BENCH_INBOX_COUNT_ROWS ?? 1_000_000);
const SESSIONS = ['s0', 's1', 's2'];
const STATS = ['DELIVRD', 'DELIVRD', 'DELIVRD', 'DELIVRD', 'UNDELIV', 'EXPIRED'];

/**
 * Items as a busy day leaves them: three sessions, 60 % receipts (1 % with a stat that maps to no v3.4 word), 40 %
 * MO from 1,000 numbers, and everything read but the newest `unread` share.
 */
function seed(db: Database, rows: number, unreadShare: number, startId = 1): void {
  const insert = db.prepare(
    `INSERT INTO inbox (id, session_id, profile_id, kind, received_at, source_addr, destination_addr, esm_class, data_coding, text,
       receipt_smsc_message_id, receipt_stat, receipt_stat_text, receipt_text, read_at)
     VALUES (?, ?, 'p', ?, ?, ?, '12345', ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  for (let start = startId; start < startId + rows; start += 50_000) {
    inTransaction(db, () => {
      for (let id = start; id < Math.min(start + 50_000, startId + rows); id += 1) {
        const receipt = id % 5 < 3;
        const other = receipt && id % 100 === 0;
        const stat = other ? null : receipt ? STATS[id % STATS.length]! : null;
        const number = `4477009${String(id % 1000).padStart(5, '0')}`;
        const text = receipt ? `id:${id.toString(16)} sub:001 dlvrd:001 stat:${other ? 'SENT' : stat} err:000 text:Order ${id}` : `Reply ${id} from the handset`;
        const unread = id > startId + rows * (1 - unreadShare);
        insert.run(
          id, SESSIONS[id % 3]!, receipt ? 'receipt' : 'mo', 1_796_000_000_000 + id, number, receipt ? 4 : 0, text,
          receipt ? id.toString(16) : null, stat, receipt ? (other ? 'SENT' : stat) : null, receipt ? `Order ${id}` : null, unread ? null : 1,
        );
      }
    });
  }
}

function seedMessages(db: Database, rows: number): void {
  const insert = db.prepare(
    `INSERT INTO messages (id, session_id, profile_id, source_addr, destination_addr, text, data_coding, state, submitted_at)
     VALUES (?, ?, 'p', '100', '447700900123', 'bench', 0, 'DELIVRD', ?)`,
  );
  for (let start = 0; start < rows; start += 50_000) {
    inTransaction(db, () => {
      for (let n = start; n < Math.min(start + 50_000, rows); n += 1) insert.run(`m${n}`, SESSIONS[n % 3]!, 1_796_000_000_000 + n);
    });
  }
}

/** How long work took, and the longest the event loop was held meanwhile (ms). */
async function heldFor(work: () => Promise<unknown>): Promise<{ ms: number; held: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await work();
  const ms = round1(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 5)); // the last hold is recorded when a timer fires after it
  delay.disable();
  return { ms, held: round1(delay.max / 1e6) };
}

const time = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

function pageFigures(repo: InboxRepo, label: string, filter: InboxFilter, sessionId?: string): { figure: Figure; line: string } {
  const first: number[] = [];
  const deep: number[] = [];
  let matches = 0;
  for (let run = 0; run < 15; run += 1) {
    first.push(time(() => (matches = repo.list({ ...(sessionId ? { sessionId } : {}), filter, limit: 50 }).length)));
    // paged back from the middle of the store: the walk starts there
    deep.push(time(() => repo.list({ ...(sessionId ? { sessionId } : {}), filter, beforeId: Math.floor(ROWS / 2), limit: 50 })));
  }
  const p50 = round1(percentile(first, 0.5));
  const deepP50 = round1(percentile(deep, 0.5));
  const max = round1(Math.max(...first, ...deep));
  return {
    figure: { name: `inbox page of 50 over ${ROWS} items: ${label}`, value: p50, unit: 'ms p50', fromMiddle: deepP50, max, found: matches },
    line: `  ${label}: newest page p50 ${p50} ms · from the middle p50 ${deepP50} ms · max ${max} ms (${matches} found)`,
  };
}

export async function inboxFigures(json: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-bench-inbox-'));
  const figures: Figure[] = [];
  const lines: string[] = [];
  try {
    const db = openDatabase(dataDir, { synchronous: 'NORMAL' });
    seed(db, ROWS, 0.01);
    const repo = new InboxRepo(db);
    const filters: Array<[string, InboxFilter, string?]> = [
      ['no filter', {}],
      ['one session', {}, 's1'],
      ['kind MO', { kind: 'mo' }],
      ['stat UNDELIV', { stat: 'UNDELIV' }],
      ['stat other (1 % of receipts)', { stat: 'other' }],
      ['number exactly (1 in 1,000)', { number: '447700900042' }],
      ['number prefix', { number: '44770090004*' }],
      ['text, common', { text: 'order 9' }],
      ['text, rare (a scan)', { text: 'order 4242' }],
      ['unread only (1 % unread)', { unreadOnly: true }],
      ['unread only, one session', { unreadOnly: true }, 's2'],
      ['MO from a number, one session', { kind: 'mo', number: '4477009*' }, 's0'],
    ];
    for (const [label, filter, sessionId] of filters) {
      const { figure, line } = pageFigures(repo, label, filter, sessionId);
      figures.push(figure);
      lines.push(line);
    }
    db.exec('UPDATE inbox SET read_at = NULL');
    const allUnread = pageFigures(repo, 'unread only, everything unread', { unreadOnly: true });
    figures.push(allUnread.figure);
    lines.push(allUnread.line);

    const path = join(dataDir, 'inbox.csv');
    const started = performance.now();
    const written = await writeInboxCsv(db, path, undefined, undefined);
    const csvMs = round1(performance.now() - started);
    figures.push({ name: `CSV export of ${ROWS} items`, value: csvMs, unit: 'ms', octets: statSync(path).size, records: written.records });
    lines.push(`  CSV export, ${written.records.toLocaleString('en')} items: ${csvMs} ms, ${(written.octets / 1e6).toFixed(1)} MB`);
    const countMs = round1(time(() => new ListCountsKeeper(db, repo, new ConsoleEventBus()).close()));
    figures.push({ name: `counts by GROUP BY, ${ROWS} items`, value: countMs, unit: 'ms' });
    lines.push(`  counts by GROUP BY (${ROWS.toLocaleString('en')} items, no messages): ${countMs} ms`);
    db.close();
    await countFigures(dataDir, figures, lines);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(json, figures, `inbox, ${ROWS.toLocaleString('en')} items (target: a page under 50 ms):\n${lines.join('\n')}`);
}

/** The counts at COUNT_ROWS items and as many sent messages: a GROUP BY recount against keeping them per event. */
async function countFigures(parent: string, figures: Figure[], lines: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(parent, 'counts-'));
  const db = openDatabase(dataDir, { synchronous: 'NORMAL' });
  seed(db, COUNT_ROWS, 0.5);
  seedMessages(db, COUNT_ROWS);
  const repo = new InboxRepo(db);
  const bus = new ConsoleEventBus();
  const recounts: number[] = [];
  const keepers: ListCountsKeeper[] = [];
  for (let run = 0; run < 5; run += 1) {
    keepers.at(-1)?.close(); // one listening at a time
    recounts.push(time(() => keepers.push(new ListCountsKeeper(db, repo, bus, 60_000))));
  }
  // Per event: a new inbox item, an update of one, and a message update (a receipt's) — what a burst sends.
  const item = repo.list({ limit: 1 })[0]!;
  const message = { id: 'm1', sessionId: 's0', commandStatus: 0 } as MessageView;
  const events = 300_000;
  const perEvent = time(() => {
    for (let i = 1; i <= events / 3; i += 1) {
      const fresh: InboxItem = { ...item, id: COUNT_ROWS + i };
      bus.emit('inbox', fresh);
      bus.emit('inbox', item);
      bus.emit('message', message);
    }
  });
  const keeper = keepers.at(-1)!;
  // Mark all read (half of them unread) and clear, as the user's buttons run them; the longest the main thread
  // was held shows as the event loop's worst delay meanwhile.
  const markAll = await heldFor(() => keeper.markRead(undefined, undefined));
  const clearSession = await heldFor(async () => keeper.clear('s1'));
  const clearAll = await heldFor(async () => keeper.clear(undefined));
  keeper.close();
  db.close();
  const recount = round1(percentile(recounts, 0.5));
  const keep = round1((perEvent / events) * 1000);
  figures.push(
    { name: `counts by GROUP BY, ${COUNT_ROWS} items + ${COUNT_ROWS} messages`, value: recount, unit: 'ms p50' },
    { name: 'counts kept per event (inbox new, inbox update, message update)', value: keep, unit: 'µs/event' },
  );
  lines.push(
    `  counts by GROUP BY at ${COUNT_ROWS.toLocaleString('en')} items + ${COUNT_ROWS.toLocaleString('en')} sent: ${recount} ms p50` +
      ` (twice a second under a burst: ${Math.round(recount / 5)} % of the main thread)`,
    `  counts kept in memory instead: ${keep} µs per event (2,500 deliver_sm/s ≈ ${round1((keep * 2500 * 2) / 1000)} ms a second)`,
    `  mark all read, ${(COUNT_ROWS / 2).toLocaleString('en')} unread: ${markAll.ms} ms in all, the main thread held ${markAll.held} ms at most`,
    `  clear one session (${Math.round(COUNT_ROWS / 3).toLocaleString('en')} items, a window of ids at a time): ${clearSession.ms} ms in all, the main thread held ${clearSession.held} ms at most`,
    `  clear all (the other ${Math.round((COUNT_ROWS * 2) / 3).toLocaleString('en')}, one transaction): ${clearAll.ms} ms`,
  );
  figures.push(
    { name: `mark all read, ${COUNT_ROWS / 2} unread`, value: markAll.ms, unit: 'ms', heldMs: markAll.held },
    { name: `clear one session, ${Math.round(COUNT_ROWS / 3)} items`, value: clearSession.ms, unit: 'ms', heldMs: clearSession.held },
    { name: `clear all, ${Math.round((COUNT_ROWS * 2) / 3)} items`, value: clearAll.ms, unit: 'ms' },
  );
}
