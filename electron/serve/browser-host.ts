// The browser host: the same services as the Electron shell, served over http + WebSocket on 127.0.0.1, for
// machines without Electron, jump hosts and the end-to-end tests. Every http and ws request needs the per-run
// token (from the printed URL, then an HttpOnly SameSite=Strict cookie), a Host header naming this host, and —
// with the cookie — proof that it comes from the console's own page (request-guard.ts): another site or another
// local service that received the cookie cannot drive the console.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH, type WsClientFrame, type WsServerFrame } from '../../shared/contract';
import type { Services } from '../core/services';
import { allowedHosts, fromOwnPage, hostAllowed, upgradeFromOwnPage } from './request-guard';
import { serveStatic } from './static-files';

/** Cookies are not port-specific: two hosts on 127.0.0.1 need two cookie names. */
const cookieName = (port: number) => `smpp_console_token_${port}`;

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: { services: Services; host: string; port: number; rendererDir: string }): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let cookie = cookieName(options.port);
  // Set once listening (port 0 picks one): until then no request can arrive.
  let hosts = new Set<string>();
  const ownOrigin = (request: IncomingMessage) => `http://${request.headers.host}`;
  // Nothing a client sends may take the host down: a malformed target is a 400, never an exception.
  const server: Server = createServer((request, response) => {
    if (!hostAllowed(request, hosts)) return answer(response, 421, `Misdirected request: Host must be one of ${[...hosts].join(', ')}\n`);
    const url = parseTarget(request.url);
    if (!url) return answer(response, 400, 'Bad request target\n');
    if (url.searchParams.get('token') !== null) {
      if (!sameToken(url.searchParams.get('token')!, token)) return refuse(response);
      response.writeHead(303, { location: '/', 'set-cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/` });
      return void response.end();
    }
    if (!sameToken(cookieToken(request, cookie) ?? '', token)) return refuse(response);
    if (!fromOwnPage(request, ownOrigin(request))) return refuseForeign(response);
    serveStatic(options.rendererDir, url.pathname, response).catch((error: unknown) => {
      options.services.diagnostics.report(error, { where: `serving ${url.pathname}` });
      answer(response, 500, 'Internal error\n');
    });
  });

  server.on('upgrade', (request, socket, head) => {
    const url = parseTarget(request.url);
    const allowed =
      hostAllowed(request, hosts) && url?.pathname === WS_PATH && sameToken(cookieToken(request, cookie) ?? '', token) && upgradeFromOwnPage(request, ownOrigin(request));
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveClient(ws, options.services));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  cookie = cookieName(port);
  hosts = allowedHosts(options.host, port);
  return {
    url: `http://${options.host}:${port}/?token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A WebSocket's own buffer past this means the browser is not reading: the pipeline waits (backpressure). */
const BACKED_UP_BYTES = 1024 * 1024;

function serveClient(ws: WebSocket, services: Services): void {
  const events = services.pipeline.attach({
    send: (frame) => ws.send(JSON.stringify({ kind: 'events', ...frame } satisfies WsServerFrame)),
    writable: () => ws.readyState === ws.OPEN && ws.bufferedAmount < BACKED_UP_BYTES,
  });
  ws.on('close', () => events.detach());
  // An oversized or broken frame closes this client's socket (ws does that); it must not reach the process.
  ws.on('error', () => ws.terminate());
  ws.on('message', (data) => {
    let frame: WsClientFrame;
    try {
      frame = JSON.parse(String(data)) as WsClientFrame;
    } catch {
      return; // not JSON: nothing to answer to, and nothing of ours failed
    }
    if (frame?.kind === 'ack' && typeof frame.seq === 'number') return events.ack(frame.seq);
    if (frame?.kind !== 'call' || typeof frame.id !== 'number') return;
    void services.call(frame.method, frame.payload).then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'result', id: frame.id, result } satisfies WsServerFrame));
    });
  });
}

function cookieToken(request: IncomingMessage, cookie: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === cookie && value) return value;
  }
  return null;
}

function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://host');
  } catch {
    return null;
  }
}

function answer(response: import('node:http').ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseForeign(response: import('node:http').ServerResponse): void {
  answer(response, 403, 'Forbidden: this request did not come from the console’s own page (no matching Origin, and no Sec-Fetch-Site: same-origin).\n');
}

function refuse(response: import('node:http').ServerResponse): void {
  answer(response, 403, 'Forbidden: open the console with the URL it printed at start (it carries this run’s token).\n');
}
