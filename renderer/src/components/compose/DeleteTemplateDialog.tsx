// Asks before a template is deleted, as the profile delete does: a template may hold a hand-built set of options
// and TLVs that took a while to get right.
import type { SavedDraft } from '../../../../shared/contract';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';

interface DeleteTemplateDialogProps {
  template: SavedDraft;
  profileName: string;
  onDelete: () => void;
  onClose: () => void;
}

export function DeleteTemplateDialog({ template, profileName, onDelete, onClose }: DeleteTemplateDialogProps) {
  return (
    <ConfirmDeleteDialog title="Delete template" onDelete={onDelete} onClose={onClose}>
      Delete the template <strong>{template.name}</strong> of the profile {profileName}? This cannot be undone.
    </ConfirmDeleteDialog>
  );
}
