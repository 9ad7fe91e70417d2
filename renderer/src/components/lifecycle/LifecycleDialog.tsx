// The timeline of one sent message (opened from a Sent row or a matched receipt), or a received item that belongs
// to no sent message (an MO, an unmatched receipt) shown as it came. A modal dialog: it fits any window, and
// "Show in trace" closes it on the row it names.
import { useId } from 'react';
import { useConsole } from '../../store/console-context';
import { Modal } from '../Modal';
import { ReceivedItemStory } from './ReceivedItemStory';
import { MessageTimeline } from './MessageTimeline';

export function LifecycleDialog() {
  const lifecycle = useConsole((state) => state.lifecycle);
  const close = useConsole((state) => state.closeLifecycle);
  const headingId = useId();
  if (lifecycle.status === 'closed') return null;
  const title = lifecycle.status === 'item' ? (lifecycle.item.kind === 'mo' ? 'Mobile-originated message' : 'Unmatched receipt') : 'Message timeline';
  return (
    <Modal labelledBy={headingId} onClose={close} className="lifecycle-dialog">
      <header className="lifecycle-dialog__header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" onClick={close} data-autofocus>
          Close
        </button>
      </header>
      {lifecycle.status === 'loading' && <p role="status">Loading the message's timeline…</p>}
      {lifecycle.status === 'error' && (
        <p role="alert" className="alert">
          {lifecycle.message}
        </p>
      )}
      {lifecycle.status === 'ready' && <MessageTimeline story={lifecycle.story} />}
      {lifecycle.status === 'item' && <ReceivedItemStory item={lifecycle.item} />}
    </Modal>
  );
}
