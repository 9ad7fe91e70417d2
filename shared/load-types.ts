// The contract's words for load sending (re-exported by contract.ts, which is where callers import them from): what
// a load run sends and how fast, and what it reports — one aggregated view a few times a second, never one event per
// message (each message still has its own lifecycle in Sent, coalesced there like any other).
import type { SubmitDraft } from './message-types';
import type { RttSummary } from './trace-types';

/** The bounds a load run's request is checked against; the Load section shows the same numbers. */
export const LOAD_LIMITS = {
  maxCount: 1_000_000,
  maxRatePerSecond: 100_000,
  maxSessions: 16,
  maxCsvRows: 100_000,
  /** A CSV, inline or uploaded: room for 100,000 rows of a few hundred characters. */
  maxCsvOctets: 32 * 1024 * 1024,
  maxTextCharacters: 65_536,
} as const;

/** Per-second points a run keeps (an hour's; older ones go first): the host in its figures, the Load chart in its store. */
export const MAX_LOAD_POINTS = 3_600;

/**
 * What a run sends: `count` messages alike; a CSV of destination,text rows given inline (`csv`, for the API and
 * small files) or uploaded in pieces with uploadCapture first (`csvUpload`: what the Load section does, so a large
 * file never has to fit one WebSocket frame).
 */
export type LoadSource =
  | { kind: 'count'; count: number; sourceAddr: string; destinationAddr: string; text: string }
  | { kind: 'csv'; csv: string; sourceAddr: string }
  | { kind: 'csvUpload'; uploadId: string; sourceAddr: string };

/**
 * What every message of a run carries besides its source and destination addresses and its text: the rest of the
 * composed draft — encoding, national language, long-message method and the message options (TON/NPI,
 * service_type, registered_delivery, validity, TLVs…) — so a load message is the message Compose would send.
 * Derived from SubmitDraft, so a field Compose gains is one a run carries; each defaults as it does for submit.
 */
export type LoadMessageSettings = Omit<SubmitDraft, 'sessionId' | 'sourceAddr' | 'destinationAddr' | 'text'>;

export interface LoadRequest extends LoadMessageSettings {
  /** Bound transmitter or transceiver sessions; messages go round-robin over those with a free window slot. */
  sessionIds: string[];
  source: LoadSource;
  /** Target submits per second; each session's own window and max submit rate still apply. */
  ratePerSecond: number;
}

/** running: submitting; draining: no new submits, the ones in flight still answering; done: all answered. */
export type LoadRunState = 'running' | 'draining' | 'done';

/** Why a run stopped submitting: every message went, the user stopped it, or its sessions are gone. */
export type LoadEndReason = 'completed' | 'stopped' | 'sessions-gone';

/** A count by name: a command_status name (or why no response came) for failures, a receipt's stat. */
export interface LoadCount {
  name: string;
  count: number;
}

/** One second of a run (`second` counts from its start); rates per second, latency in ms (null: no response). */
export interface LoadPoint {
  second: number;
  submits: number;
  responses: number;
  receipts: number;
  errors: number;
  /** The second's failures by status (ESME_RTHROTTLED, "no response"…); only those that occurred. */
  errorsByStatus: Record<string, number>;
  /** submit_sm → submit_sm_resp round trips that second, from the trace's pairing. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface LoadSummary {
  /** Messages the source holds (a CSV's good rows). */
  planned: number;
  /** Handed to the session (each one a message in Sent with its own lifecycle). */
  sent: number;
  accepted: number;
  /** sent = accepted + failed + inFlight, at every moment. */
  failed: number;
  failedByStatus: LoadCount[];
  /** Receipts matched to the run's messages, by stat (an intermediate one and the final one each count). */
  receipts: number;
  receiptsByStat: LoadCount[];
  /** Accepted messages whose final receipt has not come (yet). */
  awaitingReceipts: number;
  /** submit_sm → submit_sm_resp over the whole run. */
  latency: RttSummary | null;
  /** sent / the time spent sending, per second. */
  achievedRate: number;
}

/** A CSV's rows that were not sent, by line (the first ones; `total` says how many in all). */
export interface LoadRowErrors {
  total: number;
  first: Array<{ line: number; message: string }>;
}

export interface LoadRunView {
  id: string;
  state: LoadRunState;
  endReason: LoadEndReason | null;
  sessionIds: string[];
  ratePerSecond: number;
  source: { kind: 'count' | 'csv'; fileName: string | null };
  /** ms since the epoch. */
  startedAt: number;
  endedAt: number | null;
  /** How long it has been (or was) submitting, ms. */
  sendingMs: number;
  inFlight: number;
  summary: LoadSummary;
  rowErrors: LoadRowErrors;
  /**
   * Per-second points, oldest first. In a loadRun event only the newest few (the client merges them by second, so
   * a skipped event loses nothing); from loadStatus all of them, up to an hour's.
   */
  points: LoadPoint[];
}
