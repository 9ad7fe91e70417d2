// Where every TraceRecord goes: a ring of the newest in memory (details by id without a query), the trace store
// (a worker thread) in batches, and the UI in batches bounded by time and size. Bytes are captured as they crossed
// the wire, never re-encoded — except that bind passwords are overwritten with '*' before anything is kept (same
// length, so every offset stays true): a trace or a database must not leak a password.
// At capture time each response is paired with its request (pairing.ts) and counted in its session's statistics.
// The hot path stays O(1) per PDU: the store, the UI and the statistics' publication are all batched. A live
// connection's PDUs are taken down as they cross (their octets, their times) and made into records later in the
// same turn of the event loop, after what the session wrote has left (see `later`).
import type { DefaultAlphabet, SessionTraceStats, TraceDetail, TraceExportFormat, TraceExportScope, TracePairUpdate, TraceSummary } from '../../../shared/contract';
import type { TraceExportOutcome } from './export/trace-export';
import type { TraceFilter } from '../../../shared/trace-filter';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { ConnectionEndpoints, TraceSink, WireRecord } from '../smpp/connection';
import { decodePdu, type Pdu } from '../smpp/pdu-codec';
import { commandName, statusName } from '../smpp/smpp-tables';
import { Batcher } from './batcher';
import { dissectPdu } from './dissector/dissect';
import { ConnectionPairing } from './pairing';
import { describePdu } from './pdu-summary';
import { RecordRing } from './record-ring';
import { SessionStats } from './session-stats';
import type { TraceRecord, TraceSessionInfo, TraceStoreItem } from './store/trace-db';
import type { PduFound, PduLookup } from './store/pdu-lookup';
import type { TraceCount, TraceSort } from './store/trace-query';
import type { TraceStore } from './store/trace-store-client';

/** Trace records kept in the database by default: the newest million. */
export const DEFAULT_TRACE_RETENTION = 1_000_000;
/** Statistics reach the UI at most this often per session. */
const STATS_INTERVAL_MS = 500;

export interface TraceBatch {
  rows: TraceSummary[];
  updates: TracePairUpdate[];
}

export interface TraceHubOptions {
  store: TraceStore;
  /** The first id to give out (one past the newest stored). */
  nextId: number;
  ringSize?: number;
  /** Receives rows and pairing updates in batches (≈ every 50 ms, or 500 items, whichever comes first). */
  onBatch: (batch: TraceBatch) => void;
  onStats: (stats: SessionTraceStats) => void;
  diagnostics: Diagnostics;
}

/** One connection's sink: its records, its pairing, its timeouts and its close. */
export interface ConnectionTraceSink extends TraceSink {
  /** Our request with this sequence number timed out: a note that settles it. */
  timedOut(sequenceNumber: number, text: string): void;
}

type UiItem = { row: TraceSummary } | { update: TracePairUpdate };

/** A live PDU as it crossed, waiting to be made a record. */
interface PendingCapture {
  sessionId: string;
  entry: WireRecord;
  pairing: ConnectionPairing;
  at: number;
  time: number;
}

const MASK = 0x2a; // '*'

export class TraceHub {
  private nextId: number;
  private readonly ring: RecordRing<TraceRecord>;
  /** Per session, what data_coding 0 means (records of earlier runs are read as GSM 03.38). */
  private readonly alphabets = new Map<string, DefaultAlphabet>();
  private readonly stats = new Map<string, { stats: SessionStats; pairing: ConnectionPairing | null; timer: NodeJS.Timeout | null }>();
  private readonly toUi: Batcher<UiItem>;
  private readonly toStore: Batcher<TraceStoreItem>;
  /**
   * The id of the first record in the store's batch not yet handed over (Infinity when it holds none). Pairing
   * changes a request's record in place, so a request still in that batch goes to the store already paired: its
   * update is only the UI's. At window 10 almost every response pairs with a request of the same batch; with an
   * UPDATE each, the store worker spent ≈ 40 µs of CPU on a submit_sm and its response, without them ≈ 22
   * (100,000 pairs appended as the hub batches them, best of 4 runs).
   */
  private unstoredFrom = Infinity;
  /**
   * Live PDUs taken down and not yet made records, in the order they crossed the wire. Making records (summary,
   * pairing, statistics, batching) was ≈ 16 % of the main thread's CPU at window 1 (perf), all of it between a
   * submit_sm_resp arriving and the next submit_sm leaving; it now runs after the writes, in setImmediate, while
   * the SMSC works (window 1, three alternating rounds of `npm run bench` medians of 5: ratio to the smpp package
   * 0.81 / 0.95 / 1.03 with it, 0.95 / 0.83 / 0.86 without: a gain of latency, not of CPU, and within this
   * machine's noise).
   * Everything that reads the trace or adds to it first catches up (`drain`), so order and content are as
   * before: ids, times (taken as the PDU crossed) and round trips are the same.
   */
  private pending: PendingCapture[] = [];
  private pendingAt = 0;
  private drainScheduled = false;

