// A PDU's bytes as Wireshark's tree: Header, Body (mandatory parameters), TLVs (optional parameters), with the
// short message broken into its UDH and text. The walk is our codec's (decodePdu keeps every field's offset and
// names every inconsistency); this file shapes it, explains each value, and pins each problem to the node where
// decoding stopped. It never throws on any bytes: the fuzz test in npm test feeds it random and mutated PDUs.
import { tlvsById } from 'smpp/lib/defs.js';
import type { DefaultAlphabet, DissectNode } from '../../../../shared/contract';
import { isReceipt } from '../../messages/receipt-parser';
import { decodePdu, SHORT_MESSAGE_MAX, type PduFieldLayout, type PduValue } from '../../smpp/pdu-codec';
import { commandName, HEADER_LENGTH, statusName } from '../../smpp/smpp-tables';
import { explain } from './explain';
import { dissectUserData, hexOctets, octets } from './user-data';

const USER_DATA = new Set(['short_message', 'message_payload']);
const HEADER_FIELDS = ['command_length', 'command_id', 'command_status', 'sequence_number'] as const;

function plainValue(value: PduValue): string {
  if (typeof value === 'number') return `0x${value.toString(16).padStart(2, '0')} (${value})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return value.length === 0 ? '(empty)' : hexOctets(value);
  return JSON.stringify(value);
}

/** The field's own node: explained where SMPP gives the value a meaning, plain otherwise. */
function fieldNode(name: string, value: PduValue, offset: number, length: number, alphabet: DefaultAlphabet): DissectNode {
  const explained = explain(name, value, offset, alphabet);
  const node: DissectNode = { label: name, value: explained?.value ?? plainValue(value), offset, length };
  if (explained?.children) node.children = explained.children;
  return node;
}

function headerNode(bytes: Uint8Array): DissectNode {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const children: DissectNode[] = [];
  HEADER_FIELDS.forEach((name, i) => {
    if (view.length < i * 4 + 4) return;
    const value = view.readUInt32BE(i * 4);
    const node =
      name === 'command_length' ? { label: name, value: octets(value), offset: 0, length: 4 }
      : name === 'sequence_number' ? { label: name, value: `${value} (0x${value.toString(16).padStart(8, '0')})`, offset: 12, length: 4 }
      : fieldNode(name, value, i * 4, 4, 'gsm7');
    if (name === 'sequence_number' && (value === 0 || value > 0x7fffffff)) node.problem = `${value} is outside 1–2147483647 (v3.4 §5.1.4)`;
    children.push(node);
  });
  const header: DissectNode = { label: 'Header', value: '', offset: 0, length: Math.min(view.length, HEADER_LENGTH), children };
  if (view.length < HEADER_LENGTH) {
    header.value = `${octets(view.length)} of 16`;
    header.problem = `the PDU ends after ${view.length} of the header’s 16 octets`;
    return header;
  }
  const length = view.readUInt32BE(0);
  header.value = `${commandName(view.readUInt32BE(4))} ${statusName(view.readUInt32BE(8))} seq ${view.readUInt32BE(12)}, ${octets(length)}`;
  if (length < HEADER_LENGTH) children[0]!.problem = `command_length ${length} is shorter than the 16-octet header`;
  else if (length > view.length) children[0]!.problem = `command_length ${length}, but only ${view.length} octets are here: the PDU is cut short`;
  else if (length < view.length) children[0]!.problem = `command_length ${length}, but ${view.length} octets are here`;
  return header;
}

/** One TLV: tag, length, value — the value explained, and split into UDH and text for message_payload. */
function tlvNode(entry: PduFieldLayout, bytes: Buffer, context: UserDataContext, alphabet: DefaultAlphabet): DissectNode {
  // entry.length is 4 + the octets present (fewer than declared when the TLV runs past the PDU's end).
  const tag = bytes.readUInt16BE(entry.offset);
  const declared = bytes.readUInt16BE(entry.offset + 2);
  const tlvName = tlvsById[tag] ? entry.name : null;
  const valueLength = entry.length - 4;
  const valueNode = USER_DATA.has(entry.name) && Buffer.isBuffer(entry.value)
    ? { label: 'value', value: octets(valueLength), offset: entry.offset + 4, length: valueLength, children: context.userData(entry.value, entry.offset + 4) }
    : { ...fieldNode(entry.name, entry.value, entry.offset + 4, valueLength, alphabet), label: 'value' };
  const lengthNode: DissectNode = { label: 'length', value: octets(declared), offset: entry.offset + 2, length: 2 };
  return {
    label: tlvName ?? `unknown TLV 0x${tag.toString(16).padStart(4, '0')}`,
    value: `tag 0x${tag.toString(16).padStart(4, '0')}: ${USER_DATA.has(entry.name) ? userDataLine(valueNode.children ?? []) : valueNode.value}`,
    offset: entry.offset,
    length: entry.length,
    children: [{ label: 'tag', value: `0x${tag.toString(16).padStart(4, '0')}${tlvName ? ` ${tlvName}` : ' (not in the v3.4/v5.0 tables)'}`, offset: entry.offset, length: 2 }, lengthNode, valueNode],
  };
}

/** A user data TLV's line: its text (and UDH) as the nodes under it read. */
function userDataLine(children: DissectNode[]): string {
  return children.map((c) => c.value).join('; ') || '(empty)';
}

interface UserDataContext {
  userData: (value: Buffer, at: number) => DissectNode[];
}

/**
 * Pins each of the codec's problems ("label: why") to the node it names (`byCodecLabel`: the codec's label of each
 * field or TLV), or adds a node at the end where it names none (a field missing because the PDU ended first).
 */
function pinProblems(problems: string[], byCodecLabel: Map<string, DissectNode>, body: DissectNode[], end: number): void {
  for (const problem of problems) {
    const colon = problem.indexOf(': ');
    const label = problem.includes('stray octet') ? 'stray octets' : colon > 0 ? problem.slice(0, colon) : '';
    const reason = colon > 0 ? problem.slice(colon + 2) : problem;
    const target = byCodecLabel.get(label === 'short_message' ? 'sm_length' : label);
    if (!target) {
      body.push({ label: label || 'problem', value: reason.startsWith('missing') ? '(missing)' : '', offset: end, length: 0, problem: reason });
      continue;
    }
    const lengthNode = target.children?.find((c) => c.label === 'length');
    if (lengthNode && reason.startsWith('TLV length')) lengthNode.problem = reason;
    target.problem = target.problem ? `${target.problem}; ${reason}` : reason;
  }
}

/** The dissection of one PDU's bytes (command_length of them, or fewer when cut short). Never throws. */
export function dissectPdu(input: Uint8Array, alphabet: DefaultAlphabet): DissectNode[] {
  const header = headerNode(input);
  if (input.length < HEADER_LENGTH) return [header];
  const declared = Buffer.from(input.buffer, input.byteOffset, input.byteLength).readUInt32BE(0);
  if (declared < HEADER_LENGTH) return [header];
  const bytes = Buffer.from(input.buffer, input.byteOffset, Math.min(declared, input.byteLength));
  const decoded = decodePdu(bytes);
  const { pdu } = decoded;
  const dataCoding = Number(pdu.fields.data_coding ?? 0);
  const esmClass = Number(pdu.fields.esm_class ?? 0);
  const receipt = (pdu.command === 'deliver_sm' || pdu.command === 'data_sm') && isReceipt(pdu);
  const context: UserDataContext = {
    userData: (value, at) => dissectUserData(value, at, Number.isFinite(dataCoding) ? dataCoding : 0, Number.isFinite(esmClass) ? esmClass : 0, alphabet, receipt),
  };
  const mandatory = Object.keys(pdu.fields).length;
  const body: DissectNode[] = [];
  const tlvs: DissectNode[] = [];
  const byCodecLabel = new Map<string, DissectNode>();
  const add = (list: DissectNode[], codecLabel: string, node: DissectNode) => {
    list.push(node);
    if (!byCodecLabel.has(codecLabel)) byCodecLabel.set(codecLabel, node);
  };
  decoded.layout.slice(HEADER_FIELDS.length).forEach((entry, index) => {
    if (index < mandatory) {
      if (entry.name === 'short_message' && Buffer.isBuffer(entry.value)) {
        const smLength = bytes[entry.offset]!;
        add(body, 'sm_length', {
          label: 'sm_length', value: octets(smLength), offset: entry.offset, length: 1,
          ...(smLength > SHORT_MESSAGE_MAX ? { problem: `${smLength} is above the ${SHORT_MESSAGE_MAX} octets short_message may hold (v3.4 §5.2.21)` } : {}),
        });
        const children = context.userData(entry.value, entry.offset + 1);
        add(body, entry.name, { label: 'short_message', value: entry.value.length === 0 ? '(empty)' : octets(entry.value.length), offset: entry.offset + 1, length: entry.length - 1, ...(children.length ? { children } : {}) });
      } else add(body, entry.name, fieldNode(entry.name, entry.value, entry.offset, entry.length, alphabet));
    } else if (entry.name === 'stray octets' || entry.name === 'body') {
      add(body, entry.name, { label: entry.name, value: plainValue(entry.value), offset: entry.offset, length: entry.length });
    } else add(tlvs, entry.name, tlvNode(entry, bytes, context, alphabet));
  });
  const shortMessage = pdu.fields.short_message;
  const payload = tlvs.find((n) => n.label === 'message_payload');
  if (payload && Buffer.isBuffer(shortMessage) && shortMessage.length > 0) {
    payload.problem = 'short_message is not empty too: v3.4 §5.3.2.32 allows one or the other';
  }
  const unknownCommand = decoded.problems.find((p) => p.startsWith('unknown command_id'));
  if (unknownCommand) header.children![1]!.problem = unknownCommand;
  pinProblems(decoded.problems.filter((p) => p !== unknownCommand), byCodecLabel, body, bytes.length);
  const tree = [header];
  if (body.length) tree.push({ label: 'Body', value: `${mandatory} mandatory parameter${mandatory === 1 ? '' : 's'}`, offset: HEADER_LENGTH, length: (tlvs[0]?.offset ?? bytes.length) - HEADER_LENGTH, children: body });
  if (tlvs.length) tree.push({ label: 'TLVs', value: `${tlvs.length} optional parameter${tlvs.length === 1 ? '' : 's'}`, offset: tlvs[0]!.offset, length: bytes.length - tlvs[0]!.offset, children: tlvs });
  return tree;
}
