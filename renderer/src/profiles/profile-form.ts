// The profile form's state and its way to a ProfileDraft. Numbers are held as typed (a half-typed port is not
// coerced to 0 under the user's fingers) and parsed on save; the password is held apart from the settings
// because ProfileView never carries it.
import type { ProfileDraft, ProfileSettings, ProfileView } from '../../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/profile-defaults';
import { FIELD_LABELS, NUMBER_PATHS, type FieldPath, type NumberPath } from './field-paths';

export interface ProfileForm {
  settings: ProfileSettings;
  numbers: Record<NumberPath, string>;
  /** '' keeps the stored password (or sets none, for a new profile). */
  password: string;
  clearPassword: boolean;
  rememberPassword: boolean;
}

export interface FormError {
  message: string;
  /** The input to mark and focus, when the error names one. */
  path: FieldPath | null;
}

export type DraftResult = { ok: true; draft: ProfileDraft } | { ok: false; error: FormError };

/** Form-level keys; everything else lives in `settings` (or `numbers`, for the numeric paths). */
const FORM_KEYS = new Set<FieldPath>(['password', 'clearPassword', 'rememberPassword']);
const isNumberPath = (path: FieldPath): path is NumberPath => (NUMBER_PATHS as readonly string[]).includes(path);

function readSetting(settings: ProfileSettings, path: FieldPath): unknown {
  const [group, key] = path.split('.');
  const holder = key === undefined ? settings : (settings as unknown as Record<string, object>)[group!];
  return (holder as Record<string, unknown>)[key ?? group!];
}

function writeSetting(settings: ProfileSettings, path: FieldPath, value: unknown): ProfileSettings {
  const [group, key] = path.split('.');
  if (key === undefined) return { ...settings, [group!]: value };
  const holder = (settings as unknown as Record<string, object>)[group!];
  return { ...settings, [group!]: { ...holder, [key]: value } };
}

/** The current value of any input; callers know which type their path holds. */
export function readField(form: ProfileForm, path: FieldPath): unknown {
  if (FORM_KEYS.has(path)) return form[path as 'password' | 'clearPassword' | 'rememberPassword'];
  if (isNumberPath(path)) return form.numbers[path];
  return readSetting(form.settings, path);
}

export function writeField(form: ProfileForm, path: FieldPath, value: unknown): ProfileForm {
  if (FORM_KEYS.has(path)) return { ...form, [path]: value };
  if (isNumberPath(path)) return { ...form, numbers: { ...form.numbers, [path]: String(value) } };
  return { ...form, settings: writeSetting(form.settings, path, value) };
}

/** A new profile starts from the shared defaults; an existing one from its settings (never its password). */
export function formFromProfile(profile: ProfileView | null): ProfileForm {
  let settings: ProfileSettings = structuredClone(DEFAULT_PROFILE_SETTINGS);
  if (profile !== null) {
    // The settings' own keys only: what the view adds about the profile (id, password state…) is not a setting,
    // and the host refuses a draft that carries it.
    const saved = Object.fromEntries(Object.keys(DEFAULT_PROFILE_SETTINGS).map((key) => [key, profile[key as keyof ProfileSettings]])) as unknown as ProfileSettings;
    settings = { ...saved, tls: { ...saved.tls }, reconnect: { ...saved.reconnect } };
  }
  const numbers = Object.fromEntries(
    NUMBER_PATHS.map((path) => [path, String(readSetting(settings, path))]),
  ) as Record<NumberPath, string>;
  return { settings, numbers, password: '', clearPassword: false, rememberPassword: profile?.passwordRemembered ?? false };
}

/**
 * The draft to save. Only what cannot be sent at all is stopped here (a number that is not one); ranges and
 * lengths are the main side's to judge, so its error, naming the field and the limit, is what the user reads.
 */
export function draftFromForm(form: ProfileForm): DraftResult {
  let settings = form.settings;
  for (const path of NUMBER_PATHS) {
    const text = form.numbers[path].trim();
    const value = Number(text);
    if (text === '' || !Number.isInteger(value)) {
      return { ok: false, error: { path, message: `${FIELD_LABELS[path]}: enter a whole number.` } };
    }
    settings = writeSetting(settings, path, value);
  }
  const draft: ProfileDraft = { ...settings };
  if (form.clearPassword) draft.password = '';
  else if (form.password !== '') draft.password = form.password;
  // Starts as the stored password is kept (ProfileView.passwordRemembered), so sending it always is safe.
  if (!form.clearPassword) draft.rememberPassword = form.rememberPassword;
  return { ok: true, draft };
}
