// A database that stops taking writes is shown, not hidden: while another writer holds it locked, PDUs still flow
// (the enquire_link is answered) and, once retries have gone on, a banner says what waits; when the lock goes the
// held trace rows are written and the banner leaves.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { connectLocalSimulator, traceRows, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

test('a locked database: protocol duties go on, a banner tells what waits, and it clears when the store is back', async ({ page }) => {
  await page.goto(host().url);
  await connectLocalSimulator(page);
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByText('Operations', { exact: true }).click();

  // Both files refuse writes, as on a full disk: the main database and the trace store's own.
  const lockers = ['smpp-console.sqlite', 'smpp-console-trace.sqlite'].map((file) => new DatabaseSync(join(host().dataDir, file)));
  for (const locker of lockers) locker.exec('BEGIN EXCLUSIVE');
  try {
    await compose.getByRole('button', { name: 'Enquire link now' }).click();
    await expect(compose.getByRole('status', { name: 'Enquire link result' })).toHaveText(/^enquire_link_resp ESME_ROK in /);
    await expect(traceRows(page, 'enquire_link_resp')).toHaveCount(1);
    const banner = page.getByRole('alert').filter({ hasText: 'The database is not taking writes' });
    await expect(banner).toContainText(/since \d\d:\d\d:\d\d\.\d{3} \(database is locked\)\. Retrying\. [1-9]\d* trace records wait in memory/);
  } finally {
    for (const locker of lockers) {
      locker.exec('COMMIT');
      locker.close();
    }
  }
  await expect(page.getByRole('alert').filter({ hasText: 'The database is not taking writes' })).toHaveCount(0);
  // the rows held during the outage are in the database: a fresh page loads them from there
  await page.reload();
  await expect(traceRows(page, 'enquire_link_resp')).toHaveCount(1);
});
