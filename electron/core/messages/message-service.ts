// One message, end to end (design.md §2): validate and encode the draft, submit_sm on the chosen session,
// record submit_sm_resp; later a deliver_sm arrives, the receipt is parsed, matched to its message and
// committed — and only then is deliver_sm_resp written, so an SMSC re-sends anything a crash lost.
import type { DefaultAlphabet, DraftContent, InboxItem, MessageView, SplitMethod, SubmitDraft, SubmitOptions } from '../../../shared/contract';
import { MessageSplitError, splitMessage, type MessagePart, type MessagePlan } from '../../../shared/message-parts';
import { ConsoleInputError } from '../api/console-input-error';
import { splitRecipients } from '../../../shared/recipients';
import type { ConsoleEventBus } from '../api/event-bus';
import type { ManagedSession } from '../sessions/managed-session';
import type { SessionManager } from '../sessions/session-manager';
import type { Pdu, PduValue } from '../smpp/pdu-codec';
import type { RawTlvValues, TlvValues } from '../smpp/smpp-peer';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { StoreHealthMonitor } from '../diagnostics/store-health';
import { isStoreError } from '../store/database';
import { timeOrderedId } from '../store/time-ordered-id';
import type { GroupCommit } from '../store/group-commit';
import type { InboxDuplicates } from '../store/inbox-duplicates';
import type { InboxRepo } from '../store/inbox-repo';
import type { MessagesRepo, PartRef } from '../store/messages-repo';
import type { Profile } from '../store/profiles-repo';
import { receiptSpellingOf } from '../../../shared/message-id';
import { deliverDigest } from './deliver-digest';
import { concatOf, isReceipt, receiptOf, userDataOf } from './receipt-parser';

export interface MessageServiceDeps {
  /** Writes the user or the SMSC is told about go through here: fsync'd, grouped, before anyone is told. */
  commits: GroupCommit;
  health: StoreHealthMonitor;
  /** The profiles sharing an SMSC account with this one: a receipt may come back on any of them. */
  receiptScope: (profile: Profile) => string[];
  messages: MessagesRepo;
  inbox: InboxRepo;
  /** Recognises an SMSC's re-send of a deliver_sm already stored (its deliver_sm_resp never reached the SMSC). */
  duplicates: InboxDuplicates;
  sessions: SessionManager;
  events: ConsoleEventBus;
  diagnostics: Diagnostics;
}

/** registered_delivery 1: a receipt on final delivery outcome, success or failure (smpp-notes.md). */
const REGISTERED_DELIVERY_FINAL = 0x01;
const ESM_CLASS_UDHI = 0x40;
const ESM_CLASS_REPLY_PATH = 0x80;

export class MessageService {
  private reference = Math.floor(Math.random() * 0x10000);

  constructor(private readonly deps: MessageServiceDeps) {}

  /**
   * Sends the draft to each of its recipients (comma- or space-separated), one submit_sm (or one set of parts)
   * each, in order; resolves with the first recipient's message (every one is published as it goes).
   */
  async submit(draft: SubmitDraft): Promise<MessageView> {
    const recipients = splitRecipients(draft.destinationAddr);
    const session = this.deps.sessions.get(draft.sessionId);
    // submit_multi only where the profile says the SMSC takes it; otherwise one submit_sm per recipient.
    if (recipients.length > 1 && session.profile.submitMulti) return this.submitTo(draft, recipients);
    const sent: MessageView[] = [];
    for (const recipient of recipients) sent.push(await this.submitTo(draft, [recipient]));
    return sent[0]!;
  }

