// Profile operations behind the contract: create, edit, duplicate, delete, export and import (JSON without
// secrets). Every change publishes the whole list, so every window shows the same profiles.
import type { ProfileDraft, ProfileView } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import type { ConsoleEventBus } from '../api/event-bus';
import { profileSettingsSchema } from '../api/profile-schema';
import { settingsOf, withDefaults, type Profile, type ProfilesRepo } from '../store/profiles-repo';

/** The export format; import refuses anything else by name. */
export const PROFILES_EXPORT_FORMAT = 'smpp-console-profiles';
const EXPORT_VERSION = 1;

export class ProfileService {
  constructor(
    private readonly repo: ProfilesRepo,
    private readonly events: ConsoleEventBus,
  ) {}

  list(): ProfileView[] {
    return this.repo.list().map((p) => this.repo.view(p));
  }

  create(draft: ProfileDraft): ProfileView {
    return this.changed(this.repo.create(draft));
  }

  update(id: string, draft: ProfileDraft): ProfileView {
    const updated = this.repo.update(id, draft);
    if (!updated) throw new ConsoleInputError(`no profile ${id}`, 'id');
    return this.changed(updated);
  }

  /** A copy of the settings under a new name, binding with the same password (kept the same way). */
  duplicate(id: string): ProfileView {
    const original = this.existing(id);
    const copy = this.repo.create({ ...settingsOf(original), name: `${original.name} (copy)` });
    this.repo.copyPassword(original.id, copy.id);
    return this.changed(this.repo.get(copy.id)!);
  }

  delete(id: string): { id: string } {
    if (this.existing(id).builtinSimulator) {
      throw new ConsoleInputError('the Local simulator profile is built in and cannot be deleted (edit it instead)', 'id');
    }
    this.repo.delete(id);
    this.events.emit('profiles', this.list());
    return { id };
  }

  exportJson(): { json: string } {
    const profiles = this.repo.list().filter((p) => !p.builtinSimulator).map((p) => settingsOf(p));
    return { json: JSON.stringify({ format: PROFILES_EXPORT_FORMAT, version: EXPORT_VERSION, profiles }, null, 2) };
  }

  /** Imports each profile whole or not at all; reports the bad ones by position, name and field. */
  importJson(json: string): { imported: ProfileView[]; errors: string[] } {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (error) {
      throw new ConsoleInputError(`not JSON: ${(error as Error).message}`, 'json');
    }
    const { format, profiles } = (document ?? {}) as { format?: unknown; profiles?: unknown };
    if (format !== PROFILES_EXPORT_FORMAT || !Array.isArray(profiles)) {
      throw new ConsoleInputError(`not an SMPP Console profiles export (expected "format": "${PROFILES_EXPORT_FORMAT}" and a "profiles" list)`, 'json');
    }
    const imported: ProfileView[] = [];
    const errors: string[] = [];
    profiles.forEach((entry: unknown, index) => {
      const candidate = withDefaults(typeof entry === 'object' && entry !== null ? (entry as object) : {});
      const parsed = profileSettingsSchema.safeParse(candidate);
      const label = `profile ${index + 1}${typeof candidate.name === 'string' ? ` ("${candidate.name}")` : ''}`;
      if (!parsed.success) {
        errors.push(`${label}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
        return;
      }
      imported.push(this.repo.view(this.repo.create(parsed.data)));
    });
    if (imported.length > 0) this.events.emit('profiles', this.list());
    return { imported, errors };
  }

  private existing(id: string): Profile {
    const profile = this.repo.get(id);
    if (!profile) throw new ConsoleInputError(`no profile ${id}`, 'id');
    return profile;
  }

  private changed(profile: Profile): ProfileView {
    this.events.emit('profiles', this.list());
    return this.repo.view(profile);
  }
}
