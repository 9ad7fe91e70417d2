// The one contract between the renderer and the main side. Both transports (Electron IPC through the preload,
// WebSocket through the browser host) are derived from the name lists below, so adding a method is one line in
// ConsoleMethods, one name in consoleMethodNames and one handler in electron/core/api.
// Everything here is JSON-safe: no Buffers, no Dates, no class instances.
import type { TraceFilter } from './trace-filter';
import type {
  DraftContent, InboxExportResult, InboxFilter, InboxItem, InboxPageRequest, ListCounts, MessageLifecycle, MessagePageRequest,
  MessageRef, MessageView, OperationResult, QueryResult, RawPduResult, SavedDraft, SplitMethod, SubmitDraft,
} from './message-types';
import type {
  CaptureImportResult, DecodeHexResult, SessionTraceStats, TraceCount, TraceDetail, TraceExportFormat, TraceExportScope,
  TraceEventBatch, TraceExportResult, TraceSessionInfo, TraceSort, TraceSummary,
} from './trace-types';
import type { LoadRequest, LoadRunView } from './load-types';
import type {
  InjectMoRequest, InjectMoResult, MoInjectionView, ScenarioSummary, SimulatorActionRequest, SimulatorScenario, SimulatorStatus,
} from './simulator-types';

export * from './message-types';
export * from './trace-types';
export * from './load-types';
export * from './simulator-types';

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

/**
 * How an SMSC writes a message_id in its receipts, against how submit_sm_resp gave it: 'auto' tries the id as sent
 * (case and zero padding aside) and then hex ⇄ decimal when only one waiting message answers to it; 'as-sent' never
 * converts; 'hex' / 'decimal' say the receipts write it in hex (the response in decimal) or in decimal (the
 * response in hex), and then only that conversion is tried.
 */
export const receiptIdFormats = ['auto', 'as-sent', 'hex', 'decimal'] as const;
export type ReceiptIdFormat = (typeof receiptIdFormats)[number];

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
  receiptIds: ReceiptIdFormat;
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
  dataSm: { request: { sessionId: string; sourceAddr: string; destinationAddr: string; text: string }; response: OperationResult & { smscMessageId: string | null } };
  /** Drafts sent recently (newest first), to recall and send again. */
  listRecentDrafts: { request: void; response: SavedDraft[] };
  listTemplates: { request: { profileId: string }; response: SavedDraft[] };
  saveTemplate: { request: { profileId: string; name: string; draft: DraftContent }; response: SavedDraft };
  deleteTemplate: { request: { id: string }; response: { id: string } };
  /** Received items, newest first: a page of them (optionally one session's), before an id when paging back. */
  listInbox: { request: InboxPageRequest; response: InboxItem[] };
  /** Sent, inbox and unread counts (changes arrive as listCounts events). */
  listCounts: { request: void; response: ListCounts };
  /** Marks inbox items read: the given ones, or every one (of a session when given). */
  markInboxRead: { request: { sessionId?: string; ids?: number[] }; response: ListCounts };
  /** Deletes inbox items: a session's, or all. Sent messages and their states stay. */
  clearInbox: { request: { sessionId?: string }; response: { removed: number } };
  /** Writes the inbox rows a filter matches as CSV; readExport then hands the file over in pieces. */
  exportInbox: { request: { sessionId?: string; filter?: InboxFilter }; response: InboxExportResult };
  /** A sent message's timeline: each part's submit_sm, response, intermediate and final receipts, linked to the trace. */
  messageLifecycle: { request: { id: string }; response: MessageLifecycle };
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
  /** The built-in simulator now: where it listens, who is bound (with counters), what it did lately, MO injections. */
  simulatorStatus: { request: void; response: SimulatorStatus };
  /** The scenario the built-in simulator runs. */
  simulatorScenario: { request: void; response: SimulatorScenario };
  /** Runs a scenario (given whole, or a saved one by name) from now on, and keeps it for the next start. */
  setSimulatorScenario: { request: { scenario?: SimulatorScenario; name?: string }; response: SimulatorScenario };
  /** Saved scenarios (the data folder's simulator/scenarios/*.json). */
  listScenarios: { request: void; response: ScenarioSummary[] };
  /** Saves a scenario under its name (replacing one of that name). */
  saveScenario: { request: { scenario: SimulatorScenario }; response: ScenarioSummary };
  deleteScenario: { request: { name: string }; response: { name: string } };
  /** A scenario from JSON (checked whole; the error names the field and the limit), saved under its name. */
  importScenario: { request: { json: string }; response: ScenarioSummary };
  /** A saved scenario as JSON, or the running one when no name is given. */
  exportScenario: { request: { name?: string }; response: { json: string; fileName: string } };
  /** MO to a bound receiving session of the simulator, now or at a rate. */
  injectMo: { request: InjectMoRequest; response: InjectMoResult };
  /** Stops an injection at a rate: no more deliver_sm; those out already are answered as they will be. */
  stopMoInjection: { request: { injectionId: string }; response: MoInjectionView };
  /**
   * Listens again on this port (0: any free one), with TLS from PEM files on the main side's disk or without; the
   * connections open now are closed. For this run (the next start uses the command line's port).
   */
  simulatorListen: { request: { port: number; tls: { certFile: string; keyFile: string } | null }; response: SimulatorStatus };
  /** Stops listening; every connection to it closes. */
  simulatorStop: { request: void; response: SimulatorStatus };
  /** On one simulator session: unbind it, drop its connection, or send it a fault from the library. */
  simulatorAction: { request: SimulatorActionRequest; response: { sessionId: string; outcome: string } };
  /** The database's write health now; changes arrive as `storeHealth` events. */
  storeHealth: { request: void; response: StoreHealth };
  /** Starts a load run (one at a time); its progress arrives as loadRun events. */
  startLoad: { request: LoadRequest; response: LoadRunView };
  /** No new submits; the run is done once the ones in flight have answered. */
  stopLoad: { request: { runId: string }; response: LoadRunView };
  /** A run with all its points: the given one, else the latest (null when none ran since the console started). */
  loadStatus: { request: { runId?: string }; response: LoadRunView | null };
}

/** Where an outbind profile would listen, whom it would accept, and why that address. */
export interface OutbindPlan {
  listenAddress: string;
  /** The SMSC host's addresses: only connections from these are taken. */
  smscAddresses: string[];
  why: string;
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
  'listCounts',
  'markInboxRead',
  'clearInbox',
  'exportInbox',
  'messageLifecycle',
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
  'simulatorStatus',
  'simulatorScenario',
  'setSimulatorScenario',
  'listScenarios',
  'saveScenario',
  'deleteScenario',
  'importScenario',
  'exportScenario',
  'injectMo',
  'stopMoInjection',
  'simulatorAction',
  'simulatorListen',
  'simulatorStop',
  'storeHealth',
  'startLoad',
  'stopLoad',
  'loadStatus',
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
  /** Sent / inbox / unread counts after a change (latest only; at most a few times a second). */
  listCounts: ListCounts;
  storeHealth: StoreHealth;
  /** The load run's progress, aggregated (latest only; at most a few times a second). */
  loadRun: LoadRunView;
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
  'listCounts',
  'storeHealth',
  'loadRun',
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
