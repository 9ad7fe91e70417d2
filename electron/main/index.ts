// The Electron shell, kept thin: window, security, secrets via safeStorage, and the contract's handlers over
// two IPC channels. Everything else is electron/core, shared with the browser host through createServices.
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { IPC_ACK, IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';
import { createServices, type Services } from '../core/services';
import { secureDataFolder } from '../core/store/data-folder';
import { traceStoreWorkerUrl } from '../core/trace/store/worker-url';
import { APP_URL, registerAppScheme, serveAppScheme } from './app-protocol';
import { SafeStorageSecrets } from './safe-storage-secrets';
import { isTrustedSender, lockDownApp, lockDownSession, lockDownWindow } from './window-security';

// SMPP_CONSOLE_DATA_DIR gives tests a fresh data folder per run.
if (process.env.SMPP_CONSOLE_DATA_DIR) app.setPath('userData', process.env.SMPP_CONSOLE_DATA_DIR);
registerAppScheme();
lockDownApp();

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  // userData also holds Chromium's own files (cookies, caches): all of it is this app's, so it is made private whole.
  secureDataFolder(userData, { wholeFolderIsOurs: true });
  const services: Services = await createServices({
    dataDir: userData,
    secrets: new SafeStorageSecrets(userData),
    simulator: { host: '127.0.0.1', port: Number(process.env.SMPP_CONSOLE_SIM_PORT ?? 2775) },
    traceStoreWorker: traceStoreWorkerUrl(new URL('./trace-store-worker.js', import.meta.url)),
  });
  serveAppScheme(join(import.meta.dirname, '../renderer'), (error, where) => services.diagnostics.report(error, { where }));
  // electron-vite's dev server, when developing; the packaged renderer on the app scheme otherwise.
  const appUrl = process.env.ELECTRON_RENDERER_URL ?? APP_URL;
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'SMPP Console',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  lockDownSession(window.webContents.session);
  lockDownWindow(window, appUrl);

  ipcMain.handle(IPC_CALL, (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event, appUrl)) {
      services.diagnostics.info(`refused an IPC call from ${event.senderFrame?.url ?? 'a frame that is gone'}`, { where: 'IPC' });
      return { ok: false, error: { message: 'refused: unexpected sender frame' } };
    }
    return services.call(method, payload);
  });
  // Events go out coalesced per tick, and the next frame waits for the renderer's acknowledgement.
  const events = services.pipeline.attach({ send: (frame) => window.isDestroyed() || window.webContents.send(IPC_EVENT, frame) });
  ipcMain.on(IPC_ACK, (event, seq: unknown) => {
    if (isTrustedSender(event, appUrl) && typeof seq === 'number') events.ack(seq);
  });
  window.on('closed', () => events.detach());
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
  await window.loadURL(appUrl);
}

start().catch((error: Error) => {
  console.error(`smpp-console: ${error.stack ?? error.message}`);
  app.exit(1);
});
