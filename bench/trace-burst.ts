// The console under an MO burst, as a person watching it sees it: the built browser host in its own process,
// bound as a receiver to an SMSC (burst-smsc.ts) sending BENCH_BURST_RATE deliver_sm/s for BENCH_BURST_SECONDS,
// with Chromium showing the console and the user scrolled up in the trace, reading. Every 5 s during the burst
// and for 10 s after it: the host's memory, and how long "New profile" takes to open its dialog. At the end: what
// the SMSC saw answered, the host's peak memory, and the page's long tasks. Figures only, each beside its target.
import { readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WS_PATH, type CallResult, type ConsoleMethodName, type ConsoleMethods, type WsClientFrame, type WsServerFrame } from '../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../shared/profile-defaults';
import { startBrowserHost } from '../test/e2e/support/browser-host';
import { startBurstSmsc } from './burst-smsc';

const RATE = Number(process.env.BENCH_BURST_RATE ?? 2500);
const SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 60);
const SAMPLE_EVERY_MS = 5_000;
const AFTER_MS = 10_000;
/** As playwright.config.ts launches it: Debian's Chromium, never a downloaded one. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What the page records for us (installed by instrument()). */
interface BenchWindow {
  benchLongTasks: Array<{ start: number; duration: number }>;
  /** When the measured UI action (New profile opened, then closed) ran: its long tasks are the action's own. */
  benchActions: Array<[number, number]>;
  benchPressedAt: number | null;
  benchShownAt: number | null;
}

interface Sample {
  phase: 'during' | 'after';
  rssMb: number;
  /** Input → the frame that shows the dialog, measured in the page. */
  uiMs: number;
  /** Playwright's click → the dialog visible: the above plus the automation's own round trips. */
  uiWallMs: number;
}

interface HostApi {
  call<M extends ConsoleMethodName>(method: M, payload: ConsoleMethods[M]['request']): Promise<ConsoleMethods[M]['response']>;
  close(): void;
}

