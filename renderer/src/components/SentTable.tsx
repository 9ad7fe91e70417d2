// The messages sent from this console, newest first, each following submit → submit_sm_resp → receipt. A long
// message is one row: its parts are counted in their own column, its State is the parts' summary from core. A
// window over the store (the newest 200, more paged in on request), virtualised like every streaming list. It is the
// bottom pane's Sent tab (the tab names it on screen; the table keeps its own name, Sent). message_id gets room
// for the long ids some SMSCs give (UUIDs), since it is what an engineer copies into a query or a log search.
import type { MessageView } from '../../../shared/contract';
import { formatCount } from '../format/display';
import { describeParts } from '../format/parts';
import { messageTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { StatusWord } from './StatusWord';
import { VirtualTable, type VirtualColumn } from './VirtualTable';

const COLUMNS: ReadonlyArray<VirtualColumn<MessageView>> = [
  { header: 'Destination', width: 'minmax(12ch, 16ch)', className: 'mono', cell: (m) => m.destinationAddr },
  { header: 'Text', width: 'minmax(8ch, 1fr)', title: (m) => m.text, cell: (m) => m.text },
  { header: 'Parts', width: 'minmax(8ch, 14ch)', cell: (m) => describeParts(m.parts) },
  {
    header: 'State',
    width: 'minmax(10ch, 22ch)',
    cell: (m) => {
      // A refusal is only useful with its command_status name (ESME_RINVDSTADR…), so it sits beside the word.
      const refused = (m.state === 'rejected' || m.state === 'failed') && m.statusName !== null;
      return (
        <>
          <StatusWord tone={messageTone(m.state)}>{m.state}</StatusWord>
          {refused && <span className="mono muted"> {m.statusName}</span>}
        </>
      );
    },
  },
  { header: 'message_id', width: 'minmax(14ch, 38ch)', className: 'mono', title: (m) => m.smscMessageId ?? undefined, cell: (m) => m.smscMessageId ?? '' },
];

export function SentTable() {
  const messages = useConsole((state) => state.messages);
  const openLifecycle = useConsole((state) => state.openLifecycle);
  const hasOlder = useConsole((state) => state.messagesHaveOlder);
  const loadOlder = useConsole((state) => state.loadOlderMessages);
  return (
    <VirtualTable
      label="Sent"
      items={messages}
      columns={COLUMNS}
      rowData={(m) => ({ 'data-state': m.state })}
      onActivate={(m) => void openLifecycle(m.id)}
      onEndReached={hasOlder ? () => void loadOlder() : undefined}
      empty="Nothing sent yet."
      footer={
        hasOlder && (
          <p className="vtable__footer muted">
            The newest {formatCount(messages.length)} shown.{' '}
            <button type="button" onClick={() => void loadOlder()}>
              Show older sent messages
            </button>
          </p>
        )
      }
    />
  );
}
