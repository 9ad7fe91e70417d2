// A captured packet down to its TCP segment: the link layer (Ethernet with VLAN tags, Linux cooked v1 and v2, raw
// IP, BSD loopback), then IPv4 or IPv6 (extension headers skipped), then TCP. Anything else — ARP, UDP, a fragment —
// is not a segment and returns a reason, so the importer can count what it passed over.
import { LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2, LINKTYPE_RAW, LINKTYPE_RAW_ALIASES } from './capture-file-format';
import { formatIpAddress } from './ip-address';

export interface TcpPacket {
  source: string;
  sourcePort: number;
  destination: string;
  destinationPort: number;
  seq: number;
  flags: number;
  payload: Buffer;
}

const LINKTYPE_NULL = 0;
const LINKTYPE_LOOP = 108;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8, 0x9100];
const IPV6_EXTENSIONS = new Set([0, 43, 60]); // hop-by-hop, routing, destination options

export type SegmentRead = { ok: true; tcp: TcpPacket } | { ok: false; why: string };

export function readTcpSegment(linkType: number, data: Buffer): SegmentRead {
  const ip = ipPayload(linkType, data);
  if (!ip.ok) return ip;
  return ip.version === 4 ? fromIpv4(ip.packet) : fromIpv6(ip.packet);
}

function ipPayload(linkType: number, data: Buffer): { ok: true; version: 4 | 6; packet: Buffer } | { ok: false; why: string } {
  let offset: number;
  let etherType: number | null = null;
  if (linkType === LINKTYPE_ETHERNET) {
    if (data.length < 14) return { ok: false, why: 'short Ethernet frame' };
    offset = 12;
    etherType = data.readUInt16BE(offset);
    offset += 2;
    while (ETHERTYPE_VLAN.includes(etherType) && offset + 4 <= data.length) {
      etherType = data.readUInt16BE(offset + 2);
      offset += 4;
    }
  } else if (linkType === LINKTYPE_LINUX_SLL) {
    if (data.length < 16) return { ok: false, why: 'short Linux cooked header' };
    etherType = data.readUInt16BE(14);
    offset = 16;
  } else if (linkType === LINKTYPE_LINUX_SLL2) {
    if (data.length < 20) return { ok: false, why: 'short Linux cooked v2 header' };
    etherType = data.readUInt16BE(0);
    offset = 20;
  } else if (linkType === LINKTYPE_RAW || LINKTYPE_RAW_ALIASES.includes(linkType)) {
    offset = 0;
  } else if (linkType === LINKTYPE_NULL || linkType === LINKTYPE_LOOP) {
    if (data.length < 4) return { ok: false, why: 'short loopback header' };
    // The address family, in the capturing host's byte order (NULL) or network order (LOOP): 2 is IPv4, 24/28/30 IPv6.
    const family = linkType === LINKTYPE_LOOP ? data.readUInt32BE(0) : Math.min(data.readUInt32LE(0), data.readUInt32BE(0));
    etherType = family === 2 ? ETHERTYPE_IPV4 : [24, 28, 30].includes(family) ? ETHERTYPE_IPV6 : -1;
    offset = 4;
  } else {
    return { ok: false, why: `link type ${linkType} is not one this console reads (Ethernet, Linux cooked, raw IP, loopback)` };
  }
  const packet = data.subarray(offset);
  if (packet.length < 1) return { ok: false, why: 'no IP header' };
  const version = packet[0]! >> 4;
  if (etherType !== null && etherType !== ETHERTYPE_IPV4 && etherType !== ETHERTYPE_IPV6) return { ok: false, why: 'not IP' };
  if (version !== 4 && version !== 6) return { ok: false, why: 'not IP' };
  return { ok: true, version, packet };
}

function fromIpv4(packet: Buffer): SegmentRead {
  if (packet.length < 20) return { ok: false, why: 'short IPv4 header' };
  const headerLength = (packet[0]! & 0x0f) * 4;
  if (packet[9] !== 6) return { ok: false, why: 'not TCP' };
  const fragment = packet.readUInt16BE(6);
  if ((fragment & 0x1fff) !== 0 || (fragment & 0x2000) !== 0) return { ok: false, why: 'an IPv4 fragment (not reassembled)' };
  // The IP total length bounds the segment: Ethernet pads short frames, and the padding is not TCP data.
  const total = Math.min(packet.readUInt16BE(2) || packet.length, packet.length);
  return fromTcp(packet.subarray(headerLength, total), formatIpAddress({ family: 4, octets: packet.subarray(12, 16) }), formatIpAddress({ family: 4, octets: packet.subarray(16, 20) }));
}

function fromIpv6(packet: Buffer): SegmentRead {
  if (packet.length < 40) return { ok: false, why: 'short IPv6 header' };
  let next = packet[6]!;
  let offset = 40;
  const end = Math.min(40 + packet.readUInt16BE(4), packet.length);
  while (IPV6_EXTENSIONS.has(next) && offset + 8 <= end) {
    next = packet[offset]!;
    offset += (packet[offset + 1]! + 1) * 8;
  }
  if (next === 44) return { ok: false, why: 'an IPv6 fragment (not reassembled)' };
  if (next !== 6) return { ok: false, why: 'not TCP' };
  return fromTcp(packet.subarray(offset, end), formatIpAddress({ family: 6, octets: packet.subarray(8, 24) }), formatIpAddress({ family: 6, octets: packet.subarray(24, 40) }));
}

function fromTcp(segment: Buffer, source: string, destination: string): SegmentRead {
  if (segment.length < 20) return { ok: false, why: 'short TCP header (cut by the capture length?)' };
  const headerLength = (segment[12]! >> 4) * 4;
  if (headerLength < 20 || headerLength > segment.length) return { ok: false, why: 'TCP header longer than the segment' };
  return {
    ok: true,
    tcp: {
      source, sourcePort: segment.readUInt16BE(0), destination, destinationPort: segment.readUInt16BE(2),
      seq: segment.readUInt32BE(4), flags: segment[13]!, payload: segment.subarray(headerLength),
    },
  };
}
