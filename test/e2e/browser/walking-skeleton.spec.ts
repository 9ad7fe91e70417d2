// The console in Debian's Chromium through the browser host, with a fresh data folder per test.
import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { walkOneMessage } from '../support/walk-one-message';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startBrowserHost();
});
test.afterEach(async () => {
  expect(await host.stop(), `the browser host exits 0 on SIGTERM; it printed:\n${host.output()}`).toBe(0);
});

test('bind to the simulator, send, follow the message to its receipt, read its bytes, disconnect', async ({ page }) => {
  await page.goto(host.url);
  for (const name of ['Sessions', 'Compose', 'Trace', 'Inbox']) await expect(page.getByRole('region', { name })).toBeVisible();
  await walkOneMessage(page);
});

test('a text too long for one part, or no session, blocks Send with a reason', async ({ page }) => {
  await page.goto(host.url);
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Destination address').fill('447700900123');
  await compose.getByLabel('Text').fill('€'.repeat(81));
  await expect(compose).toContainText('162/160 septets');
  await expect(compose.getByRole('button', { name: 'Send' })).toBeDisabled();
  await compose.getByLabel('Text').fill('Привет 😀');
  await expect(compose).toContainText('UCS-2');
  await expect(compose).toContainText('9/70');
});

test('the host refuses http and WebSocket requests without its per-run token', async ({ request, page }) => {
  const origin = new URL(host.url).origin;
  expect((await request.get(`${origin}/`)).status()).toBe(403);
  expect((await request.get(`${origin}/?token=wrong`)).status()).toBe(403);
  await page.goto(`${origin}/`);
  const refused = await page.evaluate(
    (wsUrl) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => resolve(false);
        ws.onerror = () => resolve(true);
      }),
    `${origin.replace('http', 'ws')}/api`,
  );
  expect(refused).toBe(true);
});