export async function traceBurstFigures(json: boolean): Promise<void> {
  // Undone in reverse, each on its own: one failing must not leave a browser or a host process behind.
  const cleanups: Array<() => unknown> = [];
  try {
    const host = await startBrowserHost(fileURLToPath(new URL('./serve.js', import.meta.url)));
    cleanups.push(async () => {
      const code = await host.stop();
      if (code !== 0) console.error(`bench: the browser host exited with ${code}:\n${host.output()}`);
    });
    const smsc = await startBurstSmsc();
    cleanups.push(() => smsc.stop());
    const api = await openApi(host.url);
    cleanups.push(() => api.close());
    const profile = await api.call('createProfile', {
      ...DEFAULT_PROFILE_SETTINGS, name: 'burst', host: '127.0.0.1', port: smsc.port, systemId: 'burst', bindMode: 'receiver', enquireLinkIntervalMs: 0,
    });
    await api.call('connect', { profileId: profile.id });
    await within(smsc.bound, 10_000, 'the console did not bind to the burst SMSC within 10 s');

    // Loaded by name at run time: the main build bundles devDependencies, and Playwright finds its own files
    // relative to itself, which a bundled copy cannot.
    const { chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('region', { name: 'Trace' }).waitFor();
    await instrument(page);

    // BENCH_BURST_PROFILE=<file>: the page's CPU profile over the burst (open it in Chrome's DevTools), to find
    // what the long tasks are.
    const profileTo = process.env.BENCH_BURST_PROFILE;
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const started = performance.now();
    const burst = smsc.burst(RATE, SECONDS);
    await readOlderRows(page);
    const samples: Sample[] = [];
    // Half a period in, so no sample falls on the end of the burst, and a short burst still gets one.
    for (let at = SAMPLE_EVERY_MS / 2; at < SECONDS * 1000 + AFTER_MS; at += SAMPLE_EVERY_MS) {
      await sleep(started + at - performance.now());
      const phase = performance.now() - started < SECONDS * 1000 ? 'during' : 'after';
      samples.push({ phase, rssMb: procStatusMb(host.process.pid!, 'VmRSS'), ...(await timeNewProfile(page)) });
    }
    const counts = await burst;
    if (cdp && profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const peakRssMb = procStatusMb(host.process.pid!, 'VmHWM');
    const { tasks, actions } = await page.evaluate(() => {
      const bench = window as unknown as BenchWindow;
      return { tasks: bench.benchLongTasks, actions: bench.benchActions };
    });
    // A long task that overlaps the measured action is the action's own (opening a modal dialog makes the whole page
    // inert: a style pass over all of it); the rest are what the streaming cost.
    const inAction = (task: { start: number; duration: number }) => actions.some(([from, to]) => task.start < to && task.start + task.duration > from);
    const longTasks = tasks.filter((task) => !inAction(task)).map((task) => task.duration);
    const actionTasks = tasks.filter(inAction).map((task) => task.duration);
    const phase = (name: Sample['phase']) => samples.filter((sample) => sample.phase === name);
    const ui = (name: Sample['phase'], pick: (sample: Sample) => number) => phase(name).map(pick);

    const figures = [
      { name: 'deliver_sm sent', value: counts.sent, unit: 'deliver_sm', target: `${counts.target.toLocaleString('en')} (the schedule)` },
      { name: 'deliver_sm answered ESME_ROK', value: counts.answeredOk, unit: 'deliver_sm', target: 'every one sent' },
      { name: 'deliver_sm answered with another status', value: counts.answeredOther, unit: 'deliver_sm', target: '0' },
      { name: 'deliver_sm unanswered 10 s after the last send', value: counts.unanswered, unit: 'deliver_sm', target: '0' },
      { name: 'MO achieved', value: Math.round(counts.achievedRate), unit: 'MO/s', target: `${RATE}` },
      { name: 'furthest behind the schedule (window of 200 full)', value: Math.round(counts.maxBehindMs), unit: 'ms', target: '0' },
      { name: 'host RSS, peak (VmHWM)', value: peakRssMb, unit: 'MB', target: '< 400 MB' },
      { name: 'host RSS, max of the 5 s samples', value: Math.max(...samples.map((sample) => sample.rssMb)), unit: 'MB', target: '< 400 MB' },
      { name: 'New profile → dialog shown, during the burst, max', value: max(ui('during', (s) => s.uiMs)), unit: 'ms', target: '< 300 ms' },
      { name: 'New profile → dialog shown, during the burst, p50', value: median(ui('during', (s) => s.uiMs)), unit: 'ms', target: '< 300 ms' },
      { name: 'New profile → dialog shown, after the burst, max', value: max(ui('after', (s) => s.uiMs)), unit: 'ms', target: '< 300 ms' },
      { name: 'New profile → dialog shown, after the burst, p50', value: median(ui('after', (s) => s.uiMs)), unit: 'ms', target: '< 300 ms' },
      { name: 'the same as Playwright sees it, during the burst, max', value: max(ui('during', (s) => s.uiWallMs)), unit: 'ms', target: 'none: its own round trips wait on the page too' },
      { name: 'long tasks over 100 ms in the page (outside the measured action)', value: longTasks.filter((ms) => ms > 100).length, unit: 'tasks', target: '0' },
      { name: 'longest long task in the page (outside the measured action)', value: max(longTasks), unit: 'ms', target: '≤ 100 ms' },
      { name: 'longest long task of the measured action (opening the dialog)', value: max(actionTasks), unit: 'ms', target: 'none: the action measured above' },
    ];
    for (const figure of figures) {
      if (json) console.log(JSON.stringify({ ...figure, rate: RATE, seconds: SECONDS }));
      else console.log(`burst ${RATE}/s × ${SECONDS} s: ${figure.name}: ${figure.value.toLocaleString('en')} ${figure.unit} (target ${figure.target})`);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => console.error(`bench: cleaning up after the burst: ${String(error)}`));
    }
  }
}

/** The token URL answers 303 with the cookie; the WebSocket needs that cookie and our Origin (request-guard.ts). */
async function openApi(url: string): Promise<HostApi> {
  const cookie = await new Promise<string>((resolve, reject) => {
    httpGet(url, (response) => {
      response.resume();
      const set = response.headers['set-cookie']?.[0];
      if (response.statusCode === 303 && set) resolve(set.split(';')[0]!);
      else reject(new Error(`the token URL answered ${response.statusCode} without a cookie`));
    }).on('error', reject);
  });
  const { host, origin } = new URL(url);
  const ws = new WebSocket(`ws://${host}${WS_PATH}`, { headers: { cookie, origin } });
  const waiting = new Map<number, { resolve: (result: CallResult) => void; reject: (error: Error) => void }>();
  const send = (frame: WsClientFrame) => ws.send(JSON.stringify(frame));
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as WsServerFrame;
    // Unacknowledged, the host would stop sending to us, and hold the burst's events for us meanwhile.
    if (frame.kind === 'events') return send({ kind: 'ack', seq: frame.seq });
    waiting.get(frame.id)?.resolve(frame.result);
    waiting.delete(frame.id);
  });
  ws.on('close', () => {
    for (const call of waiting.values()) call.reject(new Error('the WebSocket to the browser host closed'));
    waiting.clear();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let lastId = 0;
  return {
    async call(method, payload) {
      const id = (lastId += 1);
      const result = await new Promise<CallResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        send({ kind: 'call', id, method, payload });
      });
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as ConsoleMethods[typeof method]['response'];
    },
    close: () => ws.close(),
  };
}

