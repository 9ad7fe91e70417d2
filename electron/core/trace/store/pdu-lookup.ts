// Finds the trace rows of one message's PDUs, for its timeline: a part's submit_sm and submit_sm_resp, the
// deliver_sm of each receipt. Asked for by what the message store knows (session, sequence number, the SMSC's
// message_id, about when) — the trace keeps no console message ids, so this is how the two stores meet.
//
// With a message_id the partial index trace_by_message_id finds the row at once (responses and receipts carry one).
// Without (a refused part, a submit_sm) the session's rows are walked newest first through its index: quick for a
// recent message, a scan of the session's rows for an old one (a click's worth, never per PDU).
import type { DatabaseSync } from 'node:sqlite';
import { normaliseMessageId } from '../../../../shared/message-id';
import { statement } from '../../store/database';

export interface PduLookup {
  sessionId: string;
  /** Any of these commands (submit_sm or submit_multi; deliver_sm or data_sm). */
  commandNames: string[];
  /** The PDU's sequence_number, when known (it pins the row among several with one message_id). */
  sequenceNumber: number | null;
  /** The SMSC's message_id the row carries (as submit_sm_resp or a receipt gives it). */
  smscMessageId: string | null;
  /** Around when it was captured (ms since the epoch): rows further than the slack from it are not it. */
  near: number;
  slackMs: number;
}

export interface PduFound {
  id: number;
  timeMs: number;
  sequenceNumber: number;
  /** Its request's row, for a response (so a part's submit_sm is found through its response). */
  requestId: number | null;
  responseId: number | null;
  /** Round trip of a request (or of the request a response answers), as the pairing measured it. */
  rttUs: number | null;
}

const FIELDS = 'id, time_ms AS timeMs, sequence_number AS sequenceNumber, request_id AS requestId, response_id AS responseId, rtt_us AS rttUs';

export class PduLookups {
  constructor(private readonly db: DatabaseSync) {}

  find(lookups: PduLookup[]): Array<PduFound | null> {
    return lookups.map((lookup) => this.findOne(lookup));
  }

  private findOne(lookup: PduLookup): PduFound | null {
    const names = lookup.commandNames;
    const list = names.map(() => '?').join(', ');
    const from = lookup.near - lookup.slackMs;
    const to = lookup.near + lookup.slackMs;
    if (lookup.smscMessageId !== null) {
      const row = statement(this.db,
        `SELECT ${FIELDS} FROM trace INDEXED BY trace_by_message_id WHERE message_id = ? AND session_id = ? AND command_name IN (${list})
           AND time_ms BETWEEN ? AND ? AND (? IS NULL OR sequence_number = ?) ORDER BY abs(time_ms - ?) LIMIT 1`,
      ).get(normaliseMessageId(lookup.smscMessageId), lookup.sessionId, ...names, from, to, lookup.sequenceNumber, lookup.sequenceNumber, lookup.near);
      if (row) return row as unknown as PduFound;
    }
    if (lookup.sequenceNumber === null) return null;
    // Newest first through the session's index; rows after `to` are skipped cheaply, the first older match wins.
    const row = statement(this.db,
      `SELECT ${FIELDS} FROM trace INDEXED BY trace_by_session WHERE session_id = ? AND sequence_number = ? AND command_name IN (${list})
         AND time_ms BETWEEN ? AND ? ORDER BY id DESC LIMIT 1`,
    ).get(lookup.sessionId, lookup.sequenceNumber, ...names, from, to);
    return (row as unknown as PduFound | undefined) ?? null;
  }
}
