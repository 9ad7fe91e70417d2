// Raw IP packets (IPv4 or IPv6, no link layer: LINKTYPE_RAW) carrying one TCP segment, written straight into an
// output buffer — for a capture file Wireshark reads as the real connection. Checksums are computed, so nothing
// shows as corrupt when a reader validates them. Hot path of the export: no allocation per packet.
import type { IpAddress } from './ip-address';

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

const IPV4_HEADER = 20;
const IPV6_HEADER = 40;
const TCP_HEADER = 20;

export interface TcpSegment {
  source: IpAddress;
  destination: IpAddress;
  sourcePort: number;
  destinationPort: number;
  seq: number;
  ack: number;
  flags: number;
  payload: Uint8Array;
  /** The IPv4 identification field (ignored for IPv6). */
  ipId: number;
}

export function packetLength(segment: TcpSegment): number {
  return (segment.source.family === 4 ? IPV4_HEADER : IPV6_HEADER) + TCP_HEADER + segment.payload.length;
}

/** Writes the packet at `at`; returns its length. `out` must have packetLength(segment) octets from `at`. */
export function writePacket(out: Buffer, at: number, segment: TcpSegment): number {
  const v4 = segment.source.family === 4;
  const ipLength = v4 ? IPV4_HEADER : IPV6_HEADER;
  const tcpLength = TCP_HEADER + segment.payload.length;
  if (v4) {
    out[at] = 0x45;
    out[at + 1] = 0;
    out.writeUInt16BE(ipLength + tcpLength, at + 2);
    out.writeUInt16BE(segment.ipId & 0xffff, at + 4);
    out.writeUInt16BE(0x4000, at + 6); // don't fragment
    out[at + 8] = 64;
    out[at + 9] = 6; // TCP
    out.writeUInt16BE(0, at + 10);
    out.set(segment.source.octets, at + 12);
    out.set(segment.destination.octets, at + 16);
    out.writeUInt16BE(finish(sum(out, at, IPV4_HEADER, 0)), at + 10);
  } else {
    out.writeUInt32BE(0x60000000, at);
    out.writeUInt16BE(tcpLength, at + 4);
    out[at + 6] = 6;
    out[at + 7] = 64;
    out.set(segment.source.octets, at + 8);
    out.set(segment.destination.octets, at + 24);
  }
  const t = at + ipLength;
  out.writeUInt16BE(segment.sourcePort, t);
  out.writeUInt16BE(segment.destinationPort, t + 2);
  out.writeUInt32BE(segment.seq >>> 0, t + 4);
  out.writeUInt32BE(segment.ack >>> 0, t + 8);
  out[t + 12] = (TCP_HEADER / 4) << 4;
  out[t + 13] = segment.flags;
  out.writeUInt16BE(0xffff, t + 14); // window
  out.writeUInt16BE(0, t + 16);
  out.writeUInt16BE(0, t + 18);
  out.set(segment.payload, t + TCP_HEADER);
  // Pseudo-header: both addresses, the protocol and the TCP length (RFC 793 / RFC 8200 §8.1).
  let pseudo = sum(segment.source.octets, 0, segment.source.octets.length, 0);
  pseudo = sum(segment.destination.octets, 0, segment.destination.octets.length, pseudo);
  pseudo += 6 + (tcpLength >>> 16) + (tcpLength & 0xffff);
  out.writeUInt16BE(finish(sum(out, t, tcpLength, pseudo)), t + 16);
  return ipLength + tcpLength;
}

/** One's-complement sum of 16-bit words (an odd last octet padded with zero). */
function sum(bytes: Uint8Array, from: number, length: number, initial: number): number {
  let total = initial;
  const end = from + length - 1;
  let i = from;
  for (; i < end; i += 2) total += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i === end) total += bytes[i]! << 8;
  return total;
}

function finish(total: number): number {
  let folded = total;
  while (folded > 0xffff) folded = (folded & 0xffff) + (folded >>> 16);
  return ~folded & 0xffff;
}
