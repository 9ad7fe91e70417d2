// The workspace as an engineer meets it on a laptop (1280×720) and on a desktop monitor (1920×1080): the whole main
// flow — bind, compose, Send, the trace and its detail, Sent and Inbox — in sight without ever scrolling the page
// (a control may need its own pane scrolled, never the page); panes resized and collapsed from the keyboard and
// with the pointer, remembered across a reload; and the Dark theme, chosen, applied and remembered.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectLocalSimulator, showList, traceRows, useFreshBrowserHost } from '../support/console-page';

const host = useFreshBrowserHost();

/** The page itself never scrolls: everything that is longer than its pane scrolls inside that pane. */
async function expectNoPageScroll(page: Page) {
  const metrics = await page.evaluate(() => ({
    height: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    innerHeight,
    innerWidth,
    scrolled: scrollX + scrollY,
  }));
  expect(metrics.height, 'the page is no taller than the window').toBeLessThanOrEqual(metrics.innerHeight);
  expect(metrics.width, 'the page is no wider than the window').toBeLessThanOrEqual(metrics.innerWidth);
  expect(metrics.scrolled).toBe(0);
}

/** In sight after at most scrolling its own pane (scrollIntoViewIfNeeded would scroll the page too: checked after). */
async function expectReachable(page: Page, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport();
  await expectNoPageScroll(page);
}

const separator = (page: Page, name: string) => page.getByRole('separator', { name });
const valueOf = async (locator: Locator) => Number(await locator.getAttribute('aria-valuenow'));

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('every control of the main flow is in sight without scrolling the page, and a message sent is in Sent', async ({ page }) => {
      await page.goto(host().url);
      await expectNoPageScroll(page);
      const sessions = page.getByRole('region', { name: 'Sessions' });
      await expect(sessions.getByRole('button', { name: 'Connect', exact: true })).toBeInViewport();
      await connectLocalSimulator(page);

      const compose = page.getByRole('region', { name: 'Compose' });
      const send = compose.getByRole('button', { name: 'Send', exact: true });
      // Send is in the pane's footer: in sight from the start, whatever the form's scroll.
      await expect(send).toBeInViewport();
      for (const label of ['Session', 'Source address', 'Destination address', 'Text']) {
        await expectReachable(page, compose.getByLabel(label, { exact: true }));
      }
      await compose.getByLabel('Source address').fill('12345');
      await compose.getByLabel('Destination address').fill('447700900123');
      await compose.getByLabel('Text', { exact: true }).fill('Workspace check');
      await send.click();

      // Sent is the bottom pane's first tab: the message is there, message_id whole (not cut by its column).
      await expect(page.getByRole('tab', { name: /^Sent/ })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tab', { name: /^Sent/ })).toBeInViewport();
      // Its label counts what the list holds (the host's list counts).
      await expect(page.getByRole('tab', { name: /^Sent/ })).toHaveAccessibleName('Sent 1');
      const sent = page.getByRole('table', { name: 'Sent' }).getByRole('row').filter({ hasText: 'Workspace check' });
      await expect(sent).toBeInViewport();
      const messageId = sent.getByRole('cell').last();
      await expect(messageId).toHaveText(/^\S+$/);
      expect(await messageId.evaluate((cell) => cell.scrollWidth <= cell.clientWidth), 'message_id shown whole').toBe(true);

      // The trace: its grid, and the selected PDU's tree and bytes.
      await expectReachable(page, page.getByRole('grid', { name: 'PDU trace' }));
      await traceRows(page, 'submit_sm').click();
      await expectReachable(page, page.getByRole('tree', { name: 'Dissection' }));
      await expectReachable(page, page.getByRole('grid', { name: 'PDU bytes' }));
      await expect(page.getByRole('grid', { name: 'PDU bytes' })).toBeInViewport({ ratio: 1 });

      // Inbox: its tab, and the receipt in it.
      const inboxTab = page.getByRole('tab', { name: /^Inbox/ });
      await expect(inboxTab).toBeInViewport();
      const receipt = (await showList(page, 'Inbox')).getByRole('row').filter({ hasText: 'DELIVRD' });
      await expect(receipt).toBeInViewport();
      await expect(inboxTab).toHaveAccessibleName(/^Inbox 1\b/);

      // With every section of the form open and its pane scrolled to the end, Send is still in sight.
      for (const section of ['Message options', 'Recent drafts', 'Templates', 'Operations']) await compose.locator('summary', { hasText: section }).click();
      await expectReachable(page, compose.getByLabel('Keep the sequence number as typed'));
      await expect(send).toBeInViewport();
      await expectNoPageScroll(page);
    });
  });
}

