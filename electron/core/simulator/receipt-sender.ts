// A delivery receipt (esm_class 0x04) or intermediate notification (0x20, ENROUTE) for one message, as deliver_sm
// or data_sm, with or without the receipted_message_id and message_state TLVs, quoting the message's id, the same
// number in the other base, or an id no message had. It goes to the session the message came from if that one
// can receive, else to a receiving bind of the same system_id — never to a transmitter. When no such bind is open it
// is held, as an SMSC holds it, and goes out when the account binds to receive again (its done date the time it was
// due); at most MAX_HELD_RECEIPTS an account, past which the oldest is dropped and said so.
import { encodeGsm7, gsmSeptetCost } from '../../../shared/text-codec';
import { deliveredText } from '../messages/receipt-parser';
import type { Pdu, PduValue } from '../smpp/pdu-codec';
import { RequestFailedError } from '../smpp/request-tracker';
import type { TlvValues } from '../smpp/smpp-peer';
import type { ActivityLog } from './activity-log';
import type { MessageIds } from './message-ids';
import type { ReceiptPlan } from './receipts-plan';
import { STAT_MESSAGE_STATE } from '../smpp/smpp-tables';
import { RECEIPT_TEXT_CHARS, formatReceiptText } from './receipt-text';
import type { ServerSession } from './server-session';

const ESM_CLASS_DELIVERY_RECEIPT = 0x04;
const ESM_CLASS_INTERMEDIATE = 0x20;

export interface ReceiptSenderDeps {
  sessions: () => Iterable<ServerSession>;
  ids: MessageIds;
  activity: ActivityLog;
  onError?: (error: unknown, where: string) => void;
}

/** Receipts held for one system_id while none of its binds can receive. */
export const MAX_HELD_RECEIPTS = 10_000;

interface DueReceipt {
  systemId: string;
  submit: Pdu;
  messageId: string;
  submitDate: Date;
  doneDate: Date;
  plan: ReceiptPlan;
  intermediate: boolean;
}

export class ReceiptSender {
  private readonly held = new Map<string, DueReceipt[]>();

  constructor(private readonly deps: ReceiptSenderDeps) {}

  send(origin: ServerSession, submit: Pdu, messageId: string, submitDate: Date, plan: ReceiptPlan, intermediate: boolean): void {
    // Only a bound session submits: its system_id is known.
    const due: DueReceipt = { systemId: origin.systemId ?? '', submit, messageId, submitDate, doneDate: new Date(), plan, intermediate };
    const target = origin.canReceive && origin.isOpen ? origin : this.receiverOf(due.systemId);
    if (target) return this.deliver(target, due);
    const queue = this.held.get(due.systemId) ?? [];
    this.held.set(due.systemId, queue);
    queue.push(due);
    const dropped = queue.length > MAX_HELD_RECEIPTS ? queue.shift() : undefined;
    this.deps.activity.message(origin.id, () =>
      `${kindOf(due)} for ${messageId} held: no receiving bind of "${due.systemId}" is open (${queue.length.toLocaleString('en')} held)` +
      (dropped ? `; the oldest held (${dropped.messageId}) dropped, past ${MAX_HELD_RECEIPTS.toLocaleString('en')}` : ''),
    );
  }

  /** A bind that can receive: the receipts held for its system_id go out to it, oldest first. */
  bound(session: ServerSession): void {
    const queue = session.canReceive && session.systemId !== null ? this.held.get(session.systemId) : undefined;
    if (!queue) return;
    this.held.delete(session.systemId!);
    this.deps.activity.note(session.id, `${queue.length.toLocaleString('en')} held receipt(s) for "${session.systemId}" going out to ${session.label}`);
    for (const due of queue) this.deliver(session, due);
  }

  /** How many receipts are held, by system_id. */
  heldBySystemId(): Array<{ systemId: string; count: number }> {
    return [...this.held].map(([systemId, queue]) => ({ systemId, count: queue.length }));
  }

  private deliver(target: ServerSession, due: DueReceipt): void {
    const { submit, messageId, plan, intermediate } = due;
    const stat = intermediate ? 'ENROUTE' : plan.stat;
    const { settings } = plan;
    const quoted = settings.receiptId === 'as-sent' ? messageId : settings.receiptId === 'other-base' ? this.deps.ids.otherBase(messageId) : this.deps.ids.allocate();
    // The receipt's text: field is the start of the original (only that much is looked at: this runs per receipt);
    // characters GSM cannot carry are shown as '?'.
    let text = '';
    for (const char of deliveredText(submit)) {
      if (text.length === RECEIPT_TEXT_CHARS) break;
      text += gsmSeptetCost(char) === 1 ? char : '?';
    }
    const body = Buffer.from(encodeGsm7(formatReceiptText({
      messageId: quoted, submitted: 1, delivered: stat === 'DELIVRD' ? 1 : 0, submitDate: due.submitDate, doneDate: due.doneDate, stat,
      err: intermediate ? 0 : plan.err, text,
    })));
    const fields: Record<string, PduValue> = {
      source_addr_ton: submit.fields.dest_addr_ton ?? 0,
      source_addr_npi: submit.fields.dest_addr_npi ?? 0,
      source_addr: submit.fields.destination_addr ?? '',
      dest_addr_ton: submit.fields.source_addr_ton ?? 0,
      dest_addr_npi: submit.fields.source_addr_npi ?? 0,
      destination_addr: submit.fields.source_addr ?? '',
      esm_class: intermediate ? ESM_CLASS_INTERMEDIATE : ESM_CLASS_DELIVERY_RECEIPT,
      data_coding: 0,
    };
    const tlvs: TlvValues = settings.tlvs ? { receipted_message_id: quoted, message_state: STAT_MESSAGE_STATE[stat] } : {};
    // data_sm has no short_message: the text travels in message_payload.
    if (settings.command === 'data_sm') tlvs.message_payload = body;
    else fields.short_message = body;
    target.counters.receiptsSent += 1;
    this.deps.activity.message(target.id, () => `${kindOf(due)} ${stat} for ${messageId}${quoted === messageId ? '' : ` quoting ${quoted}`} as ${settings.command} to ${target.label}`);
    target.peer
      .request(settings.command, fields, tlvs)
      // Unanswered (timeout, the ESME gone, or answered with an error) is an outcome the ESME's trace shows, and the
      // simulator does not retry receipts yet; anything else failed here, and is reported.
      .catch((error: unknown) => {
        if (!(error instanceof RequestFailedError) && target.peer.connection.isOpen) this.deps.onError?.(error, 'sending a delivery receipt');
      });
  }

  private receiverOf(systemId: string): ServerSession | undefined {
    for (const session of this.deps.sessions()) {
      if (session.canReceive && session.systemId === systemId && session.isOpen) return session;
    }
    return undefined;
  }
}

const kindOf = (due: DueReceipt) => (due.intermediate ? 'intermediate notification' : 'receipt');
