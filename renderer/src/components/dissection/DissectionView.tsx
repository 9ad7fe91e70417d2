// A PDU dissected, Wireshark's way: the tree of fields beside the bytes, linked both ways — selecting a node
// highlights its octets, selecting an octet selects the narrowest node over it — by mouse and by keyboard. Used for
// the selected trace row and for each PDU in the Decode box.
import { useCallback, useId, useMemo, useState } from 'react';
import type { DissectNode } from '../../../../shared/contract';
import { flattenTree, nodeAtOctet } from '../../../../shared/dissect-tree';
import { bytesFromHex } from '../../trace/hex-dump';
import { ancestorKeys, initialExpanded, pathKey } from '../../trace/dissection-state';
import { ByteGrid } from './ByteGrid';
import { DissectionActions } from './DissectionActions';
import { DissectionTree } from './DissectionTree';

interface DissectionViewProps {
  hex: string;
  tree: DissectNode[];
  /** What the PDU is, for the copied text's first line and the controls' names ("PDU #12"). */
  title: string;
}

export function DissectionView({ hex, tree, title }: DissectionViewProps) {
  const idPrefix = useId();
  const bytes = useMemo(() => bytesFromHex(hex), [hex]);
  const placed = useMemo(() => new Map(flattenTree(tree).map((p) => [pathKey(p.path), p])), [tree]);
  const [expanded, setExpanded] = useState(() => initialExpanded(tree));
  const [selected, setSelected] = useState<string | null>(null);
  const [activeOctet, setActiveOctet] = useState(0);
  const selectedNode = selected === null ? null : (placed.get(selected)?.node ?? null);

  const selectNode = useCallback(
    (key: string) => {
      setSelected(key);
      const node = placed.get(key)?.node;
      if (node && node.length > 0) setActiveOctet(node.offset);
    },
    [placed],
  );
  const selectOctet = useCallback(
    (offset: number) => {
      setActiveOctet(offset);
      const hit = nodeAtOctet(tree, offset);
      if (!hit) return;
      const key = pathKey(hit.path);
      setSelected(key);
      // The node must be in sight in the tree: open every ancestor.
      setExpanded((open) => (ancestorKeys(key).every((a) => open.has(a)) ? open : new Set([...open, ...ancestorKeys(key)])));
    },
    [tree],
  );

  return (
    <div className="dissection">
      <DissectionActions hex={hex} tree={tree} title={title} />
      <div className="dissection__panes">
        <DissectionTree
          tree={tree}
          idPrefix={idPrefix}
          expanded={expanded}
          setExpanded={setExpanded}
          selected={selected}
          onSelect={selectNode}
        />
        <ByteGrid
          bytes={bytes}
          idPrefix={idPrefix}
          highlight={selectedNode && selectedNode.length > 0 ? { offset: selectedNode.offset, length: selectedNode.length } : null}
          activeOctet={Math.min(activeOctet, Math.max(0, bytes.length - 1))}
          onSelectOctet={selectOctet}
        />
      </div>
    </div>
  );
}
