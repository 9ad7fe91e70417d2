// The contract's words for messages (re-exported by contract.ts, which is where callers import them from): what
// Compose sends and how, where a message stands, receipts and MO as received, drafts, and the operations on a
// message at the SMSC.

/**
 * How the text is encoded: Auto picks GSM 03.38 when every character fits, else UCS-2. gsm7 goes as data_coding
 * 0 (what the profile says 0 means on its SMSC decides the octets), ia5 as 1, latin1 as 3, ucs2 as 8, and binary
 * as 4 with the text field holding hex octets.
 */
export const textEncodingChoices = ['auto', 'gsm7', 'ia5', 'latin1', 'ucs2', 'binary'] as const;
export type TextEncodingChoice = (typeof textEncodingChoices)[number];

/** National language shift tables of GSM 03.38 (3GPP TS 23.038 annex A), signalled by UDH IEs 0x24/0x25. */
export const nationalLanguages = ['none', 'turkish', 'spanish', 'portuguese'] as const;
export type NationalLanguage = (typeof nationalLanguages)[number];

/**
 * How a text too long for one part goes out: concatenation UDH with an 8-bit or 16-bit reference, SAR TLVs, or
 * the whole text in one message_payload TLV (the SMSC splits it).
 */
export const splitMethods = ['udh8', 'udh16', 'sar', 'payload'] as const;
export type SplitMethod = (typeof splitMethods)[number];

/** GSM message class for data_coding (class 0 is a flash message shown, not stored). */
export const messageClasses = ['none', 0, 1, 2, 3] as const;
export type MessageClass = (typeof messageClasses)[number];

/** esm_class bits 1–0: 0 default, 1 datagram, 2 forward (transaction), 3 store and forward. */
export const messagingModes = [0, 1, 2, 3] as const;
export type MessagingMode = (typeof messagingModes)[number];

/** A TLV given by tag and value as hex: for any tag, known to the console or not. */
export interface RawTlv {
  tag: number;
  hex: string;
}

/** The rest of submit_sm's fields; each defaults as SMPP's own default where left out. */
export interface SubmitOptions {
  serviceType?: string;
  sourceAddrTon?: number;
  sourceAddrNpi?: number;
  destAddrTon?: number;
  destAddrNpi?: number;
  /** esm_class bits 1–0: 0 default, 1 datagram, 2 forward (transaction), 3 store and forward. */
  messagingMode?: MessagingMode;
  /** esm_class bits 5–2 as a value: 0x00 default, 0x08 SME delivery acknowledgement, 0x10 user acknowledgement. */
  messageType?: number;
  /** esm_class bit 7. (UDHI, bit 6, is set by the console for parts that carry a UDH.) */
  replyPath?: boolean;
  protocolId?: number;
  priorityFlag?: number;
  /** SMPP time format, absolute YYMMDDhhmmsstnnp or relative YYMMDDhhmmss000R; '' = none. */
  scheduleDeliveryTime?: string;
  validityPeriod?: string;
  /** registered_delivery as a byte (bits 1–0 receipt, 3–2 SME acks, 4 intermediate); default 1. */
  registeredDelivery?: number;
  replaceIfPresent?: boolean;
  messageClass?: MessageClass;
  smDefaultMsgId?: number;
  tlvs?: RawTlv[];
}

export interface SubmitDraft {
  sessionId: string;
  sourceAddr: string;
  destinationAddr: string;
  text: string;
  options?: SubmitOptions;
  /** Default 'auto'. */
  encoding?: TextEncodingChoice;
  /** GSM 03.38 only; default 'none'. */
  nationalLanguage?: NationalLanguage;
  /** Default 'udh8'. */
  split?: SplitMethod;
}

/** Where a submitted message stands: before the SMSC answers, after, and after its delivery receipt. */
export type MessageState = 'submitting' | 'accepted' | 'rejected' | 'failed' | ReceiptStat;

/** The stat values of delivery receipts (v3.4 Appendix B, plus ENROUTE seen in the wild). */
export const receiptStats = ['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD', 'ENROUTE'] as const;
export type ReceiptStat = (typeof receiptStats)[number];

/** Stats after which another receipt is still expected: ENROUTE (an intermediate notification) and ACCEPTD. */
export const intermediateReceiptStats: readonly ReceiptStat[] = ['ENROUTE', 'ACCEPTD'];
/** Stats that end a message part's story: every other word. */
export const finalOutcomeStats: readonly ReceiptStat[] = receiptStats.filter((stat) => !intermediateReceiptStats.includes(stat));

/**
 * How a receipt found its message: by the id as the SMSC gave it in submit_sm_resp (case and zero padding aside),
 * by a hex ⇄ decimal conversion (only when exactly one waiting message answers to it), or when the message's
 * submit_sm_resp arrived after its receipt.
 */
export const receiptMatchRules = ['as-sent', 'converted', 'on-response'] as const;
export type ReceiptMatchRule = (typeof receiptMatchRules)[number];

export interface MessageView {
  id: string;
  sessionId: string;
  profileId: string;
  sourceAddr: string;
  destinationAddr: string;
  text: string;
  dataCoding: number;
  state: MessageState;
  /** The SMSC's message_id from submit_sm_resp (the first part's); `id` is the console's own. */
  smscMessageId: string | null;
  /** command_status of submit_sm_resp, once answered. */
  commandStatus: number | null;
  statusName: string | null;
  submittedAt: number;
  receiptAt: number | null;
  /** Parts the text went out in (1 for a single short message), and how far they have got. */
  parts: { total: number; accepted: number; delivered: number; failed: number };
}

