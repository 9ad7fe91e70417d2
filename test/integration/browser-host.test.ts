// The browser host survives what a client sends: malformed targets, bad escapes, oversized WebSocket frames.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function rawRequest(target: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`));
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
    expect((await fetch(`${origin()}/`, { headers: { cookie } })).status).toBe(200);
  });

  it('answers a malformed request target with 400 and keeps serving', async () => {
    expect(await rawRequest('http://[')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest('/%E0%A4%A')).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(`${origin()}/`, { headers: { cookie } })).status).toBe(200);
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
