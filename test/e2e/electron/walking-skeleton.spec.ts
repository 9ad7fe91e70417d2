// The same walk in the Electron shell. It runs wherever an Electron binary exists (or ELECTRON_OVERRIDE_DIST_PATH
// points at one); where none can be installed — as on machines whose GitHub downloads are blocked — it prints
// that it was skipped and why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, test } from '@playwright/test';
import { walkOneMessage } from '../support/walk-one-message';

function electronBinary(): { path: string } | { missing: string } {
  const root = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(root, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'dist');
  const binary = join(dist, relative);
  if (existsSync(binary)) return { path: binary };
  return { missing: `no Electron binary at ${binary} (its download from GitHub is unreachable here; set ELECTRON_OVERRIDE_DIST_PATH to use one)` };
}

test('bind, send, receipt and bytes in the Electron window', async () => {
  const found = electronBinary();
  if ('missing' in found) {
    console.log(`electron spec skipped: ${found.missing}`);
    test.skip(true, found.missing);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-electron-'));
  const app = await electron.launch({
    executablePath: found.path,
    args: ['.'],
    env: { ...process.env, SMPP_CONSOLE_DATA_DIR: dataDir, SMPP_CONSOLE_SIM_PORT: '0' },
  });
  try {
    await walkOneMessage(await app.firstWindow());
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
