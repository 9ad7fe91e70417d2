// Asks before something is deleted for good (a profile, a template, inbox items). Focus starts on Cancel, so Enter
// alone never deletes.
import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

interface ConfirmDeleteDialogProps {
  title: string;
  /** The question, naming what goes. */
  children: ReactNode;
  onDelete: () => void;
  onClose: () => void;
  /** Choices above the question that decide what goes (which inbox items); the question names the result. */
  choices?: ReactNode;
  /** The button's word when it says more than Delete ("Clear 12 items"). */
  confirmLabel?: string;
  /** Nothing would go: the button stays, disabled. */
  confirmDisabled?: boolean;
}

export function ConfirmDeleteDialog({ title, children, onDelete, onClose, choices, confirmLabel = 'Delete', confirmDisabled }: ConfirmDeleteDialogProps) {
  const headingId = useId();
  const questionId = useId();
  const confirm = () => {
    onClose();
    onDelete();
  };
  return (
    <Modal labelledBy={headingId} describedBy={questionId} onClose={onClose} className="confirm">
      <h2 id={headingId}>{title}</h2>
      {choices}
      <p id={questionId}>{children}</p>
      <div className="confirm__actions">
        <button type="button" className="danger" onClick={confirm} disabled={confirmDisabled}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
