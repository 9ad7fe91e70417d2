// One ESME's connection to the simulator: its bind (system_id, mode, account), counters, and what it may do.
import type { Socket } from 'node:net';
import type { BindMode, SimulatorSessionCounters, SimulatorSessionView } from '../../../shared/contract';
import type { SmppPeer } from '../smpp/smpp-peer';
import type { BoundAccount } from './accounts';

export class ServerSession {
  readonly connectedAt = Date.now();
  systemId: string | null = null;
  bindType: BindMode | null = null;
  boundAt: number | null = null;
  account: BoundAccount | null = null;
  keepAlive: NodeJS.Timeout | null = null;
  readonly counters: SimulatorSessionCounters = {
    submitsReceived: 0, accepted: 0, rejected: 0, throttled: 0, queueFull: 0, ignored: 0, outstanding: 0, receiptsSent: 0, mosSent: 0,
  };

  constructor(
    readonly id: string,
    readonly peer: SmppPeer,
    readonly socket: Socket,
  ) {}

  get isOpen(): boolean {
    return this.peer.connection.isOpen;
  }

  get bound(): boolean {
    return this.bindType !== null;
  }

  /** May send submit_sm, data_sm, submit_multi, query_sm, cancel_sm, replace_sm (SMPP v3.4 table 2-1). */
  get canTransmit(): boolean {
    return this.bindType === 'transmitter' || this.bindType === 'transceiver';
  }

  /** May be sent deliver_sm / data_sm: never a transmitter bind. */
  get canReceive(): boolean {
    return this.bindType === 'receiver' || this.bindType === 'transceiver';
  }

  /** How this session is named in the activity log. */
  get label(): string {
    return this.systemId === null ? this.id : `${this.id} (${this.systemId})`;
  }

  view(): SimulatorSessionView {
    return {
      id: this.id, remoteAddress: this.peer.connection.remoteAddress, connectedAt: this.connectedAt, systemId: this.systemId,
      bindType: this.bindType, boundAt: this.boundAt, counters: { ...this.counters },
    };
  }
}
