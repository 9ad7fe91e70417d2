// The messages between the main side and the trace store (a worker thread, or the same thread in tests): both ends
// speak only this, over a MessagePort, so the two placements behave the same but for the thread.
import type { TraceSummary } from '../../../../shared/contract';
import type { TraceFilter } from '../../../../shared/trace-filter';
import type { TraceExportJob, TraceExportOutcome } from '../export/trace-export';
import type { PduFound, PduLookup } from './pdu-lookup';
import type { PackedTraceBatch } from './trace-batch-codec';
import type { TraceConnection, TraceRecord, TraceSessionInfo } from './trace-db';
import type { TraceCount, TraceSort } from './trace-query';

export interface TraceStoreStart {
  dataDir: string;
  retainRecords: number;
  /** The main database, whose old trace table (from before the trace had its own file) is moved over once. */
  mainDatabaseFile: string;
  synchronous?: 'FULL' | 'NORMAL';
}

export type StoreRequest =
  | { op: 'count'; filter: TraceFilter; sort: TraceSort; snapshotId?: number }
  | { op: 'page'; filter: TraceFilter; sort: TraceSort; snapshotId: number; offset: number; limit: number }
  | { op: 'after'; filter: TraceFilter; afterId: number; limit: number }
  | { op: 'position'; filter: TraceFilter; sort: TraceSort; snapshotId: number; id: number }
  | { op: 'get'; id: number }
  | { op: 'sessions' }
  | { op: 'findPdus'; lookups: PduLookup[] }
  | { op: 'export'; job: TraceExportJob };

export interface StoreReplies {
  count: TraceCount;
  page: TraceSummary[];
  after: TraceSummary[];
  position: number | null;
  get: TraceRecord | null;
  sessions: TraceSessionInfo[];
  findPdus: Array<PduFound | null>;
  export: TraceExportOutcome;
}

export type ToStore =
  | { type: 'append'; batch: PackedTraceBatch }
  | { type: 'session'; info: TraceSessionInfo }
  | { type: 'connection'; connection: TraceConnection }
  | { type: 'request'; id: number; request: StoreRequest }
  | { type: 'close' };

export interface ErrorShape {
  message: string;
  stack: string | null;
}

export type FromStore =
  | { type: 'ready'; nextId: number; imported: number }
  | { type: 'failed-to-start'; error: ErrorShape }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorShape }
  | { type: 'appended'; records: number }
  | { type: 'health'; call: 'failed'; error: ErrorShape; where: string }
  | { type: 'health'; call: 'succeeded' }
  | { type: 'health'; call: 'unsaved' | 'dropped'; count: number }
  | { type: 'pruned'; lowestId: number }
  | { type: 'closed' };

/** The part of a MessagePort both ends use (worker_threads' parentPort and a MessageChannel port alike). */
export interface StorePort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

export function errorShape(error: unknown): ErrorShape {
  return error instanceof Error ? { message: error.message, stack: error.stack ?? null } : { message: String(error), stack: null };
}

/** Rebuilds an Error on the receiving side with the sender's stack, for the log. */
export function errorFrom(shape: ErrorShape): Error {
  const error = new Error(shape.message);
  if (shape.stack) error.stack = shape.stack;
  return error;
}
