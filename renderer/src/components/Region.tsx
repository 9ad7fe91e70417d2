// One of the four landmark regions: a <section> named by its visible heading, so assistive tech and tests
// find it by that name alone. Extra header content (counters, toggles) sits beside the heading, not in it.
import { useId, type ReactNode } from 'react';

interface RegionProps {
  title: string;
  area: string;
  tools?: ReactNode;
  children: ReactNode;
}

export function Region({ title, area, tools, children }: RegionProps) {
  const headingId = useId();
  return (
    <section className={`region region--${area}`} aria-labelledby={headingId}>
      <header className="region__header">
        <h2 id={headingId}>{title}</h2>
        {tools}
      </header>
      <div className="region__body">{children}</div>
    </section>
  );
}
