// Bind profiles managed from the Sessions region, through the real browser host: the form's limit hint, the
// main side's error for a password over SMPP's 8 characters (the input it names marked and focused, nothing
// saved), then save, duplicate, delete and export. Labels are matched exactly where the brief's labels
// overlap ("Password" / "Remember password…", "Port" / "Outbind port", "Host" / "…browser host…").
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

const NAME = 'Acme SMSC';

function sessionsRegion(page: Page) {
  const sessions = page.getByRole('region', { name: 'Sessions' });
  const select = sessions.getByLabel('Profile', { exact: true });
  return { sessions, select, chosen: select.locator('option:checked') };
}

test('create a profile (refused over the password limit, then saved), duplicate it, delete the copy, export', async ({ page }) => {
  await page.goto(host().url);
  const { sessions, select, chosen } = sessionsRegion(page);
  await expect(select).toContainText('Local simulator');
  // The built-in simulator's profile stays: Delete is off for it, and says why.
  await select.selectOption({ label: 'Local simulator' });
  const deleteButton = sessions.getByRole('button', { name: 'Delete profile', exact: true });
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAttribute('title', /simulator/);
  const profilesAtStart = await select.locator('option').count();

  await sessions.getByRole('button', { name: 'New profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(NAME);
  await dialog.getByLabel('Host', { exact: true }).fill('smsc.acme.test');
  await dialog.getByLabel('Port', { exact: true }).fill('2775');
  await dialog.getByLabel('Bind mode').selectOption({ label: 'Transmitter (TX)' });
  await dialog.getByLabel('System ID').fill('acme');
  const password = dialog.getByLabel('Password', { exact: true });
  await password.fill('123456789');
  // The form says so as it is typed, but does not cut the value short or block Save …
  await expect(dialog).toContainText('9 characters — 8 at most');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();

  // … the main side refuses it, naming the field and its limit; the input is marked and focused.
  const error = dialog.getByRole('alert');
  await expect(error).toContainText(/password/i);
  await expect(error).toContainText('8');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(select.locator('option', { hasText: NAME })).toHaveCount(0);

  await password.fill('12345678');
  await expect(error).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chosen).toContainText(NAME);
  await expect(select.locator('option')).toHaveCount(profilesAtStart + 1);
  const originalId = await select.inputValue();

  // Edit shows the saved settings, never the password: only that one is set.
  await sessions.getByRole('button', { name: 'Edit profile', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit profile' });
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue(NAME);
  await expect(editor.getByLabel('Bind mode')).toHaveValue('transmitter');
  await expect(editor.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(editor.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'unchanged');
  await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(editor).toHaveCount(0);

  // Duplicate: a second profile, selected, carrying the original's name in its own.
  await sessions.getByRole('button', { name: 'Duplicate profile', exact: true }).click();
  await expect(select.locator('option')).toHaveCount(profilesAtStart + 2);
  await expect(select).not.toHaveValue(originalId);
  await expect(chosen).toContainText(NAME);

  // Delete the copy, after the question; the original stays.
  await deleteButton.click();
  const question = page.getByRole('dialog', { name: 'Delete profile' });
  await expect(question.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(question).toHaveCount(0);
  await expect(select.locator('option')).toHaveCount(profilesAtStart + 1);
  await expect(select.locator(`option[value="${originalId}"]`)).toHaveCount(1);

  // Export: a JSON download with the profile and without its password.
  const download = page.waitForEvent('download');
  await sessions.getByRole('button', { name: 'Export profiles', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('smpp-profiles.json');
  const json = readFileSync(await file.path(), 'utf8');
  expect(() => JSON.parse(json)).not.toThrow();
  expect(json).toContain(NAME);
  expect(json).not.toContain('12345678');
});

test('an outbind profile says where it will listen and whom it accepts, and may not listen on every interface', async ({ page }) => {
  await page.goto(host().url);
  const { sessions } = sessionsRegion(page);
  await sessions.getByRole('button', { name: 'New profile', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await dialog.getByLabel('Name', { exact: true }).fill('Outbind SMSC');
  await dialog.getByLabel('Host', { exact: true }).fill('localhost');
  await dialog.getByLabel('Connect mode').selectOption({ label: 'Listen for outbind' });
  await dialog.getByLabel('Bind mode').selectOption({ label: 'Receiver (RX)' });
  await dialog.getByLabel('System ID').fill('acme');
  const plan = dialog.getByRole('status', { name: 'Outbind listener' });
  await expect(plan).toHaveText(/^Listens on 127\.0\.0\.1 \(automatic: the SMSC localhost is on this machine\); accepts connections from 127\.0\.0\.1(, ::1)? only\.$/);
  const listenOn = dialog.getByLabel('Listen on (IP address)');
  await listenOn.fill('0.0.0.0');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('not 0.0.0.0 or ::, which would take outbinds from every network');
  await expect(listenOn).toBeFocused();
  await listenOn.fill('127.0.0.1');
  await expect(plan).toHaveText(/^Listens on 127\.0\.0\.1 \(as the profile names it\)/);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
});
