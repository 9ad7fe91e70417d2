// Saved bind profiles through the contract's boundary: validation names the field and the limit, the password
// stays out of the database, the renderer and the export, and an import reports bad profiles without half-saving.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileDraft, ProfileView } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { createServices, type Services } from '../../electron/core/services';
import { BrowserHostSecretStore } from '../../electron/core/store/secret-store';

const open: Array<{ services: Services; dir: string }> = [];
afterEach(async () => {
  for (const { services, dir } of open.splice(0)) {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(dir = mkdtempSync(join(tmpdir(), 'smpp-console-profiles-'))) {
  const services = await createServices({ dataDir: dir, secrets: new BrowserHostSecretStore(dir), simulator: { host: '127.0.0.1', port: 0 } });
  open.push({ services, dir });
  const call = async <T>(method: string, payload: unknown = null) => services.call(method, payload) as Promise<{ ok: boolean; value?: T; error?: { message: string; field?: string } }>;
  return { services, call, dir };
}

const draft = (overrides: Partial<ProfileDraft> = {}): ProfileDraft => ({
  ...DEFAULT_PROFILE_SETTINGS, name: 'Operator A', host: 'smsc.example.net', systemId: 'acme', password: 'secret12', ...overrides,
});

describe('bind profiles', () => {
  it('refuses a 9-character password before any bind, saying 8 is the most', async () => {
    const { call } = await start();
    const result = await call('createProfile', draft({ password: 'secret123' }));
    expect(result).toEqual({
      ok: false,
      error: { field: 'password', message: 'Password: 8 characters at most (password is a C-Octet String of 9 octets with its NUL)' },
    });
    expect(((await call<ProfileView[]>('listProfiles')).value ?? []).map((p) => p.name)).toEqual(['Local simulator']);
  });

  it.each([
    [{ systemId: 'a'.repeat(16) }, 'systemId', 'System ID: 15 characters at most'],
    [{ port: 70000 }, 'port', 'Port: 65535 at most'],
    [{ tls: { ...DEFAULT_PROFILE_SETTINGS.tls, certFile: '/c.pem' } }, 'tls.keyFile', 'Client certificate and key: give both files or neither'],
    [{ reconnect: { enabled: true, minBackoffMs: 5000, maxBackoffMs: 1000 } }, 'reconnect.maxBackoffMs', 'Backoff max: not below Backoff min'],
    [{ interfaceVersion: 0x33 }, 'bindMode', 'Bind mode: SMPP 3.3 has no transceiver bind; choose TX or RX, or version 3.4'],
  ])('names the field and the limit: %j', async (overrides, field, message) => {
    const { call } = await start();
    const result = await call('createProfile', draft(overrides as Partial<ProfileDraft>));
    expect(result.ok).toBe(false);
    expect(result.error?.field).toBe(field);
    expect(result.error?.message).toContain(message);
  });

  it('creates, edits, duplicates and deletes; the password is set but never shown, stored or exported', async () => {
    const { call, dir, services } = await start();
    const events: ProfileView[][] = [];
    services.events.on('profiles', (list) => events.push(list));
    const created = (await call<ProfileView>('createProfile', draft())).value!;
    expect(created).toMatchObject({ name: 'Operator A', passwordSet: true });
    expect(JSON.stringify(created)).not.toContain('secret12');

    const edited = (await call<ProfileView>('updateProfile', { id: created.id, draft: draft({ name: 'Operator A2', password: undefined }) })).value!;
    expect(edited).toMatchObject({ name: 'Operator A2', passwordSet: true });
    const copy = (await call<ProfileView>('duplicateProfile', { id: created.id })).value!;
    // the copy binds as the original does: same password (never shown), kept the same way
    expect(copy).toMatchObject({ name: 'Operator A2 (copy)', host: 'smsc.example.net', passwordSet: true, passwordMissing: false });
    expect((await call('deleteProfile', { id: copy.id })).ok).toBe(true);
    const builtin = ((await call<ProfileView[]>('listProfiles')).value ?? []).find((p) => p.builtinSimulator)!;
    expect((await call('deleteProfile', { id: builtin.id })).error?.message).toMatch(/built in and cannot be deleted/);
    expect(events.at(-1)!.map((p) => p.name)).toEqual(['Local simulator', 'Operator A2']);

    const exported = (await call<{ json: string }>('exportProfiles')).value!.json;
    expect(exported).not.toContain('secret12');
    expect(JSON.parse(exported).profiles).toHaveLength(1);
    // Not in any file the console keeps: database, WAL, log.
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((f) => f.name)).toContain('smpp-console.sqlite');
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).includes('secret12')).toBe(false);
  });

  it('remembers a password across restarts only when asked, in a 0600 file', async () => {
    const first = await start();
    const kept = (await first.call<ProfileView>('createProfile', draft({ rememberPassword: true }))).value!;
    const forgotten = (await first.call<ProfileView>('createProfile', draft({ name: 'B' }))).value!;
    expect(statSync(join(first.dir, 'remembered-passwords.json')).mode & 0o777).toBe(0o600);
    await first.services.close();
    open.length = 0;
    const again = await start(first.dir);
    const list = (await again.call<ProfileView[]>('listProfiles')).value!;
    expect(list.find((p) => p.id === kept.id)).toMatchObject({ passwordSet: true, passwordRemembered: true });
    expect(list.find((p) => p.id === forgotten.id)?.passwordSet).toBe(false);
    // unticking "remember" without typing the password again keeps it for this run only
    const { password: _p, ...settings } = draft();
    const edited = (await again.call<ProfileView>('updateProfile', { id: kept.id, draft: { ...settings, rememberPassword: false } })).value!;
    expect(edited).toMatchObject({ passwordSet: true, passwordRemembered: false });
    expect(readFileSync(join(first.dir, 'remembered-passwords.json'), 'utf8')).not.toContain('secret12');
  });

  it('imports each profile whole or reports it by position, name and field', async () => {
    const { call } = await start();
    const json = JSON.stringify({
      format: 'smpp-console-profiles', version: 1,
      profiles: [
        { ...DEFAULT_PROFILE_SETTINGS, name: 'Good', systemId: 'good' },
        { ...DEFAULT_PROFILE_SETTINGS, name: 'Bad port', systemId: 'bad', port: 0 },
        { name: 'Sparse', systemId: 'sparse', host: '10.0.0.1' },
      ],
    });
    const result = (await call<{ imported: ProfileView[]; errors: string[] }>('importProfiles', { json })).value!;
    expect(result.imported.map((p) => p.name)).toEqual(['Good', 'Sparse']);
    expect(result.errors).toEqual(['profile 2 ("Bad port"): Port: 1 at least']);
    expect(((await call<ProfileView[]>('listProfiles')).value ?? []).map((p) => p.name)).not.toContain('Bad port');
    expect((await call('importProfiles', { json: '{"profiles": []}' })).error?.message).toMatch(/not an SMPP Console profiles export/);
  });
});
