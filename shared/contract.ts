// The one contract between the renderer and the main side. Both transports (Electron IPC through the preload,
// WebSocket through the browser host) are derived from the name lists below, so adding a method is one line in
// ConsoleMethods, one name in consoleMethodNames and one handler in electron/core/api.
// Everything here is JSON-safe: no Buffers, no Dates, no class instances.
import type { TraceFilter } from './trace-filter';

// Domain words are name lists first and types derived from them, so the main side's validation (zod enums) and
// the UI's choices are built from the same list as the type and cannot drift from it.

/** The lifecycle of one ESME session, as the user sees it. */
export const sessionStates = ['connecting', 'binding', 'bound', 'unbinding', 'closed'] as const;
export type SessionState = (typeof sessionStates)[number];

export const bindModes = ['transmitter', 'receiver', 'transceiver'] as const;
export type BindMode = (typeof bindModes)[number];

/** What data_coding 0 (SMSC default alphabet) means on a given SMSC: they disagree (smpp-notes.md). */
export const defaultAlphabets = ['gsm7', 'latin1', 'ia5'] as const;
export type DefaultAlphabet = (typeof defaultAlphabets)[number];

export interface TlsSettings {
  enabled: boolean;
  /** Off by default: the server certificate is verified. On: self-signed or untrusted certificates are accepted. */
  acceptUntrusted: boolean;
  /** Optional PEM files on the main side's disk ('' = none). */
  caFile: string;
  certFile: string;
  keyFile: string;
}

export interface ReconnectPolicy {
  enabled: boolean;
  minBackoffMs: number;
  maxBackoffMs: number;
}

/** How a session is opened: connect to the SMSC, or listen on a port for its outbind and answer bind_receiver. */
export const connectModes = ['connect', 'outbind'] as const;
export type ConnectMode = (typeof connectModes)[number];

/** Everything a user edits in a bind profile. */
export interface ProfileSettings {
  name: string;
  host: string;
  port: number;
  connectMode: ConnectMode;
  /** The port to listen on for outbind (connectMode 'outbind'). */
  outbindPort: number;
  /** The address to listen on for outbind; '' = automatic (127.0.0.1 for a local SMSC, else the interface routing to it). */
  outbindAddress: string;
  /** The system_id the SMSC's outbind must carry; '' = this profile's system_id. */
  outbindSystemId: string;
  tls: TlsSettings;
  bindMode: BindMode;
  systemId: string;
  systemType: string;
  interfaceVersion: number;
  addrTon: number;
  addrNpi: number;
  addressRange: string;
  enquireLinkIntervalMs: number;
  /** enquire_links left unanswered in a row before the link is declared dead. */
  enquireLinkMisses: number;
  responseTimeoutMs: number;
  /** Most requests outstanding at once. */
  windowSize: number;
  /** submit_sm per second at most; 0 = no limit. */
  maxSubmitRate: number;
  /** Retries after ESME_RTHROTTLED / ESME_RMSGQFUL before a submit fails. */
  throttleRetries: number;
  /** Several recipients go in one submit_multi (the SMSC must support it), else one submit_sm each. */
  submitMulti: boolean;
  /** How long messages go out unless the compose pane says otherwise. */
  defaultSplit: SplitMethod;
  reconnect: ReconnectPolicy;
  defaultAlphabet: DefaultAlphabet;
  notes: string;
}

/** A profile as created or edited: settings plus the password, when it changes. */
export interface ProfileDraft extends ProfileSettings {
  /** undefined keeps the stored password; '' clears it. */
  password?: string;
  /**
   * Browser host only: persist the password (unencrypted, in the data folder) instead of keeping it for this run.
   * Given without a password, it changes how the stored one is kept.
   */
  rememberPassword?: boolean;
}

export interface ConnectRequest {
  profileId: string;
  password?: string;
  rememberPassword?: boolean;
  secondBind?: boolean;
}

