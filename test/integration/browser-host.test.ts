// The browser host survives what a client sends (malformed targets, bad escapes, oversized WebSocket frames) and
// talks only to the console's own page: the token cookie replayed without Origin, from another origin, or to a
// Host that is not this host is refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createServices, type Services } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { startBrowserHost, type BrowserHost } from '../../electron/serve/browser-host';

let dir: string;
let services: Services;
let host: BrowserHost;
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smpp-console-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  services = await createServices({ dataDir: join(dir, 'data'), secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0 } });
  host = await startBrowserHost({ services, host: '127.0.0.1', port: 0, rendererDir: dir });
  const login = await fetch(host.url, { redirect: 'manual' });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const origin = () => new URL(host.url).origin;
const port = () => Number(new URL(host.url).port);

/** As the console's own page sends it (a same-origin fetch), unless headers say otherwise. */
const own = (headers: Record<string, string> = {}) => ({ cookie, 'sec-fetch-site': 'same-origin', ...headers });

function status(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(`${origin()}/`, { headers }, (response) => (response.resume(), resolve(response.statusCode ?? 0))).on('error', reject);
  });
}

function rawRequest(target: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nCookie: ${cookie}\r\nSec-Fetch-Site: same-origin\r\n\r\n`),
    );
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      socket.end();
    });
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(reply));
  });
}

describe('the browser host under hostile input', () => {
  it('names its cookie by port and serves with it', async () => {
    expect(cookie).toMatch(new RegExp(`^smpp_console_token_${port()}=`));
    expect((await fetch(`${origin()}/`, { headers: own() })).status).toBe(200);
  });

  it('answers a malformed request target with 400 and keeps serving', async () => {
    expect(await rawRequest('http://[')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest('/%E0%A4%A')).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(`${origin()}/`, { headers: own() })).status).toBe(200);
  });

  it('refuses the cookie replayed without Origin or same-origin Fetch metadata, and from another local port', async () => {
    const replay = await fetch(`${origin()}/`, { headers: { cookie } });
    expect(replay.status).toBe(403);
    expect(await replay.text()).toMatch(/did not come from the console’s own page/);
    // a page served by another service on 127.0.0.1 is same-site (cookies go there) but not same-origin
    expect((await fetch(`${origin()}/`, { headers: own({ 'sec-fetch-site': 'same-site' }) })).status).toBe(403);
    expect((await fetch(`${origin()}/`, { headers: own({ origin: 'http://127.0.0.1:8080' }) })).status).toBe(403);
    // what the console's own page and the user's own navigations send
    expect((await fetch(`${origin()}/`, { headers: { cookie, origin: origin() } })).status).toBe(200);
    // (fetch sets its own Sec-Fetch-Mode, so a navigation's headers go out through node:http)
    expect(await status({ cookie, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).toBe(200);
    expect(await status({ cookie, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'no-cors' })).toBe(403);
  });

  it('refuses a WebSocket without our Origin, even with the cookie', async () => {
    const url = `${origin().replace('http', 'ws')}/api`;
    const outcome = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.once('open', () => (ws.close(), resolve('open')));
        ws.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
        ws.once('error', (error) => resolve(error.message));
      });
    expect(await outcome({ cookie })).toBe('403');
    expect(await outcome({ cookie, origin: 'http://127.0.0.1:8080' })).toBe('403');
    expect(await outcome({ cookie, origin: origin() })).toBe('open');
  });

  it('answers only to its own Host names (DNS rebinding)', async () => {
    const hostHeader = (name: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port(), '127.0.0.1', () =>
          socket.write(`GET / HTTP/1.1\r\nHost: ${name}\r\nCookie: ${cookie}\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n`),
        );
        let reply = '';
        socket.on('data', (chunk) => (reply += chunk.toString()));
        socket.on('close', () => resolve(reply.split('\r\n')[0]!));
      });
    expect(await hostHeader('attacker.example:' + port())).toBe('HTTP/1.1 421 Misdirected Request');
    expect(await hostHeader('127.0.0.1:1')).toBe('HTTP/1.1 421 Misdirected Request');
    expect(await hostHeader(`localhost:${port()}`)).toBe('HTTP/1.1 200 OK');
    expect(await hostHeader(`127.0.0.1:${port()}`)).toBe('HTTP/1.1 200 OK');
  });

  it('drops a client that sends an oversized frame, and no one else', async () => {
    const open = (ws: WebSocket) => new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const headers = { cookie, origin: origin() };
    const greedy = new WebSocket(`${origin().replace('http', 'ws')}/api`, { headers });
    await open(greedy);
    const closed = new Promise((resolve) => greedy.once('close', resolve));
    greedy.send('x'.repeat(2 * 1024 * 1024));
    await closed;
    const polite = new WebSocket(`${origin().replace('http', 'ws')}/api`, { headers });
    await open(polite);
    const reply = new Promise<string>((resolve) => polite.once('message', (data) => resolve(String(data))));
    polite.send(JSON.stringify({ kind: 'call', id: 1, method: 'listProfiles', payload: null }));
    expect(JSON.parse(await reply)).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
    polite.close();
  });
});
