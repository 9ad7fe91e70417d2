// Message options and Operations from the compose pane, against the built-in simulator: a flash message with a
// validity period and a TLV of a tag the console does not name goes out with exactly those fields in submit_sm;
// a raw SMPP time that is not one is named live and blocks Send; enquire_link now, query_sm of the message just
// sent, and a raw enquire_link typed as hex each come back with their response's status.
import { expect, test, type Page } from '@playwright/test';
import { composeOnSimulator, dissectionNode, useFreshBrowserHost } from '../support/console-page';

// The trace grid is virtualised: a tall window keeps every PDU rendered, so rows can be found by command.
test.use({ viewport: { width: 1400, height: 1600 } });

const host = useFreshBrowserHost();

const openCompose = (page: Page) => composeOnSimulator(page, host().url);

test('class 0, a 2-hour validity period and TLV 0x1400 go out in submit_sm as set', async ({ page }) => {
  const { compose, text, send, commandRows } = await openCompose(page);
  await compose.getByText('Message options', { exact: true }).click();
  await compose.getByLabel('Message class').selectOption({ label: '0 – flash' });

  const validity = compose.getByLabel('Validity period', { exact: true });
  await validity.selectOption({ label: 'After a duration' });
  await compose.getByRole('group', { name: 'Validity period' }).getByLabel('Hours').fill('2');
  await expect(validity).toHaveAccessibleDescription('validity_period 000000020000000R');

  await compose.getByRole('button', { name: 'Add TLV' }).click();
  const tlv = compose.getByRole('group', { name: 'TLV 1', exact: true });
  await tlv.getByLabel('TLV tag').selectOption({ label: 'Other (hex tag)' });
  await tlv.getByLabel('Tag (hex)').fill('1400');
  await tlv.getByLabel('TLV value (hex)').fill('cafe');
  await expect(compose.getByText('Message options', { exact: false })).toContainText('3 changed');

  await text.fill('Flash!');
  await expect(send).toBeEnabled();
  await send.click();
  await expect(commandRows('submit_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(1);

  await commandRows('submit_sm').click();
  const field = (name: string) => dissectionNode(page, name).first();
  await expect(field('data_coding')).toContainText('0x10 general group: GSM 7-bit default, class 0 (flash)');
  await expect(field('validity_period')).toContainText('"000000020000000R" relative: 2 h from when the SMSC receives it');
  await expect(field('unknown TLV 0x1400')).toContainText('tag 0x1400: ca fe');
  // Options left at their defaults are not sent differently: the receipt is still asked for.
  await expect(field('registered_delivery')).toContainText('0x01 receipt on success or failure');
});

test('a raw SMPP time that is not one is named as it is typed, and Send waits for it', async ({ page }) => {
  const { compose, text, send } = await openCompose(page);
  await text.fill('Hello');
  await compose.getByText('Message options', { exact: true }).click();
  const validity = compose.getByLabel('Validity period', { exact: true });
  await validity.selectOption({ label: 'Raw SMPP time' });
  const raw = compose.getByRole('group', { name: 'Validity period' }).getByLabel('SMPP time');
  await raw.fill('261325000000000+');
  await expect(raw).toHaveAttribute('aria-invalid', 'true');
  await expect(raw).toHaveAccessibleDescription('month 13 is not 01–12');
  await expect(send).toBeDisabled();
  await expect(compose).toContainText('Validity period: month 13 is not 01–12');

  await raw.fill('261125000000000+');
  await expect(raw).toHaveAccessibleDescription('validity_period 261125000000000+');
  await expect(send).toBeEnabled();
});

test('enquire link now, query the message just sent, and a raw enquire_link typed as hex', async ({ page }) => {
  const { compose, text, send, commandRows } = await openCompose(page);
  await text.fill('Query me');
  await send.click();
  const response = commandRows('submit_sm_resp');
  await expect(response).toContainText(/message_id="[0-9A-F]+"/);
  const smscMessageId = /message_id="([0-9A-F]+)"/.exec((await response.textContent()) ?? '')![1]!;

  await compose.getByText('Operations', { exact: true }).click();
  await compose.getByRole('button', { name: 'Enquire link now' }).click();
  await expect(compose.getByRole('status', { name: 'Enquire link result' })).toHaveText(
    /^enquire_link_resp ESME_ROK in \d+\.\d ms$/,
  );

  // message_id follows the newest sent message until the user types one.
  await expect(compose.getByLabel('message_id', { exact: true })).toHaveValue(smscMessageId);
  await compose.getByRole('button', { name: 'Query', exact: true }).click();
  await expect(compose.getByRole('status', { name: 'Query / cancel / replace result' })).toContainText(
    /^query_sm_resp ESME_ROK in \d+\.\d ms · message_state (ENROUTE|DELIVERED) \(\d\)/,
  );

  await compose.getByLabel('Raw PDU (hex)').fill('00000010 00000015 00000000 00000000');
  await expect(compose.getByLabel('Raw PDU (hex)')).toHaveAccessibleDescription('16 octets · command_length says 16 (matches).');
  await compose.getByRole('button', { name: 'Transmit raw PDU' }).click();
  await expect(compose.getByRole('status', { name: 'Raw PDU result' })).toHaveText(
    /^sequence_number \d+ · enquire_link_resp ESME_ROK in \d+\.\d ms$/,
  );
  await expect(compose.getByRole('alert')).toHaveCount(0);
});

test("the host's error naming a TLV's value marks that input, and editing it clears the error", async ({ page }) => {
  const { compose, text, send } = await openCompose(page);
  await text.fill('Hello');
  await compose.getByText('Message options', { exact: true }).click();
  await compose.getByRole('button', { name: 'Add TLV' }).click();
  // callback_num takes octets as hex (integer TLVs take a number instead)
  const row = compose.getByRole('group', { name: 'TLV 1', exact: true });
  await row.getByLabel('TLV tag').selectOption({ label: 'callback_num (0x0381)' });
  const value = row.getByLabel('TLV value (hex)');
  // Three digits: the host refuses it and names options.tlvs.0.hex.
  await value.fill('abc');
  await send.click();
  const alert = compose.getByRole('alert');
  await expect(alert).toContainText('TLV value');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(await alert.innerText());

  await value.fill('abcd');
  await expect(alert).toHaveCount(0);
  await expect(value).not.toHaveAttribute('aria-invalid');
  await send.click();
  await expect(page.getByRole('table', { name: 'Sent' }).getByRole('row').filter({ hasText: 'Hello' })).toHaveCount(1);
});
