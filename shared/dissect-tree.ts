// Walking a PDU's dissection: the renderer (byte ⇄ node, Copy as text), the exports and the tests read the same
// tree the same way.
import type { DissectNode } from './contract';

/** A node with the path of child indexes that leads to it from the tree's top. */
export interface PlacedNode {
  node: DissectNode;
  path: number[];
  depth: number;
}

/** Every node, depth first, in the order the tree shows them. */
export function flattenTree(tree: readonly DissectNode[]): PlacedNode[] {
  const out: PlacedNode[] = [];
  const visit = (nodes: readonly DissectNode[], path: number[]) => {
    nodes.forEach((node, index) => {
      const here = [...path, index];
      out.push({ node, path: here, depth: here.length - 1 });
      if (node.children) visit(node.children, here);
    });
  };
  visit(tree, []);
  return out;
}

/** The first node (depth first) with this label. */
export function findNode(tree: readonly DissectNode[], label: string): DissectNode | undefined {
  return flattenTree(tree).find((placed) => placed.node.label === label)?.node;
}

/**
 * The narrowest node whose octets include `offset`: what selecting that byte selects. On a tie the first in tree
 * order wins, so a byte selects esm_class itself rather than the last of its bit nodes (which share its octet).
 */
export function nodeAtOctet(tree: readonly DissectNode[], offset: number): PlacedNode | undefined {
  let best: PlacedNode | undefined;
  for (const placed of flattenTree(tree)) {
    const { node } = placed;
    if (node.length > 0 && offset >= node.offset && offset < node.offset + node.length && (!best || node.length < best.node.length)) best = placed;
  }
  return best;
}

/** The tree as indented text, one node a line with its octets — "Copy as text" and the text export. */
export function treeAsText(tree: readonly DissectNode[]): string {
  return flattenTree(tree)
    .map(({ node, depth }) => {
      const where = node.length > 0 ? ` [${node.offset}+${node.length}]` : '';
      const problem = node.problem ? `  ⚠ ${node.problem}` : '';
      return `${'  '.repeat(depth)}${node.label}${node.value ? `: ${node.value}` : ''}${where}${problem}`;
    })
    .join('\n');
}
