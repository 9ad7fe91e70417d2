// Asks before a profile is deleted: the profile holds settings an engineer may have collected by hand from an
// SMSC's operator.
import type { ProfileView } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';

export function DeleteProfileDialog({ profile, onClose }: { profile: ProfileView; onClose: () => void }) {
  const deleteProfile = useConsole((state) => state.deleteProfile);
  return (
    <ConfirmDeleteDialog title="Delete profile" onDelete={() => void deleteProfile(profile.id)} onClose={onClose}>
      Delete the profile <strong>{profile.name}</strong> ({profile.host}:{profile.port})? This cannot be undone;
      Export profiles first to keep a copy.
    </ConfirmDeleteDialog>
  );
}
