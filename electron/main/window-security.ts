// The Electron security checklist, applied in one place: every renderer sandboxed, no permissions (but writing to
// the clipboard on a click), no navigation
// away from the app, no new windows (allowlisted https links open in the system browser), no <webview>, and IPC
// only from our own top frame showing our own page.
import { app, shell, type BrowserWindow, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';

const EXTERNAL_LINKS = /^https:\/\/(github\.com|opensmpp\.org)\//;

/** Before the app is ready: sandbox every renderer, and guard every web contents as it is created. */
export function lockDownApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

/**
 * The one permission granted: writing text to the clipboard on a click (Copy hex, Copy as text). Chromium sanitizes
 * it and asks for it only with a user gesture; reading the clipboard stays refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => GRANTED_PERMISSIONS.has(permission));
}

export function lockDownWindow(window: BrowserWindow, appUrl: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!sameDocument(url, appUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayHome);
  window.webContents.on('will-redirect', stayHome);
}

function guardContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_LINKS.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** True when an IPC message comes from the main frame of one of our windows, showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && sameDocument(frame.url, appUrl);
}

function sameDocument(url: string, appUrl: string): boolean {
  return url.split(/[?#]/)[0] === appUrl.split(/[?#]/)[0];
}
