// The profile form in a modal dialog: "New profile" from the shared defaults, "Edit profile" from a saved one.
// Saving goes to the main side, which judges every field; its error is shown here, and the input it names is
// marked and focused, so the user fixes the right thing without hunting for it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ProfileView } from '../../../../shared/contract';
import { matchFieldPath, type FieldPath } from '../../profiles/field-paths';
import { draftFromForm, formFromProfile, writeField, type FormError } from '../../profiles/profile-form';
import { useConsole } from '../../store/console-context';
import { Modal } from '../Modal';
import { BindSection } from './BindSection';
import { ConnectionSection } from './ConnectionSection';
import { ProfileFormContext, type ProfileFormContextValue } from './form-context';
import { LinkSection } from './LinkSection';

interface ProfileEditorProps {
  /** null: a new profile. */
  profile: ProfileView | null;
  onClose: () => void;
}

export function ProfileEditor({ profile, onClose }: ProfileEditorProps) {
  const saveProfile = useConsole((state) => state.saveProfile);
  const ids = { heading: useId(), fields: useId(), error: useId() };
  // Initialised once: a `profiles` event while the dialog is open must not wipe what the user typed.
  const [form, setForm] = useState(() => formFromProfile(profile));
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const title = profile === null ? 'New profile' : 'Edit profile';
  const idFor = (path: FieldPath) => `${ids.fields}-${path}`;

  // Each new error moves focus to the input it names (a new object each time, so a repeat focuses again).
  useEffect(() => {
    if (error?.path != null) document.getElementById(`${ids.fields}-${error.path}`)?.focus();
  }, [error, ids.fields]);

  const edit = (path: FieldPath, value: unknown) => {
    setForm((current) => writeField(current, path, value));
    // The error was about this input; once it changes, the mark would be stale.
    if (error?.path === path) setError(null);
  };

  const save = async () => {
    const built = draftFromForm(form);
    if (!built.ok) {
      setError(built.error);
      return;
    }
    setSaving(true);
    setError(null);
    const outcome = await saveProfile(profile?.id ?? null, built.draft);
    setSaving(false);
    if (outcome.ok) onClose();
    else setError({ message: outcome.error.message, path: matchFieldPath(outcome.error.field) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) void save();
  };

  const context: ProfileFormContextValue = {
    form,
    edit,
    idFor,
    error,
    errorId: ids.error,
    editing: profile === null ? null : { builtinSimulator: profile.builtinSimulator, passwordSet: profile.passwordSet },
  };

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} className="profile-editor">
      {/* noValidate: the main side is the one judge of values, so there is one kind of error message. */}
      <form className="profile-form" onSubmit={onSubmit} noValidate>
        <h2 id={ids.heading}>{title}</h2>
        <div className="profile-form__body">
          <ProfileFormContext value={context}>
            <ConnectionSection />
            <BindSection />
            <LinkSection />
          </ProfileFormContext>
        </div>
        <footer className="profile-form__footer">
          {error !== null && (
            <p id={ids.error} className="alert" role="alert">
              {error.message}
            </p>
          )}
          <div className="profile-form__actions">
            <button type="submit" disabled={saving}>
              Save
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </footer>
      </form>
    </Modal>
  );
}
