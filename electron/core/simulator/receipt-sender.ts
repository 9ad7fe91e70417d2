// A delivery receipt (esm_class 0x04) or intermediate notification (0x20, ENROUTE) for one message, as deliver_sm
// or data_sm, with or without the receipted_message_id and message_state TLVs, quoting the message's id, the same
// number in the other base, or an id no message had. It goes to the session the message came from if that one
// can receive, else to a receiving bind of the same system_id — never to a transmitter.
import { encodeGsm7, gsmSeptetCost } from '../../../shared/text-codec';
import { deliveredText } from '../messages/receipt-parser';
import type { Pdu, PduValue } from '../smpp/pdu-codec';
import { RequestFailedError } from '../smpp/request-tracker';
import type { TlvValues } from '../smpp/smpp-peer';
import type { ActivityLog } from './activity-log';
import type { MessageIds } from './message-ids';
import type { ReceiptPlan } from './receipts-plan';
import { STAT_STATE } from './receipts-plan';
import { formatReceiptText } from './receipt-text';
import type { ServerSession } from './server-session';

const ESM_CLASS_DELIVERY_RECEIPT = 0x04;
const ESM_CLASS_INTERMEDIATE = 0x20;

export interface ReceiptSenderDeps {
  sessions: () => Iterable<ServerSession>;
  ids: MessageIds;
  activity: ActivityLog;
  onError?: (error: unknown, where: string) => void;
}

export class ReceiptSender {
  constructor(private readonly deps: ReceiptSenderDeps) {}

  send(origin: ServerSession, submit: Pdu, messageId: string, submitDate: Date, plan: ReceiptPlan, intermediate: boolean): void {
    const target = this.targetFor(origin);
    const kind = intermediate ? 'intermediate notification' : 'receipt';
    if (!target) {
      // Like an SMSC it would keep the receipt for a later bind; the simulator has no such store yet.
      this.deps.activity.message(origin.id, `${kind} for ${messageId} dropped: no receiving bind of "${origin.systemId}" is open`);
      return;
    }
    const stat = intermediate ? 'ENROUTE' : plan.stat;
    const { settings } = plan;
    const quoted = settings.receiptId === 'as-sent' ? messageId : settings.receiptId === 'other-base' ? this.deps.ids.otherBase(messageId) : this.deps.ids.allocate();
    // The receipt's text: field is the start of the original; characters GSM cannot carry are shown as '?'.
    const text = [...deliveredText(submit)].map((char) => (gsmSeptetCost(char) === 1 ? char : '?')).join('');
    const body = Buffer.from(encodeGsm7(formatReceiptText({
      messageId: quoted, submitted: 1, delivered: stat === 'DELIVRD' ? 1 : 0, submitDate, doneDate: new Date(), stat,
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
    const tlvs: TlvValues = settings.tlvs ? { receipted_message_id: quoted, message_state: STAT_STATE[stat] } : {};
    // data_sm has no short_message: the text travels in message_payload.
    if (settings.command === 'data_sm') tlvs.message_payload = body;
    else fields.short_message = body;
    target.counters.receiptsSent += 1;
    this.deps.activity.message(target.id, () => `${kind} ${stat} for ${messageId}${quoted === messageId ? '' : ` quoting ${quoted}`} as ${settings.command} to ${target.label}`);
    target.peer
      .request(settings.command, fields, tlvs)
      // Unanswered (timeout, the ESME gone, or answered with an error) is an outcome the ESME's trace shows, and the
      // simulator does not retry receipts yet; anything else failed here, and is reported.
      .catch((error: unknown) => {
        if (!(error instanceof RequestFailedError) && target.peer.connection.isOpen) this.deps.onError?.(error, 'sending a delivery receipt');
      });
  }

  private targetFor(origin: ServerSession): ServerSession | undefined {
    if (origin.canReceive && origin.isOpen) return origin;
    for (const session of this.deps.sessions()) {
      if (session.canReceive && session.systemId === origin.systemId && session.isOpen) return session;
    }
    return undefined;
  }
}
