// Passwords never sit in the database in clear and never reach the renderer. Under Electron the shell gives a
// store backed by safeStorage (the OS keychain); the browser host keeps them in memory for the run unless the
// user opts in to persisting them.
export interface SecretStore {
  get(profileId: string): string | null;
  set(profileId: string, secret: string): void;
  delete(profileId: string): void;
  has(profileId: string): boolean;
}

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  get(profileId: string): string | null {
    return this.secrets.get(profileId) ?? null;
  }
  set(profileId: string, secret: string): void {
    this.secrets.set(profileId, secret);
  }
  delete(profileId: string): void {
    this.secrets.delete(profileId);
  }
  has(profileId: string): boolean {
    return this.secrets.has(profileId);
  }
}
