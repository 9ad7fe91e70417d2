// Packets out of a pcap or pcapng file, either byte order, any timestamp resolution: each with its link type and
// its capture time. A corrupt or truncated file stops the reading where it broke — the packets before it are kept,
// and `problem` says at which octet and why.
import {
  PCAP_MAGIC_MICROS,
  PCAP_MAGIC_NANOS,
  PCAPNG_BYTE_ORDER,
  PCAPNG_ENHANCED_PACKET,
  PCAPNG_INTERFACE,
  PCAPNG_OBSOLETE_PACKET,
  PCAPNG_SECTION_HEADER,
  PCAPNG_SIMPLE_PACKET,
} from './capture-file-format';

export interface CapturedPacket {
  /** 1-based, as Wireshark numbers frames. */
  number: number;
  linkType: number;
  /** ms since the epoch, fractional (microseconds and below kept). */
  time: number;
  data: Buffer;
  /** The packet was longer on the wire than what was captured (snaplen). */
  truncated: boolean;
}

export interface CaptureReadOutcome {
  format: 'pcap' | 'pcapng';
  packets: number;
  problem: string | null;
}

/** A packet larger than this in a record header means the header is garbage, not a packet. */
const MAX_PACKET = 16 * 1024 * 1024;

/**
 * The packets in file order, one at a time (the importer yields to the event loop between them); the generator's
 * return value is the format, the count and where the file broke. Throws CaptureFormatError when it is neither.
 */
export function readCapture(file: Buffer): Generator<CapturedPacket, CaptureReadOutcome> {
  if (file.length < 4) throw new CaptureFormatError(`capture file: ${file.length} octets — too short to be pcap or pcapng`);
  const magicLE = file.readUInt32LE(0);
  if (magicLE === PCAPNG_SECTION_HEADER) return readPcapng(file);
  if ([PCAP_MAGIC_MICROS, PCAP_MAGIC_NANOS].includes(magicLE) || [PCAP_MAGIC_MICROS, PCAP_MAGIC_NANOS].includes(file.readUInt32BE(0))) {
    return readPcap(file);
  }
  throw new CaptureFormatError(`capture file: starts with 0x${file.subarray(0, 4).toString('hex')}, which is neither pcap nor pcapng`);
}

export class CaptureFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureFormatError';
  }
}

function* readPcap(file: Buffer): Generator<CapturedPacket, CaptureReadOutcome> {
  const littleEndian = [PCAP_MAGIC_MICROS, PCAP_MAGIC_NANOS].includes(file.readUInt32LE(0));
  const u32 = (at: number) => (littleEndian ? file.readUInt32LE(at) : file.readUInt32BE(at));
  if (file.length < 24) return { format: 'pcap', packets: 0, problem: `the file ends at octet ${file.length}, inside its 24-octet header` };
  const nanos = u32(0) === PCAP_MAGIC_NANOS;
  const linkType = u32(20) & 0x0fffffff; // the top bits may carry FCS information
  let at = 24;
  let number = 0;
  while (at < file.length) {
    if (at + 16 > file.length) return { format: 'pcap', packets: number, problem: `the file ends at octet ${file.length}, inside the record header of packet ${number + 1} (at octet ${at})` };
    const included = u32(at + 8);
    const original = u32(at + 12);
    if (included > MAX_PACKET) return { format: 'pcap', packets: number, problem: `packet ${number + 1} at octet ${at}: a captured length of ${included} octets is not believable; the file is corrupt from here` };
    if (at + 16 + included > file.length) {
      return { format: 'pcap', packets: number, problem: `the file ends at octet ${file.length}, inside packet ${number + 1} (${included} octets from octet ${at + 16})` };
    }
    number += 1;
    const fraction = u32(at + 4);
    yield {
      number, linkType, time: u32(at) * 1000 + (nanos ? fraction / 1e6 : fraction / 1e3),
      data: file.subarray(at + 16, at + 16 + included), truncated: original > included,
    };
    at += 16 + included;
  }
  return { format: 'pcap', packets: number, problem: null };
}

interface Interface {
  linkType: number;
  /** Timestamp units per second. */
  unitsPerSecond: number;
}

