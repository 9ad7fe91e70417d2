// Runs inside a serving process of its own (started by serving-process.ts through serving-process-boot.mjs): the
// console's services on a data folder, as the browser host builds them, driven over the child-process IPC channel
// with the contract's calls. It holds nothing a crash could lose that the store does not: the test may SIGKILL it.
import { createServices } from '../../electron/core/services';
import { BrowserHostSecretStore } from '../../electron/core/store/secret-store';

/** A call from the test, and its answer (the contract's CallResult, errors as data). */
export interface ServingCall {
  id: number;
  method: string;
  payload: unknown;
}

export async function serve(dataDir: string): Promise<void> {
  const services = await createServices({ dataDir, secrets: new BrowserHostSecretStore(dataDir), simulator: { host: '127.0.0.1', port: 0 } });
  const send = (message: unknown) => process.send?.(message);
  process.on('message', (call: ServingCall) => {
    void services.call(call.method, call.payload).then((result) => send({ id: call.id, result }));
  });
  // The test let go (stop(), or the test process itself ended): close cleanly and leave no process behind.
  process.once('disconnect', () => {
    void services.close().finally(() => process.exit(0));
  });
  send({ ready: process.pid });
}
