// The Electron shell, kept thin: window, security, secrets via safeStorage, and the contract's handlers over
// two IPC channels. Everything else is electron/core, shared with the browser host through createServices.
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consoleEventNames } from '../../shared/contract';
import { IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';
import { createServices, type Services } from '../core/services';
import { SafeStorageSecrets } from './safe-storage-secrets';
import { isTrustedSender, lockDownSession, lockDownWindow } from './window-security';

// SMPP_CONSOLE_DATA_DIR gives tests a fresh data folder per run.
if (process.env.SMPP_CONSOLE_DATA_DIR) app.setPath('userData', process.env.SMPP_CONSOLE_DATA_DIR);

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const services: Services = await createServices({
    dataDir: userData,
    secrets: new SafeStorageSecrets(userData),
    simulator: { host: '127.0.0.1', port: Number(process.env.SMPP_CONSOLE_SIM_PORT ?? 2775) },
  });
  const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'SMPP Console',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  lockDownSession(window.webContents.session);
  lockDownWindow(window, appUrl);

  ipcMain.handle(IPC_CALL, (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event, appUrl)) return { ok: false, error: { message: 'refused: unexpected sender frame' } };
    return services.call(method, payload);
  });
  for (const name of consoleEventNames) {
    services.events.on(name, (payload: unknown) => {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, name, payload);
    });
  }
  await window.loadURL(appUrl);

  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
}

start().catch((error: Error) => {
  console.error(`smpp-console: ${error.message}`);
  app.exit(1);
});
