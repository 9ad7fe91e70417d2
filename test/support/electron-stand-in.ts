// A stand-in for the `electron` module, for what cannot run here (no Electron binary can be downloaded): it
// records what the shell asks of Electron — the window's options, IPC handlers, navigation and window-open guards,
// permission handlers, the app scheme — so tests can drive them and read what the real shell did. Everything
// behind the shell is real: services, database, simulator.
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<[string, ...unknown[]]> = [];
  constructor(readonly session: StandInSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

export class StandInSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: StandInSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: StandInSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
}

export interface ElectronStandIn {
  module: Record<string, unknown>;
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; webContents: StandInWebContents; loadedUrl: string | null; emit(event: string): boolean }>;
  ipcHandlers: Map<string, Handler>;
  /** ipcMain.on listeners (fire-and-forget messages from the renderer: the event acknowledgements). */
  ipcListeners: Map<string, Handler>;
  /** What the preload sent with ipcRenderer.send. */
  sentToMain: Array<[string, ...unknown[]]>;
  appEvents: EventEmitter;
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  schemeHandlers: Map<string, (request: Request) => Promise<Response>>;
  openedExternally: string[];
  sandboxEnabled: boolean;
  /** The preload's side: what it exposed on window, and the IPC it did. */
  exposed: Map<string, unknown>;
  invoked: Array<[string, ...unknown[]]>;
  rendererListeners: Map<string, Set<(...args: unknown[]) => void>>;
  /** What ipcRenderer.invoke answers with (the main side's CallResult). */
  answer: (channel: string, ...args: unknown[]) => unknown;
  quitCalled: boolean;
}

let active: ElectronStandIn | null = null;

/** The stand-in vi.mock('electron') hands out: set it before the shell's module is imported. */
export function useStandIn(stand: ElectronStandIn): void {
  active = stand;
}
export function activeStandIn(): ElectronStandIn {
  if (!active) throw new Error('no electron stand-in is active: call useStandIn first');
  return active;
}

export function createElectronStandIn(paths: Record<string, string>): ElectronStandIn {
  const session = new StandInSession();
  const stand: ElectronStandIn = {
    module: {},
    windows: [],
    ipcHandlers: new Map(),
    ipcListeners: new Map(),
    sentToMain: [],
    appEvents: new EventEmitter(),
    privilegedSchemes: [],
    schemeHandlers: new Map(),
    openedExternally: [],
    sandboxEnabled: false,
    exposed: new Map(),
    invoked: [],
    rendererListeners: new Map(),
    answer: () => ({ ok: true, value: null }),
    quitCalled: false,
  };
  class BrowserWindow extends EventEmitter {
    readonly webContents = new StandInWebContents(session);
    loadedUrl: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      stand.windows.push(this);
      stand.appEvents.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
    }
    isDestroyed(): boolean {
      return false;
    }
  }
  const app = {
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => paths[name] ?? `/nonexistent/${name}`,
    setPath: (name: string, value: string) => void (paths[name] = value),
    on: (event: string, listener: (...args: unknown[]) => void) => stand.appEvents.on(event, listener),
    enableSandbox: () => void (stand.sandboxEnabled = true),
    quit: () => void (stand.quitCalled = true),
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`);
    },
  };
  stand.module = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => stand.ipcHandlers.set(channel, handler),
      on: (channel: string, listener: Handler) => stand.ipcListeners.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: ElectronStandIn['privilegedSchemes']) => stand.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => stand.schemeHandlers.set(scheme, handler),
    },
    shell: { openExternal: async (url: string) => void stand.openedExternally.push(url) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => stand.exposed.set(name, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        stand.invoked.push([channel, ...args]);
        return stand.answer(channel, ...args);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = stand.rendererListeners.get(channel) ?? new Set();
        stand.rendererListeners.set(channel, set.add(listener));
      },
      off: (channel: string, listener: (...args: unknown[]) => void) => void stand.rendererListeners.get(channel)?.delete(listener),
      send: (channel: string, ...args: unknown[]) => void stand.sentToMain.push([channel, ...args]),
    },
  };
  return stand;
}
