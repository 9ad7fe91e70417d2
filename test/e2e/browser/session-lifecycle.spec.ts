// Sessions as an engineer handles them: a second bind of one profile asked about first, a closed session
// reconnected in its row or dismissed (one, or all closed at once), no Send on a receiver bind, and — after a
// browser host restart that did not keep the password — the password asked for, never sent empty.
import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { connectLocalSimulator, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();
const sessionsRegion = (page: Page) => page.getByRole('region', { name: 'Sessions' });
const bound = (page: Page) => sessionsRegion(page).locator('tr[data-state="bound"]');
const closed = (page: Page) => sessionsRegion(page).locator('tr[data-state="closed"]');

test('a second bind is asked about; a closed session reconnects in its row or is dismissed', async ({ page }) => {
  await page.goto(host().url);
  await connectLocalSimulator(page);
  await sessionsRegion(page).getByRole('button', { name: 'Connect', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Bind a second time?' });
  await expect(ask).toContainText('"Local simulator" already has a session (bound)');
  await ask.getByRole('button', { name: 'Bind again' }).click();
  await expect(bound(page)).toHaveCount(2);

  await sessionsRegion(page).getByRole('button', { name: 'Disconnect Local simulator' }).first().click();
  await expect(closed(page)).toHaveCount(1);
  await sessionsRegion(page).getByRole('button', { name: 'Reconnect Local simulator' }).click();
  await expect(bound(page)).toHaveCount(2);
  await expect(sessionsRegion(page)).toContainText('reconnects 1');

  for (let i = 0; i < 2; i += 1) await sessionsRegion(page).getByRole('button', { name: 'Disconnect Local simulator' }).first().click();
  await expect(closed(page)).toHaveCount(2);
  await sessionsRegion(page).getByRole('button', { name: 'Dismiss 2 closed sessions' }).click();
  await expect(sessionsRegion(page)).toContainText('No sessions yet');
});

test('a receiver bind is listed in Compose but cannot send, and says why', async ({ page }) => {
  await page.goto(host().url);
  const sessions = sessionsRegion(page);
  await sessions.getByRole('button', { name: 'Edit profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit profile' });
  await dialog.getByLabel('Bind mode').selectOption({ label: 'Receiver (RX)' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await connectLocalSimulator(page);
  const compose = page.getByRole('region', { name: 'Compose' });
  await expect(compose.getByLabel('Session')).toContainText('RX (receive only)');
  await compose.getByLabel('Text', { exact: true }).fill('Hello');
  await expect(compose.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await expect(compose).toContainText('is bound as a receiver (RX): it cannot submit');
});

test('after a restart that did not keep it, the password is asked for before the bind', async ({ page }) => {
  await page.goto(host().url);
  await sessionsRegion(page).getByRole('button', { name: 'Edit profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit profile' });
  await dialog.getByLabel('Password', { exact: true }).fill('secret1');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // the same data folder, a new run: the password was kept for the last run only
  expect(await host().stop({ keepData: true })).toBe(0);
  let again: RunningHost | null = await startBrowserHost('out/main/serve.js', 0, { dataDir: host().dataDir });
  try {
    await page.goto(again.url);
    await sessionsRegion(page).getByRole('button', { name: 'Connect', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Password needed' });
    await expect(ask).toContainText('an empty one is never sent');
    await expect(bound(page)).toHaveCount(0);
    await ask.getByLabel('Password', { exact: true }).fill('secret1');
    await ask.getByRole('button', { name: 'Bind' }).click();
    await expect(bound(page)).toHaveCount(1);
  } finally {
    expect(await again.stop()).toBe(0);
    again = null;
  }
});
