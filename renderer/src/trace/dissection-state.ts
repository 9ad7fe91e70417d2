// Which nodes of a dissection are open and which rows the tree shows: a node is named by its path of child
// indexes ("1.16.0"), stable for one PDU. Pure, so the keyboard rules are tested without a browser.
import type { DissectNode } from '../../../shared/contract';
import { flattenTree, type PlacedNode } from '../../../shared/dissect-tree';

export const pathKey = (path: readonly number[]) => path.join('.');

/** The keys of a node's ancestors, nearest last ("1.16.0" → "1", "1.16"). */
export function ancestorKeys(key: string): string[] {
  const parts = key.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Nodes open from the start wherever they are: the user data down to a receipt's fields. */
const OPEN_LABELS = new Set(['short_message', 'message_payload', 'value', 'user data header', 'receipt text']);

/** What an engineer wants open first: Header, Body, TLVs, the short message down to its text, and every problem. */
export function initialExpanded(tree: readonly DissectNode[]): Set<string> {
  const open = new Set<string>();
  for (const { node, path } of flattenTree(tree)) {
    const key = pathKey(path);
    if (path.length === 1) open.add(key);
    if (OPEN_LABELS.has(node.label)) open.add(key);
    if (node.problem !== undefined) for (const ancestor of ancestorKeys(key)) open.add(ancestor);
  }
  return open;
}

/** The rows the tree shows: every node whose ancestors are all open, in tree order. */
export function visibleNodes(tree: readonly DissectNode[], expanded: ReadonlySet<string>): PlacedNode[] {
  const out: PlacedNode[] = [];
  const visit = (nodes: readonly DissectNode[], path: number[]) => {
    nodes.forEach((node, index) => {
      const here = [...path, index];
      out.push({ node, path: here, depth: here.length - 1 });
      if (node.children && expanded.has(pathKey(here))) visit(node.children, here);
    });
  };
  visit(tree, []);
  return out;
}
