// Asks before a template is deleted, as the profile delete does: a template may hold a hand-built set of options
// and TLVs that took a while to get right. Focus starts on Cancel, so Enter alone never deletes.
import { useId } from 'react';
import type { SavedDraft } from '../../../../shared/contract';
import { Modal } from '../Modal';

interface DeleteTemplateDialogProps {
  template: SavedDraft;
  profileName: string;
  onDelete: () => void;
  onClose: () => void;
}

export function DeleteTemplateDialog({ template, profileName, onDelete, onClose }: DeleteTemplateDialogProps) {
  const headingId = useId();
  const questionId = useId();
  return (
    <Modal labelledBy={headingId} describedBy={questionId} onClose={onClose} className="confirm">
      <h2 id={headingId}>Delete template</h2>
      <p id={questionId}>
        Delete the template <strong>{template.name}</strong> of the profile {profileName}? This cannot be undone.
      </p>
      <div className="confirm__actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            onDelete();
          }}
        >
          Delete
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