  constructor(private readonly options: TraceHubOptions) {
    this.nextId = options.nextId;
    this.ring = new RecordRing(options.ringSize ?? 10_000);
    const { diagnostics, store } = options;
    this.toUi = new Batcher(
      (items) => {
        const batch: TraceBatch = { rows: [], updates: [] };
        for (const item of items) {
          if ('row' in item) batch.rows.push(item.row);
          else batch.updates.push(item.update);
        }
        options.onBatch(batch);
      },
      50,
      500,
      (error) => diagnostics.report(error, { where: 'sending trace rows to the UI' }),
    );
    this.toStore = new Batcher(
      (items) => {
        this.unstoredFrom = Infinity;
        store.append(items, items.reduce((n, item) => n + ('record' in item ? 1 : 0), 0));
      },
      100,
      1000,
      (error) => diagnostics.report(error, { where: 'storing trace records' }),
    );
  }

  /** The sink for one connection of a session; its profile says what data_coding 0 means. */
  sinkFor(sessionId: string, defaultAlphabet: DefaultAlphabet = 'gsm7'): ConnectionTraceSink {
    this.drain();
    this.alphabets.set(sessionId, defaultAlphabet);
    const pairing = new ConnectionPairing();
    this.session(sessionId).pairing = pairing;
    return {
      record: (entry) => this.later(sessionId, entry, pairing),
      // Every record from here on (until the next connection of this session) is this connection's.
      opened: (endpoints) => {
        this.drain();
        this.options.store.rememberConnection({ sessionId, firstId: this.nextId, openedAt: Date.now(), ...endpoints });
      },
      closed: () => {
        this.drain();
        this.pushUpdates(sessionId, pairing.onClose());
      },
      timedOut: (sequenceNumber, text) => {
        this.drain();
        const note = this.noteRecord(sessionId, 'timeout', text, sequenceNumber);
        const update = pairing.onTimeout(sequenceNumber, note);
        this.keep(note);
        this.tally(sessionId, note);
        if (update) this.pushUpdates(sessionId, [update]);
      },
    };
  }

  /** Remembered with the trace, so rows of earlier runs still name their session. */
  sessionStarted(info: TraceSessionInfo): void {
    this.drain();
    this.options.store.rememberSession(info);
  }

  /**
   * A capture's connection read from a file: its records carry the capture's times (`record`'s `capturedAt`), and
   * pair among themselves like a live connection's.
   */
  importedConnection(info: TraceSessionInfo, connection: ConnectionEndpoints, defaultAlphabet: DefaultAlphabet = 'gsm7') {
    this.alphabets.set(info.sessionId, defaultAlphabet);
    this.sessionStarted(info);
    this.options.store.rememberConnection({ sessionId: info.sessionId, firstId: 0, openedAt: info.startedAt, ...connection });
    const pairing = new ConnectionPairing();
    return {
      record: (entry: WireRecord, capturedAt: number) => this.record(info.sessionId, entry, pairing, capturedAt),
      closed: () => {
        this.drain();
        this.pushUpdates(info.sessionId, pairing.onClose());
      },
    };
  }

  /** Writes the export file where the trace store runs; every record captured before this call is in scope. */
  exportTrace(scope: TraceExportScope, format: TraceExportFormat, path: string): Promise<TraceExportOutcome> {
    this.drain();
    this.toStore.flush();
    return this.options.store.request({ op: 'export', job: { scope, format, path, alphabets: Object.fromEntries(this.alphabets) } });
  }

  /** Records handed to the store and not yet written, here and there: an importer waits while it is high. */
  get backlog(): number {
    return this.pending.length - this.pendingAt + this.toStore.size + this.options.store.backlog;
  }

  /** `capturedAt` (ms since the epoch) for a record read from a capture file; now otherwise. */
  record(sessionId: string, entry: WireRecord, pairing?: ConnectionPairing, capturedAt?: number): TraceSummary {
    this.drain();
    return this.capture(sessionId, entry, pairing, capturedAt ?? performance.now(), capturedAt ?? Date.now());
  }

