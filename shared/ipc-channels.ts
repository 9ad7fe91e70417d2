// The IPC channels the Electron transport uses; every method and event travels inside them by name.
export const IPC_CALL = 'smpp-console:call';
/** main → renderer: one EventFrame. */
export const IPC_EVENT = 'smpp-console:event';
/** renderer → main: the seq of the frame it has handled (the pipeline's backpressure). */
export const IPC_ACK = 'smpp-console:ack';
