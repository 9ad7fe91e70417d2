// The button at the start of a pane's header that collapses the pane to that header and expands it again. Its name
// says what a press does ("Collapse Trace", "Expand Trace"); aria-expanded says the state the same way a
// disclosure does.
import type { PaneId } from '../../workspace/layout';
import { useConsole } from '../../store/console-context';

interface PaneToggleProps {
  pane: PaneId;
  /** The pane's name as its heading shows it. */
  name: string;
  /** The id of what collapses (the pane's body). */
  controls: string;
}

export function PaneToggle({ pane, name, controls }: PaneToggleProps) {
  const collapsed = useConsole((state) => state.layout.collapsed[pane]);
  const setCollapsed = useConsole((state) => state.setPaneCollapsed);
  return (
    <button
      type="button"
      className="pane-toggle"
      aria-expanded={!collapsed}
      aria-controls={controls}
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${name}`}
      title={`${collapsed ? 'Expand' : 'Collapse'} ${name}`}
      onClick={() => setCollapsed(pane, !collapsed)}
    >
      <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
    </button>
  );
}
