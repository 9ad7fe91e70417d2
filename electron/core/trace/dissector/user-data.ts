// short_message (or message_payload) dissected: the user data header by information element (3GPP TS 23.040
// §9.2.3.24), then the text with the alphabet its data_coding selects — and, for a receipt, the text split into
// its Appendix B fields. Offsets are from the PDU's first octet, so every node links to its bytes.
import type { DefaultAlphabet, DissectNode } from '../../../../shared/contract';
import { GSM_ESCAPE, decodeGsmWith } from '../../../../shared/gsm-tables';
import { decodeLatin1, decodeUcs2, textAlphabetOf, type TextAlphabet } from '../../../../shared/text-codec';
import { receiptNodes } from './receipt-nodes';

const hex = (n: number, width = 2) => `0x${n.toString(16).padStart(width, '0')}`;
export const octets = (n: number) => `${n} octet${n === 1 ? '' : 's'}`;
export const hexOctets = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').replace(/(..)(?!$)/g, '$1 ');

/** Information element identifiers by name (TS 23.040 table 9.2.3.24); the ones broken down further are below. */
const IE_NAMES: Record<number, string> = {
  0x00: 'concatenated short message, 8-bit reference', 0x01: 'special SMS message indication', 0x04: 'application port addressing, 8-bit',
  0x05: 'application port addressing, 16-bit', 0x06: 'SMSC control parameters', 0x07: 'UDH source indicator',
  0x08: 'concatenated short message, 16-bit reference', 0x09: 'wireless control message protocol', 0x0a: 'text formatting (EMS)',
  0x0b: 'predefined sound (EMS)', 0x0c: 'user defined sound (EMS)', 0x0d: 'predefined animation (EMS)', 0x0e: 'large animation (EMS)',
  0x0f: 'small animation (EMS)', 0x10: 'large picture (EMS)', 0x11: 'small picture (EMS)', 0x12: 'variable picture (EMS)',
  0x13: 'user prompt indicator (EMS)', 0x14: 'extended object (EMS)', 0x15: 'reused extended object (EMS)', 0x16: 'compression control (EMS)',
  0x17: 'object distribution indicator (EMS)', 0x18: 'standard WVG object (EMS)', 0x19: 'character size WVG object (EMS)',
  0x1a: 'extended object data request command (EMS)', 0x20: 'RFC 822 e-mail header', 0x21: 'hyperlink format element',
  0x22: 'reply address element', 0x23: 'enhanced voice mail information', 0x24: 'national language single shift',
  0x25: 'national language locking shift',
};

/** National language identifiers (TS 23.038 §6.2.1.2.4); this console has tables for 1–3. */
const LANGUAGES: Record<number, string> = {
  1: 'Turkish', 2: 'Spanish', 3: 'Portuguese', 4: 'Bengali', 5: 'Gujarati', 6: 'Hindi', 7: 'Kannada', 8: 'Malayalam', 9: 'Oriya',
  10: 'Punjabi', 11: 'Tamil', 12: 'Telugu', 13: 'Urdu',
};
const TABLES_HERE = new Set([1, 2, 3]);
const WELL_KNOWN_PORTS: Record<number, string> = {
  2948: 'WAP push (WSP)', 2949: 'WAP push (WSP, secure)', 9200: 'WAP connectionless session', 9204: 'vCard', 9205: 'vCalendar',
  5505: 'Nokia ringtone', 5506: 'Nokia operator logo', 5507: 'Nokia CLI logo', 5514: 'Nokia picture message',
};

interface Udh {
  length: number;
  lockingShiftId: number | null;
  singleShiftId: number | null;
  node: DissectNode;
}

function leaf(label: string, value: string, offset: number, length: number, problem?: string): DissectNode {
  return problem === undefined ? { label, value, offset, length } : { label, value, offset, length, problem };
}

