// Inbox region: what SMSCs delivered to us, newest first — delivery receipts (matched to the message they
// report on, when the console sent it) and mobile-originated messages. A window over the store (the newest 200,
// more paged in on request), virtualised: it is the list an MO burst floods.
import type { InboxItem, ReceiptMatchRule, ReceiptView } from '../../../shared/contract';
import { formatClock, formatCount } from '../format/display';
import { receiptTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { Region } from './Region';
import { StatusWord } from './StatusWord';
import { VirtualTable, type VirtualColumn } from './VirtualTable';

const COLUMNS: ReadonlyArray<VirtualColumn<InboxItem>> = [
  { header: 'Time', width: '12ch', className: 'mono', cell: (i) => formatClock(i.receivedAt) },
  { header: 'Kind', width: '8ch', cell: (i) => (i.kind === 'receipt' ? 'receipt' : 'MO') },
  { header: 'From', width: 'minmax(8ch, 16ch)', className: 'mono', cell: (i) => i.sourceAddr },
  { header: 'To', width: 'minmax(8ch, 16ch)', className: 'mono', cell: (i) => i.destinationAddr },
  {
    header: 'Stat',
    width: 'minmax(8ch, 16ch)',
    title: (i) => i.receipt?.conflict ?? (i.receipt && i.receipt.stat === null ? `"${i.receipt.statText ?? ''}" is none of the v3.4 stat words: the message's state was left as it was` : undefined),
    cell: (i) => i.receipt !== null && <ReceiptStatWord receipt={i.receipt} />,
  },
  { header: 'Err', width: '5ch', className: 'mono', cell: (i) => i.receipt?.err ?? '' },
  { header: 'message_id', width: 'minmax(8ch, 18ch)', className: 'mono', cell: (i) => i.receipt?.smscMessageId ?? '' },
  {
    header: 'Matched message',
    width: 'minmax(10ch, 1fr)',
    title: (i) => (i.matchRule ? `${MATCH_RULE_WORDS[i.matchRule]}: ${i.matchedMessage?.text ?? ''}` : undefined),
    cell: (i) =>
      i.kind === 'receipt' &&
      (i.matchedMessage !== null ? `→ ${i.matchedMessage.destinationAddr}: ${i.matchedMessage.text}` : <span className="muted">unmatched</span>),
  },
  {
    header: 'Text',
    width: 'minmax(10ch, 1fr)',
    title: (i) => (i.kind === 'mo' ? i.text : (i.receipt?.text ?? undefined)),
    cell: (i) => (i.kind === 'mo' ? i.text : (i.receipt?.text ?? '')),
  },
];

/** How a receipt found its message, in the words the Matched column's tooltip uses. */
const MATCH_RULE_WORDS: Record<ReceiptMatchRule, string> = {
  'as-sent': 'matched by its id as submit_sm_resp gave it (case and zero padding aside)',
  converted: 'matched by its id read as hex ⇄ decimal (the only waiting message that answers to it)',
  'on-response': 'came before its submit_sm_resp; matched when that arrived',
};

/** The stat as a v3.4 word; the word as received beside it when it differs (lower case, DELIVERED…), or alone. */
function ReceiptStatWord({ receipt }: { receipt: ReceiptView }) {
  const raw = receipt.statText ?? '';
  return (
    <>
      <StatusWord tone={receiptTone(receipt.stat)}>{receipt.stat ?? (raw || '—')}</StatusWord>
      {receipt.stat !== null && raw !== '' && raw !== receipt.stat && <span className="mono muted"> ({raw})</span>}
      {receipt.conflict !== null && <span className="problem" aria-label={`disagreement: ${receipt.conflict}`}> ⚠</span>}
    </>
  );
}

export function Inbox() {
  const inbox = useConsole((state) => state.inbox);
  const hasOlder = useConsole((state) => state.inboxHasOlder);
  const loadOlder = useConsole((state) => state.loadOlderInbox);
  return (
    <Region title="Inbox" area="inbox">
      <VirtualTable
        label="Inbox"
        items={inbox}
        columns={COLUMNS}
        rowData={(i) => ({ 'data-kind': i.kind })}
        onEndReached={hasOlder ? () => void loadOlder() : undefined}
        empty="Nothing received yet."
        footer={
          hasOlder && (
            <p className="vtable__footer muted">
              The newest {formatCount(inbox.length)} shown.{' '}
              <button type="button" onClick={() => void loadOlder()}>
                Show older inbox items
              </button>
            </p>
          )
        }
      />
    </Region>
  );
}