  /** A live PDU taken down now (its times included) and made a record after this turn's writes. */
  private later(sessionId: string, entry: WireRecord, pairing: ConnectionPairing): void {
    this.pending.push({ sessionId, entry, pairing, at: performance.now(), time: Date.now() });
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /**
   * Makes records of every PDU taken down, oldest first. A call from within (a batch's receiver that asks the hub
   * something) goes on from the same place, so the order holds; the queue is read afresh on every turn of the loop.
   */
  private drain(): void {
    while (this.pendingAt < this.pending.length) {
      const { sessionId, entry, pairing, at, time } = this.pending[this.pendingAt]!;
      this.pendingAt += 1;
      try {
        this.capture(sessionId, entry, pairing, at, time);
      } catch (error) {
        this.options.diagnostics.report(error, { where: 'making a trace record', sessionId });
      }
    }
    if (this.pendingAt > 0) {
      this.pending = [];
      this.pendingAt = 0;
    }
  }

  /** `at` is performance.now() when the PDU crossed (round trips), `time` ms since the epoch (the record's time). */
  private capture(sessionId: string, entry: WireRecord, pairing: ConnectionPairing | undefined, at: number, time: number): TraceSummary {
    const bytes = maskPassword(entry.bytes, entry.pdu);
    const header = bytes.length >= 16;
    const commandId = header ? bytes.readUInt32BE(4) : 0;
    const commandStatus = header ? bytes.readUInt32BE(8) : 0;
    const described = entry.pdu ? describePdu(entry.pdu, this.alphabets.get(sessionId)) : null;
    const record: TraceRecord = {
      id: this.nextId++,
      sessionId,
      time,
      direction: entry.direction,
      commandId,
      commandName: entry.pdu ? entry.pdu.command : header ? commandName(commandId) : 'unframed bytes',
      commandStatus,
      statusName: header ? statusName(commandStatus) : '',
      sequenceNumber: header ? bytes.readUInt32BE(12) : 0,
      length: bytes.length,
      summary: described?.summary ?? '',
      problem: entry.problem,
      smscMessageId: described?.smscMessageId ?? null,
      sourceAddr: described?.sourceAddr ?? null,
      destinationAddr: described?.destinationAddr ?? null,
      requestId: null, responseId: null, outcome: null, responseStatus: null, responseStatusName: null, rttMs: null,
      bytes,
    };
    const pair = pairing?.onRecord(record, at);
    const summary = this.keep(record);
    // Per PDU: one lookup of the session's statistics, no arrays for the (at most two) pairing updates.
    const session = this.session(sessionId);
    if (pair?.update) this.pushUpdate(pair.update);
    if (pair?.superseded) this.pushUpdate(pair.superseded);
    session.stats.count(record);
    if (pair?.answered) session.stats.answered(pair.answered.requestCommand, pair.answered.rttMs);
    this.statsChanged(sessionId, session);
    return summary;
  }

  /** A trace line that is not a PDU: what happened, against which sequence number when there is one. */
  note(sessionId: string, kind: string, text: string, sequenceNumber = 0): TraceSummary {
    this.drain();
    const record = this.noteRecord(sessionId, kind, text, sequenceNumber);
    this.tally(sessionId, record);
    return this.keep(record);
  }

  count(filter: TraceFilter, sort: TraceSort): Promise<TraceCount> {
    this.drain();
    this.toStore.flush(); // FIFO: the store sees every record captured before this query
    return this.options.store.request({ op: 'count', filter, sort });
  }

  page(filter: TraceFilter, sort: TraceSort, snapshotId: number, offset: number, limit: number): Promise<TraceSummary[]> {
    this.drain();
    return this.options.store.request({ op: 'page', filter, sort, snapshotId, offset, limit });
  }

  after(filter: TraceFilter, afterId: number, limit: number): Promise<TraceSummary[]> {
    this.drain();
    this.toStore.flush();
    return this.options.store.request({ op: 'after', filter, afterId, limit });
  }

  position(filter: TraceFilter, sort: TraceSort, snapshotId: number, id: number): Promise<number | null> {
    this.drain();
    return this.options.store.request({ op: 'position', filter, sort, snapshotId, id });
  }

  /** The stored rows of given PDUs (a message's timeline), each or null; what is captured so far is flushed first. */
  findPdus(lookups: PduLookup[]): Promise<Array<PduFound | null>> {
    this.drain();
    this.toStore.flush();
    return this.options.store.request({ op: 'findPdus', lookups });
  }

  sessions(): Promise<TraceSessionInfo[]> {
    this.drain();
    return this.options.store.request({ op: 'sessions' });
  }

  async detail(id: number): Promise<TraceDetail | null> {
    this.drain();
    let record = this.ring.get(id) ?? null;
    if (!record) {
      this.toStore.flush();
      record = await this.options.store.request({ op: 'get', id });
    }
    if (!record) return null;
    const { bytes: raw, ...summary } = record;
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const alphabet = this.alphabets.get(record.sessionId);
    // Event rows (timeouts, notes) have no bytes and so no tree.
    const tree = bytes.length === 0 ? [] : dissectPdu(bytes, alphabet ?? 'gsm7');
    return { ...summary, hex: bytes.toString('hex'), tree };
  }

  /** The live statistics of a session (also published on change, at most every STATS_INTERVAL_MS). */
  statsOf(sessionId: string): SessionTraceStats {
    this.drain();
    const entry = this.session(sessionId);
    return entry.stats.view(sessionId, entry.pairing?.outstanding ?? 0);
  }

  flush(): void {
    this.drain();
    this.toUi.flush();
    this.toStore.flush();
  }

  /** At shutdown: flush, and let the store write what it holds. */
  async close(): Promise<void> {
    this.drain();
    for (const entry of this.stats.values()) if (entry.timer) clearTimeout(entry.timer);
    this.flush();
    await this.options.store.close();
  }

  private noteRecord(sessionId: string, kind: string, text: string, sequenceNumber: number): TraceRecord {
    return {
      id: this.nextId++, sessionId, time: Date.now(), direction: 'event', commandId: 0, commandName: kind, commandStatus: 0,
      statusName: '', sequenceNumber, length: 0, summary: text, problem: null, smscMessageId: null, sourceAddr: null,
      destinationAddr: null, requestId: null, responseId: null, outcome: null, responseStatus: null, responseStatusName: null,
      rttMs: null, bytes: new Uint8Array(0),
    };
  }

  private keep(record: TraceRecord): TraceSummary {
    this.ring.push(record);
    const summary = summaryOf(record);
    this.toUi.push({ row: summary });
    if (this.unstoredFrom === Infinity) this.unstoredFrom = record.id;
    this.toStore.push({ record });
    return summary;
  }

  private pushUpdates(sessionId: string, updates: TracePairUpdate[]): void {
    for (const update of updates) this.pushUpdate(update);
    if (updates.length > 0) this.statsChanged(sessionId);
  }

  private pushUpdate(update: TracePairUpdate): void {
    this.toUi.push({ update });
    if (update.requestId < this.unstoredFrom) this.toStore.push({ update });
  }

  private tally(sessionId: string, record: TraceRecord): void {
    this.session(sessionId).stats.count(record);
    this.statsChanged(sessionId);
  }

  private statsChanged(sessionId: string, entry = this.session(sessionId)): void {
    entry.timer ??= setTimeout(() => {
      entry.timer = null;
      try {
        this.options.onStats(this.statsOf(sessionId));
      } catch (error) {
        this.options.diagnostics.report(error, { where: 'publishing trace statistics', sessionId });
      }
    }, STATS_INTERVAL_MS);
  }

  private session(sessionId: string) {
    let entry = this.stats.get(sessionId);
    if (!entry) {
      entry = { stats: new SessionStats(), pairing: null, timer: null };
      this.stats.set(sessionId, entry);
    }
    return entry;
  }
}

/** The record without its bytes, written out field by field: on the hot path an object rest copy costs more. */
function summaryOf(r: TraceRecord): TraceSummary {
  return {
    id: r.id, sessionId: r.sessionId, time: r.time, direction: r.direction, commandId: r.commandId, commandName: r.commandName,
    commandStatus: r.commandStatus, statusName: r.statusName, sequenceNumber: r.sequenceNumber, length: r.length,
    summary: r.summary, problem: r.problem, smscMessageId: r.smscMessageId, sourceAddr: r.sourceAddr, destinationAddr: r.destinationAddr,
    requestId: r.requestId, responseId: r.responseId, outcome: r.outcome, responseStatus: r.responseStatus,
    responseStatusName: r.responseStatusName, rttMs: r.rttMs,
  };
}

function maskPassword(bytes: Buffer, pdu: Pdu | null): Buffer {
  // bind_* and outbind carry a password field; the package's tables say which, so no list is kept here. Only
  // those PDUs are decoded again here, to find where the password sits.
  if (!pdu || pdu.fields.password === undefined) return bytes;
  const field = decodePdu(bytes).layout.find((f) => f.name === 'password');
  if (!field || field.length <= 1) return bytes;
  const masked = Buffer.from(bytes);
  masked.fill(MASK, field.offset, field.offset + field.length - 1); // keep the NUL terminator
  return masked;
}
