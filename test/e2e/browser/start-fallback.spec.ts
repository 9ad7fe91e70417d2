// `npm start` where Electron's runtime cannot be installed: one line that says so, then the browser host.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('npm start says in one line that Electron is unavailable and serves the console to a browser', async ({ page }) => {
  if (existsSync(join('node_modules', 'electron', 'dist'))) {
    const reason = 'an Electron binary is installed here, so npm start opens the window instead of falling back';
    console.log(`start fallback spec skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-start-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--sim-port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => /open (http:\/\/\S+)/.exec(output)?.[1], { timeout: 20_000 }).toBeTruthy();
    const lines = output.trim().split('\n');
    expect(lines[0]).toMatch(/^Electron's runtime cannot be installed here \(.+\); serving the same console to a browser instead\.$/);
    expect(lines[1]).toMatch(/^SMPP Console: open http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await page.goto(/open (http:\/\/\S+)/.exec(output)![1]!);
    await expect(page.getByRole('region', { name: 'Sessions' })).toBeVisible();
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
