// One PDU summary as a grid row. Memoised: a trace batch re-renders the grid, but rows whose record, position
// and selection are unchanged are skipped.
import { memo } from 'react';
import type { TraceSummary } from '../../../shared/contract';
import { formatClock } from '../format/display';
import { commandStatusTone } from '../format/tones';

/** in/out are PDUs on the wire; event rows are what the console noticed (timeouts, reconnects, throttling). */
const DIRECTION_ARROW: Record<TraceSummary['direction'], string> = { out: '→', in: '←', event: '•' };

/**
 * A response's command_id has the top bit set. A request's command_status is 0 and means nothing, so only
 * responses (and any non-zero status) get a status colour.
 */
const RESPONSE_BIT = 0x80000000;

export const TRACE_COLUMN_COUNT = 8;

/** The header row; its cells line up with TraceRow's through the shared grid-template-columns in trace.css. */
export function TraceHeaderRow() {
  return (
    <div role="row" aria-rowindex={1} className="trace-row trace-row--head">
      <span role="columnheader">Time</span>
      <span role="columnheader" title="Direction">
        Dir
      </span>
      <span role="columnheader">Command</span>
      <span role="columnheader">Status</span>
      <span role="columnheader" className="num" title="sequence_number">
        Seq
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
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
}

export const TraceRow = memo(function TraceRow({ record, index, top, selected, tabbable }: TraceRowProps) {
  const isResponse = (record.commandId & RESPONSE_BIT) !== 0 || record.commandStatus !== 0;
  const statusTone = isResponse ? commandStatusTone(record.commandStatus) : 'neutral';
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
      <span role="gridcell" className="trace-dir" title={record.direction}>
        <span aria-hidden="true">{DIRECTION_ARROW[record.direction]}</span>
        <span className="visually-hidden">{record.direction}</span>
      </span>
      <span role="gridcell" className="mono">
        {record.commandName}
      </span>
      <span role="gridcell" className="mono status" data-tone={statusTone}>
        {record.statusName}
      </span>
      <span role="gridcell" className="mono num">
        {record.sequenceNumber}
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
