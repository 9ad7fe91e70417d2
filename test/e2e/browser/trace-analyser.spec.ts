// The trace as an analyser, as an engineer uses it: the session column, a message found by its message_id, from
// a request to its response and back, errors only, one session's traffic at a click, and "N new" while reading.
import { expect, test, type Page } from '@playwright/test';
import { composeOnSimulator, connectLocalSimulator, showList, traceRows, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

const grid = (page: Page) => page.getByRole('region', { name: 'Trace' }).getByRole('grid', { name: 'PDU trace' });
const filterBar = (page: Page) => page.getByRole('search', { name: 'Trace filter' });
const matching = (page: Page) => page.getByRole('region', { name: 'Trace' }).getByLabel('Matching PDUs');
const detailTitle = (page: Page) => page.locator('.trace-detail__title');

test('find by message_id, go from request to response and back, errors only', async ({ page }) => {
  const { text, send, commandRows } = await composeOnSimulator(page, host().url);
  await text.fill('Find me');
  await send.click();
  const response = commandRows('submit_sm_resp');
  await expect(response).toContainText(/message_id="[0-9A-F]+"/);
  const smscMessageId = /message_id="([0-9A-F]+)"/.exec((await response.textContent()) ?? '')![1]!;
  // the session column names the session; the request row shows its response's status and round trip
  await expect(commandRows('submit_sm')).toContainText('Local simulator');
  await expect(commandRows('submit_sm')).toContainText('→ ESME_ROK');
  await expect(commandRows('deliver_sm')).toContainText(`stat=DELIVRD`);

  // the message_id finds its submit_sm_resp and its receipt (any case, zero padding ignored)
  await filterBar(page).getByLabel('message_id').fill(`00${smscMessageId.toLowerCase()}`);
  await expect(matching(page)).toHaveText('2 PDUs match');
  await expect(grid(page).getByRole('row').filter({ has: page.getByRole('gridcell', { name: 'submit_sm_resp', exact: true }) })).toHaveCount(1);
  await expect(traceRows(page, 'deliver_sm')).toHaveCount(1);
  await expect(traceRows(page, 'submit_sm')).toHaveCount(0);
  await filterBar(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(matching(page)).toHaveText(/^\d+ PDUs$/);

  // from the request to its response, and back with P
  await commandRows('submit_sm').click();
  await expect(page.getByText(/^Answered ESME_ROK in \d+\.\d ms\./)).toBeVisible();
  await page.getByRole('button', { name: 'Go to response' }).click();
  await expect(detailTitle(page)).toContainText('submit_sm_resp ESME_ROK');
  await expect(commandRows('submit_sm_resp')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Answers request #\d+ in \d+\.\d ms\./)).toBeVisible();
  await commandRows('submit_sm_resp').press('p');
  await expect(commandRows('submit_sm')).toHaveAttribute('aria-selected', 'true');
  await expect(detailTitle(page)).toContainText(' submit_sm ');

  // an unknown command gets generic_nack from the SMSC: the only error, and errors only shows just that
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByText('Operations', { exact: true }).click();
  await compose.getByLabel('Raw PDU (hex)').fill('00000010 00000099 00000000 00000000');
  await compose.getByRole('button', { name: 'Transmit raw PDU' }).click();
  await expect(commandRows('generic_nack')).toHaveCount(1);
  await filterBar(page).getByLabel('Status', { exact: true }).selectOption({ label: 'Errors only' });
  await expect(matching(page)).toHaveText('1 PDUs match');
  await expect(grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(1);
  await expect(commandRows('generic_nack')).toContainText('ESME_RINVCMDID');
  // the request it answered says so too
  await filterBar(page).getByLabel('Status', { exact: true }).selectOption({ label: 'Any' });
  await expect(traceRows(page, 'unknown_0x00000099')).toContainText('generic_nack ESME_RINVCMDID');
});

test('one click on a session scopes Trace, Sent and Inbox to it; N new while reading', async ({ page }) => {
  await page.goto(host().url);
  await connectLocalSimulator(page);
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('dialog', { name: 'Bind a second time?' }).getByRole('button', { name: 'Bind again' }).click();
  await expect(sessions.locator('[data-state="bound"]')).toHaveCount(2);
  const [first, second] = await sessions.getByRole('button', { name: /^Local simulator [0-9a-f]{8}$/ }).all();
  const firstName = (await first!.textContent())!.trim();
  const secondName = (await second!.textContent())!.trim();

  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  await compose.getByLabel('Text', { exact: true }).fill('On the newest session');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(traceRows(page, 'submit_sm')).toHaveCount(1);
  await expect(traceRows(page, 'submit_sm')).toContainText(firstName.split(' ').at(-1)!);

  // scope to the session that sent nothing: no submit_sm, no sent message, no receipt
  await sessions.getByRole('button', { name: secondName }).click();
  await expect(sessions.getByRole('status')).toContainText('show Local simulator');
  await expect(traceRows(page, 'bind_transceiver')).toHaveCount(1);
  await expect(traceRows(page, 'submit_sm')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Sent' })).toContainText('Nothing sent yet.');
  await expect(await showList(page, 'Inbox')).toContainText('Nothing received yet.');
  // one click back to all
  await sessions.getByRole('button', { name: 'All sessions' }).click();
  await expect(traceRows(page, 'submit_sm')).toHaveCount(1);
  await expect(await showList(page, 'Sent')).toContainText('On the newest session');

  // reading an older row pauses following; what arrives meanwhile is counted, and one click returns to the tail
  await traceRows(page, 'bind_transceiver').first().click();
  const follow = page.getByRole('region', { name: 'Trace' }).getByRole('button', { name: 'Follow' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await compose.getByLabel('Text', { exact: true }).fill('While reading');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  const newRows = page.getByRole('button', { name: /^\d+ new ↓$/ });
  await expect(newRows).toBeVisible();
  await newRows.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(newRows).toHaveCount(0);
});
