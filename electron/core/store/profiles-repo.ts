// Saved bind profiles: settings as one JSON document per row (read over the defaults, so a profile saved before
// a setting existed gets its default). The password is never a column: it goes through the SecretStore.
import { randomUUID } from 'node:crypto';
import type { ProfileDraft, ProfileSettings, ProfileView } from '../../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/profile-defaults';
import { type Database, statement } from './database';
import type { SecretStore } from './secret-store';

export interface Profile extends ProfileSettings {
  id: string;
  builtinSimulator: boolean;
  /** It binds with a password (set at some point, never cleared), whether or not this run still has it. */
  hasPassword: boolean;
}

interface ProfileRow {
  id: string;
  builtin_simulator: number;
  settings: string;
  has_password: number;
}

export class ProfilesRepo {
  /** Each profile's SMSC account (sameSmsc), read once after each create, update or delete. */
  private accounts: Array<{ id: string; key: string }> | null = null;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStore,
  ) {
    // Profiles saved before has_password existed: a password this run still has says they use one.
    for (const profile of this.list()) if (!profile.hasPassword && this.secrets.has(profile.id)) this.markPassword(profile.id, true);
  }

  list(): Profile[] {
    const rows = statement(this.db, 'SELECT * FROM profiles ORDER BY builtin_simulator DESC, created_at').all() as unknown as ProfileRow[];
    return rows.map(fromRow);
  }

  get(id: string): Profile | null {
    const row = statement(this.db, 'SELECT * FROM profiles WHERE id = ?').get(id) as unknown as ProfileRow | undefined;
    return row ? fromRow(row) : null;
  }

  create(draft: ProfileDraft, builtinSimulator = false): Profile {
    const id = randomUUID();
    const now = Date.now();
    statement(this.db, 'INSERT INTO profiles (id, builtin_simulator, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, builtinSimulator ? 1 : 0, JSON.stringify(settingsOf(draft)), now, now);
    this.storePassword(id, draft);
    this.accounts = null;
    return this.get(id)!;
  }

  update(id: string, draft: ProfileDraft): Profile | null {
    const result = statement(this.db, 'UPDATE profiles SET settings = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(settingsOf(draft)), Date.now(), id);
    if (result.changes === 0) return null;
    this.storePassword(id, draft);
    this.accounts = null;
    return this.get(id);
  }

  delete(id: string): boolean {
    const deleted = statement(this.db, 'DELETE FROM profiles WHERE id = ?').run(id).changes > 0;
    if (deleted) this.secrets.delete(id);
    this.accounts = null;
    return deleted;
  }

  /**
   * The profiles that reach the same SMSC account (host, port and system_id; the built-in simulator's are one):
   * a receipt arriving on any of them may report on a message sent through another (a TX and an RX profile).
   */
  sameSmsc(profile: Profile): string[] {
    const key = (p: Profile) => (p.builtinSimulator ? 'builtin' : `${p.host.toLowerCase()}:${p.port}:${p.systemId}`);
    // Asked for every receipt: the profiles' accounts are kept between writes instead of read and parsed each time.
    this.accounts ??= this.list().map((p) => ({ id: p.id, key: key(p) }));
    const wanted = key(profile);
    const ids = this.accounts.filter((p) => p.key === wanted).map((p) => p.id);
    return ids.includes(profile.id) ? ids : [...ids, profile.id];
  }

  password(id: string): string {
    return this.secrets.get(id) ?? '';
  }

  /** A password for this profile given at bind time (asked for because this run did not have it). */
  supplyPassword(id: string, password: string, remember: boolean): void {
    this.secrets.set(id, password, remember);
    this.markPassword(id, password !== '');
  }

  /** The copy binds as the original does: same password, kept the same way. */
  copyPassword(fromId: string, toId: string): void {
    const stored = this.secrets.get(fromId);
    if (stored !== null) this.supplyPassword(toId, stored, this.secrets.isRemembered(fromId));
  }

  view(profile: Profile): ProfileView {
    const { hasPassword, ...rest } = profile;
    return {
      ...rest, passwordSet: this.secrets.has(profile.id), passwordRemembered: this.secrets.isRemembered(profile.id),
      passwordMissing: hasPassword && !this.secrets.has(profile.id),
    };
  }

  private markPassword(id: string, has: boolean): void {
    statement(this.db, 'UPDATE profiles SET has_password = ? WHERE id = ?').run(has ? 1 : 0, id);
  }

  private storePassword(id: string, draft: ProfileDraft): void {
    if (draft.password === undefined) {
      // Only how the stored password is kept may change.
      const stored = this.secrets.get(id);
      if (stored !== null && draft.rememberPassword !== undefined) this.secrets.set(id, stored, draft.rememberPassword);
      return;
    }
    if (draft.password === '') this.secrets.delete(id);
    else this.secrets.set(id, draft.password, draft.rememberPassword ?? false);
    this.markPassword(id, draft.password !== '');
  }
}

/** The settings of a draft, without the password fields that must never reach the database. */
export function settingsOf(draft: ProfileDraft | ProfileSettings): ProfileSettings {
  const { password: _password, rememberPassword: _remember, ...settings } = draft as ProfileDraft;
  return settings;
}

/** Stored settings over the defaults, nested objects included. */
export function withDefaults(stored: Partial<ProfileSettings>): ProfileSettings {
  return {
    ...DEFAULT_PROFILE_SETTINGS,
    ...stored,
    tls: { ...DEFAULT_PROFILE_SETTINGS.tls, ...stored.tls },
    reconnect: { ...DEFAULT_PROFILE_SETTINGS.reconnect, ...stored.reconnect },
  };
}

function fromRow(row: ProfileRow): Profile {
  return {
    ...withDefaults(JSON.parse(row.settings) as Partial<ProfileSettings>), id: row.id, builtinSimulator: row.builtin_simulator === 1,
    hasPassword: row.has_password === 1,
  };
}
