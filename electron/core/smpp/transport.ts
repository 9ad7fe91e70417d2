// The socket under a session: TCP or TLS to the SMSC, or — for outbind — the SMSC's own connection to a port we
// listen on. Errors say what to do: a certificate that fails verification names the toggle that accepts it.
import { readFileSync } from 'node:fs';
import { createServer, isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { TlsSettings } from '../../../shared/contract';

export interface ConnectOptions {
  host: string;
  port: number;
  tls?: TlsSettings;
  connectTimeoutMs: number;
  signal: AbortSignal;
}

export async function connectTransport(options: ConnectOptions): Promise<Socket> {
  const { host, port, tls } = options;
  const socket = tls?.enabled ? tlsConnect(tlsOptions(host, port, tls)) : netConnect({ host, port });
  const ready = tls?.enabled ? 'secureConnect' : 'connect';
  return new Promise<Socket>((resolve, reject) => {
    const fail = (message: string) => {
      cleanup();
      socket.destroy();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`no ${tls?.enabled ? 'TLS' : 'TCP'} connection to ${host}:${port} within ${options.connectTimeoutMs} ms`), options.connectTimeoutMs);
    const onAbort = () => fail('closed by the user before the connection was made');
    const onError = (error: NodeJS.ErrnoException) => fail(describeConnectError(host, port, error, tls?.enabled ?? false));
    const onReady = () => {
      cleanup();
      resolve(socket);
    };
    const cleanup = () => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.off(ready, onReady);
    };
    options.signal.addEventListener('abort', onAbort);
    socket.once('error', onError);
    socket.once(ready, onReady);
  });
}

function tlsOptions(host: string, port: number, tls: TlsSettings): ConnectionOptions {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`TLS ${what} file ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    host,
    port,
    ...(isIP(host) ? {} : { servername: host }),
    // Verification is on unless the profile explicitly accepts self-signed or untrusted certificates.
    rejectUnauthorized: !tls.acceptUntrusted,
    ...(tls.caFile ? { ca: read(tls.caFile, 'CA') } : {}),
    ...(tls.certFile ? { cert: read(tls.certFile, 'client certificate') } : {}),
    ...(tls.keyFile ? { key: read(tls.keyFile, 'client key') } : {}),
  };
}

const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME/;

function describeConnectError(host: string, port: number, error: NodeJS.ErrnoException, tls: boolean): string {
  if (tls && CERTIFICATE_ERRORS.test(error.code ?? '')) {
    return (
      `TLS: the certificate of ${host}:${port} is not trusted (${error.code}: ${error.message}). ` +
      'Give its CA file, or turn on "Accept self-signed or untrusted certificates" in the profile.'
    );
  }
  return `cannot connect to ${host}:${port}: ${error.message}`;
}

export interface OutbindListenOptions {
  port: number;
  /** Only the SMSC may connect: when the profile's host is an IP address, other peers are refused. */
  smscHost: string;
  signal: AbortSignal;
  onListening?: (port: number) => void;
}

/** Listens for the SMSC's outbind connection and resolves with the first acceptable socket. */
export async function acceptOutbind(options: OutbindListenOptions): Promise<Socket> {
  const server = createServer();
  const allowed = (address: string | undefined) =>
    isIP(options.smscHost) === 0 || address === options.smscHost || address === `::ffff:${options.smscHost}`;
  return new Promise<Socket>((resolve, reject) => {
    const stop = (error?: Error, socket?: Socket) => {
      options.signal.removeEventListener('abort', onAbort);
      server.close();
      if (socket) resolve(socket);
      else reject(error ?? new Error('outbind listener stopped'));
    };
    const onAbort = () => stop(new Error('closed by the user while waiting for an outbind'));
    options.signal.addEventListener('abort', onAbort);
    server.on('connection', (socket) => {
      if (!allowed(socket.remoteAddress)) return void socket.destroy();
      stop(undefined, socket);
    });
    server.once('error', (error) => stop(new Error(`cannot listen for outbind on port ${options.port}: ${error.message}`)));
    server.listen(options.port, () => options.onListening?.((server.address() as { port: number }).port));
  });
}
