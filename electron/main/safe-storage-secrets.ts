// Passwords under Electron: encrypted with safeStorage (the OS keychain) into one file in userData. Nothing is
// written when the OS offers no encryption: then passwords last for the run only, like the browser host's.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../core/store/secret-store';

export class SafeStorageSecrets implements SecretStore {
  private readonly file: string;
  private readonly secrets: Map<string, string>;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'secrets.bin');
    this.secrets = new Map(
      existsSync(this.file) && safeStorage.isEncryptionAvailable()
        ? (JSON.parse(safeStorage.decryptString(readFileSync(this.file))) as Array<[string, string]>)
        : [],
    );
  }

  get(profileId: string): string | null {
    return this.secrets.get(profileId) ?? null;
  }
  /** Always kept, encrypted: the OS keychain is the safe place the browser host lacks. */
  set(profileId: string, secret: string, _remember: boolean): void {
    this.secrets.set(profileId, secret);
    this.save();
  }
  delete(profileId: string): void {
    this.secrets.delete(profileId);
    this.save();
  }
  has(profileId: string): boolean {
    return this.secrets.has(profileId);
  }
  isRemembered(profileId: string): boolean {
    return this.secrets.has(profileId) && safeStorage.isEncryptionAvailable();
  }

  private save(): void {
    if (!safeStorage.isEncryptionAvailable()) return;
    writeFileSync(this.file, safeStorage.encryptString(JSON.stringify([...this.secrets])), { mode: 0o600 });
  }
}
