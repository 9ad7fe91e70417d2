// A session's live figures in one compact line, and the reconnect countdown. The words are short because the
// line sits in a table cell; COUNTERS_EXPLAINED spells them out for the cell's description.
import type { SessionCounters } from '../../../shared/contract';
import { formatCount } from './display';

export const COUNTERS_EXPLAINED =
  'in/out: PDUs received and sent · ok/failed: submit_sm accepted or failed · outstanding: requests awaiting a ' +
  'response · rtt: round trip of the last answered request · throttled: ESME_RTHROTTLED or ESME_RMSGQFUL answers · ' +
  'reconnects: automatic reconnects so far';

/** "in 12 · out 12 · ok 3 · failed 0 · outstanding 0 · rtt 3 ms · throttled 0 · reconnects 1" */
export function describeCounters(counters: SessionCounters): string {
  const rtt = counters.lastRoundTripMs === null ? 'rtt –' : `rtt ${Math.round(counters.lastRoundTripMs)} ms`;
  return [
    `in ${formatCount(counters.pdusIn)}`,
    `out ${formatCount(counters.pdusOut)}`,
    `ok ${formatCount(counters.submitsOk)}`,
    `failed ${formatCount(counters.submitsFailed)}`,
    `outstanding ${formatCount(counters.outstanding)}`,
    rtt,
    `throttled ${formatCount(counters.throttled)}`,
    `reconnects ${formatCount(counters.reconnects)}`,
  ].join(' · ');
}

/** Whole seconds left until `at`, never below 0 (the attempt may be running already). */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
