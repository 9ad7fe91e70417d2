// A profile made from the form, bound to an SMSC that then goes away and comes back: the console shows the
// session closed and reconnecting, and rebinds on its own when the SMSC returns. The "remote" SMSC is the
// simulator of a second console host, stopped and restarted on the same port.
import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { freePort } from '../../support/free-port';

const hosts: RunningHost[] = [];
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

test('create a profile, connect, stop the SMSC, watch the console reconnect and rebind when it returns', async ({ page }) => {
  const smscPort = await freePort();
  let smsc = await startBrowserHost('out/main/serve.js', smscPort);
  hosts.push(smsc);
  const consoleHost = await startBrowserHost();
  hosts.push(consoleHost);

  await page.goto(consoleHost.url);
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'New profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await dialog.getByLabel('Name', { exact: true }).fill('Remote SMSC');
  await dialog.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await dialog.getByLabel('Port', { exact: true }).fill(String(smscPort));
  await dialog.getByLabel('System ID').fill('e2e');
  await expect(dialog.getByLabel('Reconnect automatically')).toBeChecked();
  await dialog.getByLabel('Backoff min (ms)').fill('200');
  await dialog.getByLabel('Backoff max (ms)').fill('1000');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await sessions.getByRole('button', { name: 'Connect' }).click();
  const row = sessions.locator('[data-state]', { hasText: 'Remote SMSC' });
  await expect(row).toHaveAttribute('data-state', 'bound');

  expect(await smsc.stop()).toBe(0);
  hosts.splice(hosts.indexOf(smsc), 1);
  await expect(row).toHaveAttribute('data-state', 'closed');
  await expect(sessions).toContainText(/reconnecting in \d+ s/);

  smsc = await startBrowserHost('out/main/serve.js', smscPort);
  hosts.push(smsc);
  await expect(row).toHaveAttribute('data-state', 'bound', { timeout: 15_000 });
  await expect(sessions).toContainText(/reconnects [1-9]/);
  const grid = page.getByRole('grid', { name: 'PDU trace' });
  await expect(grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: 'reconnect', exact: true }) }).first()).toBeVisible();
});