/**
 * Long tasks from now on, and the time of each press and of the frame that first shows an open dialog: the
 * input's own timestamp counts the wait behind a busy main thread, which is what the user feels. Playwright's
 * click takes several round trips to the page before it presses (visible, stable, hit target), each of them
 * queued behind the same busy thread, so its wall time says more about the automation than about the user.
 */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = window as unknown as BenchWindow;
    bench.benchLongTasks = [];
    bench.benchActions = [];
    bench.benchPressedAt = null;
    bench.benchShownAt = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    document.addEventListener('pointerdown', (event) => {
      bench.benchPressedAt = event.timeStamp;
      bench.benchShownAt = null;
    }, true);
    new MutationObserver(() => {
      if (bench.benchPressedAt === null || bench.benchShownAt !== null || !document.querySelector('dialog[open]')) return;
      // A task queued from the frame's rAF runs after that frame's style, layout and paint: the dialog is drawn.
      requestAnimationFrame(() => setTimeout(() => (bench.benchShownAt ??= performance.now())));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  });
}

/** Once there is something to scroll, wheel up a little: the user reads older rows, the tail is not followed. */
async function readOlderRows(page: Page): Promise<void> {
  const trace = page.getByRole('region', { name: 'Trace' });
  const grid = trace.getByRole('grid', { name: 'PDU trace' });
  // A few screens of rows, so "up a little" stays inside the list (bounded: a burst that never comes ends it).
  await grid.evaluate((element) => new Promise<void>((resolve) => {
    const givesUpAt = performance.now() + 20_000;
    const check = () => (element.scrollHeight > element.clientHeight * 3 || performance.now() > givesUpAt ? resolve() : setTimeout(check, 100));
    check();
  }));
  await grid.hover();
  // Under load the list may snap back to the tail before it hears of the wheel: a user would wheel again.
  const notFollowing = trace.getByRole('button', { name: 'Follow', exact: true, pressed: false });
  for (let tries = 1; tries <= 5; tries += 1) {
    await page.mouse.wheel(0, -400);
    if (await notFollowing.waitFor({ timeout: 1_000 }).then(() => true, () => false)) {
      if (tries > 1) console.error(`bench: it took ${tries} turns of the wheel to stop the trace following its tail`);
      return;
    }
  }
  console.error('bench: 5 turns of the wheel did not stop the trace following its tail; switching Follow off with its button');
  await trace.getByRole('button', { name: 'Follow', exact: true }).click();
}

async function timeNewProfile(page: Page): Promise<{ uiMs: number; uiWallMs: number }> {
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  const begun = performance.now();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New profile', exact: true }).click();
  await dialog.waitFor({ state: 'visible' });
  const uiWallMs = performance.now() - begun;
  const shown = await page.waitForFunction(() => {
    const bench = window as unknown as BenchWindow;
    return bench.benchShownAt !== null && bench.benchPressedAt !== null && { ms: bench.benchShownAt - bench.benchPressedAt };
  });
  const { ms } = (await shown.jsonValue()) as { ms: number };
  // The native <dialog> closes on Escape (Modal.tsx); Cancel is the editor's own way out if it did not.
  await page.keyboard.press('Escape');
  const closed = await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
  if (!closed) {
    console.error('bench: Escape did not close the New profile dialog; closing it with Cancel');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.evaluate(() => {
    const bench = window as unknown as BenchWindow;
    if (bench.benchPressedAt !== null) bench.benchActions.push([bench.benchPressedAt, performance.now()]);
  });
  return { uiMs: Math.round(ms), uiWallMs: Math.round(uiWallMs) };
}

/** A line of /proc/PID/status in MB (VmRSS now, VmHWM the peak so far). */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Math.round(Number(kb) / 1024);
}

async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const max = (values: number[]) => (values.length === 0 ? Number.NaN : Math.round(Math.max(...values)));

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN);
