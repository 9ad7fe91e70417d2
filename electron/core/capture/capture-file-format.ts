// The two capture file formats Wireshark and tshark read, written little-endian: pcapng (a Section Header, one
// Interface Description for raw IP, then an Enhanced Packet Block per packet; timestamps in microseconds) and
// classic pcap (the same packets, a 16-octet record header each). LINKTYPE_RAW (101): packets begin with their IP
// header, IPv4 or IPv6 by its version nibble.
export const captureFormats = ['pcapng', 'pcap'] as const;
export type CaptureFormat = (typeof captureFormats)[number];

export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_LINUX_SLL2 = 276;
/** Some writers store DLT_RAW's platform values instead of LINKTYPE_RAW. */
export const LINKTYPE_RAW_ALIASES = [12, 14];

export const PCAPNG_SECTION_HEADER = 0x0a0d0d0a;
export const PCAPNG_INTERFACE = 0x00000001;
export const PCAPNG_ENHANCED_PACKET = 0x00000006;
export const PCAPNG_SIMPLE_PACKET = 0x00000003;
export const PCAPNG_OBSOLETE_PACKET = 0x00000002;
export const PCAPNG_BYTE_ORDER = 0x1a2b3c4d;
export const PCAP_MAGIC_MICROS = 0xa1b2c3d4;
export const PCAP_MAGIC_NANOS = 0xa1b23c4d;

const SNAPLEN = 262_144;

/** What starts the file, before any packet. */
export function fileHeader(format: CaptureFormat): Buffer {
  if (format === 'pcap') {
    const header = Buffer.alloc(24);
    header.writeUInt32LE(PCAP_MAGIC_MICROS, 0);
    header.writeUInt16LE(2, 4);
    header.writeUInt16LE(4, 6);
    header.writeUInt32LE(SNAPLEN, 16);
    header.writeUInt32LE(LINKTYPE_RAW, 20);
    return header;
  }
  const shb = Buffer.alloc(28);
  shb.writeUInt32LE(PCAPNG_SECTION_HEADER, 0);
  shb.writeUInt32LE(28, 4);
  shb.writeUInt32LE(PCAPNG_BYTE_ORDER, 8);
  shb.writeUInt16LE(1, 12);
  shb.writeUInt16LE(0, 14);
  shb.writeBigInt64LE(-1n, 16); // section length not given
  shb.writeUInt32LE(28, 24);
  const idb = Buffer.alloc(20);
  idb.writeUInt32LE(PCAPNG_INTERFACE, 0);
  idb.writeUInt32LE(20, 4);
  idb.writeUInt16LE(LINKTYPE_RAW, 8);
  idb.writeUInt32LE(SNAPLEN, 12);
  idb.writeUInt32LE(20, 16);
  return Buffer.concat([shb, idb]);
}

/** Octets a packet of `length` takes in the file, with its block or record header. */
export function recordLength(format: CaptureFormat, length: number): number {
  return format === 'pcap' ? 16 + length : 32 + ((length + 3) & ~3);
}

/**
 * Writes a packet's record header at `at`, for a packet of `length` octets captured at `micros` (µs since the
 * epoch); the packet itself goes at the returned offset, and recordLength() later the next record begins.
 */
export function writeRecordHeader(out: Buffer, at: number, format: CaptureFormat, micros: number, length: number): number {
  if (format === 'pcap') {
    out.writeUInt32LE(Math.floor(micros / 1e6), at);
    out.writeUInt32LE(micros % 1e6, at + 4);
    out.writeUInt32LE(length, at + 8);
    out.writeUInt32LE(length, at + 12);
    return at + 16;
  }
  const total = recordLength(format, length);
  out.writeUInt32LE(PCAPNG_ENHANCED_PACKET, at);
  out.writeUInt32LE(total, at + 4);
  out.writeUInt32LE(0, at + 8); // interface 0
  out.writeUInt32LE(Math.floor(micros / 2 ** 32), at + 12);
  out.writeUInt32LE(micros % 2 ** 32, at + 16);
  out.writeUInt32LE(length, at + 20);
  out.writeUInt32LE(length, at + 24);
  // Padding to 4 octets, then the block's length again.
  out.fill(0, at + 28 + length, at + total - 4);
  out.writeUInt32LE(total, at + total - 4);
  return at + 28;
}
