// The built renderer (out/renderer) as both shells serve it — the browser host over http, the Electron shell over
// its own app protocol: a strict CSP on every response, never a folder listing, never a file outside the root.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A renderer file with the headers it is served with, or null when the path names none (404). */
export async function readRendererFile(root: string, urlPath: string): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  let relative: string;
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null; // a malformed %-escape names no file of ours
  }
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const body = await readFile(file);
    return {
      body,
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    };
  } catch (error) {
    // A file that is not there (or is a folder) is a 404; anything else (EACCES, EIO) is ours, and is reported.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const found = await readRendererFile(root, urlPath);
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
    return;
  }
  response.writeHead(200, found.headers);
  response.end(found.body);
}
