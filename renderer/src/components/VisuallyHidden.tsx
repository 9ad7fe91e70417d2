// Words that are read out (part of an accessible name) but not shown, where the visible part alone is clear
// in context and space is short.
export function VisuallyHidden({ children }: { children: string }) {
  return <span className="visually-hidden">{children}</span>;
}
