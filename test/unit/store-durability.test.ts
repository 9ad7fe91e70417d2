// The database is fsync'd on every commit (synchronous=FULL), its folder and files are private, and grouped
// commits keep one failing write from taking the others with it.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Database } from '../../electron/core/store/database';
import { GroupCommit } from '../../electron/core/store/group-commit';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.isOpen) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-store-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string): Database {
  const db = openDatabase(dir);
  dbs.push(db);
  return db;
}

describe('the database file', () => {
  it('commits with synchronous=FULL in WAL mode', () => {
    const db = open(tempDir());
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
  });

  it('creates its folder 0700 and the database, WAL and shared-memory files 0600', () => {
    const dir = join(tempDir(), 'data');
    const db = open(dir);
    db.exec("INSERT INTO drafts (id, kind, profile_id, name, content, saved_at) VALUES ('d', 'recent', NULL, NULL, '{}', 1)");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) {
      expect(existsSync(join(dir, DATABASE_FILE + suffix))).toBe(true);
      expect(statSync(join(dir, DATABASE_FILE + suffix)).mode & 0o777).toBe(0o600);
    }
  });

  it('tightens a folder and files an earlier version left readable by others', () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    open(dir).close();
    chmodSync(join(dir, DATABASE_FILE), 0o644);
    open(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('leaves a shared folder that holds other files as it is, and says so', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'somebody-else.txt'), 'x');
    const warnings: string[] = [];
    dbs.push(openDatabase(dir, { onWarning: (w) => warnings.push(w) }));
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    expect(warnings[0]).toMatch(/readable by other users \(mode 755\) and holds other files \(somebody-else\.txt…\)/);
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('GroupCommit', () => {
  const table = (db: Database) => db.exec('CREATE TABLE IF NOT EXISTS t (v TEXT UNIQUE)');
  const values = (db: Database) => (db.prepare('SELECT v FROM t ORDER BY v').all() as Array<{ v: string }>).map((r) => r.v);

  it('writes queued in one turn share one transaction; a failing one is rolled back alone', async () => {
    const db = open(tempDir());
    table(db);
    const commits = new GroupCommit(db);
    const insert = (v: string) => commits.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(v).changes);
    const outcomes = await Promise.allSettled([insert('a'), insert('b'), insert('a'), insert('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(values(db)).toEqual(['a', 'b', 'c']);
  });

  it('resolves only once the write is visible to another connection (committed)', async () => {
    const dir = tempDir();
    const db = open(dir);
    table(db);
    const other = new DatabaseSync(join(dir, DATABASE_FILE));
    const commits = new GroupCommit(db);
    const seenAtResolve = await commits.run(() => db.prepare("INSERT INTO t (v) VALUES ('x')").run()).then(() => other.prepare('SELECT COUNT(*) AS n FROM t').get());
    expect(seenAtResolve).toEqual({ n: 1 });
    other.close();
  });

  it('a store locked by another writer rejects the whole group, and the next group goes through', async () => {
    const dir = tempDir();
    const db = open(dir);
    table(db);
    const locker = new DatabaseSync(join(dir, DATABASE_FILE));
    locker.exec('BEGIN EXCLUSIVE');
    const commits = new GroupCommit(db);
    const locked = await Promise.allSettled([commits.run(() => db.exec("INSERT INTO t VALUES ('p')")), commits.run(() => db.exec("INSERT INTO t VALUES ('q')"))]);
    expect(locked.map((o) => o.status === 'rejected' && String(o.reason))).toEqual(['Error: database is locked', 'Error: database is locked']);
    expect(db.isTransaction).toBe(false);
    locker.exec('COMMIT');
    locker.close();
    await commits.run(() => db.exec("INSERT INTO t VALUES ('r')"));
    expect(values(db)).toEqual(['r']);
  });
});
