// A misbehaving SMSC on a raw socket: the test script sees each framed PDU the console sends and writes
// whatever bytes it likes back — well-formed responses from our encoder, or the faults under test.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { decodePdu, encodePdu, type Pdu, type PduInit } from '../../electron/core/smpp/pdu-codec';

export interface RawSmscContext {
  socket: Socket;
  /** Writes a well-formed PDU. */
  send(init: PduInit): void;
  /** Writes the response a correct SMSC would send (command_status 0 and the given fields). */
  reply(request: Pdu, fields?: PduInit['fields'], commandStatus?: number): void;
}

export type RawScript = (pdu: Pdu, context: RawSmscContext) => void;

export interface RawSmsc {
  port: number;
  sockets: Socket[];
  stop(): Promise<void>;
}

/** Answers binds (system_id "RAW") and unbinds itself unless autoBind is false; everything else is the script's. */
export async function startRawSmsc(script: RawScript, options: { autoBind?: boolean } = {}): Promise<RawSmsc> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    const context: RawSmscContext = {
      socket,
      send: (init) => void (socket.writable && socket.write(encodePdu(init))),
      reply: (request, fields = {}, commandStatus = 0) =>
        context.send({ command: `${request.command}_resp`, sequenceNumber: request.sequenceNumber, commandStatus, fields }),
    };
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 16 && pending.length >= pending.readUInt32BE(0)) {
        const length = pending.readUInt32BE(0);
        const { pdu } = decodePdu(pending.subarray(0, length));
        pending = pending.subarray(length);
        const polite = options.autoBind !== false;
        if (polite && pdu.command.startsWith('bind_')) context.reply(pdu, { system_id: 'RAW' });
        else if (polite && pdu.command === 'unbind') context.reply(pdu);
        else script(pdu, context);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sockets,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// The header builder the simulator's fault library uses too (electron/core/simulator/faults.ts).
export { rawPdu } from '../../electron/core/simulator/faults';
