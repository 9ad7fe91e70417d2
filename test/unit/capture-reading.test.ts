// Reading captures the way they come from the field: every link type the importer names (Ethernet with a VLAN
// tag, Linux cooked v1/v2, raw IP, loopback), IPv6, big-endian pcap and nanosecond pcapng; TCP put back in order
// through reordering, retransmissions, overlaps and a lost segment; and SMPP framed across segment boundaries.
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../electron/core/capture/capture-reader';
import { formatIpAddress, parseIpAddress } from '../../electron/core/capture/ip-address';
import { packetLength, TCP_ACK, TCP_PSH, TCP_SYN, writePacket, type TcpSegment } from '../../electron/core/capture/packet-builder';
import { SmppFramer, type FramedOctets } from '../../electron/core/capture/smpp-framer';
import { TcpDirection, type StreamChunk } from '../../electron/core/capture/tcp-reassembly';
import { readTcpSegment } from '../../electron/core/capture/tcp-segment-reader';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';

const v4 = (a: string) => parseIpAddress(a)!;
const segment = (payload: Buffer, seq = 1000, source = '10.0.0.1', destination = '10.0.0.2'): TcpSegment => ({
  source: v4(source), destination: v4(destination), sourcePort: 40000, destinationPort: 2775, seq, ack: 1, flags: TCP_ACK | TCP_PSH, payload, ipId: 1,
});
const rawIp = (s: TcpSegment) => {
  const out = Buffer.alloc(packetLength(s));
  writePacket(out, 0, s);
  return out;
};

/** A classic pcap (big-endian when asked) holding these packets with this link type. */
function pcapOf(linkType: number, packets: Buffer[], bigEndian = false): Buffer {
  const header = Buffer.alloc(24);
  const u32 = (b: Buffer, v: number, at: number) => (bigEndian ? b.writeUInt32BE(v, at) : b.writeUInt32LE(v, at));
  u32(header, 0xa1b2c3d4, 0);
  u32(header, linkType, 20);
  const records = packets.map((p, i) => {
    const r = Buffer.alloc(16);
    u32(r, 1_700_000_000 + i, 0);
    u32(r, 250_000, 4);
    u32(r, p.length, 8);
    u32(r, p.length, 12);
    return Buffer.concat([r, p]);
  });
  return Buffer.concat([header, ...records]);
}

const PDU = encodePdu({ command: 'enquire_link', sequenceNumber: 42 });

describe('link layers and IP versions', () => {
  const ip = rawIp(segment(PDU));
  const ethernet = Buffer.concat([Buffer.alloc(12), Buffer.from([0x81, 0x00, 0x00, 0x05, 0x08, 0x00]), ip]); // VLAN 5, then IPv4
  const sll = Buffer.concat([Buffer.alloc(14), Buffer.from([0x08, 0x00]), ip]);
  const sll2 = Buffer.concat([Buffer.from([0x08, 0x00]), Buffer.alloc(18), ip]);
  const loopback = Buffer.concat([Buffer.from([2, 0, 0, 0]), ip]);
  it.each([
    ['Ethernet with a VLAN tag', 1, ethernet], ['Linux cooked', 113, sll], ['Linux cooked v2', 276, sll2], ['raw IP', 101, ip], ['BSD loopback', 0, loopback],
  ] as const)('%s: the TCP payload is the PDU', (_, linkType, frame) => {
    const read = readTcpSegment(linkType, frame);
    expect(read.ok && [read.tcp.source, read.tcp.sourcePort, read.tcp.destinationPort, read.tcp.payload.equals(PDU)]).toEqual(['10.0.0.1', 40000, 2775, true]);
  });

  it('IPv6, and Ethernet padding is not TCP data', () => {
    const six = segment(PDU);
    six.source = parseIpAddress('2001:db8::1')!;
    six.destination = parseIpAddress('2001:db8::2')!;
    const read = readTcpSegment(101, rawIp(six));
    expect(read.ok && [read.tcp.source, read.tcp.destination, read.tcp.payload.equals(PDU)]).toEqual(['2001:db8::1', '2001:db8::2', true]);
    const padded = readTcpSegment(101, Buffer.concat([rawIp(segment(Buffer.alloc(0))), Buffer.alloc(6)]));
    expect(padded.ok && padded.tcp.payload.length).toBe(0);
  });

  it('addresses both ways, IPv4-mapped IPv6 as IPv4', () => {
    expect(formatIpAddress(parseIpAddress('::ffff:127.0.0.1')!)).toBe('127.0.0.1');
    expect(formatIpAddress(parseIpAddress('fe80::1:2')!)).toBe('fe80::1:2');
    expect(formatIpAddress(parseIpAddress('::1')!)).toBe('::1');
    expect(parseIpAddress('not an address')).toBeNull();
  });

  it('reads big-endian pcap and names what it cannot read', () => {
    const file = pcapOf(101, [rawIp(segment(PDU))], true);
    const packets = [...readCapture(file)];
    expect(packets.map((p) => [p.number, p.linkType, p.time])).toEqual([[1, 101, 1_700_000_000_250]]);
    expect(readTcpSegment(147, Buffer.alloc(40))).toEqual({ ok: false, why: 'link type 147 is not one this console reads (Ethernet, Linux cooked, raw IP, loopback)' });
  });

  it('a pcapng with nanosecond timestamps (if_tsresol 9)', () => {
    const shb = Buffer.from('0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000', 'hex');
    const idb = Buffer.alloc(28);
    idb.writeUInt32LE(1, 0);
    idb.writeUInt32LE(28, 4);
    idb.writeUInt16LE(101, 8);
    idb.writeUInt16LE(9, 16); // if_tsresol
    idb.writeUInt16LE(1, 18);
    idb[20] = 9;
    idb.writeUInt32LE(28, 24);
    const packet = rawIp(segment(PDU));
    const epb = Buffer.alloc(32 + ((packet.length + 3) & ~3));
    const ns = 1_700_000_000_123_456_789n;
    epb.writeUInt32LE(6, 0);
    epb.writeUInt32LE(epb.length, 4);
    epb.writeUInt32LE(Number(ns >> 32n), 12);
    epb.writeUInt32LE(Number(ns & 0xffffffffn), 16);
    epb.writeUInt32LE(packet.length, 20);
    epb.writeUInt32LE(packet.length, 24);
    packet.copy(epb, 28);
    epb.writeUInt32LE(epb.length, epb.length - 4);
    const [read] = [...readCapture(Buffer.concat([shb, idb, epb]))];
    expect(read!.time).toBeCloseTo(1_700_000_000_123.4568, 3);
  });
});

