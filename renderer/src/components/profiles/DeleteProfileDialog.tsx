// Asks before a profile is deleted: the profile holds settings an engineer may have collected by hand from an
// SMSC's operator. Focus starts on Cancel, so Enter alone never deletes.
import { useId } from 'react';
import type { ProfileView } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import { Modal } from '../Modal';

export function DeleteProfileDialog({ profile, onClose }: { profile: ProfileView; onClose: () => void }) {
  const deleteProfile = useConsole((state) => state.deleteProfile);
  const headingId = useId();
  const questionId = useId();
  const onDelete = () => {
    onClose();
    void deleteProfile(profile.id);
  };
  return (
    <Modal labelledBy={headingId} describedBy={questionId} onClose={onClose} className="confirm">
      <h2 id={headingId}>Delete profile</h2>
      <p id={questionId}>
        Delete the profile <strong>{profile.name}</strong> ({profile.host}:{profile.port})? This cannot be undone;
        Export profiles first to keep a copy.
      </p>
      <div className="confirm__actions">
        <button type="button" className="danger" onClick={onDelete}>
          Delete
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
