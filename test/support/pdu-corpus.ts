// Seeded material for fuzzing: a well-formed PDU of every command in the smpp package's table (fields and TLVs
// filled at random within their types), and mutations of them the way broken SMSCs and broken networks produce
// them — flipped bits, wrong lengths, truncations, splices, garbage. Deterministic for a seed, so a failure can be
// replayed with FUZZ_SEED.
import { commands, tlvs, types } from 'smpp/lib/defs.js';
import { C_STRING_OCTETS } from '../../shared/smpp-limits';
import { encodePdu, type PduInit, type PduValue } from '../../electron/core/smpp/pdu-codec';

// The simulator's seeded dice drive the fuzzer too: one PRNG, reproducible for a seed.
export { seededRandom } from '../../electron/core/simulator/random';

export class Fuzz {
  constructor(readonly random: () => number) {}
  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  bytes(length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i += 1) out[i] = this.int(256);
    return out;
  }
  printable(max: number): string {
    return Array.from({ length: this.int(max + 1) }, () => String.fromCharCode(0x20 + this.int(95))).join('');
  }
}

const COMMANDS = Object.keys(commands);
const TLV_NAMES = Object.keys(tlvs);

function fieldValue(fuzz: Fuzz, name: string, type: unknown): PduValue | undefined {
  if (type === types.int8) return fuzz.int(256);
  if (type === types.int16) return fuzz.int(65536);
  if (type === types.int32) return fuzz.int(2 ** 32);
  if (type === types.cstring) {
    const limit = (C_STRING_OCTETS as Record<string, number>)[name] ?? 65;
    return fuzz.printable(limit - 1);
  }
  if (type === types.string || type === types.buffer) return fuzz.bytes(fuzz.int(255));
  return undefined; // structured lists (submit_multi): the package's default
}

function tlvValue(fuzz: Fuzz, type: unknown): number | string | Buffer {
  if (type === types.tlv.int8) return fuzz.int(256);
  if (type === types.tlv.int16) return fuzz.int(65536);
  if (type === types.tlv.int32) return fuzz.int(2 ** 32);
  if (type === types.tlv.cstring) return fuzz.printable(30);
  return fuzz.bytes(fuzz.int(300));
}

/** A well-formed PDU of any command, with random fields and up to three TLVs. */
export function validPdu(fuzz: Fuzz, command = fuzz.pick(COMMANDS)): Buffer {
  const fields: Record<string, PduValue> = {};
  for (const [name, param] of Object.entries(commands[command]!.params ?? {})) {
    const value = fieldValue(fuzz, name, param.type);
    if (value !== undefined) fields[name] = value;
  }
  const init: PduInit = { command, sequenceNumber: 1 + fuzz.int(0x7fffffff), fields, tlvs: {} };
  for (let i = fuzz.int(4); i > 0; i -= 1) {
    const name = fuzz.pick(TLV_NAMES);
    init.tlvs![name] = tlvValue(fuzz, tlvs[name]!.type);
  }
  if (fuzz.int(3) === 0) init.rawTlvs = [{ tag: fuzz.int(65536), value: fuzz.bytes(fuzz.int(20)) }];
  return encodePdu(init);
}

/** One mutation of a PDU, or garbage. command_length is kept true unless the mutation is about it. */
export function mutatedPdu(fuzz: Fuzz): Buffer {
  const base = validPdu(fuzz);
  const bytes = Buffer.from(base);
  const fixLength = (b: Buffer) => (b.length >= 4 && b.writeUInt32BE(b.length, 0), b);
  switch (fuzz.int(9)) {
    case 0: // bit flips in the body
      for (let i = 1 + fuzz.int(4); i > 0 && bytes.length > 16; i -= 1) bytes[16 + fuzz.int(bytes.length - 16)]! ^= 1 << fuzz.int(8);
      return bytes;
    case 1: // bytes overwritten anywhere past the length
      for (let i = 1 + fuzz.int(6); i > 0; i -= 1) bytes[4 + fuzz.int(bytes.length - 4)] = fuzz.int(256);
      return bytes;
    case 2: // truncated, length kept honest
      return fixLength(Buffer.from(bytes.subarray(0, 16 + fuzz.int(Math.max(1, bytes.length - 16)))));
    case 3: // random tail appended (stray octets, fake TLVs)
      return fixLength(Buffer.concat([bytes, fuzz.bytes(1 + fuzz.int(40))]));
    case 4: // any command_id on this body
      bytes.writeUInt32BE(fuzz.int(3) === 0 ? fuzz.int(2 ** 32) : (commands[fuzz.pick(COMMANDS)]!.id >>> 0), 4);
      return bytes;
    case 5: // a TLV length field lies
      if (bytes.length > 20) bytes.writeUInt16BE(fuzz.int(65536), bytes.length - 2 - fuzz.int(Math.min(8, bytes.length - 18)));
      return bytes;
    case 6: // two PDUs spliced at random points
      return fixLength(Buffer.concat([bytes.subarray(0, 16 + fuzz.int(bytes.length - 15)), validPdu(fuzz).subarray(fuzz.int(16))]));
    case 7: // a lying command_length (the framer's problem)
      bytes.writeUInt32BE(fuzz.pick([0, 1, 15, 16, bytes.length - 1, bytes.length + 1, 70_000, fuzz.int(2 ** 32)]), 0);
      return bytes;
    default: // garbage with an honest length
      return fixLength(fuzz.bytes(16 + fuzz.int(200)));
  }
}
