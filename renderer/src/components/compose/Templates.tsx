// Templates: compose drafts saved under a name on a bind profile, because what is worth keeping (a sender id, the
// options an SMSC insists on, a test text) belongs to the SMSC the profile binds to. The list follows the profile of
// the session Compose sends on. Using a template only fills the form, like recalling a recent draft; the name for
// Save as template is asked for here, in the section, so the form keeps everything it holds while it is typed.
// It sits outside the compose form: Enter in the name saves the template and must never send the message.
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DraftContent, SavedDraft } from '../../../../shared/contract';
import { fieldMatches } from '../../compose/field-match';
import { useConsole } from '../../store/console-context';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';

interface TemplatesProps {
  /** The profile of the session Compose sends on; undefined while no session is bound. */
  profileId: string | undefined;
  profileName: string;
  /** The form as it stands: what Save as template keeps. */
  draft: DraftContent;
  /** Why the form cannot be kept as it stands (an option the form cannot turn into a value), or null. */
  unsaveable: string | null;
  onUse: (draft: DraftContent) => void;
}

export function Templates({ profileId, profileName, draft, unsaveable, onUse }: TemplatesProps) {
  const templates = useConsole((state) => state.templates);
  const error = useConsole((state) => state.templatesError);
  const loadTemplates = useConsole((state) => state.loadTemplates);
  const saveTemplate = useConsole((state) => state.saveTemplate);
  const deleteTemplate = useConsole((state) => state.deleteTemplate);
  const clearError = useConsole((state) => state.clearTemplatesError);
  const ids = { select: useId(), about: useId(), name: useId(), alert: useId() };
  const [chosenId, setChosenId] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<SavedDraft | null>(null);

  // The host has no event for templates: they are asked for whenever the session's profile changes.
  useEffect(() => {
    if (profileId !== undefined) void loadTemplates(profileId);
  }, [profileId, loadTemplates]);

  // A list loaded for another profile is not this one's, even for the moment before the new one arrives.
  const list = profileId !== undefined && templates.profileId === profileId ? templates.list : [];
  const selected = list.find((template) => template.id === chosenId) ?? list[0];
  const nameBlamed = error !== null && fieldMatches(error.field, 'name');

  const stopNaming = () => {
    setNaming(false);
    setName('');
    if (nameBlamed) clearError();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (profileId === undefined || unsaveable !== null) return;
    const saved = await saveTemplate(profileId, name, draft);
    if (saved === null) return;
    setChosenId(saved.id);
    setNaming(false);
    setName('');
  };
  const onNameKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stopNaming();
    }
  };

  return (
    <details className="compose__section templates">
      <summary>
        Templates
        {list.length > 0 && <span className="muted"> · {list.length}</span>}
      </summary>
      {profileId === undefined && <p className="blocked">No bound session: templates belong to the profile of the session selected above.</p>}
      <div className="operation">
        <label htmlFor={ids.select}>Template</label>
        <select
          id={ids.select}
          value={selected?.id ?? ''}
          disabled={profileId === undefined}
          onChange={(event) => setChosenId(event.target.value)}
          aria-describedby={ids.about}
        >
          {list.length === 0 && <option value="">{profileId === undefined ? '(no profile)' : `None saved for ${profileName}`}</option>}
          {list.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        <p id={ids.about} className="hint">
          {profileId === undefined
            ? 'Kept per profile, with addresses, text, encoding and every submit_sm option.'
            : `Kept with the profile ${profileName}, with addresses, text, encoding and every submit_sm option.`}
        </p>
        <div className="operation__buttons">
          <button type="button" disabled={selected === undefined} onClick={() => selected && onUse(selected.draft)}>
            Use template
          </button>
          <button type="button" disabled={profileId === undefined} aria-expanded={naming} onClick={() => setNaming(true)}>
            Save as template
          </button>
          <button type="button" disabled={selected === undefined} onClick={() => selected && setDeleting(selected)}>
            Delete template
          </button>
        </div>
      </div>
      {naming && profileId !== undefined && (
        <form className="operation" onSubmit={(event) => void save(event)}>
          <label htmlFor={ids.name}>Template name</label>
          <input
            id={ids.name}
            value={name}
            autoComplete="off"
            // Opened by Save as template to ask for the name: the name is what comes next.
            autoFocus
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              if (nameBlamed) clearError();
            }}
            onKeyDown={onNameKeyDown}
            aria-invalid={nameBlamed || undefined}
            aria-describedby={nameBlamed ? ids.alert : undefined}
          />
          <p className="hint">A template of the same name on this profile is replaced.</p>
          <div className="operation__buttons">
            <button type="submit" disabled={unsaveable !== null}>
              Save template
            </button>
            <button type="button" onClick={stopNaming}>
              Cancel
            </button>
            {unsaveable !== null && <span className="blocked">{unsaveable}</span>}
          </div>
        </form>
      )}
      {error !== null && (
        <p id={ids.alert} className="alert" role="alert">
          {error.message}
        </p>
      )}
      {deleting !== null && (
        <DeleteTemplateDialog
          template={deleting}
          profileName={profileName}
          onClose={() => setDeleting(null)}
          onDelete={() => void deleteTemplate(deleting.id, deleting.profileId ?? profileId ?? '')}
        />
      )}
    </details>
  );
}
