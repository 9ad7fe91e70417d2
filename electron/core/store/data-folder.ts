// The data folder holds the trace (every PDU's bytes), the inbox texts and the log: on a shared jump host other
// local users must not read it. The folder is made 0700 and our files 0600 — but a folder the user pointed us at
// that already holds other things (say `--data-dir /tmp`) is not ours to lock down; that is reported instead.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Names of what the console keeps in its folder: a folder holding only these (or nothing) is ours. */
const OURS = /^(smpp-console(-trace)?\.sqlite(-wal|-shm|-journal)?|logs|exports|imports|secrets\.bin|remembered-passwords\.json)$/;

/**
 * Creates the folder owner-only, or tightens one that is ours; returns a warning when it cannot be made private.
 * wholeFolderIsOurs: a folder only this app uses (Electron's userData, which also holds Chromium's files).
 */
export function secureDataFolder(dir: string, options: { wholeFolderIsOurs?: boolean } = {}): string | null {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
    chmodSync(dir, FOLDER_MODE); // mkdir's mode passes through the umask
    return null;
  }
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  const foreign = options.wholeFolderIsOurs ? [] : readdirSync(dir).filter((name) => !OURS.test(name));
  if (foreign.length > 0) {
    return `the data folder ${dir} is readable by other users (mode ${mode.toString(8)}) and holds other files (${foreign.slice(0, 3).join(', ')}…), so it was left as it is; choose a folder of its own`;
  }
  chmodSync(dir, FOLDER_MODE);
  return null;
}

/** Makes a file owner-only, creating it empty first when it does not exist (so it is never briefly 0644). */
export function secureFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', FILE_MODE));
  chmodSync(path, FILE_MODE);
}
