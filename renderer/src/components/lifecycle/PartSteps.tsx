// One part's steps, oldest first: submit_sm → its response (status, message_id, round trip) → intermediate
// notifications → the final receipt (stat, err, done date, text) — and what is still awaited, said rather than left out.
import type { LifecycleReceipt, PartLifecycle } from '../../../../shared/contract';
import { formatClock } from '../../format/display';
import { commandStatusTone } from '../../format/tones';
import { MATCH_RULE_WORDS } from '../../format/match-rules';
import { ReceiptStatWord } from '../ReceiptStatWord';
import { StatusWord } from '../StatusWord';
import { ShowInTrace } from './ShowInTrace';

interface PartStepsProps {
  part: PartLifecycle;
  /** "part 2" in a long message, "the message" in a short one: names the steps' links. */
  partName: string;
}

export function PartSteps({ part, partName }: PartStepsProps) {
  const { submit, response } = part;
  const finalReceipt = part.receipts.some((r) => !r.intermediate);
  return (
    <ol className="lifecycle__steps">
      <li>
        <span className="lifecycle__time mono">{submit.sentAt !== null ? formatClock(submit.sentAt) : '—'}</span>
        <span className="mono">submit_sm</span>
        <span className="mono muted">{submit.sequenceNumber !== null ? `seq ${submit.sequenceNumber}` : ''}</span>
        <ShowInTrace traceId={submit.traceId} what={`submit_sm of ${partName}`} />
      </li>
      <li>
        {response === null ? (
          <>
            <span className="lifecycle__time mono">—</span>
            <span className="muted">{part.state === 'failed' ? 'no response: the request failed (timeout or connection lost)' : 'waiting for submit_sm_resp…'}</span>
          </>
        ) : (
          <>
            <span className="lifecycle__time mono">{response.answeredAt !== null ? formatClock(response.answeredAt) : '—'}</span>
            <span className="mono">submit_sm_resp</span>
            <StatusWord tone={commandStatusTone(response.commandStatus)}>{response.statusName}</StatusWord>
            <span className="mono">{response.smscMessageId !== null ? `message_id ${response.smscMessageId}` : ''}</span>
            <span className="mono muted">{response.roundTripMs !== null ? `RTT ${response.roundTripMs.toFixed(1)} ms` : ''}</span>
            <ShowInTrace traceId={response.traceId} what={`submit_sm_resp of ${partName}`} />
          </>
        )}
      </li>
      {part.receipts.map((receipt) => (
        <ReceiptStep key={receipt.inboxId} receipt={receipt} partName={partName} />
      ))}
      {!finalReceipt && response?.commandStatus === 0 && (
        <li>
          <span className="lifecycle__time mono">—</span>
          <span className="muted">waiting for the delivery receipt…</span>
        </li>
      )}
    </ol>
  );
}

function ReceiptStep({ receipt: r, partName }: { receipt: LifecycleReceipt; partName: string }) {
  const { receipt } = r;
  const what = r.intermediate ? 'intermediate notification' : 'delivery receipt';
  return (
    <li data-kind={r.intermediate ? 'intermediate' : 'receipt'}>
      <span className="lifecycle__time mono">{formatClock(r.receivedAt)}</span>
      <span>{r.intermediate ? 'Intermediate' : 'Receipt'}</span>
      <ReceiptStatWord receipt={receipt} />
      <span className="mono">err {receipt.err ?? '—'}</span>
      <span className="mono">done {receipt.doneDate ?? '—'}</span>
      {receipt.text !== null && <span className="lifecycle__text">text “{receipt.text}”</span>}
      {receipt.conflict !== null && <span className="problem">⚠ {receipt.conflict}</span>}
      {r.matchRule !== null && <span className="muted">{MATCH_RULE_WORDS[r.matchRule]}</span>}
      <ShowInTrace traceId={r.traceId} what={`the ${what} ${receipt.statText ?? ''} of ${partName}`.replace('  ', ' ')} />
    </li>
  );
}
