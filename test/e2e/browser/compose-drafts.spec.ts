// Drafts, templates, several recipients and data_sm from the compose pane, against the built-in simulator: a sent
// message comes back from Recent drafts with its encoding, without being sent again; saved as a template on the
// simulator's profile it comes back from there too, and the template can be deleted after a question; two
// recipients in one field are two sent messages; and the composed message goes out as data_sm on request.
import { expect, test } from '@playwright/test';
import { connectLocalSimulator, traceRows, useFreshBrowserHost } from '../support/console-page';

// The trace grid is virtualised: a tall window keeps every PDU rendered, so rows can be found by command.
test.use({ viewport: { width: 1400, height: 1600 } });

const host = useFreshBrowserHost();

test('recall a sent draft, keep it as a template, send to two recipients, and send it as data_sm', async ({ page }) => {
  await page.goto(host().url);
  await connectLocalSimulator(page);

  const compose = page.getByRole('region', { name: 'Compose' });
  const text = compose.getByLabel('Text', { exact: true });
  const encoding = compose.getByLabel('Encoding', { exact: true });
  const send = compose.getByRole('button', { name: 'Send', exact: true });
  const commandRows = (command: string) => traceRows(page, command);
  const sentRows = page.getByRole('table', { name: 'Sent' }).getByRole('row').filter({ has: page.getByRole('cell') });

  // Send one message, in UCS-2 so the recall can be seen to bring the encoding back too.
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  await encoding.selectOption({ label: 'UCS-2' });
  await text.fill('Hello again');
  await send.click();
  await expect(commandRows('submit_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(1);

  // Recall it: every field comes back, nothing is sent.
  await text.fill('');
  await encoding.selectOption({ label: 'Auto' });
  await compose.getByText('Recent drafts').click();
  await compose.getByRole('button', { name: 'Recall draft: Hello again → 447700900123', exact: true }).click();
  await expect(text).toHaveValue('Hello again');
  await expect(encoding).toHaveValue('ucs2');
  await expect(commandRows('submit_sm')).toHaveCount(1);

  // Keep it as the template "Greeting", change the text, and use the template.
  await compose.getByText('Templates', { exact: true }).click();
  await compose.getByRole('button', { name: 'Save as template' }).click();
  await compose.getByLabel('Template name').fill('Greeting');
  await compose.getByRole('button', { name: 'Save template', exact: true }).click();
  const template = compose.getByLabel('Template', { exact: true });
  await expect(template.locator('option:checked')).toHaveText('Greeting');
  await expect(compose.getByLabel('Template name')).toHaveCount(0);
  await text.fill('Something else entirely');
  await compose.getByRole('button', { name: 'Use template' }).click();
  await expect(text).toHaveValue('Hello again');

  // Delete it, after the question.
  await compose.getByRole('button', { name: 'Delete template' }).click();
  const question = page.getByRole('dialog', { name: 'Delete template' });
  await expect(question).toContainText('Greeting');
  await expect(question.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(question).toHaveCount(0);
  await expect(template.locator('option')).toHaveText(['None saved for Local simulator']);
  await expect(compose.getByRole('button', { name: 'Use template' })).toBeDisabled();

  // Two recipients in one field: the live line says so, and each gets its own message.
  await compose.getByLabel('Destination address').fill('447700900001, 447700900002');
  await expect(text).toHaveAccessibleDescription(/· 2 recipients, one submit_sm each$/);
  await send.click();
  await expect(sentRows.filter({ hasText: '447700900001' })).toHaveCount(1);
  await expect(sentRows.filter({ hasText: '447700900002' })).toHaveCount(1);
  await expect(sentRows).toHaveCount(3);
  await expect(commandRows('submit_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(3);

  // The composed message as data_sm, to the first recipient only.
  await compose.getByText('Operations', { exact: true }).click();
  const dataSm = compose.getByRole('button', { name: 'Send as data_sm' });
  await expect(dataSm).toHaveAccessibleDescription(/to 447700900001 \(the first recipient only/);
  await dataSm.click();
  await expect(compose.getByRole('status', { name: 'data_sm result' })).toHaveText(
    /^data_sm_resp ESME_ROK message_id \S+ in \d+\.\d ms$/,
  );
  await expect(commandRows('data_sm_resp').filter({ hasText: 'ESME_ROK' })).toHaveCount(1);
  await expect(compose.getByRole('alert')).toHaveCount(0);
});
