// Export and import from the UI: the trace saved as pcapng (a real download, read back by tshark where it is
// installed), a Shift-selected range saved as text, and the saved capture opened again as a session of its own.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { composeOnSimulator, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

async function exportAs(page: Page, scope: RegExp, format: string) {
  await page.getByRole('region', { name: 'Trace' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the trace' });
  await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByLabel('Format').selectOption({ label: format });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = await download;
  await expect(dialog.getByRole('status', { name: 'Export result' })).toContainText(`Saved ${saved.suggestedFilename()}`);
  await expect(dialog.getByRole('status', { name: 'Export result' })).toContainText('Passwords in bind and outbind PDUs were masked');
  const path = test.info().outputPath(saved.suggestedFilename());
  await saved.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { path, name: saved.suggestedFilename() };
}

test('the trace saved as pcapng, a selection as text, and the capture opened again', async ({ page }) => {
  const { text, send, commandRows } = await composeOnSimulator(page, host().url);
  await text.fill('Out and back');
  await send.click();
  await expect(commandRows('deliver_sm_resp')).toHaveCount(1);

  const pcapng = await exportAs(page, /^The whole trace/, 'pcapng (Wireshark, tshark)');
  expect(pcapng.name).toMatch(/^smpp-trace-\d{8}-\d{6}\.pcapng$/);
  expect(readFileSync(pcapng.path).subarray(0, 4).toString('hex')).toBe('0a0d0d0a');
  if (existsSync('/usr/bin/tshark')) {
    const decoded = execFileSync('/usr/bin/tshark', ['-r', pcapng.path, '-Y', 'smpp', '-T', 'fields', '-e', 'smpp.command_id']).toString();
    expect(decoded).toContain('0x00000004'); // submit_sm
  } else console.log('capture-files.spec: tshark is not installed; the saved pcapng was checked by its magic only');

  // Shift+click: submit_sm to its response is the selection
  await commandRows('submit_sm').click();
  await commandRows('submit_sm_resp').click({ modifiers: ['Shift'] });
  await expect(commandRows('submit_sm_resp')).toHaveAttribute('aria-selected', 'true');
  await expect(commandRows('submit_sm')).toHaveAttribute('aria-selected', 'true');
  const selection = await exportAs(page, /^The selection \(2 rows/, 'Text (the tree as shown)');
  const saved = readFileSync(selection.path, 'utf8');
  expect(saved.match(/^Header: /gm)).toHaveLength(2);
  expect(saved).toContain('Header: submit_sm_resp ESME_ROK');

  // open the saved pcapng: its own session, shown in the trace
  await page.getByRole('region', { name: 'Trace' }).getByRole('button', { name: 'Open capture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a capture' });
  await dialog.getByLabel('Capture file (pcap, pcapng)').setInputFiles(pcapng.path);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText(/PDUs in 1 SMPP connection\./);
  await dialog.getByRole('button', { name: 'Show in the trace' }).click();
  await expect(commandRows('submit_sm')).toHaveCount(1);
  await expect(commandRows('submit_sm')).toContainText(`capture: ${pcapng.name}`);
  await expect(commandRows('deliver_sm')).toContainText('stat=DELIVRD');
});
