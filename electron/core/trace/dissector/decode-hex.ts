// The Decode box: pasted hex split into PDUs by their command_length (several back to back, as a capture's TCP
// payload holds them) and each dissected, with no session. What does not make a whole PDU is said, not dropped:
// a PDU cut short is still dissected as far as it goes.
import type { DecodeHexResult, DecodedHexPdu, DefaultAlphabet } from '../../../../shared/contract';
import { parseHexOctets } from '../../../../shared/hex-octets';
import { ConsoleInputError } from '../../api/console-input-error';
import { decodePdu } from '../../smpp/pdu-codec';
import { HEADER_LENGTH, commandName, statusName } from '../../smpp/smpp-tables';
import { describePdu } from '../pdu-summary';
import { dissectPdu } from './dissect';

/** At most this many PDUs are dissected from one paste; the rest is reported, so a pasted capture cannot stall. */
export const DECODE_MAX_PDUS = 200;

export function decodeHex(text: string, alphabet: DefaultAlphabet): DecodeHexResult {
  const parsed = parseHexOctets(text);
  if (!parsed.ok) throw new ConsoleInputError(parsed.message, 'hex');
  const bytes = Buffer.from(parsed.hex, 'hex');
  if (bytes.length === 0) throw new ConsoleInputError('hex: nothing to decode — paste the octets of a PDU', 'hex');
  const pdus: DecodedHexPdu[] = [];
  let offset = 0;
  let problem: string | null = null;
  while (offset < bytes.length) {
    const left = bytes.length - offset;
    if (pdus.length === DECODE_MAX_PDUS) {
      problem = `${left} octets after the first ${DECODE_MAX_PDUS} PDUs were not decoded (${DECODE_MAX_PDUS} PDUs at most per paste)`;
      break;
    }
    const declared = left >= 4 ? bytes.readUInt32BE(offset) : 0;
    if (left < HEADER_LENGTH || declared < HEADER_LENGTH) {
      // No frame to take: show what the header holds, and stop here.
      const rest = bytes.subarray(offset);
      pdus.push({ offset, hex: rest.toString('hex'), summary: `${left} octets that do not frame a PDU`, tree: dissectPdu(rest, alphabet) });
      problem = left < HEADER_LENGTH
        ? `the last ${left} octets (from octet ${offset}) are shorter than a 16-octet header`
        : `command_length ${declared} at octet ${offset} is shorter than the 16-octet header: nothing after it can be framed`;
      break;
    }
    const frame = bytes.subarray(offset, offset + Math.min(declared, left));
    pdus.push({ offset, hex: frame.toString('hex'), summary: summaryOf(frame, declared, alphabet), tree: dissectPdu(frame, alphabet) });
    if (declared > left) problem = `the PDU at octet ${offset} is cut short: command_length ${declared}, ${left} octets here`;
    offset += frame.length;
  }
  return { pdus, problem };
}

function summaryOf(frame: Buffer, declared: number, alphabet: DefaultAlphabet): string {
  const head = `${commandName(frame.readUInt32BE(4))} ${statusName(frame.readUInt32BE(8))} seq ${frame.readUInt32BE(12)}`;
  if (declared > frame.length) return `${head} (cut short)`;
  const line = describePdu(decodePdu(frame).pdu, alphabet).summary;
  return line ? `${head} ${line}` : head;
}