describe('TCP reassembly and SMPP framing', () => {
  const pdus = [1, 2, 3, 4].map((n) => encodePdu({ command: 'submit_sm', sequenceNumber: n, fields: { short_message: Buffer.from(`message ${n}`) } }));
  const stream = Buffer.concat(pdus);

  const run = (feed: (direction: TcpDirection) => void) => {
    const framed: FramedOctets[] = [];
    const framer = new SmppFramer((f) => framed.push(f));
    const direction = new TcpDirection((chunk: StreamChunk) => framer.chunk(chunk));
    feed(direction);
    direction.finish();
    framer.finish(0);
    return framed;
  };

  it('segments out of order, retransmitted and overlapping give each PDU once, whole', () => {
    const isn = 0xfffffff0; // the sequence numbers wrap inside the stream
    const cut = [0, 7, 40, 41, 90, stream.length];
    const pieces = cut.slice(0, -1).map((from, i) => ({ seq: (isn + 1 + from) >>> 0, bytes: stream.subarray(from, cut[i + 1]) }));
    const framed = run((d) => {
      d.segment(isn, TCP_SYN, Buffer.alloc(0), 0);
      for (const i of [0, 2, 1, 1, 4, 3]) d.segment(pieces[i]!.seq, TCP_ACK, pieces[i]!.bytes, i);
      // an overlapping retransmission of octets 30–60
      d.segment((isn + 1 + 30) >>> 0, TCP_ACK, stream.subarray(30, 60), 9);
    });
    expect(framed.map((f) => [f.unframed, f.bytes.toString('hex')])).toEqual(pdus.map((p) => [null, p.toString('hex')]));
  });

  it('a segment the capture missed: the PDU it cut is kept as unframed octets, and the next PDU is found again', () => {
    const second = pdus[0]!.length;
    const framed = run((d) => {
      d.segment(0, TCP_ACK, stream.subarray(0, second + 10), 1); // PDU 1 and 10 octets of PDU 2
      d.segment(second + 20, TCP_ACK, stream.subarray(second + 20), 2); // the rest of PDU 2 lost in part; PDUs 3, 4
    });
    expect(framed.map((f) => f.unframed ?? f.bytes.readUInt32BE(12))).toEqual([
      1, '10 octets cut off by 10 octets the capture missed', 'octets after a gap in the capture, before the next PDU', 3, 4,
    ]);
    expect(framed[2]!.bytes.equals(stream.subarray(second + 20, second + pdus[1]!.length))).toBe(true);
  });

  it('the capture ends inside a PDU: those octets are kept, and say so', () => {
    const framed = run((d) => d.segment(0, TCP_ACK, stream.subarray(0, pdus[0]!.length + 5), 1));
    expect(framed.map((f) => f.unframed)).toEqual([null, `the capture ends inside a PDU (5 of ${pdus[1]!.length} octets)`]);
  });
});
