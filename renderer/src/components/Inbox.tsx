// The Inbox: what SMSCs delivered to us, newest first — delivery receipts (matched to the message they
// report on, when the console sent it) and mobile-originated messages. A window over the store (the newest 200,
// more paged in on request), virtualised: it is the list an MO burst floods.
import { useRef } from 'react';
import type { InboxItem } from '../../../shared/contract';
import { isInboxFiltered } from '../../../shared/inbox-filter';
import { formatClock, formatCount } from '../format/display';
import { MATCH_RULE_WORDS } from '../format/match-rules';
import { useConsole } from '../store/console-context';
import { InboxFilterBar } from './inbox/InboxFilterBar';
import { InboxToolbar } from './inbox/InboxToolbar';
import { useMarkSeen } from './inbox/use-mark-seen';
import { ReceiptStatWord } from './ReceiptStatWord';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import { VisuallyHidden } from './VisuallyHidden';

const COLUMNS: ReadonlyArray<VirtualColumn<InboxItem>> = [
  {
    header: 'Time',
    width: '12ch',
    className: 'mono',
    // Unread rows are bold (inbox.css); the word is for whoever does not see the weight.
    cell: (i) => (
      <>
        {!i.read && <VisuallyHidden>unread </VisuallyHidden>}
        {formatClock(i.receivedAt)}
      </>
    ),
  },
  { header: 'Kind', width: '8ch', cell: (i) => (i.kind === 'receipt' ? 'receipt' : 'MO') },
  { header: 'From', width: 'minmax(8ch, 16ch)', className: 'mono', cell: (i) => i.sourceAddr },
  { header: 'To', width: 'minmax(8ch, 16ch)', className: 'mono', cell: (i) => i.destinationAddr },
  {
    header: 'Stat',
    width: 'minmax(8ch, 16ch)',
    title: (i) => i.receipt?.conflict ?? (i.receipt && i.receipt.stat === null ? `"${i.receipt.statText ?? ''}" is none of the v3.4 stat words: the message's state was left as it was` : undefined),
    cell: (i) =>
      i.receipt !== null && (
        <>
          <ReceiptStatWord receipt={i.receipt} />
          {i.receipt.conflict !== null && <span className="problem" aria-label={`disagreement: ${i.receipt.conflict}`}> ⚠</span>}
        </>
      ),
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

/**
 * The inbox's content without a region around it: the workspace shows it as the bottom pane's Inbox tab. Its
 * filter bar and actions sit above the list; rows seen for a second are marked read (inbox/use-mark-seen.ts).
 */
export function InboxList() {
  const inbox = useConsole((state) => state.inbox);
  const hasOlder = useConsole((state) => state.inboxHasOlder);
  const loadOlder = useConsole((state) => state.loadOlderInbox);
  const filtered = useConsole((state) => isInboxFiltered(state.inboxFilter) || state.inboxSessionPick.kind === 'session');
  const markSeen = useConsole((state) => state.markInboxSeen);
  const openItem = useConsole((state) => state.openInboxItem);
  const container = useRef<HTMLDivElement>(null);
  const onVisibleRange = useMarkSeen(container, inbox, (ids) => void markSeen(ids));
  return (
    <div className="inbox" ref={container}>
      <InboxFilterBar />
      <InboxToolbar />
      <VirtualTable
        label="Inbox"
        items={inbox}
        columns={COLUMNS}
        rowData={(i) => ({ 'data-kind': i.kind, 'data-read': String(i.read) })}
        onEndReached={hasOlder ? () => void loadOlder() : undefined}
        onVisibleRange={onVisibleRange}
        onActivate={(i) => void openItem(i)}
        empty={filtered ? 'Nothing received matches the filter.' : 'Nothing received yet.'}
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
    </div>
  );
}