function ieFields(iei: number, data: Uint8Array, at: number): { value: string; children: DissectNode[]; problem?: string } {
  const b = (i: number) => data[i]!;
  const expectLength = (n: number) => (data.length === n ? undefined : `IEDL ${data.length} where this element has ${n} octets`);
  switch (iei) {
    case 0x00:
    case 0x08: {
      const wide = iei === 0x08;
      const problem = expectLength(wide ? 4 : 3);
      if (problem) return { value: hexOctets(data), children: [], problem };
      const reference = wide ? (b(0) << 8) | b(1) : b(0);
      const total = b(wide ? 2 : 1);
      const sequence = b(wide ? 3 : 2);
      const wrong = total === 0 ? 'total parts 0' : sequence === 0 ? 'part number 0 (they count from 1)' : sequence > total ? `part ${sequence} of ${total}` : undefined;
      const r = wide ? 2 : 1;
      return {
        value: `part ${sequence} of ${total}, reference ${reference} (${hex(reference, wide ? 4 : 2)})`,
        children: [leaf('reference', `${reference} (${hex(reference, wide ? 4 : 2)})`, at, r), leaf('total parts', String(total), at + r, 1), leaf('this part', String(sequence), at + r + 1, 1)],
        ...(wrong ? { problem: wrong } : {}),
      };
    }
    case 0x04:
    case 0x05: {
      const wide = iei === 0x05;
      const problem = expectLength(wide ? 4 : 2);
      if (problem) return { value: hexOctets(data), children: [], problem };
      const size = wide ? 2 : 1;
      const destination = wide ? (b(0) << 8) | b(1) : b(0);
      const origin = wide ? (b(2) << 8) | b(3) : b(1);
      const port = (n: number) => `${n}${WELL_KNOWN_PORTS[n] ? ` ${WELL_KNOWN_PORTS[n]}` : ''}`;
      return {
        value: `destination port ${port(destination)}, originator port ${port(origin)}`,
        children: [leaf('destination port', port(destination), at, size), leaf('originator port', port(origin), at + size, size)],
      };
    }
    case 0x24:
    case 0x25: {
      const problem = expectLength(1);
      if (problem) return { value: hexOctets(data), children: [], problem };
      const id = b(0);
      const name = LANGUAGES[id] ?? 'reserved';
      const note = TABLES_HERE.has(id) ? '' : ' — no table for it here: read with the default table';
      return { value: `${id} ${name}${note}`, children: [leaf('language', `${id} ${name}`, at, 1)] };
    }
    default:
      return { value: data.length === 0 ? '(no data)' : hexOctets(data), children: [] };
  }
}

/** The UDH at `bytes[0]`; its node says where it stops making sense. */
function dissectUdh(bytes: Uint8Array, base: number): Udh {
  const udhl = bytes[0]!;
  const udh: Udh = { length: Math.min(udhl + 1, bytes.length), lockingShiftId: null, singleShiftId: null, node: { label: 'user data header', value: '', offset: base, length: 0 } };
  const children: DissectNode[] = [leaf('UDHL', octets(udhl), base, 1)];
  const parts: string[] = [];
  if (udhl + 1 > bytes.length) {
    udh.node.problem = `UDHL ${udhl} runs past the user data (${bytes.length - 1} octets follow it)`;
  }
  const end = udh.length;
  let offset = 1;
  while (offset < end) {
    const iei = bytes[offset]!;
    const name = IE_NAMES[iei] ?? 'unknown information element';
    if (offset + 1 >= end) {
      children.push(leaf(`IE ${hex(iei)}`, name, base + offset, 1, 'the header ends before this element’s length octet'));
      break;
    }
    const iedl = bytes[offset + 1]!;
    if (offset + 2 + iedl > end) {
      children.push({
        label: `IE ${hex(iei)} ${name}`, value: `IEDL ${iedl}`, offset: base + offset, length: end - offset,
        problem: `IEDL ${iedl} runs past the header (${end - offset - 2} octets left)`,
      });
      break;
    }
    const data = bytes.subarray(offset + 2, offset + 2 + iedl);
    const fields = ieFields(iei, data, base + offset + 2);
    if (!fields.problem && iei === 0x24) udh.singleShiftId = data[0]!;
    if (!fields.problem && iei === 0x25) udh.lockingShiftId = data[0]!;
    children.push({
      label: `IE ${hex(iei)} ${name}`, value: fields.value, offset: base + offset, length: 2 + iedl,
      ...(fields.problem ? { problem: fields.problem } : {}),
      children: [leaf('IEI', `${hex(iei)} ${name}`, base + offset, 1), leaf('IEDL', octets(iedl), base + offset + 1, 1), ...fields.children],
    });
    parts.push(IE_NAMES[iei] ? fields.value : `IE ${hex(iei)}`);
    offset += 2 + iedl;
  }
  udh.node = { ...udh.node, value: parts.join('; ') || '(no elements)', length: udh.length, children };
  return udh;
}

