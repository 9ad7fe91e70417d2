// Asks before something an engineer built by hand is deleted (a profile, a template). Focus starts on Cancel, so
// Enter alone never deletes.
import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

interface ConfirmDeleteDialogProps {
  title: string;
  /** The question, naming what goes. */
  children: ReactNode;
  onDelete: () => void;
  onClose: () => void;
}

export function ConfirmDeleteDialog({ title, children, onDelete, onClose }: ConfirmDeleteDialogProps) {
  const headingId = useId();
  const questionId = useId();
  const confirm = () => {
    onClose();
    onDelete();
  };
  return (
    <Modal labelledBy={headingId} describedBy={questionId} onClose={onClose} className="confirm">
      <h2 id={headingId}>{title}</h2>
      <p id={questionId}>{children}</p>
      <div className="confirm__actions">
        <button type="button" className="danger" onClick={confirm}>
          Delete
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
