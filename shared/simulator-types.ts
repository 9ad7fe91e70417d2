// The built-in SMSC simulator as a tool of its own: its scenario (accounts, rules, receipts, message ids — one JSON
// document), what it reports (listening address, bound sessions, recent activity) and what it can be told to do
// (inject MO, unbind, drop, send a malformed PDU). Name lists first, types derived from them, as in contract.ts.
import type { BindMode, ReceiptStat, SplitMethod, TextEncodingChoice } from './contract';

/** How the simulator writes the message_id of submit_sm_resp (always unique across restarts). */
export const messageIdFormats = ['hex', 'decimal', 'uuid'] as const;
export type MessageIdFormat = (typeof messageIdFormats)[number];

/** What a rule does with a submit_sm / data_sm / submit_multi it matches. */
export const ruleActions = ['accept', 'reject', 'ignore'] as const;
export type RuleAction = (typeof ruleActions)[number];

/** The PDU a delivery receipt travels in. */
export const receiptCommands = ['deliver_sm', 'data_sm'] as const;
export type ReceiptCommand = (typeof receiptCommands)[number];

/**
 * Which id a receipt quotes: the message's own ('as-sent'); the same number in the other base ('other-base': hex
 * ⇄ decimal, a UUID upper-cased without dashes), as some SMSCs do; or an id no message was given ('unknown').
 */
export const receiptIdModes = ['as-sent', 'other-base', 'unknown'] as const;
export type ReceiptIdMode = (typeof receiptIdModes)[number];

/** The final outcomes a receipt can report (ENROUTE is the intermediate notification's). */
export const finalReceiptStats = ['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD'] as const satisfies readonly ReceiptStat[];
export type FinalReceiptStat = (typeof finalReceiptStats)[number];

export interface ReceiptOutcome {
  stat: FinalReceiptStat;
  /** Relative weight: 90 / 5 / 5 gives 90 % / 5 % / 5 %. */
  weight: number;
  /** The receipt's err: field (default 0). */
  err?: number;
}

/** How long after submit_sm_resp the final receipt comes: always the same, or uniformly between two bounds. */
export type ReceiptDelay = { kind: 'fixed'; ms: number } | { kind: 'uniform'; minMs: number; maxMs: number };

export interface ReceiptSettings {
  outcomes: ReceiptOutcome[];
  delay: ReceiptDelay;
  /** An intermediate notification (esm_class 0x20, stat ENROUTE) half-way to the final receipt. */
  intermediate: boolean;
  command: ReceiptCommand;
  /** receipted_message_id and message_state TLVs beside the Appendix B text. */
  tlvs: boolean;
  receiptId: ReceiptIdMode;
}

export interface SimulatorAccount {
  /** The bind's system_id; '*' is any system_id not listed before it. */
  systemId: string;
  /** '' accepts any password. */
  password: string;
  bindTypes: BindMode[];
  /** submit_sm (and data_sm, submit_multi) unanswered at once on one bind before ESME_RMSGQFUL; 0 = no limit. */
  window: number;
  /** submits per second, all binds of the account together, before ESME_RTHROTTLED; 0 = no limit. */
  maxSubmitsPerSecond: number;
}

/** Which submits a rule applies to: every condition given must hold ('' = any). */
export interface RuleMatch {
  destinationPrefix: string;
  systemId: string;
}

export interface SimulatorRule {
  /** Shown in the activity log when the rule applies ('' = its position). */
  name: string;
  match: RuleMatch;
  action: RuleAction;
  /** For 'reject': the command_status, by name (ESME_RINVDSTADR) or as 0x-hex for vendor codes. */
  status: string;
  /** Answer (accept or reject) after this many ms. */
  delayMs: number;
  /** Receipt settings that differ from the scenario's for the messages this rule accepts. */
  receipts: Partial<ReceiptSettings>;
}

/** Everything the simulator does, as one JSON document. */
export interface SimulatorScenario {
  /** Also its file name when saved: letters, digits, space, '.', '_' and '-'. */
  name: string;
  description: string;
  /** The system_id the simulator answers binds with. */
  smscSystemId: string;
  messageIdFormat: MessageIdFormat;
  /** The SMSC's own enquire_link interval on every bind; 0 sends none. */
  enquireLinkIntervalMs: number;
  /** Seed for the outcome mix and delays (the same seed gives the same sequence); null = different each run. */
  seed: number | null;
  /** Empty: any system_id and password bind, in any mode, without limits. */
  accounts: SimulatorAccount[];
  receipts: ReceiptSettings;
  /** The first rule that matches a submit decides it; none matching = accept with the scenario's receipts. */
  rules: SimulatorRule[];
}

