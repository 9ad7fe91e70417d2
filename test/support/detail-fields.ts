// Reading a field of a trace detail by its SMPP name, through the dissection the user sees: its node, and the
// octets that node points at (for a TLV, its value's) — so a test checks the wire, not a display string.
import type { DissectNode, TraceDetail } from '../../shared/contract';
import { findNode, treeAsText } from '../../shared/dissect-tree';

export function fieldNode(detail: TraceDetail, label: string): DissectNode {
  const node = findNode(detail.tree, label);
  if (!node) throw new Error(`no ${label} in PDU #${detail.id}:\n${treeAsText(detail.tree)}`);
  return node;
}

/** The octets of a mandatory field, or of a TLV's value. */
export function fieldOctets(detail: TraceDetail, label: string): Buffer {
  const node = fieldNode(detail, label);
  const value = node.children?.find((c) => c.label === 'value') ?? node;
  return Buffer.from(detail.hex, 'hex').subarray(value.offset, value.offset + value.length);
}

/** An integer field or TLV, as the octets hold it. */
export function fieldNumber(detail: TraceDetail, label: string): number {
  const octets = fieldOctets(detail, label);
  return octets.readUIntBE(0, octets.length);
}

/** A C-Octet String field or TLV, without its NUL. */
export function fieldString(detail: TraceDetail, label: string): string {
  return fieldOctets(detail, label).toString('latin1').replace(/\0$/, '');
}