  /** One message row per recipient; one submit_sm (one recipient) or submit_multi (several) per part. */
  private async submitTo(draft: SubmitDraft, recipients: string[]): Promise<MessageView> {
    const session = this.deps.sessions.get(draft.sessionId);
    if (session.state !== 'bound') {
      throw new ConsoleInputError(`the session is ${session.state}; bind it before sending`, 'sessionId');
    }
    const split = draft.split ?? session.profile.defaultSplit;
    const reference = this.nextReference(split);
    let plan: MessagePlan;
    let parts: MessagePart[];
    try {
      ({ plan, parts } = splitMessage(draft.text, reference, {
        encoding: draft.encoding ?? 'auto', nationalLanguage: draft.nationalLanguage ?? 'none', split,
        defaultAlphabet: session.profile.defaultAlphabet,
      }));
    } catch (error) {
      if (error instanceof MessageSplitError) throw new ConsoleInputError(error.message, error.field);
      throw error;
    }
    const dataCoding = withMessageClass(plan, draft.options?.messageClass, session.profile.defaultAlphabet);
    const { messages, events, commits } = this.deps;
    const submittedAt = Date.now();
    const created = await commits.run(() =>
      recipients.map((destinationAddr) =>
        messages.insert(
          {
            id: timeOrderedId(), sessionId: session.id, profileId: session.profile.id, sourceAddr: draft.sourceAddr,
            destinationAddr, text: draft.text, dataCoding: plan.dataCoding,
          },
          submittedAt,
          parts.length,
          draftContentOf(draft),
        ),
      ),
    );
    for (const message of created) events.emit('message', message);
    const multi = recipients.length > 1;
    const command = multi ? 'submit_multi' : 'submit_sm';
    // Parts go out in order, each after the previous one's response: SMSCs that reassemble by arrival get them
    // in sequence, and a refused part stops the rest (the message shows which).
    for (const [index, part] of parts.entries()) {
      const [fields, tlvs, raw] = submitFields({ ...draft, destinationAddr: recipients[0]! }, dataCoding, part, split);
      if (multi) fields.dest_address = recipients.map((destination_addr) => ({ dest_addr_ton: fields.dest_addr_ton, dest_addr_npi: fields.dest_addr_npi, destination_addr }));
      let response: Pdu;
      const sentAt = Date.now();
      try {
        response = await session.submit(fields, tlvs, raw, command);
      } catch (error) {
        const failed = await commits.run(() => created.map((message) => messages.partFailed({ consoleMessageId: message.id, seq: index + 1 }, sentAt)));
        for (const message of failed) events.emit('message', message);
        throw new ConsoleInputError(`${command} failed${parts.length > 1 ? ` (part ${index + 1}/${parts.length})` : ''}: ${(error as Error).message}`);
      }
      const exchange = { sequenceNumber: response.sequenceNumber, sentAt, answeredAt: Date.now() };
      const smscId = typeof response.fields.message_id === 'string' ? response.fields.message_id : null;
      const refused = unsuccessfulDestinations(response);
      const claimed: InboxItem[] = [];
      const answered = await commits.run(() =>
        created.map((message, i) => {
          const ref = { consoleMessageId: message.id, seq: index + 1 };
          const status = refused.get(recipients[i]!) ?? response.commandStatus;
          const latest = messages.partAnswered(ref, status, status === 0 ? smscId : null, exchange, message);
          if (smscId === null || status !== 0) return latest;
          return this.claimEarlyReceipts(session.profile, ref, smscId, claimed) ?? latest;
        }),
      );
      for (const item of claimed) events.emit('inbox', item);
      answered.forEach((latest, i) => {
        created[i] = latest;
        events.emit('message', latest);
      });
      if (response.commandStatus !== 0 || refused.size === recipients.length) break;
    }
    return created[0]!;
  }

  /** A fresh concatenation reference per message: 8 or 16 bits as the method carries. */
  private nextReference(split: SplitMethod): number {
    this.reference = (this.reference + 1) & 0xffff;
    return split === 'udh8' ? this.reference & 0xff : this.reference;
  }

