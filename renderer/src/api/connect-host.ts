// Picks the transport for where the renderer runs: the Electron preload's bridge when it is there, else the
// browser host's WebSocket on the page's own origin. Everything above this file sees only a ConsoleApi.
import { BRIDGE_GLOBAL, WS_PATH, type ConsoleApi, type ConsoleTransport } from '../../../shared/contract';
import { createConsoleApi } from '../../../shared/api-client';
import { createWsTransport } from './ws-transport';

export interface HostConnection {
  api: ConsoleApi;
  /** Fires when the link to the host is gone for good (never, under Electron: the bridge lives with the page). */
  onLost(listener: () => void): () => void;
}

export function connectHost(): HostConnection {
  const bridge = findBridge();
  if (bridge !== null) return { api: createConsoleApi(bridge), onLost: () => () => {} };
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWsTransport(`${scheme}://${location.host}${WS_PATH}`);
  return { api: createConsoleApi(transport), onLost: (listener) => transport.onClose(listener) };
}

function findBridge(): ConsoleTransport | null {
  const candidate: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { call, subscribe } = candidate as Partial<ConsoleTransport>;
  return typeof call === 'function' && typeof subscribe === 'function' ? (candidate as ConsoleTransport) : null;
}
