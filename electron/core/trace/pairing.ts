// Pairs each response with its request at capture time, per connection (sequence numbers start again on every
// bind): by sequence number, direction and command. Our requests wait for the SMSC's responses and the SMSC's
// requests for ours; a response of the right command answers, generic_nack nacks, any other response with that
// sequence number is a wrong response. A request's timeout note, or the connection closing, settles it too.
// The records are changed in place (the ring's copies show it); a change to a request already sent is returned
// as an update for the UI and the store. Memory is bounded: past MAX_OPEN the oldest open request is given up.
import type { RequestOutcome, TracePairUpdate } from '../../../shared/contract';
import { GENERIC_NACK_ID, isResponseId, responseIdOf, statusName } from '../smpp/smpp-tables';
import type { TraceRecord } from './store/trace-db';

/** Requests without a response by definition (SMPP v3.4 §4.12, §4.1.7). */
const NO_RESPONSE = new Set([0x00000102 /* alert_notification */, 0x0000000b /* outbind */]);
const MAX_OPEN = 100_000;
/** Timed-out requests remembered for a late response (shown against its request, the outcome stays timeout). */
const MAX_TIMED_OUT = 10_000;

interface Open {
  record: TraceRecord;
  at: number;
}

export interface PairResult {
  /** The request this record answers, when it answers one that was open: its command and round trip. */
  answered: { requestCommand: string; rttMs: number } | null;
  update: TracePairUpdate | null;
}

/** Nothing paired (shared: it is read, never changed). */
const NONE: PairResult & { superseded: null } = Object.freeze({ answered: null, update: null, superseded: null });

export class ConnectionPairing {
  /** Our requests (out), by sequence number. */
  private readonly ours = new Map<number, Open>();
  /** The SMSC's requests (in), by sequence number. */
  private readonly theirs = new Map<number, Open>();
  private readonly timedOut = new Map<number, Open>();

  get outstanding(): number {
    return this.ours.size + this.theirs.size;
  }

  /** Fills the new record's pairing fields; `at` is performance.now() when it crossed the wire. */
  onRecord(record: TraceRecord, at: number): PairResult & { superseded: TracePairUpdate | null } {
    if (record.direction === 'event' || record.length < 16) return NONE;
    if (isResponseId(record.commandId)) {
      const table = record.direction === 'in' ? this.ours : this.theirs;
      const open = table.get(record.sequenceNumber);
      if (!open) return this.late(record, at);
      table.delete(record.sequenceNumber);
      const request = open.record;
      const rttMs = round(at - open.at);
      const outcome: RequestOutcome =
        record.commandId === GENERIC_NACK_ID ? 'nack' : record.commandId === responseIdOf(request.commandId) ? 'answered' : 'wrong-response';
      record.requestId = request.id;
      record.rttMs = rttMs;
      const update = this.settle(request, outcome, record.id, record.commandStatus, rttMs);
      return { answered: { requestCommand: request.commandName, rttMs }, update, superseded: null };
    }
    if (NO_RESPONSE.has(record.commandId)) return NONE;
    record.outcome = 'outstanding';
    const table = record.direction === 'out' ? this.ours : this.theirs;
    const previous = table.get(record.sequenceNumber);
    table.set(record.sequenceNumber, { record, at });
    const superseded = previous ? this.settle(previous.record, 'unanswered', null, null, null) : this.trim(table);
    return { answered: null, update: null, superseded };
  }

  /** Our request with this sequence number timed out; the note says so, and is its "response". */
  onTimeout(sequenceNumber: number, note: TraceRecord): TracePairUpdate | null {
    const open = this.ours.get(sequenceNumber);
    if (!open) return null;
    this.ours.delete(sequenceNumber);
    this.timedOut.set(sequenceNumber, open);
    if (this.timedOut.size > MAX_TIMED_OUT) this.timedOut.delete(this.timedOut.keys().next().value!);
    note.requestId = open.record.id;
    return this.settle(open.record, 'timeout', note.id, null, null);
  }

  /** The connection closed: whatever is still open will never be answered on it. */
  onClose(): TracePairUpdate[] {
    const updates = [...this.ours.values(), ...this.theirs.values()].map((open) => this.settle(open.record, 'unanswered', null, null, null));
    this.ours.clear();
    this.theirs.clear();
    this.timedOut.clear();
    return updates;
  }

  /** A response to a request that already timed out: linked to it, the request's outcome stays timeout. */
  private late(record: TraceRecord, at: number): PairResult & { superseded: null } {
    const open = record.direction === 'in' ? this.timedOut.get(record.sequenceNumber) : undefined;
    if (!open) return { answered: null, update: null, superseded: null };
    this.timedOut.delete(record.sequenceNumber);
    record.requestId = open.record.id;
    record.rttMs = round(at - open.at);
    return { answered: null, update: null, superseded: null };
  }

  private settle(request: TraceRecord, outcome: RequestOutcome, responseId: number | null, status: number | null, rttMs: number | null): TracePairUpdate {
    request.outcome = outcome;
    request.responseId = responseId;
    request.responseStatus = status;
    request.responseStatusName = status === null ? null : statusName(status);
    request.rttMs = rttMs;
    return { requestId: request.id, responseId, outcome, responseStatus: status, responseStatusName: request.responseStatusName, rttMs };
  }

  private trim(table: Map<number, Open>): TracePairUpdate | null {
    if (table.size <= MAX_OPEN) return null;
    const [sequenceNumber, oldest] = table.entries().next().value!;
    table.delete(sequenceNumber);
    return this.settle(oldest.record, 'unanswered', null, null, null);
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