  /**
   * Commits what a deliver_sm / data_sm carries and resolves with the command_status to answer it with — after
   * the fsync'd commit. When the store refuses the write this rejects: the caller answers ESME_RX_T_APPN and the
   * SMSC sends the PDU again.
   */
  async deliver(session: ManagedSession, pdu: Pdu): Promise<number> {
    const { messages, inbox, duplicates, events, commits, health } = this.deps;
    const alphabet = session.profile.defaultAlphabet;
    const receipt = isReceipt(pdu) ? receiptOf(pdu, alphabet) : null;
    const receivedAt = Date.now();
    let updated: MessageView | null = null;
    const { text, udh } = userDataOf(pdu, alphabet);
    const concat = receipt ? null : concatOf(pdu, udh);
    const digest = deliverDigest(pdu);
    const sourceAddr = String(pdu.fields.source_addr ?? '');
    const destinationAddr = String(pdu.fields.destination_addr ?? '');
    const committed = commits.run((): InboxItem => {
      const scope = this.deps.receiptScope(session.profile);
      // One account's parts meet whichever of its sessions they arrive on.
      const concatKey = concat && concat.total >= 2 ? `${[...scope].sort().join(',')}|${sourceAddr}|${destinationAddr}|${concat.reference}` : null;
      // Stored already (here again because its deliver_sm_resp never reached the SMSC): counted, and neither stored
      // nor applied to its message a second time.
      const repeated = duplicates.countRepeat(scope, digest, receivedAt, concatKey);
      if (repeated !== null) return inbox.get(repeated)!;
      // A receipt comes from the recipient: with submit_multi, several messages share one message_id.
      const matched = receipt ? messages.findPartBySmscId(scope, receipt.smscMessageId, sourceAddr, session.profile.receiptIds) : null;
      // A stat that maps to no v3.4 word (stat:SENT, message_state SKIPPED) is kept on the receipt as it came, and
      // leaves the message's state as it was: guessing would be worse than not knowing.
      if (matched && receipt?.stat) updated = messages.receipted(matched, receipt.stat, receivedAt);
      const received = {
        sessionId: session.id, profileId: session.profile.id, receivedAt, sourceAddr, destinationAddr,
        esmClass: Number(pdu.fields.esm_class ?? 0), dataCoding: Number(pdu.fields.data_coding ?? 0),
        text, receipt, matchedMessageId: matched?.consoleMessageId ?? null, matchedPart: matched?.seq ?? null, matchRule: matched?.rule ?? null,
        pduDigest: digest, pduSequence: pdu.sequenceNumber,
      };
      if (!concat || concatKey === null) return inbox.insert(received, updated ?? undefined);
      const item = inbox.addMoPart(received, { key: concatKey, total: concat.total, sequence: concat.sequence });
      duplicates.rememberPart(item.id, digest);
      return item;
    });
    let item: InboxItem;
    try {
      item = await committed;
    } catch (error) {
      if (isStoreError(error)) {
        health.failed(error, 'committing a delivery');
        health.deliveryDeferred();
      }
      throw error;
    }
    health.succeeded();
    // Committed: the answer is ESME_ROK whatever a listener does with the news — an error there is reported, never
    // turned into ESME_RX_T_APPN for an item already stored (the SMSC would re-send it, counted as a repeat).
    try {
      if (updated) events.emit('message', updated);
      events.emit('inbox', item);
    } catch (error) {
      this.deps.diagnostics.report(error, { where: 'announcing a committed deliver_sm', sessionId: session.id });
    }
    return 0;
  }

  /**
   * A receipt can arrive before its submit_sm_resp is recorded (both in one TCP read, or on another session of
   * the same account): it was stored unmatched, and is claimed here by the part it names, exactly spelled.
   */
  private claimEarlyReceipts(profile: Profile, ref: PartRef, smscMessageId: string, claimed: InboxItem[]): MessageView | null {
    const { messages, inbox } = this.deps;
    const spelling = receiptSpellingOf(smscMessageId, profile.receiptIds);
    if (spelling === null) return null;
    const early = inbox.unmatchedReceiptsFor(this.deps.receiptScope(profile), spelling);
    let message: MessageView | null = null;
    for (const receipt of early) {
      message = receipt.stat ? messages.receipted(ref, receipt.stat, receipt.receivedAt) : messages.get(ref.consoleMessageId);
      claimed.push(inbox.match(receipt.id, ref));
    }
    return message;
  }
}

/** The draft as stored with its message: everything but the session (a re-send may pick another). */
export function draftContentOf(draft: SubmitDraft): DraftContent {
  const { sessionId: _session, ...content } = draft;
  return content;
}