export interface ReceiptView {
  /** The SMSC's message_id the receipt reports on (receipted_message_id, else the text's id). */
  smscMessageId: string;
  /**
   * The outcome as one of the v3.4 words: message_state when present, else the text's stat where it maps to one
   * without doubt (DELIVERED → DELIVRD, lower case…); null when it does not — the message's state is then left
   * as it was, and statText shows what came.
   */
  stat: ReceiptStat | null;
  /** The stat as received: the text's word, else message_state's name. */
  statText: string | null;
  err: string | null;
  submitDate: string | null;
  doneDate: string | null;
  /** The receipt text's own text: field (the start of the message, by convention). */
  text: string | null;
  /** Where the TLVs and the text disagree (the TLVs win), what each said. */
  conflict: string | null;
}

/** A delivery receipt or a mobile-originated message, as received (deliver_sm / data_sm). */
export interface InboxItem {
  id: number;
  sessionId: string;
  kind: InboxKind;
  /** Seen in the Inbox (or marked read). */
  read: boolean;
  receivedAt: number;
  sourceAddr: string;
  destinationAddr: string;
  dataCoding: number;
  text: string;
  receipt: ReceiptView | null;
  /** The sent message this receipt was matched to, when one was. */
  matchedMessage: Pick<MessageView, 'id' | 'destinationAddr' | 'text' | 'smscMessageId'> | null;
  /** How it was matched (null when unmatched, and for MO). */
  matchRule: ReceiptMatchRule | null;
  /** A concatenated MO arrives in parts and shows as one item; text fills in as parts arrive. */
  parts: { total: number; received: number };
  /**
   * How many times the SMSC sent it again (the same octets under a new sequence number, within a day) after it was
   * stored: recognised as re-sends and acknowledged, never stored twice. 0 when it came once; "received N×" is 1 + this.
   */
  repeats: number;
}

export interface MessagePageRequest {
  sessionId?: string;
  /** Messages submitted before this one (its time and id), for paging back. */
  before?: { submittedAt: number; id: string };
  limit: number;
}

export const inboxKinds = ['receipt', 'mo'] as const;
export type InboxKind = (typeof inboxKinds)[number];

/**
 * What the Inbox's filter bar asks for; parts combine with AND. number: source_addr or destination_addr, exactly,
 * or every address starting with it when it ends in '*'. text: in the MO's text or the receipt's text: field,
 * ignoring ASCII case. stat: a v3.4 word, or 'other' for receipts whose stat maps to none.
 */
export interface InboxFilter {
  kind?: InboxKind;
  stat?: ReceiptStat | 'other';
  number?: string;
  text?: string;
  unreadOnly?: boolean;
}

export interface InboxPageRequest {
  sessionId?: string;
  filter?: InboxFilter;
  beforeId?: number;
  limit: number;
}

/** How many rows the Sent and Inbox tabs hold and how many inbox items are unread: in all, and per session. */
export interface ListCounts {
  sent: number;
  inbox: number;
  unread: number;
  sessions: Record<string, { sent: number; inbox: number; unread: number }>;
}

/** A file of inbox rows written for download (read in pieces with readExport). */
export interface InboxExportResult {
  exportId: string;
  fileName: string;
  records: number;
  octets: number;
}

/** A receipt (final or intermediate) in a message's timeline. */
export interface LifecycleReceipt {
  inboxId: number;
  receivedAt: number;
  /** An intermediate notification (esm_class 0x20) or a stat that is not final (ENROUTE, ACCEPTD). */
  intermediate: boolean;
  receipt: ReceiptView;
  matchRule: ReceiptMatchRule | null;
  /** The deliver_sm / data_sm it came in, in the trace (null when the trace no longer holds it). */
  traceId: number | null;
}

/** One part of a sent message, from its submit_sm to its final receipt. */
export interface PartLifecycle {
  seq: number;
  state: MessageState;
  submit: { sequenceNumber: number | null; sentAt: number | null; traceId: number | null };
  /** submit_sm_resp (or submit_multi_resp); null while none came. */
  response: {
    commandStatus: number;
    statusName: string;
    smscMessageId: string | null;
    answeredAt: number | null;
    roundTripMs: number | null;
    traceId: number | null;
  } | null;
  /** Oldest first: intermediate notifications, then the final receipt (and any that came after it). */
  receipts: LifecycleReceipt[];
}

/** A sent message's story, part by part; its state is the parts' summary. */
export interface MessageLifecycle {
  message: MessageView;
  /**
   * The draft it was sent from (addresses, TON/NPI, service_type, options): what query/cancel/replace_sm name it by
   * and what "re-send as a new draft" starts from. Null for messages stored before the console kept drafts.
   */
  draft: DraftContent | null;
  parts: PartLifecycle[];
}

/** What a compose draft holds, without the session it was sent on. */
export type DraftContent = Omit<SubmitDraft, 'sessionId'>;

/** A recent draft or a named template (templates belong to a profile). */
export interface SavedDraft {
  id: string;
  name: string | null;
  profileId: string | null;
  draft: DraftContent;
  savedAt: number;
}

/** A message at the SMSC, named as query_sm, cancel_sm and replace_sm name it. */
export interface MessageRef {
  sessionId: string;
  smscMessageId: string;
  sourceAddr: string;
  sourceAddrTon?: number;
  sourceAddrNpi?: number;
}

/** What came back for a request: its status (name and number) and how long it took. */
export interface OperationResult {
  commandStatus: number;
  statusName: string;
  roundTripMs: number;
}

export interface QueryResult extends OperationResult {
  finalDate: string | null;
  /** message_state by name (ENROUTE, DELIVERED, …) and number. */
  messageState: { value: number; name: string } | null;
  errorCode: number | null;
}

export interface RawPduResult {
  sequenceNumber: number;
  /** The response, when the PDU was a request the SMSC answered; null when none came or none was due. */
  response: (OperationResult & { commandName: string }) | null;
}
