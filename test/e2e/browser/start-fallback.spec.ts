// `npm start` where Electron's runtime cannot be installed: one line that says so, then the browser host.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost } from '../support/browser-host';

test('npm start says in one line that Electron is unavailable and serves the console to a browser', async ({ page }) => {
  if (existsSync(join('node_modules', 'electron', 'dist'))) {
    const reason = 'an Electron binary is installed here, so npm start opens the window instead of falling back';
    console.log(`start fallback spec skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const host = await startBrowserHost('scripts/start.mjs');
  try {
    const lines = host.output().trim().split('\n');
    expect(lines[0]).toMatch(/^Electron's runtime cannot be installed here \(.+\); serving the same console to a browser instead\.$/);
    expect(lines[1]).toMatch(/^SMPP Console: open http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await page.goto(host.url);
    await expect(page.getByRole('region', { name: 'Sessions' })).toBeVisible();
  } finally {
    expect(await host.stop(), host.output()).toBe(0);
  }
});
