// Long messages from the compose pane, against the built-in simulator: a 400-character GSM text goes out as three
// concatenated submit_sm and comes back as one Sent row with every part delivered; 100 emoji go out as UCS-2 in
// as many parts as shared/message-parts plans (the expected count comes from the planner, not from this file);
// and with GSM 03.38 forced, a character its tables cannot carry is named, marked, and blocks Send.
import { expect, test, type Page } from '@playwright/test';
import { planMessage } from '../../../shared/message-parts';
import { composeOnSimulator, useFreshBrowserHost } from '../support/console-page';

// The trace grid is virtualised: a tall window keeps every PDU of both messages rendered, so rows can be counted.
test.use({ viewport: { width: 1400, height: 1600 } });

const host = useFreshBrowserHost();

const openCompose = (page: Page) => composeOnSimulator(page, host().url);

test('a 400-character GSM text goes out in three UDH parts and comes back as one message, delivered', async ({ page }) => {
  const { compose, text, send, commandRows, sentRows } = await openCompose(page);
  await compose.getByLabel('Long messages', { exact: true }).selectOption({ label: 'UDH, 8-bit reference' });
  const long = 'The quick brown fox jumps over the lazy dog. '.repeat(9).slice(0, 400);
  expect(planMessage(long, { split: 'udh8' })).toMatchObject({ encoding: 'gsm7', parts: 3, perPart: 153 });
  await text.fill(long);
  await expect(text).toHaveAccessibleDescription(
    '400 characters · GSM 03.38 (data_coding 0) · 3 parts of up to 153 septets · 59 left in this part',
  );
  await expect(send).toBeEnabled();
  await send.click();

  await expect(commandRows('submit_sm')).toHaveCount(3);
  await expect(commandRows('submit_sm').filter({ hasText: 'dc=0' })).toHaveCount(3);
  await expect(commandRows('submit_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(3);
  await expect(sentRows).toHaveCount(1);
  const sent = sentRows.first();
  await expect(sent).toContainText('3 parts');
  await expect(sent).toContainText('3 parts · 3 delivered');
  await expect(sent).toContainText('DELIVRD');
  await expect(commandRows('deliver_sm').filter({ hasText: 'stat=DELIVRD' })).toHaveCount(3);
  // The text stays for a resend.
  await expect(text).toHaveValue(long);
});

test('100 emoji go out as UCS-2 in the parts the planner counts, shown as one sent message', async ({ page }) => {
  const { text, send, commandRows, sentRows } = await openCompose(page);
  const emoji = '😀'.repeat(100);
  // An emoji is two UCS-2 units and never straddles a part, so the count is the planner's, not 200 / 67.
  const plan = planMessage(emoji, { encoding: 'auto', split: 'udh8' });
  expect(plan).toMatchObject({ encoding: 'ucs2', dataCoding: 8, units: 200 });
  expect(plan.parts).toBeGreaterThan(1);
  await text.fill(emoji);
  await expect(text).toHaveAccessibleDescription(
    `100 characters · UCS-2 (data_coding 8) · ${plan.parts} parts of up to ${plan.perPart} UCS-2 units · ${plan.roomLeft} left in this part`,
  );
  await send.click();

  await expect(commandRows('submit_sm')).toHaveCount(plan.parts);
  await expect(commandRows('submit_sm').filter({ hasText: 'dc=8' })).toHaveCount(plan.parts);
  await expect(commandRows('submit_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(plan.parts);
  await expect(sentRows).toHaveCount(1);
  const sent = sentRows.filter({ hasText: '😀' });
  await expect(sent).toContainText(`${plan.parts} parts`);
  await expect(sent).toContainText(`${plan.parts} delivered`);
  await expect(sent).toContainText('DELIVRD');
});

test('with GSM 03.38 forced, a character it cannot carry is named and marked, and Send waits', async ({ page }) => {
  const { compose, text, send } = await openCompose(page);
  const encoding = compose.getByLabel('Encoding', { exact: true });
  await encoding.selectOption({ label: 'GSM 03.38' });
  const typed = 'Hi 😀 there';
  const position = [...typed].indexOf('😀') + 1;
  await text.fill(typed);

  const alert = compose.getByRole('alert');
  await expect(alert).toHaveText(`"😀" at position ${position} cannot be sent in GSM 03.38 (choose UCS-2 or Auto)`);
  const marks = compose.getByRole('group', { name: 'Unsupported characters, marked in place' }).locator('mark');
  await expect(marks).toHaveCount(1);
  await expect(marks.first()).toContainText('😀');
  await expect(marks.first()).toContainText(`position ${position}`);
  await expect(send).toBeDisabled();
  await expect(compose).toContainText('1 character not in GSM 03.38');
  // Nothing was replaced behind the engineer's back.
  await expect(text).toHaveValue(typed);

  // Auto takes UCS-2 for the same text: the alert goes and Send comes back.
  await encoding.selectOption({ label: 'Auto' });
  await expect(alert).toHaveCount(0);
  const asUcs2 = planMessage(typed, { encoding: 'auto' });
  await expect(text).toHaveAccessibleDescription(
    `${asUcs2.characters} characters · UCS-2 (data_coding 8) · ${asUcs2.units}/${asUcs2.perPart} UCS-2 units`,
  );
  await expect(send).toBeEnabled();
});
