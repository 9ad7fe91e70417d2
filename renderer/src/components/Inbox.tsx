// Inbox region: what SMSCs delivered to us, newest first — delivery receipts (matched to the message they
// report on, when the console sent it) and mobile-originated messages.
import type { InboxItem } from '../../../shared/contract';
import { formatClock, formatCount } from '../format/display';
import { receiptTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { Region } from './Region';
import { StatusWord } from './StatusWord';

/** A window over the store (the newest 200, more paged in on request): a plain table stays fast at that size. */
export function Inbox() {
  const inbox = useConsole((state) => state.inbox);
  const hasOlder = useConsole((state) => state.inboxHasOlder);
  const loadOlder = useConsole((state) => state.loadOlderInbox);
  return (
    <Region title="Inbox" area="inbox">
      <table className="dense inbox" aria-label="Inbox">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Kind</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Stat</th>
            <th scope="col">message_id</th>
            <th scope="col">Matched message</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {inbox.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                Nothing received yet.
              </td>
            </tr>
          )}
          {inbox.map((item) => (
            <InboxRow key={item.id} item={item} />
          ))}
        </tbody>
        {hasOlder && (
          <tfoot>
            <tr>
              <td colSpan={8} className="muted">
                The newest {formatCount(inbox.length)} shown.{' '}
                <button type="button" onClick={() => void loadOlder()}>
                  Show older inbox items
                </button>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </Region>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const receipt = item.kind === 'receipt' ? item.receipt : null;
  const matched = item.matchedMessage;
  return (
    <tr data-kind={item.kind}>
      <td className="mono">{formatClock(item.receivedAt)}</td>
      <td>{item.kind === 'receipt' ? 'receipt' : 'MO'}</td>
      <td className="mono">{item.sourceAddr}</td>
      <td className="mono">{item.destinationAddr}</td>
      <td>
        {receipt !== null && (
          <>
            <StatusWord tone={receiptTone(receipt.stat)}>{receipt.stat}</StatusWord>
            {receipt.err !== null && receipt.err !== '000' && <span className="mono muted"> err:{receipt.err}</span>}
          </>
        )}
      </td>
      <td className="mono">{receipt?.messageId ?? ''}</td>
      <td className="clip" title={matched?.text}>
        {item.kind === 'receipt' &&
          (matched !== null ? (
            `→ ${matched.destinationAddr}: ${matched.text}`
          ) : (
            <span className="muted">unmatched</span>
          ))}
      </td>
      <td className="clip" title={item.kind === 'mo' ? item.text : undefined}>
        {item.kind === 'mo' ? item.text : ''}
      </td>
    </tr>
  );
}
