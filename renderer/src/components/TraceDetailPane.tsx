// The selected PDU, dissected: the tree of its fields linked to its exact bytes, so an engineer can check the
// decoder against the wire. A request says what became of it and leads to its response
// (or the note that it timed out); a response leads back to its request — by button or with P.
import type { TraceDetail } from '../../../shared/contract';
import { formatClock } from '../format/display';
import { useConsole } from '../store/console-context';
import { DissectionView } from './dissection/DissectionView';

const DIRECTION_WORDS: Record<TraceDetail['direction'], string> = { out: '→ out', in: '← in', event: '• event' };

export function TraceDetailPane() {
  const detailState = useConsole((state) => state.traceDetail);
  return (
    <div className="trace-detail">
      {detailState.status === 'idle' && <p className="muted">Select a PDU to see its decoded fields and bytes.</p>}
      {detailState.status === 'loading' && <p className="muted">Loading PDU #{detailState.id}…</p>}
      {detailState.status === 'error' && (
        <p className="alert" role="alert">
          Could not load PDU #{detailState.id}: {detailState.message}
        </p>
      )}
      {detailState.status === 'ready' && <DecodedPdu detail={detailState.detail} inView={detailState.inView} />}
    </div>
  );
}

function Pairing({ detail }: { detail: TraceDetail }) {
  const goToPaired = useConsole((state) => state.goToPaired);
  const rtt = detail.rttMs === null ? '' : ` in ${detail.rttMs.toFixed(1)} ms`;
  if (detail.requestId !== null) {
    return (
      <p className="trace-detail__pairing">
        Answers request #{detail.requestId}
        {rtt}.{' '}
        <button type="button" onClick={() => void goToPaired()} aria-keyshortcuts="P">
          Go to request
        </button>
      </p>
    );
  }
  if (detail.outcome === null) return null;
  const what =
    detail.outcome === 'outstanding'
      ? 'No response yet (outstanding).'
      : detail.outcome === 'timeout'
        ? 'No response within the response timeout.'
        : detail.outcome === 'unanswered'
          ? 'Never answered: the connection closed first.'
          : detail.outcome === 'nack'
            ? `Answered with generic_nack ${detail.responseStatusName ?? ''}${rtt}.`
            : detail.outcome === 'wrong-response'
              ? `Answered by a response of another command${rtt}.`
              : `Answered ${detail.responseStatusName ?? ''}${rtt}.`;
  return (
    <p className="trace-detail__pairing">
      {what}{' '}
      {detail.responseId !== null && (
        <button type="button" onClick={() => void goToPaired()} aria-keyshortcuts="P">
          {detail.outcome === 'timeout' ? 'Go to the timeout' : 'Go to response'}
        </button>
      )}
    </p>
  );
}

function DecodedPdu({ detail, inView }: { detail: TraceDetail; inView: boolean }) {
  return (
    <>
      <p className="trace-detail__title mono">
        #{detail.id} {formatClock(detail.time)} {DIRECTION_WORDS[detail.direction]} {detail.commandName}{' '}
        {detail.statusName} seq {detail.sequenceNumber} · {detail.length} bytes
        {!inView && <span className="muted"> (not in this filtered view)</span>}
      </p>
      <Pairing detail={detail} />
      {detail.problem !== null && (
        <p className="problem">
          <strong>Problem:</strong> {detail.problem}
        </p>
      )}
      <DissectionView key={detail.id} hex={detail.hex} tree={detail.tree} title={`PDU #${detail.id} ${detail.commandName}`} />
    </>
  );
}
