// The `smpp` package publishes no types. These cover only what this project uses: its protocol tables (for our
// own codec) and, in tests and the benchmark, its Server and Session as an independent peer.
declare module 'smpp/lib/defs.js' {
  export interface SmppFieldType {
    read(buffer: Buffer, offset: number, length?: number): unknown;
    write(value: unknown, buffer: Buffer, offset: number): void;
    size(value: unknown): number;
    default: unknown;
  }
  export interface SmppParamDef {
    type: SmppFieldType;
    default?: unknown;
  }
  export interface SmppCommandDef {
    id: number;
    command: string;
    params?: Record<string, SmppParamDef>;
    tlvMap?: Record<string, string>;
  }
  export interface SmppTlvDef {
    id: number;
    tag: string;
    type: SmppFieldType;
    multiple?: boolean;
  }
  export const commands: Record<string, SmppCommandDef>;
  export const commandsById: Record<number, SmppCommandDef>;
  export const tlvs: Record<string, SmppTlvDef>;
  export const tlvsById: Record<number, SmppTlvDef>;
  export const errors: Record<string, number>;
  export const types: Record<
    'int8' | 'int16' | 'int32' | 'string' | 'cstring' | 'buffer' | 'dest_address_array' | 'unsuccess_sme_array',
    SmppFieldType
  > & { tlv: Record<'int8' | 'int16' | 'int32' | 'cstring' | 'string' | 'buffer', SmppFieldType> };
}

declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';
  export class PDU {
    constructor(command: string, options?: Record<string, unknown>);
    /** Decodes a framed PDU (the package's own reader, used by tests as an independent check). */
    constructor(bytes: Buffer);
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): PDU;
    isResponse(): boolean;
    toBuffer(): Buffer;
  }
  export class Session extends EventEmitter {
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    [command: string]: unknown;
  }
  export class Server extends NetServer {
    sessions: Session[];
  }
  export function createServer(listener: (session: Session) => void): Server;
  export function connect(options: { host: string; port: number }, listener?: () => void): Session;
  export const errors: Record<string, number>;
}
