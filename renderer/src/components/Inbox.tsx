// Inbox region: what SMSCs delivered to us, newest first — delivery receipts (matched to the message they
// report on, when the console sent it) and mobile-originated messages. A window over the store (the newest 200,
// more paged in on request), virtualised: it is the list an MO burst floods.
import type { InboxItem } from '../../../shared/contract';
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
    cell: (i) =>
      i.receipt !== null && (
        <>
          <StatusWord tone={receiptTone(i.receipt.stat)}>{i.receipt.stat}</StatusWord>
          {i.receipt.err !== null && i.receipt.err !== '000' && <span className="mono muted"> err:{i.receipt.err}</span>}
        </>
      ),
  },
  { header: 'message_id', width: 'minmax(8ch, 18ch)', className: 'mono', cell: (i) => i.receipt?.messageId ?? '' },
  {
    header: 'Matched message',
    width: 'minmax(10ch, 1fr)',
    title: (i) => i.matchedMessage?.text,
    cell: (i) =>
      i.kind === 'receipt' &&
      (i.matchedMessage !== null ? `→ ${i.matchedMessage.destinationAddr}: ${i.matchedMessage.text}` : <span className="muted">unmatched</span>),
  },
  { header: 'Text', width: 'minmax(10ch, 1fr)', title: (i) => (i.kind === 'mo' ? i.text : undefined), cell: (i) => (i.kind === 'mo' ? i.text : '') },
];

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
