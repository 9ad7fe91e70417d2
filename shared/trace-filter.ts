// What the trace's filter bar can ask for, and the one predicate that decides a live row — the same meaning the
// trace store gives it in SQL (trace-query.ts), so a row that arrives live matches exactly when the store would have
// returned it. Every part is optional; parts combine with AND, lists with OR.
import type { TraceDirection, TraceSummary } from './trace-types';
import { normaliseMessageId } from './message-id';

export type StatusFilter = { kind: 'any' } | { kind: 'errors' } | { kind: 'equals'; value: number };

export interface TraceFilter {
  sessionIds?: string[];
  directions?: TraceDirection[];
  /** Command names (submit_sm, deliver_sm_resp…) or event kinds (timeout, reconnect, error…). */
  commands?: string[];
  /** errors: command_status not 0 (error responses, generic_nack). */
  status?: StatusFilter;
  sequenceNumber?: number;
  /** As submit_sm_resp, a receipt, or query/cancel/replace_sm names it; compared without case or leading zeros. */
  smscMessageId?: string;
  /** source_addr or destination_addr: exactly, or every address starting with it when it ends in '*'. */
  address?: string;
  /** Inclusive, ms since the epoch. */
  timeFrom?: number;
  timeTo?: number;
  /** In the one-line summary, ignoring ASCII case. */
  text?: string;
}

/** Lower case for ASCII letters only — what SQLite's lower() does, so both sides agree on non-ASCII text. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** The filter with empty parts dropped and lists sorted: equal filters have equal keys. */
export function canonicalFilter(filter: TraceFilter): TraceFilter {
  const out: TraceFilter = {};
  const list = <T>(values: T[] | undefined) => (values && values.length > 0 ? [...new Set(values)].sort() : undefined);
  const sessionIds = list(filter.sessionIds);
  const directions = list(filter.directions);
  const commands = list(filter.commands);
  if (sessionIds) out.sessionIds = sessionIds;
  if (directions) out.directions = directions;
  if (commands) out.commands = commands;
  if (filter.status && filter.status.kind !== 'any') out.status = filter.status;
  if (filter.sequenceNumber !== undefined) out.sequenceNumber = filter.sequenceNumber;
  const smscMessageId = filter.smscMessageId?.trim();
  if (smscMessageId) out.smscMessageId = normaliseMessageId(smscMessageId);
  const address = filter.address?.trim();
  if (address && address !== '*') out.address = address;
  if (filter.timeFrom !== undefined) out.timeFrom = filter.timeFrom;
  if (filter.timeTo !== undefined) out.timeTo = filter.timeTo;
  if (filter.text) out.text = filter.text;
  return out;
}

export function isFiltered(filter: TraceFilter): boolean {
  return Object.keys(canonicalFilter(filter)).length > 0;
}

/** Whether a row belongs in a view with this (canonical) filter. */
export function matchesTraceFilter(row: TraceSummary, filter: TraceFilter): boolean {
  if (filter.sessionIds && !filter.sessionIds.includes(row.sessionId)) return false;
  if (filter.directions && !filter.directions.includes(row.direction)) return false;
  if (filter.commands && !filter.commands.includes(row.commandName)) return false;
  if (filter.status?.kind === 'errors' && row.commandStatus === 0) return false;
  if (filter.status?.kind === 'equals' && row.commandStatus !== filter.status.value) return false;
  if (filter.sequenceNumber !== undefined && row.sequenceNumber !== filter.sequenceNumber) return false;
  if (filter.smscMessageId !== undefined && row.smscMessageId !== filter.smscMessageId) return false;
  if (filter.address !== undefined && !addressMatches(row, filter.address)) return false;
  if (filter.timeFrom !== undefined && row.time < filter.timeFrom) return false;
  if (filter.timeTo !== undefined && row.time > filter.timeTo) return false;
  if (filter.text !== undefined && !asciiLower(row.summary).includes(asciiLower(filter.text))) return false;
  return true;
}

function addressMatches(row: TraceSummary, wanted: string): boolean {
  const prefix = wanted.endsWith('*') ? wanted.slice(0, -1) : null;
  const one = (address: string | null) => address !== null && (prefix === null ? address === wanted : address.startsWith(prefix));
  return one(row.sourceAddr) || one(row.destinationAddr);
}
