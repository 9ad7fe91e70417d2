// The Electron security checklist, applied in one place: no permissions, no navigation away from the app, no
// new windows (allowlisted https links open in the system browser), and IPC only from our own top frame.
import { shell, type BrowserWindow, type IpcMainInvokeEvent, type Session } from 'electron';

const EXTERNAL_LINKS = /^https:\/\/(github\.com|opensmpp\.org)\//;

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function lockDownWindow(window: BrowserWindow, appUrl: string): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_LINKS.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** True when an IPC message comes from the main frame of one of our windows, showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.split(/[?#]/)[0] === appUrl.split(/[?#]/)[0];
}
