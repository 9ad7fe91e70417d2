// The dissection as an ARIA tree (WAI-ARIA tree view pattern): one tab stop, the active item named by
// aria-activedescendant; ↑/↓ move, → opens or goes to the first child, ← closes or goes to the parent, Home/End,
// Enter/Space open or close. Selection follows the active item, as in Wireshark, so the bytes follow too.
import { useLayoutEffect, useMemo, useRef, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import type { DissectNode } from '../../../../shared/contract';
import { pathKey, visibleNodes } from '../../trace/dissection-state';

interface DissectionTreeProps {
  tree: DissectNode[];
  idPrefix: string;
  expanded: ReadonlySet<string>;
  setExpanded: Dispatch<SetStateAction<Set<string>>>;
  selected: string | null;
  onSelect: (key: string) => void;
}

export function DissectionTree({ tree, idPrefix, expanded, setExpanded, selected, onSelect }: DissectionTreeProps) {
  const rows = useMemo(() => visibleNodes(tree, expanded), [tree, expanded]);
  const treeRef = useRef<HTMLUListElement>(null);
  const itemId = (key: string) => `${idPrefix}-node-${key}`;
  const activeIndex = Math.max(0, rows.findIndex((r) => pathKey(r.path) === selected));

  // Keep the selected item in sight, whether the keyboard, a click or a byte selected it.
  useLayoutEffect(() => {
    if (selected === null) return;
    document.getElementById(itemId(selected))?.scrollIntoView({ block: 'nearest' });
  });

  const toggle = (key: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[activeIndex];
    if (!row) return;
    const key = pathKey(row.path);
    const hasChildren = (row.node.children?.length ?? 0) > 0;
    const isOpen = expanded.has(key);
    const go = (index: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (target) onSelect(pathKey(target.path));
    };
    switch (event.key) {
      case 'ArrowDown':
        go(selected === null ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        go(activeIndex - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(key, true);
        else if (hasChildren) go(activeIndex + 1);
        break;
      case 'ArrowLeft':
        if (hasChildren && isOpen) toggle(key, false);
        else if (row.path.length > 1) onSelect(pathKey(row.path.slice(0, -1)));
        break;
      case 'Enter':
      case ' ':
        if (hasChildren) toggle(key);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <ul
      ref={treeRef}
      role="tree"
      aria-label="Dissection"
      className="dissection__tree mono"
      tabIndex={0}
      aria-activedescendant={selected === null ? undefined : itemId(selected)}
      onKeyDown={onKeyDown}
    >
      {rows.map(({ node, path, depth }) => {
        const key = pathKey(path);
        const hasChildren = (node.children?.length ?? 0) > 0;
        return (
          <li
            key={key}
            id={itemId(key)}
            role="treeitem"
            aria-level={depth + 1}
            aria-expanded={hasChildren ? expanded.has(key) : undefined}
            aria-selected={key === selected}
            aria-label={`${node.label}${node.value ? `: ${node.value}` : ''}${node.problem ? ` — problem: ${node.problem}` : ''}`}
            className={`dissection__node${node.problem ? ' dissection__node--problem' : ''}`}
            style={{ paddingLeft: `${depth * 14 + 4}px` }}
            onClick={() => onSelect(key)}
          >
            <span
              className="dissection__twisty"
              aria-hidden="true"
              onClick={(event) => {
                if (!hasChildren) return;
                event.stopPropagation();
                toggle(key);
                onSelect(key);
              }}
            >
              {hasChildren ? (expanded.has(key) ? '▾' : '▸') : ' '}
            </span>
            <span className="dissection__label">{node.label}</span>
            {node.value && <span className="dissection__value">{node.value}</span>}
            {node.length > 0 && <span className="dissection__where muted">[{node.offset}+{node.length}]</span>}
            {node.problem && <span className="dissection__problem">⚠ {node.problem}</span>}
          </li>
        );
      })}
    </ul>
  );
}
