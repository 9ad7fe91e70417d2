// The profile buttons under the Profile select: each acts on the profile selected there. They show one word
// each so the row fits the narrow region; the rest of the name is visually hidden but part of the accessible
// name ("New profile"). Never aria-label here: a search for the label "Profile" would find every button. The editor and the
// delete question are modal dialogs opened from here; a snapshot of the profile goes with them, so the dialog
// keeps showing what the user opened even if the list changes meanwhile.
import { useState } from 'react';
import type { ProfileView } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import { VisuallyHidden } from '../VisuallyHidden';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { ProfileEditor } from './ProfileEditor';
import { ProfileTransfer } from './ProfileTransfer';

type OpenDialog = { kind: 'new' } | { kind: 'edit'; profile: ProfileView } | { kind: 'delete'; profile: ProfileView };

const BUILTIN_NOT_DELETABLE =
  "The built-in simulator's profile cannot be deleted: the console keeps it so there is always something to bind to. It can be edited.";

export function ProfileActions({ profile }: { profile: ProfileView | undefined }) {
  const duplicateProfile = useConsole((state) => state.duplicateProfile);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);
  const none = profile === undefined;

  return (
    <div className="toolbar">
      <button type="button" onClick={() => setDialog({ kind: 'new' })}>
        New
        <VisuallyHidden> profile</VisuallyHidden>
      </button>
      <button type="button" disabled={none} onClick={() => profile && setDialog({ kind: 'edit', profile })}>
        Edit
        <VisuallyHidden> profile</VisuallyHidden>
      </button>
      <button type="button" disabled={none} onClick={() => profile && void duplicateProfile(profile.id)}>
        Duplicate
        <VisuallyHidden> profile</VisuallyHidden>
      </button>
      <button
        type="button"
        disabled={none || profile.builtinSimulator}
        title={profile?.builtinSimulator ? BUILTIN_NOT_DELETABLE : undefined}
        onClick={() => profile && setDialog({ kind: 'delete', profile })}
      >
        Delete
        <VisuallyHidden> profile</VisuallyHidden>
      </button>
      <span className="toolbar__gap" />
      <ProfileTransfer />
      {dialog?.kind === 'new' && <ProfileEditor profile={null} onClose={close} />}
      {dialog?.kind === 'edit' && <ProfileEditor profile={dialog.profile} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteProfileDialog profile={dialog.profile} onClose={close} />}
    </div>
  );
}
