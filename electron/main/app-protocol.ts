// The UI is loaded from the app's own scheme (smpp-console://app/…), not file://: a file:// page shares its
// origin with every local file, while this origin holds only the built renderer — served with the CSP header, from
// out/renderer and nowhere else (the same reader as the browser host's).
import { protocol } from 'electron';
import { readRendererFile } from '../serve/static-files';

export const APP_SCHEME = 'smpp-console';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the renderer on the app scheme; anything outside it is a 404. */
export function serveAppScheme(rendererDir: string, report: (error: unknown, where: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    try {
      const found = url.host === APP_HOST ? await readRendererFile(rendererDir, url.pathname) : null;
      if (!found) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      return new Response(new Uint8Array(found.body), { status: 200, headers: found.headers });
    } catch (error) {
      report(error, `serving ${url.pathname}`);
      return new Response('internal error', { status: 500 });
    }
  });
}
