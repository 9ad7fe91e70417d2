// The selected PDU, decoded: each field with where its bytes sit, and the exact bytes as a hex dump, so an
// engineer can check the decoder against the wire.
import type { TraceDetail } from '../../../shared/contract';
import { formatClock } from '../format/display';
import { useConsole } from '../store/console-context';
import { hexDump } from '../trace/hex-dump';

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
      {detailState.status === 'ready' && <DecodedPdu detail={detailState.detail} />}
    </div>
  );
}

function DecodedPdu({ detail }: { detail: TraceDetail }) {
  return (
    <>
      <p className="trace-detail__title mono">
        {formatClock(detail.time)} {DIRECTION_WORDS[detail.direction]} {detail.commandName}{' '}
        {detail.statusName} seq {detail.sequenceNumber} · {detail.length} bytes
      </p>
      {detail.problem !== null && (
        <p className="problem">
          <strong>Problem:</strong> {detail.problem}
        </p>
      )}
      <div className="trace-detail__body">
        <table className="dense fields" aria-label="Decoded fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Offset</th>
              <th scope="col">Length</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {detail.fields.map((field, index) => (
              // Names repeat (TLVs may), so the position in the PDU is the key.
              <tr key={`${field.offset}:${index}`}>
                <td className="mono">{field.name}</td>
                <td className="mono num">{field.offset}</td>
                <td className="mono num">{field.length}</td>
                <td className="mono value">{field.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {/* Focusable so the dump can be scrolled from the keyboard. */}
        <pre className="hex" aria-label="PDU bytes (hex)" tabIndex={0}>
          {hexDump(detail.hex)}
        </pre>
      </div>
    </>
  );
}
