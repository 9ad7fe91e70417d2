// The console in Debian's Chromium through the browser host, with a fresh data folder per test.
import { expect, test } from '@playwright/test';
import { useFreshBrowserHost } from '../support/console-page';
import { walkOneMessage } from '../support/walk-one-message';

const host = useFreshBrowserHost();

test('bind to the simulator, send, follow the message to its receipt, read its bytes, disconnect', async ({ page }) => {
  await page.goto(host().url);
  for (const name of ['Sessions', 'Compose', 'Trace', 'Sent, Inbox and Simulator']) await expect(page.getByRole('region', { name })).toBeVisible();
  for (const name of [/^Sent/, /^Inbox/]) await expect(page.getByRole('tab', { name })).toBeVisible();
  await walkOneMessage(page);
});

test('the live line counts septets and parts; with no bound session Send is blocked with the reason', async ({ page }) => {
  await page.goto(host().url);
  const compose = page.getByRole('region', { name: 'Compose' });
  const text = compose.getByLabel('Text', { exact: true });
  await compose.getByLabel('Destination address').fill('447700900123');
  await text.fill('€'.repeat(80));
  await expect(text).toHaveAccessibleDescription(/GSM 03\.38 \(data_coding 0\) · 160\/160 septets/);
  await text.fill('€'.repeat(81));
  await expect(text).toHaveAccessibleDescription(/2 parts of up to 153 septets/);
  await text.fill('Привет 😀');
  await expect(text).toHaveAccessibleDescription(/UCS-2 \(data_coding 8\) · 9\/70/);
  await expect(compose.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(compose).toContainText('No bound session');
});

test('the host refuses http and WebSocket requests without its per-run token', async ({ request, page }) => {
  const origin = new URL(host().url).origin;
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
