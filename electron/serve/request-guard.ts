// Who may talk to the browser host, beyond holding the token.
// - Host: only the names this host is reached by (127.0.0.1:PORT, localhost:PORT, or the address it was told to
//   listen on), so a DNS-rebinding page whose name now points at 127.0.0.1 is refused.
// - The cookie alone is not enough: browsers send it to every service on 127.0.0.1 (cookies ignore ports), so a
//   request must also show it comes from the console's own page — an Origin equal to ours, or Fetch metadata
//   saying same-origin — or be a navigation the user made (typed, bookmarked, reloaded: Sec-Fetch-Site none).
//   A page on another local port is "same-site" to us, never "same-origin", so it is refused; a bare replay
//   without these headers is refused too.
import type { IncomingMessage } from 'node:http';

export function allowedHosts(listenHost: string, port: number): Set<string> {
  const bracketed = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${bracketed}:${port}`].map((h) => h.toLowerCase()));
}

export function hostAllowed(request: IncomingMessage, allowed: Set<string>): boolean {
  const host = request.headers.host;
  return typeof host === 'string' && allowed.has(host.toLowerCase());
}

/** The request was made by our own page, or is a navigation the user made to it. */
export function fromOwnPage(request: IncomingMessage, ownOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === ownOrigin;
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  return site === 'none' && request.headers['sec-fetch-mode'] === 'navigate';
}

/** A WebSocket handshake from a browser always carries Origin: it must be ours. */
export function upgradeFromOwnPage(request: IncomingMessage, ownOrigin: string): boolean {
  return request.headers.origin === ownOrigin;
}
