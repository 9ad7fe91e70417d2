// What every profile-form input needs from the form around it: the state, the one edit function, and the last
// error, so each field marks itself (aria-invalid, aria-describedby) without the sections passing it down.
import { createContext, useContext } from 'react';
import type { FieldPath } from '../../profiles/field-paths';
import type { FormError, ProfileForm } from '../../profiles/profile-form';

export interface ProfileFormContextValue {
  form: ProfileForm;
  edit: (path: FieldPath, value: unknown) => void;
  /** The DOM id of an input, so an error naming its field can focus it. */
  idFor: (path: FieldPath) => string;
  error: FormError | null;
  /** The id of the error's message, for aria-describedby on the input it names. */
  errorId: string;
  /** The profile being edited (null for a new one): some hints depend on it. */
  editing: { builtinSimulator: boolean; passwordSet: boolean } | null;
}

export const ProfileFormContext = createContext<ProfileFormContextValue | null>(null);

export function useProfileForm(): ProfileFormContextValue {
  const value = useContext(ProfileFormContext);
  if (value === null) throw new Error('profile form fields need a ProfileFormContext provider above them');
  return value;
}

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The props that tie an input to its label, its hint and the form's error. */
export function useControlProps(path: FieldPath, hintId: string | null, over = false): ControlProps {
  const { idFor, error, errorId } = useProfileForm();
  const blamed = error?.path === path;
  const describedBy = [hintId, blamed ? errorId : null].filter((id) => id !== null).join(' ');
  return {
    id: idFor(path),
    'aria-invalid': blamed || over ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}