function* readPcapng(file: Buffer): Generator<CapturedPacket, CaptureReadOutcome> {
  let littleEndian = true;
  const u16 = (at: number) => (littleEndian ? file.readUInt16LE(at) : file.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? file.readUInt32LE(at) : file.readUInt32BE(at));
  let interfaces: Interface[] = [];
  let at = 0;
  let number = 0;
  let lastTime = 0;
  const broken = (problem: string): CaptureReadOutcome => ({ format: 'pcapng', packets: number, problem });
  while (at < file.length) {
    if (at + 12 > file.length) return broken(`the file ends at octet ${file.length}, inside a block header (at octet ${at})`);
    if (file.readUInt32LE(at) === PCAPNG_SECTION_HEADER) {
      // A new section: its byte-order magic says how everything in it is written.
      const magic = file.readUInt32LE(at + 8);
      if (magic !== PCAPNG_BYTE_ORDER && file.readUInt32BE(at + 8) !== PCAPNG_BYTE_ORDER) return broken(`section header at octet ${at}: byte-order magic 0x${magic.toString(16)} is not 0x1a2b3c4d`);
      littleEndian = magic === PCAPNG_BYTE_ORDER;
      interfaces = [];
    }
    const type = u32(at);
    const length = u32(at + 4);
    if (length < 12 || length % 4 !== 0) return broken(`block at octet ${at}: a length of ${length} octets is not a block's (at least 12, a multiple of 4)`);
    if (at + length > file.length) return broken(`the file ends at octet ${file.length}, inside a block of ${length} octets that starts at octet ${at}`);
    if (u32(at + length - 4) !== length) return broken(`block at octet ${at}: its trailing length ${u32(at + length - 4)} does not repeat its leading ${length}`);
    const body = at + 8;
    const bodyEnd = at + length - 4;
    if (type === PCAPNG_INTERFACE) {
      interfaces.push({ linkType: u16(body), unitsPerSecond: interfaceResolution(file, body + 8, bodyEnd, u16) });
    } else if (type === PCAPNG_ENHANCED_PACKET || type === PCAPNG_OBSOLETE_PACKET) {
      const enhanced = type === PCAPNG_ENHANCED_PACKET;
      const id = enhanced ? u32(body) : u16(body);
      const iface = interfaces[id];
      if (!iface) return broken(`packet block at octet ${at}: interface ${id} was never described`);
      const captured = u32(body + 12);
      const original = u32(body + 16);
      if (body + 20 + captured > bodyEnd) return broken(`packet block at octet ${at}: ${captured} captured octets do not fit in its ${length}-octet block`);
      const units = u32(body + 4) * 2 ** 32 + u32(body + 8);
      lastTime = (units / iface.unitsPerSecond) * 1000;
      number += 1;
      yield { number, linkType: iface.linkType, time: lastTime, data: file.subarray(body + 20, body + 20 + captured), truncated: original > captured };
    } else if (type === PCAPNG_SIMPLE_PACKET) {
      const iface = interfaces[0];
      if (!iface) return broken(`simple packet block at octet ${at}: no interface was described`);
      const original = u32(body);
      const captured = Math.min(original, bodyEnd - body - 4);
      number += 1;
      // A simple packet has no timestamp: it is given the one before it.
      yield { number, linkType: iface.linkType, time: lastTime, data: file.subarray(body + 4, body + 4 + captured), truncated: original > captured };
    }
    at += length;
  }
  return { format: 'pcapng', packets: number, problem: null };
}

/** if_tsresol (option 9): 10^-n seconds, or 2^-n when the top bit is set; microseconds when absent. */
function interfaceResolution(file: Buffer, from: number, end: number, u16: (at: number) => number): number {
  let at = from;
  while (at + 4 <= end) {
    const code = u16(at);
    const length = u16(at + 2);
    if (code === 0) break;
    if (code === 9 && length >= 1) {
      const value = file[at + 4]!;
      return value & 0x80 ? 2 ** (value & 0x7f) : 10 ** value;
    }
    at += 4 + ((length + 3) & ~3);
  }
  return 1e6;
}
