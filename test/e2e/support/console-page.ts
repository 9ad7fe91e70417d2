// What most browser specs start with: a fresh browser host per test (its own data folder; it must exit 0 on
// SIGTERM), the Local simulator bound from the Sessions region, and trace rows found by their command.
import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type RunningHost } from './browser-host';

/** Registers beforeEach/afterEach for a fresh host; call the returned function inside a test for the host. */
export function useFreshBrowserHost(): () => RunningHost {
  let host: RunningHost | null = null;
  test.beforeEach(async () => {
    host = await startBrowserHost();
  });
  test.afterEach(async () => {
    const running = host!;
    expect(await running.stop(), `the browser host exits 0 on SIGTERM; it printed:\n${running.output()}`).toBe(0);
  });
  return () => host!;
}

/** Connects the seeded Local simulator profile and waits until it is bound. */
export async function connectLocalSimulator(page: Page): Promise<void> {
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByLabel('Profile')).toContainText('Local simulator');
  await sessions.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(sessions.locator('[data-state="bound"]')).toContainText('SMPPConsoleSim');
}

/**
 * Shows the Sent or Inbox tab of the bottom pane and returns its table. The tab's name carries its counts
 * ("Inbox 3 (1 unread)"), so it is found by how it starts.
 */
export async function showList(page: Page, name: 'Sent' | 'Inbox') {
  await page.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
  return page.getByRole('table', { name });
}

/** Trace rows whose command cell is exactly this command (so submit_sm does not match submit_sm_resp). */
export function traceRows(page: Page, command: string) {
  const grid = page.getByRole('region', { name: 'Trace' }).getByRole('grid', { name: 'PDU trace' });
  return grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: command, exact: true }) });
}

/**
 * Opens the console, binds the Local simulator and fills the addresses; returns the Compose region and the
 * locators the compose specs use. The option labels say "GSM 03.38" and "UCS-2" too, so the live line is read
 * where it is announced: as the Text box's description.
 */
export async function composeOnSimulator(page: Page, url: string) {
  await page.goto(url);
  await connectLocalSimulator(page);
  const compose = page.getByRole('region', { name: 'Compose' });
  await compose.getByLabel('Source address').fill('12345');
  await compose.getByLabel('Destination address').fill('447700900123');
  return {
    compose,
    text: compose.getByLabel('Text', { exact: true }),
    send: compose.getByRole('button', { name: 'Send', exact: true }),
    commandRows: (command: string) => traceRows(page, command),
    // Data rows only: the header row has column headers, not cells. Sent is the bottom pane's first tab.
    sentRows: page.getByRole('table', { name: 'Sent' }).getByRole('row').filter({ has: page.getByRole('cell') }),
  };
}

/** A node of the selected PDU's dissection, by its SMPP label (its accessible name is "label: value"). */
export function dissectionNode(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('tree', { name: 'Dissection' }).getByRole('treeitem', { name: new RegExp(`^${escaped}(: | — |$)`) });
}
