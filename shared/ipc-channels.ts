// The two IPC channels the Electron transport uses; every method and event travels inside them by name.
export const IPC_CALL = 'smpp-console:call';
export const IPC_EVENT = 'smpp-console:event';
