// The sandboxed preload: exposes one ConsoleTransport under window.smppConsole — named operations only, never
// ipcRenderer itself. The event object is stripped before anything reaches the page, and a frame is acknowledged
// only after the page's listener has run: a renderer too busy to handle frames is sent no more (backpressure).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type CallResult, type ConsoleMethodName, type ConsoleTransport, type EventFrame } from '../../shared/contract';
import { IPC_ACK, IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';

const transport: ConsoleTransport = {
  async call(method: ConsoleMethodName, payload: unknown) {
    const result = (await ipcRenderer.invoke(IPC_CALL, method, payload)) as CallResult;
    if (result.ok) return result.value;
    throw Object.assign(new Error(result.error.message), result.error.field ? { field: result.error.field } : {});
  },
  subscribe(listener: (frame: EventFrame) => void) {
    const relay = (_event: IpcRendererEvent, frame: EventFrame) => {
      try {
        listener(frame);
      } finally {
        ipcRenderer.send(IPC_ACK, frame.seq);
      }
    };
    ipcRenderer.on(IPC_EVENT, relay);
    return () => void ipcRenderer.off(IPC_EVENT, relay);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, transport);