export interface ScenarioSummary {
  name: string;
  description: string;
  accounts: number;
  rules: number;
  savedAt: number;
}

/** Malformed PDUs and link faults the simulator can send on a session: the cases the console survives. */
export const simulatorFaultNames = [
  'command-length-zero', 'command-length-below-header', 'command-length-too-large', 'garbage', 'http-reply',
  'stalled-pdu', 'eof-mid-pdu', 'connection-reset', 'truncated-tlv', 'sm-length-overrun', 'missing-nul',
  'unknown-command', 'unsolicited-response',
] as const;
export type SimulatorFaultName = (typeof simulatorFaultNames)[number];

/** What each fault sends, for a list to choose from. */
export const simulatorFaultDescriptions: Record<SimulatorFaultName, string> = {
  'command-length-zero': 'a header whose command_length is 0 (the stream cannot be framed)',
  'command-length-below-header': 'a header whose command_length is 8, below the 16-octet header',
  'command-length-too-large': 'a header whose command_length is 69,633, above any PDU the console accepts',
  garbage: 'octets that are no PDU at all',
  'http-reply': 'an HTTP/1.1 400 reply, as a web server on the SMPP port would send',
  'stalled-pdu': 'the first 10 octets of a deliver_sm, then nothing',
  'eof-mid-pdu': 'the first 20 octets of a deliver_sm, then the connection is closed',
  'connection-reset': 'a TCP reset',
  'truncated-tlv': 'a deliver_sm whose receipted_message_id TLV claims 100 octets where 6 remain',
  'sm-length-overrun': 'a deliver_sm whose sm_length says 5 octets where 2 remain',
  'missing-nul': 'a deliver_sm that ends inside source_addr, without its NUL',
  'unknown-command': 'a request with command_id 0x00000777',
  'unsolicited-response': 'a submit_sm_resp for a sequence number nobody is waiting for',
};

export const simulatorActions = ['unbind', 'drop', 'fault'] as const;
export type SimulatorActionName = (typeof simulatorActions)[number];

export interface SimulatorSessionCounters {
  submitsReceived: number;
  accepted: number;
  rejected: number;
  throttled: number;
  queueFull: number;
  /** Submits a rule left unanswered (they count as outstanding until the session closes). */
  ignored: number;
  outstanding: number;
  receiptsSent: number;
  mosSent: number;
}

export interface SimulatorSessionView {
  id: string;
  remoteAddress: string;
  connectedAt: number;
  /** Null until bound. */
  systemId: string | null;
  bindType: BindMode | null;
  boundAt: number | null;
  counters: SimulatorSessionCounters;
}

export interface SimulatorActivity {
  at: number;
  sessionId: string | null;
  text: string;
}

export interface MoInjectionView {
  id: string;
  sessionId: string;
  messages: number;
  partsPerMessage: number;
  /** deliver_sm written so far, and how they were answered. */
  sent: number;
  acknowledged: number;
  failed: number;
  ratePerSecond: number;
  /** sending: deliver_sm still going out (or their answers still awaited); done: all answered; stopped: by the user. */
  state: MoInjectionState;
}

export const moInjectionStates = ['sending', 'done', 'stopped'] as const;
export type MoInjectionState = (typeof moInjectionStates)[number];

export interface SimulatorStatus {
  listening: { host: string; port: number } | null;
  tls: boolean;
  scenarioName: string;
  sessions: SimulatorSessionView[];
  /** Oldest first, the newest few hundred. */
  activity: SimulatorActivity[];
  /** Receipts held for accounts with no receiving bind open, by system_id: they go out when one binds RX/TRX. */
  heldReceipts: Array<{ systemId: string; count: number }>;
  injections: MoInjectionView[];
}

/** MO messages injected into a bound receiving session: by its id, or the first one bound with a system_id. */
export interface InjectMoRequest {
  sessionId?: string;
  systemId?: string;
  sourceAddr: string;
  destinationAddr: string;
  text: string;
  encoding?: TextEncodingChoice;
  /** How a long text is split: UDH (8- or 16-bit reference), SAR TLVs, or whole in message_payload. */
  split?: SplitMethod;
  /** Messages to inject (default 1). */
  count?: number;
  /** Messages per second; absent or 0 = all at once, and the call waits for their deliver_sm_resp. */
  ratePerSecond?: number;
}

export interface InjectMoResult {
  injection: MoInjectionView;
}

export interface SimulatorActionRequest {
  sessionId: string;
  action: SimulatorActionName;
  /** For 'fault': which one. */
  fault?: SimulatorFaultName;
}