/** A saved bind profile as the renderer sees it: never the password, only whether one is set. */
export interface ProfileView extends ProfileSettings {
  id: string;
  /** The built-in simulator's profile: host and port follow wherever the simulator listens this run. */
  builtinSimulator: boolean;
  passwordSet: boolean;
  /** The stored password outlives this run (always under Electron, encrypted; on the browser host when asked). */
  passwordRemembered: boolean;
  /**
   * The profile binds with a password this run does not have (the browser host kept it for its last run only):
   * Connect asks for it, and never binds with an empty one.
   */
  passwordMissing: boolean;
}

/** Live figures of one session; sent with session events, at most a few times a second. */
export interface SessionCounters {
  pdusIn: number;
  pdusOut: number;
  submitsOk: number;
  submitsFailed: number;
  outstanding: number;
  /** Round-trip time of the last answered request, ms. */
  lastRoundTripMs: number | null;
  throttled: number;
  reconnects: number;
}

export interface SessionView {
  id: string;
  profileId: string;
  profileName: string;
  state: SessionState;
  /** system_id from the SMSC's bind response, once bound. */
  smscSystemId: string | null;
  /** Why the session closed (unbind, peer closed, bind refused with its status…), when closed. */
  closeReason: string | null;
  /** When reconnecting: the time of the next attempt (ms since the epoch). */
  nextAttemptAt: number | null;
  counters: SessionCounters;
}

/** in/out: a PDU on the wire. event: something the console noticed that is not a PDU (a timeout, a dead link,
 *  a reconnect attempt, a throttling back-off); it has no bytes, its commandName says what kind it is. */
export const traceDirections = ['in', 'out', 'event'] as const;
export type TraceDirection = (typeof traceDirections)[number];

/**
 * What became of a request (either side's), paired at capture time with its response by session, sequence
 * number and command: outstanding until something happens; answered (by its own response); nack (generic_nack);
 * wrong-response (a response of another command with its sequence number); timeout; unanswered (the connection
 * closed first).
 */
export const requestOutcomes = ['outstanding', 'answered', 'nack', 'wrong-response', 'timeout', 'unanswered'] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/** One PDU on the wire, summarised. The exact bytes stay on the main side; ask traceDetail for them. */
export interface TraceSummary {
  id: number;
  sessionId: string;
  /** Wall-clock time in ms since the epoch, for display. */
  time: number;
  direction: TraceDirection;
  commandId: number;
  commandName: string;
  commandStatus: number;
  statusName: string;
  sequenceNumber: number;
  length: number;
  /** One line: the fields an engineer looks for first (addresses, message_id, system_id…). */
  summary: string;
  /** Set when the bytes did not decode cleanly; the PDU is still shown with its bytes. */
  problem: string | null;
  /** The message_id the PDU names (submit_sm_resp, a receipt, query/cancel/replace), normalised. */
  messageId: string | null;
  sourceAddr: string | null;
  destinationAddr: string | null;
  /** On a response (or the timeout note of a request): the request it answers. */
  requestId: number | null;
  /** On a request: its response, or the note that says it timed out. */
  responseId: number | null;
  /** On a request that has a response by definition: what became of it; null on everything else. */
  outcome: RequestOutcome | null;
  /** On a request: its response's command_status (and name), once answered. */
  responseStatus: number | null;
  responseStatusName: string | null;
  /** Round-trip time, on a request and on its response, once paired. */
  rttMs: number | null;
}

/** Round-trip times of answered requests, ms (percentiles within ±2 %). */
export interface RttSummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One command's line in a session's statistics: how many, by command_status, and its requests' round trips. */
export interface TraceCommandStats {
  command: string;
  count: number;
  statuses: Array<{ status: number; statusName: string; count: number }>;
  rtt: RttSummary | null;
}

/** What Wireshark's "SMPP Operations" shows, per session and live (since the session was opened this run). */
export interface SessionTraceStats {
  sessionId: string;
  commands: TraceCommandStats[];
  /** Requests (either side's) still waiting for their response. */
  outstanding: number;
  timeouts: number;
  /** All answered requests together. */
  rtt: RttSummary | null;
}