/** submit_multi_resp's unsuccess_sme list: destination → its error_status_code. */
function unsuccessfulDestinations(response: Pdu): Map<string, number> {
  const list = Array.isArray(response.fields.unsuccess_sme) ? (response.fields.unsuccess_sme as Array<{ destination_addr?: string; error_status_code?: number }>) : [];
  return new Map(list.map((sme) => [String(sme.destination_addr ?? ''), Number(sme.error_status_code ?? 0xff)]));
}

/** The submit_sm of one part: UDH in short_message (UDHI set), SAR TLVs, or the whole text in message_payload. */
function submitFields(
  draft: SubmitDraft,
  dataCoding: number,
  part: MessagePart,
  split: SplitMethod,
): [Record<string, PduValue>, TlvValues, RawTlvValues] {
  // dataCoding arrives already carrying any message class (see withMessageClass).
  const userData = Buffer.concat([part.udh ?? new Uint8Array(0), part.payload]);
  const o = draft.options ?? {};
  const esmClass = (o.messagingMode ?? 0) | (o.messageType ?? 0) | (part.udh ? ESM_CLASS_UDHI : 0) | (o.replyPath ? ESM_CLASS_REPLY_PATH : 0);
  const fields: Record<string, PduValue> = {
    service_type: o.serviceType ?? '',
    source_addr_ton: o.sourceAddrTon ?? 0,
    source_addr_npi: o.sourceAddrNpi ?? 0,
    source_addr: draft.sourceAddr,
    dest_addr_ton: o.destAddrTon ?? 0,
    dest_addr_npi: o.destAddrNpi ?? 0,
    destination_addr: draft.destinationAddr,
    esm_class: esmClass,
    protocol_id: o.protocolId ?? 0,
    priority_flag: o.priorityFlag ?? 0,
    schedule_delivery_time: o.scheduleDeliveryTime ?? '',
    validity_period: o.validityPeriod ?? '',
    registered_delivery: o.registeredDelivery ?? REGISTERED_DELIVERY_FINAL,
    replace_if_present_flag: o.replaceIfPresent ? 1 : 0,
    data_coding: dataCoding,
    sm_default_msg_id: o.smDefaultMsgId ?? 0,
    short_message: split === 'payload' ? Buffer.alloc(0) : userData,
  };
  const raw: RawTlvValues = (o.tlvs ?? []).map((t) => ({ tag: t.tag, value: Buffer.from(t.hex, 'hex') }));
  const tlvs: TlvValues = split === 'payload' ? { message_payload: userData } : {};
  if (part.sar) {
    tlvs.sar_msg_ref_num = part.sar.reference;
    tlvs.sar_total_segments = part.sar.total;
    tlvs.sar_segment_seqnum = part.sar.sequence;
  }
  return [fields, tlvs, raw];
}

/**
 * data_coding with a GSM message class (class 0 = flash): the general data coding group with bit 4 set, keeping
 * the alphabet that was measured — 0x10–0x13 GSM 7-bit, 0x14–0x17 8-bit data, 0x18–0x1B UCS-2 (3GPP TS 23.038
 * §4). IA5 and Latin-1 have no class form, nor does GSM text sent in an SMSC's own data_coding 0 octets: refused,
 * rather than relabelled as something it is not.
 */
function withMessageClass(plan: MessagePlan, messageClass: SubmitOptions['messageClass'], smscAlphabet: DefaultAlphabet): number {
  if (messageClass === undefined || messageClass === 'none') return plan.dataCoding;
  const group = plan.encoding === 'ucs2' ? 0x18 : plan.encoding === 'binary' ? 0x14 : plan.encoding === 'gsm7' && smscAlphabet === 'gsm7' ? 0x10 : null;
  if (group === null) {
    const what = plan.encoding === 'gsm7' ? `GSM text sent as this SMSC's data_coding 0 (${smscAlphabet})` : plan.encoding === 'ia5' ? 'IA5' : 'Latin-1';
    throw new ConsoleInputError(`Message class: ${what} has no data_coding with a message class; choose GSM 03.38, UCS-2 or binary`, 'options.messageClass');
  }
  return group | messageClass;
}
