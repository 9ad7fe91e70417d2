// The built-in simulator as a tool (issue 11), from its own tab: it says where it listens and who is bound (the
// console's own session here), injects an MO that the Inbox receives and MO at a rate that it stops, runs a scenario edited as JSON (message ids in
// decimal from then on, as a later submit_sm_resp shows), refuses a bad scenario naming the field, and unbinds a
// session on request; it stops listening and listens again where it is told.
import { expect, test } from '@playwright/test';
import { composeOnSimulator, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

test('the Simulator tab: who is bound, MO injection, a scenario edited as JSON, unbind', async ({ page }) => {
  const { text, send } = await composeOnSimulator(page, host().url);
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await expect(page.getByRole('status', { name: 'Simulator listening' })).toContainText(/Listening on 127\.0\.0\.1:\d+/);
  const sessions = page.getByRole('table', { name: 'Simulator sessions' });
  await expect(sessions.getByRole('row').filter({ hasText: 'transceiver' })).toHaveCount(1);

  // An MO to the console's own bind arrives in its Inbox.
  const mo = page.getByRole('form', { name: 'Inject MO' });
  await mo.getByLabel('MO text').fill('MO from the simulator tab');
  await mo.getByRole('button', { name: 'Inject MO' }).click();
  await expect(page.getByRole('status', { name: 'Simulator result' })).toContainText('1 acknowledged');
  await page.getByRole('tab', { name: /^Inbox/ }).click();
  await expect(page.getByRole('table', { name: 'Inbox' }).getByRole('row').filter({ hasText: 'MO from the simulator tab' })).toHaveCount(1);

  // MO at a rate, listed as it goes, and stopped from the list.
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await mo.getByLabel('MO text').fill('MO at a rate');
  await mo.getByLabel('MO messages').fill('100000');
  await mo.getByLabel('MO per second (0 = at once)').fill('20');
  await mo.getByRole('button', { name: 'Inject MO' }).click();
  const injections = page.getByRole('region', { name: 'MO injections' });
  const flowing = injections.getByRole('listitem').filter({ hasText: 'at 20/s' });
  await expect(flowing).toContainText('sending');
  await flowing.getByRole('button', { name: /^Stop MO injection/ }).click();
  await expect(page.getByRole('status', { name: 'Simulator result' })).toContainText(/stopped: \d+ deliver_sm sent/);
  await expect(flowing).toContainText('stopped');
  await expect(flowing.getByRole('button')).toHaveCount(0);
  await mo.getByLabel('MO messages').fill('1');
  await mo.getByLabel('MO per second (0 = at once)').fill('0');

  // A scenario edited as JSON: a bad value is refused with its field, a good one runs.
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Edit running scenario…' }).click();
  const editor = page.getByRole('dialog', { name: 'Simulator scenario' });
  const json = editor.getByLabel('Scenario JSON');
  await expect(json).toHaveValue(/"messageIdFormat"/);
  const original = await json.inputValue();
  await json.fill(original.replace(/"messageIdFormat": "\w+"/, '"messageIdFormat": "octal"'));
  await editor.getByRole('button', { name: 'Run it now' }).click();
  await expect(editor.getByRole('alert')).toContainText(/messageIdFormat/i);
  await json.fill(original.replace(/"messageIdFormat": "\w+"/, '"messageIdFormat": "decimal"'));
  await editor.getByRole('button', { name: 'Run it now' }).click();
  await expect(editor.getByRole('status', { name: 'Scenario result' })).toContainText('Running scenario');
  await editor.getByRole('button', { name: 'Close' }).click();

  await text.fill('decimal ids from now on');
  await send.click();
  await page.getByRole('tab', { name: /^Sent/ }).click();
  const row = page.getByRole('table', { name: 'Sent' }).getByRole('row').filter({ hasText: 'decimal ids' });
  await expect(row).toHaveAttribute('data-state', 'DELIVRD');
  expect(await row.getByRole('cell').last().textContent()).toMatch(/^\d+$/);

  // Unbind from the SMSC side: the simulator says so, and the console's session sees the unbind.
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await sessions.getByRole('button', { name: /^Unbind/ }).click();
  await expect(page.getByRole('status', { name: 'Simulator result' })).toContainText(/unbind/i);
  await expect(page.getByRole('region', { name: 'Trace' }).getByRole('grid', { name: 'PDU trace' })).toContainText('unbind');

  // Stop listening, then listen again on any free port.
  const where = page.getByRole('status', { name: 'Simulator listening' });
  await page.getByRole('button', { name: 'Stop listening' }).click();
  await expect(where).toHaveText('Not listening');
  await page.getByLabel('Simulator port').fill('0');
  await page.getByRole('button', { name: 'Start listening' }).click();
  await expect(where).toContainText(/Listening on 127\.0\.0\.1:\d+/);
});
