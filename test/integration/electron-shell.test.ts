// The Electron shell's hardening, proven on the built shell (out/main/index.js, out/preload/index.cjs) with a
// stand-in for the `electron` module — no Electron binary can be downloaded here. Everything behind the shell is
// real: services, database, simulator. What this checks is what the shell asks of Electron: the window's
// webPreferences, IPC refused from unexpected frames, navigation and window.open blocked, permissions denied, the
// app scheme serving the renderer with its CSP, a private userData, and a preload exposing only call and subscribe.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_ACK, IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';
import type { CallResult, EventFrame, ProfileView } from '../../shared/contract';
import { createElectronStandIn, useStandIn, type ElectronStandIn } from '../support/electron-stand-in';
import { waitFor } from '../support/simulator-fixture';

vi.mock('electron', async () => (await import('../support/electron-stand-in')).activeStandIn().module);

const OUT = resolvePath(import.meta.dirname, '../../out');
const built = existsSync(join(OUT, 'main/index.js')) && existsSync(join(OUT, 'preload/index.cjs'));
if (!built) throw new Error(`the built shell is missing under ${OUT}: run \`npm run build\` first (npm test does)`);

describe('the Electron main process', () => {
  let stand: ElectronStandIn;
  let userData: string;
  const APP_URL = 'smpp-console://app/index.html';
  const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });
  const call = (event: object, method: string, payload: unknown = null) =>
    stand.ipcHandlers.get(IPC_CALL)!(event as never, method as never, payload as never) as Promise<CallResult>;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'smpp-console-electron-shell-'));
    chmodSync(userData, 0o755); // as a first run might find it
    process.env.SMPP_CONSOLE_SIM_PORT = '0';
    stand = createElectronStandIn({ userData });
    useStandIn(stand);
    await import(pathToFileURL(join(OUT, 'main/index.js')).href);
    await waitFor(() => stand.windows[0]?.loadedUrl, 10_000);
  });
  afterAll(async () => {
    stand.appEvents.emit('window-all-closed');
    await waitFor(() => stand.quitCalled);
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens one window with context isolation, sandbox, no Node, web security, no webview, on the app scheme', () => {
    expect(stand.windows).toHaveLength(1);
    const prefs = stand.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false,
    });
    expect(String(prefs.preload)).toBe(join(OUT, 'preload/index.cjs'));
    expect(stand.windows[0]!.loadedUrl).toBe(APP_URL);
    expect(stand.sandboxEnabled).toBe(true);
    expect(stand.privilegedSchemes).toEqual([{ scheme: 'smpp-console', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('answers IPC from its own top frame, and refuses other pages, subframes and frames that are gone', async () => {
    const own = await call(frame(APP_URL), 'listProfiles');
    expect(own.ok && (own.value as ProfileView[]).map((p) => p.name)).toEqual(['Local simulator']);
    const refused = { ok: false, error: { message: 'refused: unexpected sender frame' } };
    expect(await call(frame('https://evil.example/index.html'), 'listProfiles')).toEqual(refused);
    expect(await call(frame('file:///tmp/index.html'), 'listProfiles')).toEqual(refused);
    expect(await call(frame(APP_URL, { url: APP_URL }), 'listProfiles')).toEqual(refused);
    expect(await call({ senderFrame: null }, 'listProfiles')).toEqual(refused);
    // and its payloads are validated like any other call
    expect(await call(frame(APP_URL), 'connect', { profileId: 7 })).toMatchObject({ ok: false, error: { field: 'profileId' } });
  });

  it('sends the core’s events as coalesced frames, and the next only once the renderer acknowledged', async () => {
    const sent = stand.windows[0]!.webContents.sent;
    const frames = () => sent.filter(([channel]) => channel === IPC_EVENT).map(([, f]) => f as EventFrame);
    const ack = stand.ipcListeners.get(IPC_ACK)!;
    // whatever was sent at start-up is acknowledged first, as the renderer would
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (frames().length > 0) ack(frame(APP_URL) as never, frames().at(-1)!.seq as never);
    const profiles = (await call(frame(APP_URL), 'listProfiles')) as { ok: true; value: ProfileView[] };
    const before = frames().length;
    await call(frame(APP_URL), 'duplicateProfile', { id: profiles.value[0]!.id });
    const first = await waitFor(() => frames()[before]);
    expect(first.events.profiles?.map((p) => p.name)).toEqual(['Local simulator', 'Local simulator (copy)']);
    // a second change goes out as the second unacknowledged frame; after that the pipeline waits (window of 2)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
    await call(frame(APP_URL), 'duplicateProfile', { id: profiles.value[0]!.id });
    await waitFor(() => frames()[before + 1]);
    for (let i = 0; i < 3; i += 1) {
      await call(frame(APP_URL), 'duplicateProfile', { id: profiles.value[0]!.id });
      await pause();
    }
    const waiting = frames().length;
    expect(waiting - before).toBe(2);
    // an acknowledgement from a foreign frame does not count; the app's own does
    ack({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, frames().at(-1)!.seq as never);
    await pause();
    expect(frames().length).toBe(waiting);
    ack(frame(APP_URL) as never, frames().at(-1)!.seq as never);
    const latest = await waitFor(() => frames()[waiting]);
    expect(latest.events.profiles).toHaveLength(6); // the changes that waited, coalesced into the latest list
  });

  it('blocks navigation and redirects away from the app, and every window.open', () => {
    const contents = stand.windows[0]!.webContents;
    const prevented = (event: string, ...args: unknown[]) => {
      let stopped = false;
      contents.emit(event, { preventDefault: () => (stopped = true) }, ...args);
      return stopped;
    };
    for (const event of ['will-navigate', 'will-redirect']) {
      expect([event, prevented(event, 'https://evil.example/')]).toEqual([event, true]);
      expect([event, prevented(event, APP_URL)]).toEqual([event, false]);
    }
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://github.com/smpp-console' })).toEqual({ action: 'deny' });
    expect(stand.openedExternally).toEqual(['https://github.com/smpp-console']);
  });

  it('denies every permission but a sanitized clipboard write on a click', () => {
    const session = stand.windows[0]!.webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const granted: boolean[] = [];
      session.permissionRequest!(null, permission, (answer) => granted.push(answer));
      expect(granted).toEqual([false]);
      expect(session.permissionCheck!(null, permission)).toBe(false);
    }
    const granted: boolean[] = [];
    session.permissionRequest!(null, 'clipboard-sanitized-write', (answer) => granted.push(answer));
    expect([granted, session.permissionCheck!(null, 'clipboard-sanitized-write')]).toEqual([[true], true]);
  });

  it('serves the renderer on the app scheme with the CSP header, and nothing outside it', async () => {
    const handler = stand.schemeHandlers.get('smpp-console')!;
    const page = await handler(new Request(APP_URL));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(await page.text()).toContain('http-equiv="Content-Security-Policy"');
    expect((await handler(new Request('smpp-console://app/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
    expect((await handler(new Request('smpp-console://other/index.html'))).status).toBe(404);
  });

  it('keeps userData private: the folder 0700, the database 0600', () => {
    expect(statSync(userData).mode & 0o777).toBe(0o700);
    expect(statSync(join(userData, 'smpp-console.sqlite')).mode & 0o777).toBe(0o600);
  });
});

describe('the preload', () => {
  it('exposes only call and subscribe, requires nothing but electron, and strips the IPC event', async () => {
    const stand = createElectronStandIn({});
    const required: string[] = [];
    const module = { exports: {} };
    const code = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8');
    runInNewContext(`(function (exports, require, module) {${code}\n})`, {})(module.exports, (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`the preload required ${name}`);
      return stand.module;
    }, module);
    expect(required).toEqual(['electron']);
    expect([...stand.exposed.keys()]).toEqual(['smppConsole']);
    const bridge = stand.exposed.get('smppConsole') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);

    stand.answer = (_channel, method) =>
      method === 'listProfiles' ? { ok: true, value: ['p'] } : { ok: false, error: { message: 'Port: 65535 at most', field: 'port' } };
    expect(await bridge.call!('listProfiles', null)).toEqual(['p']);
    expect(stand.invoked).toEqual([[IPC_CALL, 'listProfiles', null]]);
    await expect(bridge.call!('createProfile', {})).rejects.toMatchObject({ message: 'Port: 65535 at most', field: 'port' });

    const heard: unknown[][] = [];
    const unsubscribe = bridge.subscribe!((...args: unknown[]) => heard.push(args)) as () => void;
    const ipcEvent = { sender: 'the IpcRendererEvent, with its sender' };
    const sample: EventFrame = { seq: 7, events: { storeHealth: { state: 'ok', since: null, lastError: null, unsavedTraceRecords: 0, droppedTraceRecords: 0, deferredDeliveries: 0 } } };
    for (const listener of stand.rendererListeners.get(IPC_EVENT)!) listener(ipcEvent, sample);
    expect(heard).toEqual([[sample]]);
    // acknowledged after the page's listener ran
    expect(stand.sentToMain).toEqual([[IPC_ACK, 7]]);
    unsubscribe();
    expect(stand.rendererListeners.get(IPC_EVENT)!.size).toBe(0);
  });
});