/** A request row's pairing as it changes after the row was sent (its response came, it timed out…). */
export interface TracePairUpdate {
  requestId: number;
  responseId: number | null;
  outcome: RequestOutcome;
  responseStatus: number | null;
  responseStatusName: string | null;
  rttMs: number | null;
}

/**
 * One node of a PDU's dissection, Wireshark's way: a label (the field's SMPP name), its value as read and
 * explained, and the octets it covers (offset from the PDU's first octet, length; 0 for a note about nothing).
 * A node whose bytes did not decode says why in `problem`; decoding stops there and the tree shows how far it got.
 */
export interface DissectNode {
  label: string;
  value: string;
  offset: number;
  length: number;
  problem?: string;
  children?: DissectNode[];
}

export interface TraceDetail extends TraceSummary {
  /** The exact bytes as captured, lower-case hex without separators. */
  hex: string;
  /** Header, body, TLVs and the short message, dissected (the same tree the Decode box and exports show). */
  tree: DissectNode[];
}

/** One PDU found in pasted hex: where it starts in the paste, its bytes, one line about it, and its dissection. */
export interface DecodedHexPdu {
  offset: number;
  hex: string;
  summary: string;
  tree: DissectNode[];
}

export interface DecodeHexResult {
  pdus: DecodedHexPdu[];
  /** Octets after the last whole PDU that do not make one (a short header, a command_length below 16…). */
  problem: string | null;
}

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
  /** The SMSC's message_id from submit_sm_resp. */
  messageId: string | null;
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
  messageId: string;
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
  kind: 'receipt' | 'mo';
  receivedAt: number;
  sourceAddr: string;
  destinationAddr: string;
  dataCoding: number;
  text: string;
  receipt: ReceiptView | null;
  /** The sent message this receipt was matched to, when one was. */
  matchedMessage: Pick<MessageView, 'id' | 'destinationAddr' | 'text' | 'messageId'> | null;
  /** How it was matched (null when unmatched, and for MO). */
  matchRule: ReceiptMatchRule | null;
  /** A concatenated MO arrives in parts and shows as one item; text fills in as parts arrive. */
  parts: { total: number; received: number };
}

/**
 * Whether the database takes writes. 'retrying': a write failed and is being retried; 'failing': it has stayed
 * down long enough that the user must know (a banner). The counts say what waits and what was deferred or lost.
 */
export const storeStates = ['ok', 'retrying', 'failing'] as const;
export type StoreState = (typeof storeStates)[number];

export interface StoreHealth {
  state: StoreState;
  /** When the writes started failing (ms since the epoch), while they do. */
  since: number | null;
  lastError: string | null;
  /** Trace records held in memory until the database takes them. */
  unsavedTraceRecords: number;
  /** Trace records lost because the database stayed down past the memory bound (shown, never silent). */
  droppedTraceRecords: number;
  /** deliver_sm / data_sm answered ESME_RX_T_APPN because they could not be committed: the SMSC sends them again. */
  deferredDeliveries: number;
}

