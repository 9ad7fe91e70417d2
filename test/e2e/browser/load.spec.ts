// A load run from Compose on the Local simulator, as a person runs one: the composed message many times at a rate,
// the chart moving while it runs (its points grow, the summary's counts rise), Stop, and the summary read and
// exported. A CSV with a bad row: the row is reported by its line, the others sent. And the composed Message
// options going out with every load message, read in the trace's dissection of its submit_sm.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { composeOnSimulator, dissectionNode, traceRows, useFreshBrowserHost } from '../support/console-page';

test.use({ viewport: { width: 1400, height: 1200 } });

const host = useFreshBrowserHost();

async function openLoad(page: Page) {
  const { compose, text } = await composeOnSimulator(page, host().url);
  await text.fill('Load from the browser');
  await compose.locator('summary', { hasText: /^Load/ }).click();
  const form = compose.getByRole('form', { name: 'Load run' });
  const summary = compose.getByRole('table', { name: 'Load summary' });
  const cell = (row: string) => summary.getByRole('row', { name: new RegExp(`^${row}\\b`) }).getByRole('cell');
  return { compose, form, summary, cell };
}

/** The first number in a cell ("1,234 of 100,000 …" → 1234). */
async function firstNumber(cell: Locator): Promise<number> {
  return Number(((await cell.textContent()) ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? Number.NaN);
}

test('start a load run, see the chart move, stop it, read and export the summary', async ({ page }) => {
  const { compose, form, cell } = await openLoad(page);
  await form.getByLabel('Messages', { exact: true }).fill('100000');
  await form.getByLabel('Rate (messages/s)').fill('200');
  const sessions = form.getByRole('group', { name: 'Sessions' });
  await expect(sessions.getByRole('checkbox', { name: /Local simulator/ })).toBeChecked();
  await form.getByRole('button', { name: 'Start load' }).click();

  const chart = compose.locator('figure.load-chart');
  await expect(chart.getByRole('img', { name: /Load run chart/ })).toBeVisible();
  // The chart moves: points are added each second, and the counts rise with them.
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const pointsBefore = Number(await chart.getAttribute('data-points'));
  const sentBefore = await firstNumber(cell('Sent'));
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(pointsBefore);
  await expect.poll(() => firstNumber(cell('Sent'))).toBeGreaterThan(sentBefore);
  await expect(chart.getByText(/^Second \d+: \d+ submits\/s/)).toBeVisible();
  await expect(form.getByRole('button', { name: 'Start load' })).toBeDisabled();

  await form.getByRole('button', { name: 'Stop load' }).click();
  await expect(cell('State')).toContainText('done', { timeout: 15_000 });
  await expect(cell('State')).toContainText('stopped');
  await expect(form.getByRole('button', { name: 'Stop load' })).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Start load' })).toBeEnabled();

  // The summary: every message sent is accounted for, and its receipts come in.
  const sent = await firstNumber(cell('Sent'));
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(100_000);
  await expect.poll(() => firstNumber(cell('Accepted'))).toBe(sent);
  await expect(cell('Failed')).toHaveText('0');
  await expect(cell('Receipts')).toContainText(`DELIVRD ${sent.toLocaleString('en-US')}`, { timeout: 10_000 });
  await expect(cell('Latency')).toContainText(/submit_sm_resp p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms/);

  const download = page.waitForEvent('download');
  await compose.getByRole('button', { name: 'Export JSON' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^smpp-load-\d{8}-\d{6}\.json$/);
  const exported = JSON.parse(await readFile(await saved.path(), 'utf8')) as { summary: { sent: number }; points: unknown[]; state: string };
  expect(exported).toMatchObject({ state: 'done', summary: { sent } });
  expect(exported.points.length).toBeGreaterThanOrEqual(pointsBefore);
});

test('a CSV with a bad row: the row is reported by its line, the others sent', async ({ page }) => {
  const { form, cell, compose } = await openLoad(page);
  await form.getByRole('radio', { name: 'Each row of a CSV file' }).check();
  await form.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from('destination,text\n447700900001,"Hello, one"\nnot a number,bad\n447700900002,Two\n'),
  });
  await form.getByRole('button', { name: 'Start load' }).click();
  await expect(cell('State')).toContainText('done', { timeout: 15_000 });
  await expect(cell('Source')).toContainText('CSV numbers.csv');
  await expect(cell('Sent')).toContainText('2 of 2');
  await compose.getByText('1 CSV row not sent').click();
  await expect(compose.getByText('line 3: destination: one address per row (no spaces or semicolons)')).toBeVisible();
  await expect(cell('Receipts')).toContainText('DELIVRD 2', { timeout: 10_000 });
});

test.describe('Message options', () => {
  // Taller: the trace grid is virtualised, and the run's submit_sm rows are found in it by command.
  test.use({ viewport: { width: 1400, height: 1600 } });

  test('the composed Message options go out with every load message', async ({ page }) => {
    const { compose, form, cell } = await openLoad(page);
    await compose.getByText('Message options', { exact: true }).click();
    await compose.getByLabel('service_type').fill('LOAD');
    await compose.getByLabel('Source TON').selectOption({ label: '5 · Alphanumeric' });
    await compose.getByRole('button', { name: 'Add TLV' }).click();
    const tlv = compose.getByRole('group', { name: 'TLV 1', exact: true });
    await tlv.getByLabel('TLV tag').selectOption({ label: 'Other (hex tag)' });
    // No tag yet: the TLV cannot be sent, and the run waits for it as Send does.
    const start = form.getByRole('button', { name: 'Start load' });
    await expect(start).toBeDisabled();
    await expect(form).toContainText('Composed message: TLV 1: type the tag in hex');
    await tlv.getByLabel('Tag (hex)').fill('1400');
    await form.getByLabel('Messages', { exact: true }).fill('3');
    await form.getByLabel('Rate (messages/s)').fill('50');
    // An odd number of digits is the host's to refuse: it names the option, said as the composed message's.
    await tlv.getByLabel('TLV value (hex)').fill('caf');
    await start.click();
    await expect(form.getByRole('alert')).toContainText(/TLV value: hex octets.*\(from the message above\)/);
    await tlv.getByLabel('TLV value (hex)').fill('cafe');
    await start.click();
    await expect(cell('State')).toContainText('done', { timeout: 15_000 });
    await expect(cell('Sent')).toContainText('3 of 3');
    await expect(cell('Receipts')).toContainText('DELIVRD 3', { timeout: 10_000 });

    const submits = traceRows(page, 'submit_sm');
    await expect(submits).toHaveCount(3);
    for (const index of [0, 2]) {
      await submits.nth(index).click();
      const field = (name: string) => dissectionNode(page, name).first();
      await expect(field('source_addr_ton')).toContainText('5 Alphanumeric');
      await expect(field('service_type')).toContainText('"LOAD"');
      await expect(field('unknown TLV 0x1400')).toContainText('tag 0x1400: ca fe');
      await expect(field('destination_addr')).toContainText('"447700900123"');
    }
  });
});
