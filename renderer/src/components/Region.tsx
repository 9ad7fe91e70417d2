// One of the landmark regions: a <section> named by its visible heading, so assistive tech and tests find it by
// that name alone. Extra header content (counters, toggles) sits beside the heading, not in it. As a workspace
// pane it collapses to its header (the body stays mounted, hidden, so scroll positions and half-typed inputs
// survive), and a footer stays outside the scrolling body (Compose's Send).
import { useId, type ReactNode } from 'react';
import { useConsole } from '../store/console-context';
import type { PaneId } from '../workspace/layout';
import { PaneToggle } from './workspace/PaneToggle';

interface RegionProps {
  title: string;
  area: string;
  tools?: ReactNode;
  children: ReactNode;
  /** The workspace pane this region is: it gets a collapse button and follows the pane's collapsed state. */
  pane?: PaneId;
  footer?: ReactNode;
}

export function Region({ title, area, tools, children, pane, footer }: RegionProps) {
  const headingId = useId();
  const bodyId = useId();
  const collapsed = useConsole((state) => (pane === undefined ? false : state.layout.collapsed[pane]));
  return (
    <section className={`region region--${area}`} aria-labelledby={headingId} data-collapsed={collapsed || undefined}>
      <header className="region__header">
        {pane !== undefined && <PaneToggle pane={pane} name={title} controls={bodyId} />}
        <h2 id={headingId}>{title}</h2>
        {tools}
      </header>
      <div id={bodyId} className="region__body" hidden={collapsed}>
        {children}
      </div>
      {footer !== undefined && (
        <footer className="region__footer" hidden={collapsed}>
          {footer}
        </footer>
      )}
    </section>
  );
}
