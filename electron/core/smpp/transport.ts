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
  /** The address to listen on: never every interface, since whoever connects is sent the bind password. */
  listenAddress: string;
  /** The SMSC's own addresses: a connection from anywhere else is refused before a byte is read. */
  smscAddresses: readonly string[];
  signal: AbortSignal;
  onListening?: (port: number) => void;
  /** A connection refused (not from the SMSC, or failed `accept`): said in the trace, never silent. */
  onRefused: (why: string) => void;
  /**
   * Decides on a connection from the SMSC's address: resolves true to take it (its outbind checked out), false
   * to have it closed while listening goes on.
   */
  accept: (socket: Socket) => Promise<boolean>;
}

/** Listens for the SMSC's outbind connection and resolves with the first one `accept` takes. */
export async function acceptOutbind(options: OutbindListenOptions): Promise<Socket> {
  const server = createServer();
  const smsc = new Set(options.smscAddresses.map(plainAddress));
  return new Promise<Socket>((resolve, reject) => {
    let done = false;
    const stop = (error?: Error, socket?: Socket) => {
      if (done) return;
      done = true;
      options.signal.removeEventListener('abort', onAbort);
      server.close();
      if (socket) resolve(socket);
      else reject(error ?? new Error('outbind listener stopped'));
    };
    const onAbort = () => stop(new Error('closed by the user while waiting for an outbind'));
    options.signal.addEventListener('abort', onAbort);
    server.on('connection', (socket) => {
      const from = plainAddress(socket.remoteAddress ?? '');
      if (done || !smsc.has(from)) {
        if (!done) options.onRefused(`a connection from ${from}:${socket.remotePort ?? '?'} is not the SMSC (accepting ${[...smsc].join(', ')} only)`);
        socket.destroy();
        return;
      }
      options.accept(socket).then(
        (taken) => (taken && !done ? stop(undefined, socket) : socket.destroy()),
        (error: Error) => {
          options.onRefused(`checking the outbind from ${from} failed: ${error.message}`);
          socket.destroy();
        },
      );
    });
    server.once('error', (error) => stop(new Error(`cannot listen for outbind on ${options.listenAddress}:${options.port}: ${error.message}`)));
    server.listen(options.port, options.listenAddress, () => options.onListening?.((server.address() as { port: number }).port));
  });
}

/** An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; compare the plain form. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
