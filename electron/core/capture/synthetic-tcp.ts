// One SMPP connection as a TCP stream in a capture file: the handshake (SYN, SYN/ACK, ACK from whoever opened it),
// then each PDU as a segment whose sequence number grows with the octets sent that way and whose ACK is the other
// side's next sequence number — so Wireshark follows the stream and its SMPP dissector reassembles the PDUs.
import type { IpAddress } from './ip-address';
import { TCP_ACK, TCP_PSH, TCP_SYN, type TcpSegment } from './packet-builder';

/** The largest TCP payload put in one packet: an IPv4 total length must fit in 16 bits with its headers. */
export const MAX_SEGMENT_PAYLOAD = 65_000;

export interface StreamEnds {
  local: IpAddress;
  localPort: number;
  remote: IpAddress;
  remotePort: number;
  initiator: 'local' | 'remote';
}

export class SyntheticTcpStream {
  private localSeq: number;
  private remoteSeq: number;
  private ipId = 1;

  constructor(
    private readonly ends: StreamEnds,
    /** Any number: the initial sequence numbers derive from it, so two streams differ and a re-export is identical. */
    seed: number,
  ) {
    this.localSeq = (Math.imul(seed + 1, 2654435761) >>> 0) & 0x7fffffff;
    this.remoteSeq = (Math.imul(seed + 7, 40503) >>> 0) ^ 0x5a5a5a5a;
  }

  /** SYN, SYN/ACK, ACK — from whichever side opened the connection. */
  handshake(): TcpSegment[] {
    const opener = this.ends.initiator === 'local';
    const first = this.segment(opener, TCP_SYN, new Uint8Array(0), 0);
    this.advance(opener, 1);
    const second = this.segment(!opener, TCP_SYN | TCP_ACK, new Uint8Array(0), this.next(opener));
    this.advance(!opener, 1);
    const third = this.segment(opener, TCP_ACK, new Uint8Array(0), this.next(!opener));
    return [first, second, third];
  }

  /** The octets one side sent, as one segment (or a few, for a PDU larger than a packet may carry). */
  data(fromLocal: boolean, octets: Uint8Array): TcpSegment[] {
    const segments: TcpSegment[] = [];
    for (let start = 0; start < octets.length || start === 0; start += MAX_SEGMENT_PAYLOAD) {
      const payload = octets.subarray(start, start + MAX_SEGMENT_PAYLOAD);
      segments.push(this.segment(fromLocal, TCP_PSH | TCP_ACK, payload, this.next(!fromLocal)));
      this.advance(fromLocal, payload.length);
      if (octets.length === 0) break;
    }
    return segments;
  }

  private next(local: boolean): number {
    return local ? this.localSeq : this.remoteSeq;
  }

  private advance(local: boolean, octets: number): void {
    if (local) this.localSeq = (this.localSeq + octets) >>> 0;
    else this.remoteSeq = (this.remoteSeq + octets) >>> 0;
  }

  private segment(fromLocal: boolean, flags: number, payload: Uint8Array, ack: number): TcpSegment {
    const e = this.ends;
    return {
      source: fromLocal ? e.local : e.remote, destination: fromLocal ? e.remote : e.local,
      sourcePort: fromLocal ? e.localPort : e.remotePort, destinationPort: fromLocal ? e.remotePort : e.localPort,
      seq: this.next(fromLocal), ack, flags, payload, ipId: this.ipId++,
    };
  }
}
