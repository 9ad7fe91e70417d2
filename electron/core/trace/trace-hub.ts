// Where every TraceRecord goes: a ring of the newest in memory (details by id without a query), the database in
// batches, and the UI in batches bounded by time and size. Bytes are captured as they crossed the wire, never
// re-encoded — except that bind passwords are overwritten with '*' before anything is kept (same length, so
// every offset stays true): a trace or a database must not leak a password. The UI shows it masked.
import type { DefaultAlphabet, TraceDetail, TraceSummary } from '../../../shared/contract';
import type { TraceSink, WireRecord } from '../smpp/connection';
import { decodePdu, type Pdu } from '../smpp/pdu-codec';
import { commandName, statusName } from '../smpp/smpp-tables';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { StoreHealthMonitor } from '../diagnostics/store-health';
import type { TraceRecord, TraceRepo } from '../store/trace-repo';
import { Batcher } from './batcher';
import { TraceStoreWriter } from './trace-store-writer';
import { RecordRing } from './record-ring';
import { formatFieldValue } from './field-format';
import { summarisePdu } from './pdu-summary';

/** Trace records kept in the database by default: the newest million, as the analyser-grade trace will need. */
export const DEFAULT_TRACE_RETENTION = 1_000_000;

export interface TraceHubOptions {
  /** Records kept in the database; older ones are pruned as new ones arrive (in steps of a tenth, not per PDU). */
  retainRecords?: number;
  ringSize?: number;
  /** Receives summaries in batches (≈ every 50 ms, or 500 records, whichever comes first). */
  onBatch: (batch: TraceSummary[]) => void;
  diagnostics: Diagnostics;
  /** Told when batches fail to store and when the store is back. */
  health: StoreHealthMonitor;
}

const MASK = 0x2a; // '*'

export class TraceHub {
  private nextId: number;
  private readonly ring: RecordRing<TraceRecord>;
  /** Per session, what data_coding 0 means (records of earlier runs are read as GSM 03.38). */
  private readonly alphabets = new Map<string, DefaultAlphabet>();
  private readonly toUi: Batcher<TraceSummary>;
  private readonly toStore: Batcher<TraceRecord>;
  private readonly writer: TraceStoreWriter;

  constructor(
    private readonly repo: TraceRepo,
    options: TraceHubOptions,
  ) {
    this.nextId = repo.nextId();
    this.ring = new RecordRing(options.ringSize ?? 10_000);
    const { diagnostics } = options;
    this.toUi = new Batcher(options.onBatch, 50, 500, (error) => diagnostics.report(error, { where: 'sending trace rows to the UI' }));
    this.writer = new TraceStoreWriter(repo, { retainRecords: options.retainRecords ?? DEFAULT_TRACE_RETENTION, health: options.health });
    // The writer keeps what fails and retries it; anything that still escapes is a bug, and is reported.
    this.toStore = new Batcher((batch) => this.writer.write(batch), 100, 1000, (error) => diagnostics.report(error, { where: 'storing trace records' }));
  }

  /** The sink for one session's PDUs; its profile says what data_coding 0 means, for summaries and details. */
  sinkFor(sessionId: string, defaultAlphabet: DefaultAlphabet = 'gsm7'): TraceSink {
    this.alphabets.set(sessionId, defaultAlphabet);
    return { record: (entry) => this.record(sessionId, entry) };
  }

  record(sessionId: string, entry: WireRecord): TraceSummary {
    const bytes = maskPassword(entry.bytes, entry.pdu);
    const header = bytes.length >= 16;
    const commandId = header ? bytes.readUInt32BE(4) : 0;
    const commandStatus = header ? bytes.readUInt32BE(8) : 0;
    const record: TraceRecord = {
      id: this.nextId++,
      sessionId,
      time: Date.now(),
      direction: entry.direction,
      commandId,
      commandName: entry.pdu ? entry.pdu.command : header ? commandName(commandId) : 'unframed bytes',
      commandStatus,
      statusName: statusName(commandStatus),
      sequenceNumber: header ? bytes.readUInt32BE(12) : 0,
      length: bytes.length,
      summary: entry.pdu ? summarisePdu(entry.pdu, this.alphabets.get(sessionId)) : '',
      problem: entry.problem,
      bytes,
    };
    return this.keep(record);
  }

  private keep(record: TraceRecord): TraceSummary {
    this.ring.push(record);
    const summary = summaryOf(record);
    this.toUi.push(summary);
    this.toStore.push(record);
    return summary;
  }

  /** A trace line that is not a PDU: what happened, against which sequence number when there is one. */
  note(sessionId: string, kind: string, text: string, sequenceNumber = 0): TraceSummary {
    const record: TraceRecord = {
      id: this.nextId++, sessionId, time: Date.now(), direction: 'event', commandId: 0, commandName: kind,
      commandStatus: 0, statusName: '', sequenceNumber, length: 0, summary: text, problem: null, bytes: Buffer.alloc(0),
    };
    return this.keep(record);
  }

  recent(limit: number): TraceSummary[] {
    this.toStore.flush();
    return this.repo.recent(limit).map(summaryOf);
  }

  detail(id: number): TraceDetail | null {
    const record = this.ring.get(id) ?? (this.toStore.flush(), this.repo.get(id));
    if (!record) return null;
    const { bytes, ...summary } = record;
    const fields =
      bytes.length >= 16
        ? (() => {
            const decoded = decodePdu(bytes);
            return decoded.layout.map((f) => ({
              name: f.name, offset: f.offset, length: f.length, value: formatFieldValue(f.name, f.value, decoded.pdu, this.alphabets.get(record.sessionId)),
            }));
          })()
        : [];
    return { ...summary, hex: bytes.toString('hex'), fields };
  }

  flush(): void {
    this.toUi.flush();
    this.toStore.flush();
  }

  /** At shutdown: flush, and give held records a last try (what still fails is counted as lost). */
  close(): void {
    this.flush();
    this.writer.drain();
  }
}

/** The record without its bytes, written out field by field: on the hot path an object rest copy costs more. */
function summaryOf(r: TraceRecord): TraceSummary {
  return {
    id: r.id, sessionId: r.sessionId, time: r.time, direction: r.direction, commandId: r.commandId, commandName: r.commandName,
    commandStatus: r.commandStatus, statusName: r.statusName, sequenceNumber: r.sequenceNumber, length: r.length,
    summary: r.summary, problem: r.problem,
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