export interface ConsoleMethods {
  listProfiles: { request: void; response: ProfileView[] };
  createProfile: { request: ProfileDraft; response: ProfileView };
  updateProfile: { request: { id: string; draft: ProfileDraft }; response: ProfileView };
  duplicateProfile: { request: { id: string }; response: ProfileView };
  deleteProfile: { request: { id: string }; response: { id: string } };
  /** Profiles as JSON, without secrets. */
  exportProfiles: { request: void; response: { json: string } };
  /** Each profile is checked whole: a bad one is reported with its field, never half-saved. */
  importProfiles: { request: { json: string }; response: { imported: ProfileView[]; errors: string[] } };
  listSessions: { request: void; response: SessionView[] };
  /**
   * Opens and binds a session of a profile. `password` (with `rememberPassword`) supplies one the profile needs and
   * this run lacks; `secondBind` confirms a bind of a profile that already has a live session (refused otherwise,
   * naming the field, so the UI can ask).
   */
  connect: { request: ConnectRequest; response: SessionView };
  disconnect: { request: { sessionId: string }; response: SessionView };
  /** Binds a closed session's profile again, in that session's row (its counters go on). */
  reconnectSession: { request: { sessionId: string }; response: SessionView };
  /** Takes closed sessions off the list (their trace stays): one, or every closed one. */
  dismissSessions: { request: { sessionIds: string[] | 'closed' }; response: { dismissed: string[] } };
  submit: { request: SubmitDraft; response: MessageView };
  /** Sent messages, newest first: a page of them (optionally one session's), before a cursor when paging back. */
  listMessages: { request: MessagePageRequest; response: MessageView[] };
  /** enquire_link now, on a bound session. */
  enquireLink: { request: { sessionId: string }; response: OperationResult };
  /** Hex octets sent as they are (a raw PDU, to reproduce an SMSC's bug); the sequence number is filled in unless kept. */
  sendRawPdu: { request: { sessionId: string; hex: string; keepSequenceNumber: boolean }; response: RawPduResult };
  querySm: { request: MessageRef; response: QueryResult };
  cancelSm: { request: MessageRef & { destinationAddr: string; serviceType?: string }; response: OperationResult };
  replaceSm: { request: MessageRef & { text: string }; response: OperationResult };
  /** data_sm: the text in message_payload (GSM 03.38 when it fits, else UCS-2); registered_delivery 1. */
  dataSm: { request: { sessionId: string; sourceAddr: string; destinationAddr: string; text: string }; response: OperationResult & { messageId: string | null } };
  /** Drafts sent recently (newest first), to recall and send again. */
  listRecentDrafts: { request: void; response: SavedDraft[] };
  listTemplates: { request: { profileId: string }; response: SavedDraft[] };
  saveTemplate: { request: { profileId: string; name: string; draft: DraftContent }; response: SavedDraft };
  deleteTemplate: { request: { id: string }; response: { id: string } };
  /** Received items, newest first: a page of them (optionally one session's), before an id when paging back. */
  listInbox: { request: InboxPageRequest; response: InboxItem[] };
  /** Counts the stored rows a filter matches (up to now) and fixes that as a snapshot to page in. */
  traceCount: { request: { filter: TraceFilter; sort: TraceSort }; response: TraceCount };
  /** Rows at positions offset… of a counted snapshot, in its order. */
  tracePage: { request: { filter: TraceFilter; sort: TraceSort; snapshotId: number; offset: number; limit: number }; response: TraceSummary[] };
  /** Stored rows after an id that match (what a client missed of its live tail), oldest first. */
  traceAfter: { request: { filter: TraceFilter; afterId: number; limit: number }; response: TraceSummary[] };
  /** Where a row sits in a counted snapshot (null: it does not match, or came after the snapshot). */
  tracePosition: { request: { filter: TraceFilter; sort: TraceSort; snapshotId: number; id: number }; response: { position: number | null } };
  /** Every session the stored trace knows, with its profile's name (earlier runs' too). */
  traceSessions: { request: void; response: TraceSessionInfo[] };
  /** A session's live statistics now; changes arrive as traceStats events. */
  traceStats: { request: { sessionId: string }; response: SessionTraceStats };
  traceDetail: { request: { id: number }; response: TraceDetail };
  /** Dissects pasted hex (one PDU or several back to back; whitespace, 0x and : tolerated) without a session. */
  decodeHex: { request: { hex: string; defaultAlphabet: DefaultAlphabet }; response: DecodeHexResult };
  /** Writes the trace (all, the view, or a selection) as a file; readExport then hands it over in pieces. */
  exportTrace: { request: { scope: TraceExportScope; format: TraceExportFormat }; response: TraceExportResult };
  /** A piece of an export, base64: the renderer saves it as a download (no path crosses the contract). */
  readExport: { request: { exportId: string; offset: number; length: number }; response: { base64: string; total: number } };
  /** A piece of a capture file the user opened; the first piece (uploadId null) starts an upload. */
  uploadCapture: {
    request: { uploadId: string | null; fileName: string; offset: number; base64: string; last: boolean };
    response: { uploadId: string; received: number };
  };
  /** Reads an uploaded capture into the trace; smppPorts adds ports to the SMPP heuristics (empty: heuristics only). */
  importCapture: { request: { uploadId: string; smppPorts: number[] }; response: CaptureImportResult };
  /** Where an outbind profile with this host and listen address would listen, and whom it would accept. */
  outbindPlan: { request: { host: string; listenAddress: string }; response: OutbindPlan };
  /** The database's write health now; changes arrive as `storeHealth` events. */
  storeHealth: { request: void; response: StoreHealth };
}

