// One message, end to end (design.md §2): validate and encode the draft, submit_sm on the chosen session,
// record submit_sm_resp; later a deliver_sm arrives, the receipt is parsed, matched to its message and
// committed — and only then is deliver_sm_resp written, so an SMSC re-sends anything a crash lost.
import { randomUUID } from 'node:crypto';
import type { InboxItem, MessageView, SubmitDraft } from '../../../shared/contract';
import { encodeText } from '../../../shared/text-codec';
import { ConsoleInputError } from '../api/console-input-error';
import type { ConsoleEventBus } from '../api/event-bus';
import type { ManagedSession } from '../sessions/managed-session';
import type { SessionManager } from '../sessions/session-manager';
import type { Pdu } from '../smpp/pdu-codec';
import { inTransaction, type Database } from '../store/database';
import type { InboxRepo } from '../store/inbox-repo';
import type { MessagesRepo } from '../store/messages-repo';
import type { Profile } from '../store/profiles-repo';
import { normaliseMessageId } from './message-id';
import { deliveredText, isReceipt, receiptOf } from './receipt-parser';

export interface MessageServiceDeps {
  db: Database;
  /** The profiles sharing an SMSC account with this one: a receipt may come back on any of them. */
  receiptScope: (profile: Profile) => string[];
  messages: MessagesRepo;
  inbox: InboxRepo;
  sessions: SessionManager;
  events: ConsoleEventBus;
}

/** registered_delivery 1: a receipt on final delivery outcome, success or failure (smpp-notes.md). */
const REGISTERED_DELIVERY_FINAL = 0x01;

export class MessageService {
  constructor(private readonly deps: MessageServiceDeps) {}

  async submit(draft: SubmitDraft): Promise<MessageView> {
    const session = this.deps.sessions.get(draft.sessionId);
    if (session.state !== 'bound') {
      throw new ConsoleInputError(`the session is ${session.state}; bind it before sending`, 'sessionId');
    }
    const { bytes, measure } = encodeText(draft.text);
    if (!measure.fitsOnePart) {
      throw new ConsoleInputError(
        `text is ${measure.units} ${measure.unitName}; one ${measure.encoding === 'gsm7' ? 'GSM 03.38' : 'UCS-2'} part holds ` +
          `${measure.capacity} (long messages are not supported yet)`,
        'text',
      );
    }
    const { messages, events } = this.deps;
    const created = messages.insert(
      {
        id: randomUUID(), sessionId: session.id, profileId: session.profile.id, sourceAddr: draft.sourceAddr,
        destinationAddr: draft.destinationAddr, text: draft.text, dataCoding: measure.dataCoding,
      },
      Date.now(),
    );
    events.emit('message', created);
    let answered: MessageView;
    try {
      const response = await session.submit({
        source_addr: draft.sourceAddr,
        destination_addr: draft.destinationAddr,
        registered_delivery: REGISTERED_DELIVERY_FINAL,
        data_coding: measure.dataCoding,
        short_message: Buffer.from(bytes),
      });
      const messageId = typeof response.fields.message_id === 'string' ? response.fields.message_id : null;
      answered = messages.answered(created.id, response.commandStatus, messageId);
      if (messageId !== null && response.commandStatus === 0) answered = this.claimEarlyReceipts(session.profile, answered, messageId);
    } catch (error) {
      answered = messages.failed(created.id);
      events.emit('message', answered);
      throw new ConsoleInputError(`submit_sm failed: ${(error as Error).message}`);
    }
    events.emit('message', answered);
    return answered;
  }

  /** Commits what a deliver_sm / data_sm carries and resolves with the command_status to answer it with. */
  async deliver(session: ManagedSession, pdu: Pdu): Promise<number> {
    const { db, messages, inbox, events } = this.deps;
    const alphabet = session.profile.defaultAlphabet;
    const receipt = isReceipt(pdu) ? receiptOf(pdu, alphabet) : null;
    const receivedAt = Date.now();
    let updated: MessageView | null = null;
    const item: InboxItem = inTransaction(db, () => {
      const matched = receipt ? messages.findBySmscId(this.deps.receiptScope(session.profile), receipt.messageId) : null;
      if (matched && receipt) updated = messages.receipted(matched.id, receipt.stat, receivedAt);
      return inbox.insert({
        sessionId: session.id, profileId: session.profile.id, receivedAt,
        sourceAddr: String(pdu.fields.source_addr ?? ''), destinationAddr: String(pdu.fields.destination_addr ?? ''),
        esmClass: Number(pdu.fields.esm_class ?? 0), dataCoding: Number(pdu.fields.data_coding ?? 0),
        text: deliveredText(pdu, alphabet), receipt, matchedMessageId: matched?.id ?? null,
      });
    });
    if (updated) events.emit('message', updated);
    events.emit('inbox', item);
    return 0;
  }

  /**
   * A receipt can arrive before its submit_sm_resp is recorded (both in one TCP read, or on another session of
   * the same account): it was stored unmatched, and is claimed here by the message it names, exactly spelled.
   */
  private claimEarlyReceipts(profile: Profile, message: MessageView, messageId: string): MessageView {
    const { db, messages, inbox, events } = this.deps;
    const early = inbox.unmatchedReceiptsFor(this.deps.receiptScope(profile), normaliseMessageId(messageId));
    if (early.length === 0) return message;
    const claimed = inTransaction(db, () =>
      early.map((receipt) => {
        message = messages.receipted(message.id, receipt.stat, receipt.receivedAt);
        return inbox.match(receipt.id, message.id);
      }),
    );
    for (const item of claimed) events.emit('inbox', item);
    return message;
  }
}
