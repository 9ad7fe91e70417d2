// The Inbox as a person uses it, in Debian's Chromium through the browser host: a receipt from the built-in
// simulator and MO from a second SMSC (a raw one in this test process, which delivers whatever the test writes),
// filtered by kind and number; unread items counted and marked read once the Inbox tab has shown them; one session
// cleared after the dialog says how many items go; the rest exported as CSV and read back from the download.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodePdu } from '../../../electron/core/smpp/pdu-codec';
import { encodeUcs2 } from '../../../shared/text-codec';
import { startRawSmsc, type RawSmsc } from '../../support/raw-smsc';
import { connectLocalSimulator, showList, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();
let smsc: RawSmsc | null = null;
test.afterEach(async () => {
  await smsc?.stop();
  smsc = null;
});

/** An SMSC that binds anyone, answers enquire_link, and leaves the rest to the test. */
async function moSmsc(): Promise<RawSmsc> {
  return startRawSmsc((pdu, context) => {
    if (pdu.command === 'enquire_link') context.reply(pdu);
  });
}

function deliverMo(raw: RawSmsc, sequenceNumber: number, from: string, text: string): void {
  raw.sockets[0]!.write(
    encodePdu({
      command: 'deliver_sm', sequenceNumber,
      fields: { source_addr: from, destination_addr: '12345', data_coding: 8, short_message: Buffer.from(encodeUcs2(text)) },
    }),
  );
}

async function addProfile(page: Page, name: string, port: number): Promise<void> {
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'New profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await dialog.getByLabel('Port', { exact: true }).fill(String(port));
  await dialog.getByLabel('System ID').fill('e2e');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('receipts and MO: filter, unread marked read when seen, clear one session, export CSV', async ({ page }) => {
  test.setTimeout(60_000); // a receipt, two sessions, five deliveries and a download: a long walk on a busy machine
  smsc = await moSmsc();
  await page.goto(host().url);
  const sessions = page.getByRole('region', { name: 'Sessions' });
  const inboxTab = page.getByRole('tab', { name: /^Inbox\b/ });

  // A receipt from the simulator, while the Sent tab is the one shown: nothing of the inbox is in sight.
  await connectLocalSimulator(page);
  await showList(page, 'Sent');
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  await compose.getByLabel('Text', { exact: true }).fill('Hello inbox');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(inboxTab).toHaveAccessibleName(/Inbox 1 \(1 unread\)/);

  // Two MO from a second SMSC
  await addProfile(page, 'MO SMSC', smsc.port);
  await sessions.getByLabel('Profile').selectOption({ label: `MO SMSC — 127.0.0.1:${smsc.port}` });
  await sessions.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(sessions.locator('[data-state="bound"]', { hasText: 'MO SMSC' })).toBeVisible();
  deliverMo(smsc, 1, '447700900777', 'Yes, "book" it — €5');
  deliverMo(smsc, 2, '33612345678', 'Non merci');
  await expect(inboxTab).toHaveAccessibleName(/Inbox 3 \(3 unread\)/);

  // Shown: rows start bold and "unread"; a second in sight marks them read, and the count comes down to none.
  const table = await showList(page, 'Inbox');
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Non merci' })).toHaveAttribute('data-read', 'false');
  await expect(rows.filter({ hasText: 'Non merci' })).toContainText('unread');
  await expect(inboxTab).toHaveAccessibleName(/^Inbox 3$/, { timeout: 5_000 });
  await expect(rows.filter({ hasText: 'Non merci' })).toHaveAttribute('data-read', 'true');
  await expect(page.getByRole('toolbar', { name: 'Inbox actions' }).getByLabel('Inbox counts')).toHaveText('3 items, 0 unread in all sessions');

  // Filters: kind, then number (exact, then a prefix)
  const filter = page.getByRole('search', { name: 'Inbox filter' });
  await filter.getByLabel('Kind').selectOption({ label: 'MO' });
  await expect(rows).toHaveCount(2);
  await filter.getByLabel('Number').fill('447700900777');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Yes, "book" it — €5');
  await filter.getByLabel('Kind').selectOption({ label: 'Receipts' });
  await filter.getByLabel('Number').fill('4477*');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('DELIVRD');
  await filter.getByLabel('Number').fill('1'.repeat(22));
  await expect(filter.getByRole('alert')).toHaveText('Number: 21 characters at most (an address is at most 20, plus *)');
  await filter.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // A live MO that does not match the filter never appears; one that does, does.
  await filter.getByLabel('Kind').selectOption({ label: 'MO' });
  await expect(rows).toHaveCount(2);
  deliverMo(smsc, 3, '447700900777', 'Live one');
  await expect(rows).toHaveCount(3);
  await filter.getByLabel('Kind').selectOption({ label: 'Receipts' });
  await expect(rows).toHaveCount(1);
  deliverMo(smsc, 4, '447700900778', 'Not a receipt');
  await expect(inboxTab).toHaveAccessibleName(/^Inbox 5\b/);
  await expect(rows).toHaveCount(1);
  await filter.getByLabel('Kind').selectOption({ label: 'Any' });

  // Clear the MO SMSC's session: picked in the filter bar, and the dialog names how many go.
  const sessionSelect = filter.getByLabel('Session');
  const moSession = await sessionSelect.locator('option', { hasText: 'MO SMSC' }).getAttribute('value');
  await sessionSelect.selectOption(moSession!);
  await expect(rows).toHaveCount(4);
  await page.getByRole('toolbar', { name: 'Inbox actions' }).getByRole('button', { name: 'Clear…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the inbox' });
  await expect(dialog.getByLabel(/^This session, MO SMSC .*: 4 items$/)).toBeChecked();
  await expect(dialog.getByLabel('Every session: 5 items')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Clear 4 items' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Cleared 4 inbox items.' })).toBeVisible();
  await expect(table).toContainText('Nothing received matches the filter.');
  await sessionSelect.selectOption({ label: 'All sessions' });
  await expect(rows).toHaveCount(1);
  await expect(inboxTab).toHaveAccessibleName(/^Inbox 1$/);

  // Export CSV: the download is the one receipt left, every column, as UTF-8 with a BOM.
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Inbox actions' }).getByRole('button', { name: 'Export CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^smpp-inbox-\d{8}-\d{6}\.csv$/);
  const csv = readFileSync((await saved.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'id,received_at,session,kind,read,from,to,data_coding,text,receipt message_id,stat,stat as received,err,submit date,done date,receipt text,matched message id,match rule,parts',
  );
  expect(lines).toHaveLength(3); // header, one row, and the empty string after the last CRLF
  expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,[^,]+,receipt,yes,447700900123,12345,/);
  expect(lines[1]).toContain(',DELIVRD,');
  await expect(page.getByRole('status').filter({ hasText: /Saved smpp-inbox-.*\.csv: 1 row\./ })).toBeVisible();
});