/** The trace's order: capture order (oldest first), or slowest round trip first. */
export const traceSorts = ['time', 'rtt'] as const;
export type TraceSort = (typeof traceSorts)[number];

export interface TraceCount {
  total: number;
  /** The newest id the count covers; rows after it reach the view live. */
  snapshotId: number;
}

export interface TraceSessionInfo {
  sessionId: string;
  profileName: string;
  startedAt: number;
}

/** pcapng and pcap for Wireshark/tshark (each connection its own TCP stream); JSON Lines; the tree as text. */
export const traceExportFormats = ['pcapng', 'pcap', 'jsonl', 'text'] as const;
export type TraceExportFormat = (typeof traceExportFormats)[number];

/** The whole stored trace, the rows the filter matches, or the selected rows (a range of the view by id). */
export type TraceExportScope =
  | { kind: 'all' }
  | { kind: 'view'; filter: TraceFilter }
  | { kind: 'selection'; filter: TraceFilter; fromId: number; toId: number };

export interface TraceExportResult {
  /** Names the file for readExport. */
  exportId: string;
  fileName: string;
  /** PDUs written (and, in JSON Lines and text, trace notes). */
  records: number;
  octets: number;
  /** What the reader should know: masked passwords, streams given stand-in addresses, notes left out of a capture. */
  notes: string[];
}

/** A pcap or pcapng file read into the trace as its own session ("capture: name"). */
export interface CaptureImportResult {
  /** One session per TCP stream that carried SMPP, named "capture: file (ESME → SMSC)". */
  sessionIds: string[];
  fileName: string;
  packets: number;
  /** TCP streams found to carry SMPP. */
  streams: number;
  pdus: number;
  /** Where the file broke, streams with gaps, octets that did not frame: nothing read is dropped silently. */
  problems: string[];
}

export interface MessagePageRequest {
  sessionId?: string;
  /** Messages submitted before this one (its time and id), for paging back. */
  before?: { submittedAt: number; id: string };
  limit: number;
}

