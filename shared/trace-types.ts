// The contract's words for the trace (re-exported by contract.ts, which is where callers import them from): a
// PDU's summary and pairing, its dissection, statistics, the view's order and count, export and import.
import type { TraceFilter } from './trace-filter';

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
  smscMessageId: string | null;
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

export interface TraceEventBatch {
  /** New rows, oldest first. */
  rows: TraceSummary[];
  /** Request rows whose pairing changed (their response came, they timed out…). */
  updates: TracePairUpdate[];
  /** Rows (and updates) this client was not sent because it was behind: they are in the store. */
  skipped: number;
}
