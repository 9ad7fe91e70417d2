// A message followed to its end, as a person does it: a long message sent on the Local simulator, its timeline
// opened from its Sent row (each part's submit_sm, response with message_id and round trip, and receipt), a step
// followed into the Trace, query_sm from the timeline, and "Re-send as a new draft" back into Compose. Then a
// receipt that matches nothing (the profile told to read receipt ids as hex, which the simulator does not write)
// stays in the Inbox as unmatched and opens as itself.
import { expect, test, type Page } from '@playwright/test';
import { composeOnSimulator, connectLocalSimulator, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

const bottomTab = (page: Page, name: 'Sent' | 'Inbox') => page.getByRole('tab', { name: new RegExp(`^${name}`) });

test('timeline from a Sent row: parts, responses, receipts, a step in the trace, query_sm, re-send as a draft', async ({ page }) => {
  const { text, send } = await composeOnSimulator(page, host().url);
  const long = 'Timeline '.repeat(24).trim(); // 215 GSM characters: two parts
  await text.fill(long);
  await send.click();
  await bottomTab(page, 'Sent').click();
  const sent = page.getByRole('table', { name: 'Sent' });
  const row = sent.getByRole('row').filter({ hasText: 'Timeline' });
  await expect(row).toHaveAttribute('data-state', 'DELIVRD');
  await row.click();

  const dialog = page.getByRole('dialog', { name: 'Message timeline' });
  await expect(dialog).toBeVisible();
  for (const part of ['Part 1 of 2', 'Part 2 of 2']) {
    const section = dialog.getByRole('region', { name: part });
    await expect(section).toContainText('submit_sm_resp');
    await expect(section).toContainText('ESME_ROK');
    await expect(section).toContainText(/message_id [0-9A-F]+/);
    await expect(section).toContainText(/RTT \d+\.\d ms/);
    await expect(section.locator('li[data-kind="receipt"]')).toContainText('DELIVRD');
  }

  // A step's link closes the timeline on that PDU in the Trace.
  await dialog.getByRole('button', { name: 'Show submit_sm of part 2 in the trace' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tree', { name: 'Dissection' }).getByRole('treeitem', { name: /^command_id: .*submit_sm/ })).toBeVisible();

  // query_sm of the message as it was sent, from the timeline.
  await row.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'query_sm', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'Timeline operation result' })).toContainText('query_sm_resp ESME_ROK');

  // Re-send: Compose holds the same text and addresses, nothing sent yet.
  await dialog.getByRole('button', { name: 'Re-send as a new draft' }).click();
  await expect(dialog).toBeHidden();
  const compose = page.getByRole('region', { name: 'Compose' });
  await expect(compose.getByLabel('Text', { exact: true })).toHaveValue(long);
  await expect(compose.getByLabel('Destination address')).toHaveValue('447700900123');
  await expect(sent.getByRole('row').filter({ hasText: 'Timeline' })).toHaveCount(1);
});

test('a receipt that matches nothing stays in the Inbox as unmatched and opens as itself', async ({ page }) => {
  await page.goto(host().url);
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'Edit profile' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByLabel('Receipt ids').selectOption({ label: 'In hex (submit_sm_resp gives decimal)' });
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  await connectLocalSimulator(page);
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  await compose.getByLabel('Text', { exact: true }).fill('nobody claims my receipt');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();

  await bottomTab(page, 'Inbox').click();
  const receipt = page.getByRole('table', { name: 'Inbox' }).getByRole('row').filter({ hasText: 'DELIVRD' });
  await expect(receipt).toContainText('unmatched');
  await receipt.click();
  const dialog = page.getByRole('dialog', { name: 'Unmatched receipt' });
  await expect(dialog).toContainText('Unmatched: no message this console sent');
  await expect(dialog).toContainText('Receipt ids');
});
