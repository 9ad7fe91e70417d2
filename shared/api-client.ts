// Builds the renderer's ConsoleApi from any transport, from the contract's own name lists, so the Electron and
// browser transports cannot drift from the contract or from each other. A frame's events are handed to their
// listeners in the frame's order of kinds; the transport acknowledges the frame after this returns.
import {
  consoleEventNames,
  consoleMethodNames,
  type ConsoleApi,
  type ConsoleEventName,
  type ConsoleEvents,
  type ConsoleTransport,
} from './contract';

export function createConsoleApi(transport: ConsoleTransport): ConsoleApi {
  const listeners = new Map<ConsoleEventName, Set<(payload: never) => void>>();
  transport.subscribe((frame) => {
    for (const event of consoleEventNames) {
      const payload = frame.events[event];
      if (payload === undefined) continue;
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    }
  });
  const methods = Object.fromEntries(
    consoleMethodNames.map((name) => [name, (request?: unknown) => transport.call(name, request ?? null)]),
  );
  const on = <E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => void set.delete(listener as (payload: never) => void);
  };
  return { ...methods, on } as ConsoleApi;
}
