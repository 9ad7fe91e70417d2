// The messages sent from this console, newest first, each following submit → submit_sm_resp → receipt. A long
// message is one row: its parts are counted in their own column, its State is the parts' summary from core.
import type { MessageView } from '../../../shared/contract';
import { formatCount } from '../format/display';
import { describeParts } from '../format/parts';
import { messageTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { StatusWord } from './StatusWord';

const COLUMN_COUNT = 5;

/** A window over the store (the newest 200, more paged in on request): a plain table stays fast at that size. */
export function SentTable() {
  const messages = useConsole((state) => state.messages);
  const hasOlder = useConsole((state) => state.messagesHaveOlder);
  const loadOlder = useConsole((state) => state.loadOlderMessages);
  return (
    <table className="dense sent">
      <caption>Sent</caption>
      <thead>
        <tr>
          <th scope="col">Destination</th>
          <th scope="col">Text</th>
          <th scope="col">Parts</th>
          <th scope="col">State</th>
          <th scope="col">message_id</th>
        </tr>
      </thead>
      <tbody>
        {messages.length === 0 && (
          <tr>
            <td colSpan={COLUMN_COUNT} className="muted">
              Nothing sent yet.
            </td>
          </tr>
        )}
        {messages.map((message) => (
          <SentRow key={message.id} message={message} />
        ))}
      </tbody>
      {hasOlder && (
        <tfoot>
          <tr>
            <td colSpan={COLUMN_COUNT} className="muted">
              The newest {formatCount(messages.length)} shown.{' '}
              <button type="button" onClick={() => void loadOlder()}>
                Show older sent messages
              </button>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function SentRow({ message }: { message: MessageView }) {
  // A refusal is only useful with its command_status name (ESME_RINVDSTADR…), so it sits beside the word.
  const refused = (message.state === 'rejected' || message.state === 'failed') && message.statusName !== null;
  return (
    <tr data-state={message.state}>
      <td className="mono">{message.destinationAddr}</td>
      <td className="clip" title={message.text}>
        {message.text}
      </td>
      <td>{describeParts(message.parts)}</td>
      <td>
        <StatusWord tone={messageTone(message.state)}>{message.state}</StatusWord>
        {refused && <span className="mono muted"> {message.statusName}</span>}
      </td>
      <td className="mono">{message.messageId ?? ''}</td>
    </tr>
  );
}
