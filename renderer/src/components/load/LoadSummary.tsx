// The load run in numbers: where it stands, and the totals the chart draws — sent, accepted, failed by status,
// receipts by stat, latency percentiles — as a table a screen reader reads row by row (the chart's text
// alternative), with the CSV's bad rows by line and the export of it all.
import type { ReactNode } from 'react';
import type { LoadCount, LoadRunView, ReceiptStat } from '../../../../shared/contract';
import { formatCount } from '../../format/display';
import { receiptTone, type Tone } from '../../format/tones';
import { loadFileName, loadPointsCsv, loadRunJson } from '../../load/load-export';
import { useConsole, useConsoleStore } from '../../store/console-context';
import { saveDownload } from '../../trace/save-download';
import { StatusWord } from '../StatusWord';

const STATE_WORDS: Record<LoadRunView['state'], [string, Tone]> = {
  running: ['running', 'pending'],
  draining: ['stopping — waiting for the answers in flight', 'pending'],
  done: ['done', 'ok'],
};
const END_WORDS: Record<NonNullable<LoadRunView['endReason']>, string> = {
  completed: 'every message sent',
  stopped: 'stopped',
  'sessions-gone': 'its sessions closed',
};

export function LoadSummary() {
  const run = useConsole((state) => state.loadRun);
  const store = useConsoleStore();
  if (run === null) return null;
  const { summary } = run;
  const [stateWord, tone] = STATE_WORDS[run.state];
  const latency = summary.latency;
  const exportAs = (extension: 'json' | 'csv') => {
    const points = store.getState().loadPoints;
    const text = extension === 'json' ? loadRunJson(run, points) : loadPointsCsv(points);
    saveDownload(loadFileName(run, extension), [text], extension === 'json' ? 'application/json' : 'text/csv');
  };
  return (
    <div className="load-summary">
      <table aria-label="Load summary" className="load-summary__table">
        <tbody>
          <Row name="State">
            <StatusWord tone={tone}>{stateWord}</StatusWord>
            {run.endReason && <span className="muted"> · {END_WORDS[run.endReason]}</span>}
          </Row>
          <Row name="Source">
            {run.source.kind === 'csv' ? `CSV ${run.source.fileName ?? '(inline)'}` : 'the composed message'} · {formatCount(run.ratePerSecond)}/s on{' '}
            {run.sessionIds.length} session{run.sessionIds.length > 1 ? 's' : ''}
          </Row>
          <Row name="Sent">
            {formatCount(summary.sent)} of {formatCount(summary.planned)} · {formatCount(summary.achievedRate)}/s over {(run.sendingMs / 1000).toFixed(1)} s
            {run.inFlight > 0 && <span className="muted"> · {formatCount(run.inFlight)} in flight</span>}
          </Row>
          <Row name="Accepted">{formatCount(summary.accepted)}</Row>
          <Row name="Failed">
            {formatCount(summary.failed)}
            <Counts counts={summary.failedByStatus} tone={() => 'error'} />
          </Row>
          <Row name="Receipts">
            {formatCount(summary.receipts)}
            <Counts counts={summary.receiptsByStat} tone={(name) => receiptTone(name as ReceiptStat)} />
            {summary.awaitingReceipts > 0 && <span className="muted"> · {formatCount(summary.awaitingReceipts)} awaited</span>}
          </Row>
          <Row name="Latency">
            {latency
              ? `submit_sm_resp p50 ${latency.p50} ms · p95 ${latency.p95} ms · p99 ${latency.p99} ms · max ${latency.max} ms`
              : 'no response yet'}
          </Row>
        </tbody>
      </table>
      {run.rowErrors.total > 0 && (
        <details className="load-summary__rows">
          <summary>
            {formatCount(run.rowErrors.total)} CSV row{run.rowErrors.total > 1 ? 's' : ''} not sent
          </summary>
          <ul>
            {run.rowErrors.first.map((row) => (
              <li key={row.line}>
                line {row.line}: {row.message}
              </li>
            ))}
            {run.rowErrors.total > run.rowErrors.first.length && <li className="muted">… and {formatCount(run.rowErrors.total - run.rowErrors.first.length)} more</li>}
          </ul>
        </details>
      )}
      <div className="operation__buttons">
        <button type="button" onClick={() => exportAs('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          Export CSV
        </button>
      </div>
    </div>
  );
}

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{children}</td>
    </tr>
  );
}

function Counts({ counts, tone }: { counts: LoadCount[]; tone: (name: string) => Tone }) {
  if (counts.length === 0) return null;
  return (
    <span className="load-summary__counts">
      {counts.map((c) => (
        <span key={c.name}>
          {' · '}
          <StatusWord tone={tone(c.name)}>{c.name}</StatusWord> {formatCount(c.count)}
        </span>
      ))}
    </span>
  );
}