/** Where each decoded character's octets start (GSM escapes take two, UCS-2 units two, the rest one). */
export function charOffsets(body: Uint8Array, alphabet: TextAlphabet): number[] {
  const starts: number[] = [];
  if (alphabet === 'ucs2') {
    for (let i = 0; i < body.length; i += 2) starts.push(i);
  } else if (alphabet === 'gsm7') {
    for (let i = 0; i < body.length; i += 1) {
      starts.push(i);
      if (body[i] === GSM_ESCAPE && i + 1 < body.length) i += 1;
    }
  } else for (let i = 0; i < body.length; i += 1) starts.push(i);
  return starts;
}

/** Unpacks GSM septets packed into octets, after `fillBits` padding bits (TS 23.038 §6.1.2.1). */
function unpackSeptets(bytes: Uint8Array, fillBits: number): Uint8Array {
  const count = Math.floor((bytes.length * 8 - fillBits) / 7);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const bit = fillBits + i * 7;
    const word = bytes[bit >> 3]! | ((bytes[(bit >> 3) + 1] ?? 0) << 8);
    out[i] = (word >> (bit & 7)) & 0x7f;
  }
  return out;
}

const ALPHABET_WORDS: Record<TextAlphabet, string> = {
  gsm7: 'GSM 03.38 unpacked, one septet per octet', latin1: 'Latin-1', ia5: 'IA5/ASCII', ucs2: 'UCS-2', binary: '8-bit data, shown octet for octet',
};

function decodeBody(body: Uint8Array, alphabet: TextAlphabet, udh: Udh | null): string {
  if (alphabet === 'gsm7') return decodeGsmWith(body, udh?.lockingShiftId ?? null, udh?.singleShiftId ?? null);
  return alphabet === 'ucs2' ? decodeUcs2(body) : decodeLatin1(body);
}

function textNode(body: Uint8Array, at: number, alphabet: TextAlphabet, udh: Udh | null, receipt: boolean): DissectNode {
  const text = decodeBody(body, alphabet, udh);
  const national = udh && (udh.lockingShiftId !== null || udh.singleShiftId !== null) && alphabet === 'gsm7' ? ' with the national tables the UDH names' : '';
  const node: DissectNode = {
    label: receipt ? 'receipt text' : alphabet === 'binary' ? 'data' : 'text',
    value: `${JSON.stringify(text)} (${ALPHABET_WORDS[alphabet]}${national}, ${octets(body.length)})`,
    offset: at,
    length: body.length,
  };
  const children: DissectNode[] = [];
  if (alphabet === 'ucs2' && body.length % 2 === 1) node.problem = `${body.length} octets: UCS-2 takes two per character, the last one is alone`;
  if (alphabet === 'gsm7' && body.some((octet) => octet > 0x7f)) {
    // SMPP carries GSM text unpacked; octets above 0x7F mean this SMSC packed it (or the data_coding is wrong).
    const fillBits = udh ? (7 - ((udh.length * 8) % 7)) % 7 : 0;
    node.problem = 'octets above 0x7F are not unpacked GSM septets';
    children.push(leaf(`read as packed septets (${fillBits} fill bits after the UDH)`, JSON.stringify(decodeGsmWith(unpackSeptets(body, fillBits), udh?.lockingShiftId ?? null, udh?.singleShiftId ?? null)), at, body.length));
  }
  // A receipt's keys and values are ASCII whatever the data_coding (receipt-parser.ts): read octet for octet.
  if (receipt && alphabet === 'ucs2') children.push(...receiptNodes(text, charOffsets(body, alphabet), at, body.length));
  else if (receipt) children.push(...receiptNodes(decodeLatin1(body), charOffsets(body, 'latin1'), at, body.length));
  if (children.length) node.children = children;
  return node;
}

/**
 * The nodes under short_message or message_payload: the UDH (when esm_class has UDHI) and the text. `base` is the
 * offset of the first user data octet within the PDU.
 */
export function dissectUserData(bytes: Uint8Array, base: number, dataCoding: number, esmClass: number, defaultAlphabet: DefaultAlphabet, receipt: boolean): DissectNode[] {
  if (bytes.length === 0) return [];
  const udh = esmClass & 0x40 ? dissectUdh(bytes, base) : null;
  const body = bytes.subarray(udh?.length ?? 0);
  const nodes = udh ? [udh.node] : [];
  if (body.length > 0 || !udh) nodes.push(textNode(body, base + (udh?.length ?? 0), textAlphabetOf(dataCoding, defaultAlphabet), udh, receipt));
  return nodes;
}
