// The messages the simulator still holds, for query_sm, cancel_sm and replace_sm: ENROUTE until their final time,
// then the outcome their receipt plan drew; DELETED once cancelled (which also stops their receipts).
import { absoluteSmppTime } from '../../../shared/smpp-time';
import type { Pdu } from '../smpp/pdu-codec';
import { MESSAGE_STATE } from '../smpp/smpp-tables';
import type { ServerSession } from './server-session';
import type { TimerSet } from './timer-set';

export interface StoredMessage {
  /** The submit, kept only while a receipt is due to quote it (replace_sm changes its short_message). */
  submit: Pdu | null;
  finalAt: number;
  finalState: number;
  cancelledAt: Date | null;
  /** The receipts still to come. */
  timers: NodeJS.Timeout[];
}

/** Messages kept (a load test must not grow the simulator without bound). */
const STORED_MESSAGES = 10_000;

const ESME_RCANCELFAIL = 0x11;
const ESME_RREPLACEFAIL = 0x13;
const ESME_RQUERYFAIL = 0x67;

export class MessageStore {
  private readonly stored = new Map<string, StoredMessage>();

  constructor(private readonly timers: TimerSet) {}

  /**
   * The newest messages are kept. Past the cap the oldest half goes at once: deleting one entry from a Map's front
   * on every submit makes each later lookup of the front slower.
   */
  remember(messageId: string, record: StoredMessage): void {
    this.stored.set(messageId, record);
    if (this.stored.size <= STORED_MESSAGES) return;
    let forget = STORED_MESSAGES / 2;
    for (const key of this.stored.keys()) {
      if (forget-- <= 0) break;
      this.stored.delete(key);
    }
  }

  private stateOf(record: StoredMessage): { state: number; finalDate: Date | null } {
    if (record.cancelledAt) return { state: MESSAGE_STATE.DELETED, finalDate: record.cancelledAt };
    if (Date.now() >= record.finalAt) return { state: record.finalState, finalDate: new Date(record.finalAt) };
    return { state: MESSAGE_STATE.ENROUTE, finalDate: null };
  }

  /** query_sm, cancel_sm and replace_sm: what an SMSC can still do with a message it holds. */
  handle(session: ServerSession, pdu: Pdu): void {
    const record = this.stored.get(String(pdu.fields.message_id ?? ''));
    const pending = record !== undefined && this.stateOf(record).state === MESSAGE_STATE.ENROUTE;
    switch (pdu.command) {
      case 'query_sm': {
        if (!record) return session.peer.respond(pdu, ESME_RQUERYFAIL);
        const { state, finalDate } = this.stateOf(record);
        return session.peer.respond(pdu, 0, {
          message_id: pdu.fields.message_id ?? '', final_date: finalDate ? absoluteSmppTime(finalDate) : '', message_state: state, error_code: 0,
        });
      }
      case 'cancel_sm':
        if (!record || !pending) return session.peer.respond(pdu, ESME_RCANCELFAIL);
        record.cancelledAt = new Date();
        for (const timer of record.timers) this.timers.cancel(timer);
        return session.peer.respond(pdu);
      default: // replace_sm
        if (!record || !pending) return session.peer.respond(pdu, ESME_RREPLACEFAIL);
        if (record.submit) {
          record.submit = { ...record.submit, fields: { ...record.submit.fields, short_message: pdu.fields.short_message ?? Buffer.alloc(0) } };
        }
        return session.peer.respond(pdu);
    }
  }
}
