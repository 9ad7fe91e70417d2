// A received item that belongs to no sent message: an MO, or a receipt that matched nothing (kept, never dropped)
// — with why it matched nothing, and where it sits in the trace's terms.
import type { InboxItem } from '../../../../shared/contract';
import { formatClock } from '../../format/display';
import { ReceiptStatWord } from '../ReceiptStatWord';

export function ReceivedItemStory({ item }: { item: InboxItem }) {
  const receipt = item.receipt;
  return (
    <div className="lifecycle">
      <dl className="lifecycle__summary">
        <dt>Received</dt>
        <dd className="mono">{formatClock(item.receivedAt)}</dd>
        <dt>From → to</dt>
        <dd className="mono">
          {item.sourceAddr || '(empty)'} → {item.destinationAddr || '(empty)'}
        </dd>
        {receipt === null ? (
          <>
            <dt>Text</dt>
            <dd className="lifecycle__text">{item.text}</dd>
          </>
        ) : (
          <>
            <dt>message_id</dt>
            <dd className="mono">{receipt.smscMessageId}</dd>
            <dt>Stat</dt>
            <dd>
              <ReceiptStatWord receipt={receipt} />
            </dd>
            <dt>err / done</dt>
            <dd className="mono">
              {receipt.err ?? '—'} / {receipt.doneDate ?? '—'}
            </dd>
            <dt>Receipt text</dt>
            <dd className="lifecycle__text">{item.text}</dd>
            <dt>Matched</dt>
            <dd>
              Unmatched: no message this console sent on the same SMSC account has message_id {receipt.smscMessageId} (as sent, or read as
              hex ⇄ decimal when only one waiting message answers to it). It is kept here; if the SMSC writes ids differently, set “Receipt
              ids” in the profile.
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
