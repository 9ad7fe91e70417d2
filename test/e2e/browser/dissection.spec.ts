// The dissector as an engineer uses it: a field selected lights its octets and an octet selects its field (mouse
// and keyboard), Copy hex gives the bare octets, Edit and resend puts them in the raw PDU sender, and the Decode
// box dissects pasted hex without a session.
import { expect, test, type Page } from '@playwright/test';
import { composeOnSimulator, dissectionNode, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

const tree = (page: Page) => page.getByRole('tree', { name: 'Dissection' });
const octets = (page: Page) => page.getByRole('grid', { name: 'PDU bytes' }).getByRole('gridcell');
const litOctets = (page: Page) => page.getByRole('grid', { name: 'PDU bytes' }).locator('[role="gridcell"][aria-selected="true"]');

test('a field lights its octets, an octet selects its field — by mouse and keyboard', async ({ page }) => {
  const { text, send, commandRows } = await composeOnSimulator(page, host().url);
  await text.fill('Dissect me');
  await send.click();
  await expect(commandRows('submit_sm_resp')).toContainText('ESME_ROK');
  await commandRows('submit_sm').click();

  // destination_addr "447700900123" is 12 characters and its NUL: 13 octets light up
  await dissectionNode(page, 'destination_addr').click();
  await expect(dissectionNode(page, 'destination_addr')).toHaveAttribute('aria-selected', 'true');
  await expect(litOctets(page)).toHaveCount(13);
  await expect(litOctets(page).first()).toHaveAccessibleName(/^octet \d+: 0x34$/); // '4'

  // an octet of the header selects its field
  await octets(page).nth(5).click();
  await expect(dissectionNode(page, 'command_id')).toHaveAttribute('aria-selected', 'true');
  await expect(litOctets(page)).toHaveCount(4);

  // keyboard in the bytes: → moves across command_id into command_status (octet 8)
  await page.getByRole('grid', { name: 'PDU bytes' }).focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(dissectionNode(page, 'command_status')).toHaveAttribute('aria-selected', 'true');

  // keyboard in the tree: ↓ to sequence_number, whose 4 octets light
  await tree(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dissectionNode(page, 'sequence_number')).toHaveAttribute('aria-selected', 'true');
  await expect(litOctets(page)).toHaveCount(4);
  await expect(litOctets(page).first()).toHaveAccessibleName('octet 12: 0x' + (await litOctets(page).first().textContent()));
  // ← goes to the parent (Header), ← again closes it
  await page.keyboard.press('ArrowLeft');
  await expect(dissectionNode(page, 'Header')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(dissectionNode(page, 'Header')).toHaveAttribute('aria-expanded', 'false');
  await expect(dissectionNode(page, 'command_id')).toHaveCount(0);

  // the text, by its alphabet
  await expect(dissectionNode(page, 'text')).toHaveAccessibleName(/^text: "Dissect me" \(GSM 03\.38 unpacked/);
});

test('Copy hex gives the bare octets; Edit and resend fills the raw PDU sender, which transmits them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { compose, text, send, commandRows } = await composeOnSimulator(page, host().url);
  await text.fill('Again');
  await send.click();
  await expect(commandRows('submit_sm_resp')).toHaveCount(1);
  await commandRows('submit_sm').click();

  await page.getByRole('button', { name: 'Copy hex' }).click();
  await expect(page.getByRole('toolbar').getByRole('status')).toHaveText(/^Copied \d+ octets as hex\.$/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^([0-9a-f]{2})+$/);
  expect(copied.slice(8, 16)).toBe('00000004'); // submit_sm

  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('\nHeader: submit_sm ESME_ROK seq ');

  await page.getByRole('button', { name: 'Edit and resend' }).click();
  const raw = compose.getByLabel('Raw PDU (hex)');
  await expect(raw).toBeFocused();
  expect((await raw.inputValue()).replace(/\s+/g, '')).toBe(copied);
  await compose.getByRole('button', { name: 'Transmit raw PDU' }).click();
  await expect(commandRows('submit_sm')).toHaveCount(2);
  await expect(commandRows('submit_sm_resp')).toHaveCount(2);
});

test('the Decode box dissects pasted PDUs back to back, and names what is not hex', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('region', { name: 'Trace' }).getByRole('button', { name: 'Decode hex…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decode PDUs' });
  const hex = dialog.getByLabel('Hex to decode');

  await hex.fill('00 00 00 1g');
  await dialog.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('hex: "g" at character 11 is not a hex digit');
  await expect(hex).toHaveAttribute('aria-invalid', 'true');

  // enquire_link then a submit_sm_resp, pasted the way logs show them
  await hex.fill('0x00000010 0x00000015 0x00000000 0x00000007\n00:00:00:17:80:00:00:04:00:00:00:00:00:00:00:08:41:42:43:31:32:33:00');
  await dialog.getByRole('button', { name: 'Decode', exact: true }).click();
  const found = dialog.getByRole('list', { name: 'PDUs found' }).getByRole('button');
  await expect(found).toHaveText(['at octet 0: enquire_link ESME_ROK seq 7', 'at octet 16: submit_sm_resp ESME_ROK seq 8 message_id="ABC123"']);
  await found.nth(1).click();
  await expect(dialog.getByRole('treeitem', { name: 'message_id: "ABC123"' })).toBeVisible();
  await dialog.getByRole('treeitem', { name: 'message_id: "ABC123"' }).click();
  await expect(dialog.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(7);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
