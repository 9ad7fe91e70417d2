// The browser host's transport: one WebSocket carrying WsClientFrame calls and WsServerFrame results/events.
// Auth rides on the cookie the host set when it served the page, so there is nothing to add here.
import type { ConsoleMethodName, ConsoleTransport, EventFrame, WsClientFrame, WsServerFrame } from '../../../shared/contract';
import { ConsoleCallError } from './call-error';

export const CONNECTION_LOST_MESSAGE = 'The connection to the console host was lost.';

type EventListener = (frame: EventFrame) => void;
interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface WsTransport extends ConsoleTransport {
  /** Called once when the socket closes; every pending and later call rejects from then on. */
  onClose(listener: () => void): () => void;
}

export function createWsTransport(url: string): WsTransport {
  const pending = new Map<number, PendingCall>();
  const eventListeners = new Set<EventListener>();
  const closeListeners = new Set<() => void>();
  // Calls made while the socket is still opening wait here, in order, and go out on 'open'.
  let queued: string[] = [];
  let closed = false;
  let nextId = 1;

  // Settles everything, once. 'error' is always followed by 'close', so 'close' alone calls this.
  const closeDown = () => {
    if (closed) return;
    closed = true;
    queued = [];
    for (const call of pending.values()) call.reject(new Error(CONNECTION_LOST_MESSAGE));
    pending.clear();
    for (const listener of closeListeners) listener();
  };

  const socket = openSocket(url);
  if (socket === null) {
    // Nothing to reach (a page not served by the host): report it the way a lost host is reported.
    queueMicrotask(closeDown);
  } else {
    socket.addEventListener('open', () => {
      for (const text of queued) socket.send(text);
      queued = [];
    });
    socket.addEventListener('message', (message) => {
      const frame = parseFrame(message.data);
      if (frame === null) return;
      if (frame.kind === 'events') {
        // Acknowledged only once handled: a page too busy to handle frames is sent no more (backpressure).
        try {
          for (const listener of eventListeners) listener({ seq: frame.seq, events: frame.events });
        } finally {
          socket.send(JSON.stringify({ kind: 'ack', seq: frame.seq } satisfies WsClientFrame));
        }
        return;
      }
      const call = pending.get(frame.id);
      if (call === undefined) return;
      pending.delete(frame.id);
      if (frame.result.ok) call.resolve(frame.result.value);
      else call.reject(new ConsoleCallError(frame.result.error));
    });
    socket.addEventListener('close', closeDown);
  }

  return {
    call(method: ConsoleMethodName, payload: unknown): Promise<unknown> {
      if (closed) return Promise.reject(new Error(CONNECTION_LOST_MESSAGE));
      const id = nextId++;
      const frame: WsClientFrame = { kind: 'call', id, method, payload };
      const text = JSON.stringify(frame);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket?.readyState === WebSocket.OPEN) socket.send(text);
        else queued.push(text);
      });
    },
    subscribe(listener: EventListener): () => void {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    },
    onClose(listener: () => void): () => void {
      if (closed) listener();
      else closeListeners.add(listener);
      return () => void closeListeners.delete(listener);
    },
  };
}

function openSocket(url: string): WebSocket | null {
  try {
    return new WebSocket(url);
  } catch (error) {
    console.error(`Cannot open the console host's WebSocket at ${url}`, error);
    return null;
  }
}

/** A frame the host sent, or null for anything else (logged: a bad frame must not take the console down). */
function parseFrame(data: unknown): WsServerFrame | null {
  if (typeof data === 'string') {
    try {
      const frame = JSON.parse(data) as Partial<WsServerFrame> | null;
      if (frame?.kind === 'events' && typeof frame.seq === 'number' && typeof frame.events === 'object') return frame as WsServerFrame;
      if (frame?.kind === 'result' && typeof frame.id === 'number' && typeof frame.result === 'object') {
        return frame as WsServerFrame;
      }
    } catch {
      // not JSON: fall through to the warning
    }
  }
  console.warn('Ignoring a frame from the console host that is not a WsServerFrame');
  return null;
}
