// A window splitter (WAI-ARIA's separator pattern): focusable, its value the primary pane's share in percent. Arrow
// keys move it (Shift: ten times as far), Home/End go to the limits, Enter collapses the primary pane or restores
// it, and a double click puts it back where it started. Dragged with the pointer (captured, so a fast drag cannot
// lose it) it only sets the CSS variable the grid reads — no React render, no store write — until release, when
// the size is committed once. Dragging well past a limit collapses the pane on that side, as VS Code does.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useConsole } from '../../store/console-context';
import { clampSize, SPLIT_LIMITS, type PaneId, type SplitId } from '../../workspace/layout';

interface SplitterProps {
  split: SplitId;
  /** "Resize Sessions and Compose". */
  label: string;
  /** 'vertical': a bar between columns, moved left and right; 'horizontal': between panes above and below. */
  orientation: 'vertical' | 'horizontal';
  /** The pane the value measures (above, or left) and Enter collapses, with its name for the value text. */
  primary: PaneId;
  primaryName: string;
  /** The pane on the other side when it can collapse too. */
  secondary?: PaneId;
  /** The size it returns to on a double click. */
  initial: number;
  /** The box the percentage is of (the column, or the workspace), read once as a drag starts. */
  box: () => DOMRect | undefined;
  /** Shows a size while dragging: sets the CSS variable behind the grid track. */
  preview: (percent: number) => void;
}

export function Splitter({ split, label, orientation, primary, primaryName, secondary, initial, box, preview }: SplitterProps) {
  const size = useConsole((state) => state.layout.sizes[split]);
  const primaryCollapsed = useConsole((state) => state.layout.collapsed[primary]);
  const secondaryCollapsed = useConsole((state) => secondary !== undefined && state.layout.collapsed[secondary]);
  const resize = useConsole((state) => state.resizeSplit);
  const setCollapsed = useConsole((state) => state.setPaneCollapsed);
  const drag = useRef<{ rect: DOMRect; percent: number } | null>(null);
  const { min, max } = SPLIT_LIMITS[split];
  const value = primaryCollapsed ? 0 : secondaryCollapsed ? 100 : Math.round(size);
  const valueText = primaryCollapsed ? `${primaryName} collapsed` : `${primaryName} ${value}%`;
  const [back, forward] = orientation === 'horizontal' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 2;
    const from = primaryCollapsed ? min : secondaryCollapsed ? max : size;
    const moves: Record<string, number> = { [back]: from - step, [forward]: from + step, Home: min, End: max };
    if (event.key === 'Enter') setCollapsed(primary, !primaryCollapsed);
    else if (moves[event.key] !== undefined) resize(split, moves[event.key]!);
    else return;
    event.preventDefault();
  };

  const percentAt = (event: PointerEvent, rect: DOMRect) =>
    orientation === 'horizontal' ? ((event.clientY - rect.top) / rect.height) * 100 : ((event.clientX - rect.left) / rect.width) * 100;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const rect = box();
    if (event.button !== 0 || rect === undefined || rect.width === 0 || rect.height === 0) return;
    event.preventDefault(); // no text selection while dragging
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { rect, percent: size };
    // A collapsed pane on either side opens first, at the size it had, so the drag is seen from the first move.
    if (primaryCollapsed || secondaryCollapsed) resize(split, size);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current === null) return;
    current.percent = percentAt(event, current.rect);
    preview(clampSize(split, current.percent));
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current === null) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    const collapse = current.percent < min / 2 ? primary : secondary !== undefined && current.percent > (max + 100) / 2 ? secondary : null;
    if (collapse === null) {
      resize(split, current.percent);
      return;
    }
    // The size stays what it was, for when the pane opens again: the variable the drag moved goes back to it.
    preview(size);
    setCollapsed(collapse, true);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      className={`splitter splitter--${orientation}`}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuetext={valueText}
      title={`${label}: drag, or focus and use the arrow keys; Enter collapses ${primaryName}`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={() => resize(split, initial)}
    />
  );
}
