// One PDU summary as a grid row. Memoised: a batch re-renders the grid, but rows whose record, position, session
// label and selection are unchanged are skipped. A request shows what became of it (its response's status, or
// outstanding / timeout / unanswered) and both sides of a pair show the round trip.
import { memo } from 'react';
import type { RequestOutcome, TraceSummary } from '../../../shared/contract';
import { formatClock } from '../format/display';
import { commandStatusTone, type Tone } from '../format/tones';
import type { SessionLabel } from '../trace/session-labels';

/** in/out are PDUs on the wire; event rows are what the console noticed (timeouts, reconnects, throttling). */
const DIRECTION_ARROW: Record<TraceSummary['direction'], string> = { out: '→', in: '←', event: '•' };

/** A response's command_id has the top bit set. */
const RESPONSE_BIT = 0x80000000;

export const TRACE_COLUMN_COUNT = 10;

const OUTCOME_WORDS: Record<Exclude<RequestOutcome, 'answered'>, { word: string; tone: Tone }> = {
  outstanding: { word: 'outstanding', tone: 'pending' },
  nack: { word: 'generic_nack', tone: 'error' },
  'wrong-response': { word: 'wrong response', tone: 'error' },
  timeout: { word: 'timeout', tone: 'error' },
  unanswered: { word: 'unanswered', tone: 'warn' },
};

/** The Status cell: a response's own status; a request's outcome (answered: its response's status). */
function statusOf(record: TraceSummary): { text: string; tone: Tone } {
  const isResponse = (record.commandId & RESPONSE_BIT) !== 0;
  if (isResponse || record.direction === 'event') return { text: record.statusName, tone: isResponse ? commandStatusTone(record.commandStatus) : 'neutral' };
  if (record.outcome === null) return { text: record.commandStatus !== 0 ? record.statusName : '', tone: 'neutral' };
  if (record.outcome === 'answered') return { text: `→ ${record.responseStatusName ?? ''}`, tone: commandStatusTone(record.responseStatus ?? 0) };
  const { word, tone } = OUTCOME_WORDS[record.outcome];
  return { text: record.outcome === 'nack' && record.responseStatusName ? `${word} ${record.responseStatusName}` : word, tone };
}

interface SortProps {
  sortedByRtt: boolean;
  onSortByRtt: () => void;
}

/** The header row; its cells line up with TraceRow's through the shared grid-template-columns in trace.css. */
export function TraceHeaderRow({ sortedByRtt, onSortByRtt }: SortProps) {
  return (
    <div role="row" aria-rowindex={1} className="trace-row trace-row--head">
      <span role="columnheader" aria-sort={sortedByRtt ? undefined : 'ascending'}>
        Time
      </span>
      <span role="columnheader">Session</span>
      <span role="columnheader" title="Direction">
        Dir
      </span>
      <span role="columnheader">Command</span>
      <span role="columnheader">Status</span>
      <span role="columnheader" className="num" title="sequence_number">
        Seq
      </span>
      <span role="columnheader" className="num" aria-sort={sortedByRtt ? 'descending' : 'none'}>
        <button type="button" className="link" onClick={onSortByRtt} title={sortedByRtt ? 'Back to capture order' : 'Slowest round trip first'}>
          RTT{sortedByRtt ? ' ▼' : ''}
        </button>
      </span>
      <span role="columnheader" className="num" title="command_length">
        Len
      </span>
      <span role="columnheader">Summary</span>
      <span role="columnheader" title="Problem">
        <span aria-hidden="true">⚠</span>
        <span className="visually-hidden">Problem</span>
      </span>
    </div>
  );
}

interface TraceRowProps {
  record: TraceSummary;
  session: SessionLabel;
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
}

export const TraceRow = memo(function TraceRow({ record, session, index, top, selected, tabbable }: TraceRowProps) {
  const status = statusOf(record);
  return (
    <div
      role="row"
      className="trace-row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-id={record.id}
      data-direction={record.direction}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="gridcell" className="mono">
        {formatClock(record.time)}
      </span>
      <span role="gridcell" className="trace-session" data-colour={session.colour} title={`${session.name} (${record.sessionId})`}>
        {session.name} <span className="muted">{session.short}</span>
      </span>
      <span role="gridcell" className="trace-dir" title={record.direction}>
        <span aria-hidden="true">{DIRECTION_ARROW[record.direction]}</span>
        <span className="visually-hidden">{record.direction}</span>
      </span>
      <span role="gridcell" className="mono">
        {record.commandName}
      </span>
      <span role="gridcell" className="mono status" data-tone={status.tone}>
        {status.text}
      </span>
      <span role="gridcell" className="mono num">
        {record.sequenceNumber}
      </span>
      <span role="gridcell" className="mono num">
        {record.rttMs === null ? '' : record.rttMs.toFixed(1)}
      </span>
      <span role="gridcell" className="mono num">
        {record.length}
      </span>
      <span role="gridcell" className="mono trace-summary" title={record.summary}>
        {record.summary}
      </span>
      <span role="gridcell" className="trace-problem" title={record.problem ?? undefined}>
        {record.problem !== null && (
          <>
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">problem: {record.problem}</span>
          </>
        )}
      </span>
    </div>
  );
});

/** Where a row is not loaded yet (scrolled to quickly): the same height, said as loading. */
export function TracePlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div role="row" className="trace-row trace-row--loading" aria-rowindex={index + 2} data-index={index} style={{ transform: `translateY(${top}px)` }}>
      <span role="gridcell" className="muted">
        loading…
      </span>
    </div>
  );
}
