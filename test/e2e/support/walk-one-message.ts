// The walking skeleton's scenario, as a person does it, by roles and labels. The browser spec and the Electron
// spec run this same function, so the two shells are held to the same behaviour.
import { expect, type Page } from '@playwright/test';
import { connectLocalSimulator, showList, traceRows } from './console-page';

export async function walkOneMessage(page: Page): Promise<void> {
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await connectLocalSimulator(page);

  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  await compose.getByLabel('Text').fill('Hello from the walk €');
  await expect(compose.getByLabel('Text', { exact: true })).toHaveAccessibleDescription(/GSM 03\.38 \(data_coding 0\)/);
  await compose.getByLabel('Text').press('Control+Enter');

  // the trace shows submit_sm and its response with the message_id …
  const commandRows = (command: string) => traceRows(page, command);
  await expect(commandRows('submit_sm')).toHaveCount(1);
  const response = commandRows('submit_sm_resp');
  await expect(response).toContainText(/message_id="[0-9A-F]+"/);
  const smscMessageId = /message_id="([0-9A-F]+)"/.exec((await response.textContent()) ?? '')![1]!;
  await expect(response).toContainText('ESME_ROK');

  // … and the inbox's receipt is matched to that message_id, that destination and that text
  const receipt = (await showList(page, 'Inbox')).getByRole('row').filter({ hasText: smscMessageId });
  await expect(receipt).toHaveCount(1);
  await expect(receipt).toContainText('DELIVRD');
  await expect(receipt).toContainText('447700900123');
  await expect(receipt).toContainText('Hello from the walk €');
  await expect(commandRows('deliver_sm')).toContainText(`receipt id=${smscMessageId} stat=DELIVRD`);

  // selecting a row shows its exact bytes, beginning with its command_length
  const submit = commandRows('submit_sm');
  // cells: Time, Session, Dir, Command, Status, Seq, RTT, Len…
  const length = Number((await submit.getByRole('gridcell').nth(7).textContent())?.replace(/\D/g, ''));
  expect(length).toBeGreaterThan(16);
  await submit.click();
  const lengthOctets = length.toString(16).padStart(8, '0').match(/../g)!;
  const octets = page.getByRole('grid', { name: 'PDU bytes' }).getByRole('gridcell');
  for (const [i, octet] of lengthOctets.entries()) await expect(octets.nth(i)).toHaveAccessibleName(`octet ${i}: 0x${octet}`);
  await expect(page.getByRole('tree', { name: 'Dissection' }).getByRole('treeitem', { name: 'destination_addr: "447700900123"' })).toBeVisible();

  // Disconnect: unbind, unbind_resp, closed
  await sessions.getByRole('button', { name: 'Disconnect Local simulator' }).click();
  await expect(sessions.locator('[data-state="closed"]')).toBeVisible();
  await expect(commandRows('unbind_resp')).toHaveCount(1);
}