test.describe('panes', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('resized and collapsed with the keyboard and the pointer, and remembered after a reload', async ({ page }) => {
    await page.goto(host().url);
    const sessions = page.getByRole('region', { name: 'Sessions' });
    const between = separator(page, 'Resize Sessions and Compose');
    await expect(between).toHaveAttribute('aria-orientation', 'horizontal');

    // Arrow keys move the splitter: Sessions grows by 2 % a press.
    const before = await valueOf(between);
    const heightBefore = (await sessions.boundingBox())!.height;
    await between.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(between).toHaveAttribute('aria-valuenow', String(before + 6));
    expect((await sessions.boundingBox())!.height).toBeGreaterThan(heightBefore + 20);

    // Enter collapses Sessions to its header, and again brings it back.
    await page.keyboard.press('Enter');
    await expect(sessions.getByRole('button', { name: 'Expand Sessions' })).toHaveAttribute('aria-expanded', 'false');
    await expect(sessions.getByRole('button', { name: 'Connect', exact: true })).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(sessions.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();

    // The bottom pane collapses by its own button; the trace takes its room.
    const trace = page.getByRole('region', { name: 'Trace' });
    const traceHeight = (await trace.boundingBox())!.height;
    await page.getByRole('button', { name: 'Collapse Sent, Inbox and Simulator' }).click();
    await expect(page.getByRole('table', { name: 'Sent' })).toBeHidden();
    expect((await trace.boundingBox())!.height).toBeGreaterThan(traceHeight + 100);

    // The pointer drags the column splitter (the grid follows as it moves; the store hears once, on release).
    const columns = separator(page, 'Resize Compose and Trace');
    const leftBefore = await valueOf(columns);
    const box = (await columns.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const leftAfter = await valueOf(columns);
    expect(leftAfter).toBeGreaterThan(leftBefore + 5);

    // A reload finds every pane as it was left.
    await page.reload();
    await expect(between).toHaveAttribute('aria-valuenow', String(before + 6));
    await expect(columns).toHaveAttribute('aria-valuenow', String(leftAfter));
    await expect(page.getByRole('button', { name: 'Expand Sent, Inbox and Simulator' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Sent' })).toBeHidden();

    // Choosing a tab opens the pane again; arrow keys move between the tabs. Reset layout forgets it all.
    await page.getByRole('tab', { name: /^Inbox/ }).click();
    await expect(page.getByRole('table', { name: 'Inbox' })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: /^Sent/ })).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: /^Sent/ }).getByRole('table', { name: 'Sent' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset layout' }).click();
    await expect(between).toHaveAttribute('aria-valuenow', String(before));
    await expectNoPageScroll(page);
  });

  test('the Dark theme changes the colours and is remembered; System follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(host().url);
    const theme = page.getByLabel('Theme', { exact: true });
    await expect(theme).toHaveValue('system');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await theme.selectOption({ label: 'Dark' });
    await expect.poll(background).not.toBe(light);
    const dark = await background();
    await page.reload();
    await expect(theme).toHaveValue('dark');
    expect(await background()).toBe(dark);

    // System again: the operating system's preference decides, live.
    await theme.selectOption({ label: 'System' });
    await expect.poll(background).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe(dark);
  });
});
