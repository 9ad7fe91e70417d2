// Passwords never sit in the database and never reach the renderer. Under Electron the shell gives a store
// backed by safeStorage (the OS keychain); the browser host keeps them in memory for the run, and persists one
// only when the user asks to remember it — unencrypted, in a 0600 file, which the form warns about.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  get(profileId: string): string | null;
  /** remember: keep it across runs (the Electron store always does, encrypted). */
  set(profileId: string, secret: string, remember: boolean): void;
  delete(profileId: string): void;
  has(profileId: string): boolean;
  /** The secret outlives this run. */
  isRemembered(profileId: string): boolean;
}

export class MemorySecretStore implements SecretStore {
  protected readonly secrets = new Map<string, string>();
  get(profileId: string): string | null {
    return this.secrets.get(profileId) ?? null;
  }
  set(profileId: string, secret: string, _remember: boolean): void {
    this.secrets.set(profileId, secret);
  }
  delete(profileId: string): void {
    this.secrets.delete(profileId);
  }
  has(profileId: string): boolean {
    return this.secrets.has(profileId);
  }
  isRemembered(_profileId: string): boolean {
    return false;
  }
}

/** The browser host's store: memory, plus `remembered-passwords.json` for the ones the user chose to keep. */
export class BrowserHostSecretStore extends MemorySecretStore {
  private readonly file: string;
  private readonly remembered = new Set<string>();

  constructor(dataDir: string) {
    super();
    this.file = join(dataDir, 'remembered-passwords.json');
    if (existsSync(this.file)) {
      for (const [id, secret] of Object.entries(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>)) {
        this.secrets.set(id, secret);
        this.remembered.add(id);
      }
    }
  }

  override set(profileId: string, secret: string, remember: boolean): void {
    super.set(profileId, secret, remember);
    // A remembered password is rewritten on every change; a forgotten one is removed from the file.
    const forgotten = !remember && this.remembered.delete(profileId);
    if (remember) this.remembered.add(profileId);
    if (remember || forgotten) this.save();
  }

  override isRemembered(profileId: string): boolean {
    return this.remembered.has(profileId);
  }

  override delete(profileId: string): void {
    super.delete(profileId);
    if (this.remembered.delete(profileId)) this.save();
  }

  private save(): void {
    const kept = Object.fromEntries([...this.remembered].map((id) => [id, this.secrets.get(id) ?? '']));
    writeFileSync(this.file, JSON.stringify(kept), { mode: 0o600 });
  }
}
