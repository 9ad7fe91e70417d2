// The sandboxed preload: exposes one ConsoleTransport under window.smppConsole — named operations only, never
// ipcRenderer itself. The event object is stripped before anything reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type CallResult, type ConsoleEventName, type ConsoleMethodName, type ConsoleTransport } from '../../shared/contract';
import { IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';

const transport: ConsoleTransport = {
  async call(method: ConsoleMethodName, payload: unknown) {
    const result = (await ipcRenderer.invoke(IPC_CALL, method, payload)) as CallResult;
    if (result.ok) return result.value;
    throw Object.assign(new Error(result.error.message), result.error.field ? { field: result.error.field } : {});
  },
  subscribe(listener: (event: ConsoleEventName, payload: unknown) => void) {
    const relay = (_event: IpcRendererEvent, name: ConsoleEventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => void ipcRenderer.off(IPC_EVENT, relay);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, transport);