export interface InboxPageRequest {
  sessionId?: string;
  beforeId?: number;
  limit: number;
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

/** Where an outbind profile would listen, whom it would accept, and why that address. */
export interface OutbindPlan {
  listenAddress: string;
  /** The SMSC host's addresses: only connections from these are taken. */
  smscAddresses: string[];
  why: string;
}

/** A message at the SMSC, named as query_sm, cancel_sm and replace_sm name it. */
export interface MessageRef {
  sessionId: string;
  messageId: string;
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

export type ConsoleMethodName = keyof ConsoleMethods;

export const consoleMethodNames = [
  'listProfiles',
  'createProfile',
  'updateProfile',
  'duplicateProfile',
  'deleteProfile',
  'exportProfiles',
  'importProfiles',
  'listSessions',
  'connect',
  'disconnect',
  'reconnectSession',
  'dismissSessions',
  'submit',
  'listMessages',
  'enquireLink',
  'sendRawPdu',
  'querySm',
  'cancelSm',
  'replaceSm',
  'dataSm',
  'listRecentDrafts',
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  'listInbox',
  'traceCount',
  'tracePage',
  'traceAfter',
  'tracePosition',
  'traceSessions',
  'traceStats',
  'traceDetail',
  'decodeHex',
  'exportTrace',
  'readExport',
  'uploadCapture',
  'importCapture',
  'outbindPlan',
  'storeHealth',
] as const satisfies readonly ConsoleMethodName[];

/**
 * Everything that streams reaches a client coalesced: at most one frame per ≈50 ms tick, each carrying the events
 * gathered since the last (one key per kind), and the next frame waits for the client to acknowledge (backpressure).
 * A client that falls behind is not queued for without bound: what it missed is said (skipped / overflowed) and
 * it pages that in from the store.
 */
export interface ConsoleEvents {
  /** Sessions that changed (latest view of each). */
  sessions: SessionView[];
  /** Sessions taken off the list (dismissed). */
  sessionsRemoved: string[];
  /** The whole profile list, after any change. */
  profiles: ProfileView[];
  trace: TraceEventBatch;
  /** Sessions whose statistics changed (latest of each). */
  traceStats: SessionTraceStats[];
  /** The store dropped its oldest rows (retention): views over it re-count. */
  tracePruned: { lowestId: number };
  messages: ListBatch<MessageView>;
  inbox: ListBatch<InboxItem>;
  storeHealth: StoreHealth;
}

export interface TraceEventBatch {
  /** New rows, oldest first. */
  rows: TraceSummary[];
  /** Request rows whose pairing changed (their response came, they timed out…). */
  updates: TracePairUpdate[];
  /** Rows (and updates) this client was not sent because it was behind: they are in the store. */
  skipped: number;
}

export interface ListBatch<T> {
  /** Items that are new or changed, latest version of each. */
  items: T[];
  /** More changed than a frame carries: reload the list from the store. */
  overflowed: boolean;
}

/** One frame of events; the client acknowledges its seq once it has handled it. */
export interface EventFrame {
  seq: number;
  events: Partial<ConsoleEvents>;
}

export type ConsoleEventName = keyof ConsoleEvents;

export const consoleEventNames = [
  'sessions',
  'sessionsRemoved',
  'profiles',
  'trace',
  'traceStats',
  'tracePruned',
  'messages',
  'inbox',
  'storeHealth',
] as const satisfies readonly ConsoleEventName[];

// Compile-time proof that the name lists above are complete: a missing name makes one of these `never`.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
export const methodListComplete: Missing<ConsoleMethodName, (typeof consoleMethodNames)[number]> = true;
export const eventListComplete: Missing<ConsoleEventName, (typeof consoleEventNames)[number]> = true;

export type ConsoleApi = {
  [K in ConsoleMethodName]: ConsoleMethods[K]['request'] extends void
    ? () => Promise<ConsoleMethods[K]['response']>
    : (request: ConsoleMethods[K]['request']) => Promise<ConsoleMethods[K]['response']>;
} & {
  on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
};

/**
 * What a transport must provide; shared/api-client.ts turns it into a ConsoleApi. A frame's listener runs to the
 * end before the transport acknowledges it: a renderer too busy to handle frames receives no more.
 */
export interface ConsoleTransport {
  call(method: ConsoleMethodName, payload: unknown): Promise<unknown>;
  subscribe(listener: (frame: EventFrame) => void): () => void;
}

/** An error as it crosses a transport: a message a person can act on, naming the field where there is one. */
export interface ConsoleError {
  message: string;
  field?: string;
}

/** How a call's outcome crosses either transport: errors as data, so the field name survives the trip. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ConsoleError };

/** The name under which the Electron preload exposes its ConsoleTransport on `window`. */
export const BRIDGE_GLOBAL = 'smppConsole';

/** The browser host's WebSocket path, and the frames it carries (JSON text frames). */
export const WS_PATH = '/api';
export type WsClientFrame = { kind: 'call'; id: number; method: ConsoleMethodName; payload: unknown } | { kind: 'ack'; seq: number };
export type WsServerFrame = { kind: 'result'; id: number; result: CallResult } | ({ kind: 'events' } & EventFrame);
