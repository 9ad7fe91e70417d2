// The workspace's arrangement as data: where the three splitters sit (percentages, so a layout made on one screen
// still fits another), which panes are collapsed, and which tab the bottom pane shows. Read back from storage
// defensively: a stored value from an older build, or typed by hand, is clamped or replaced by the default.

/** The three splitters: left column | right column, Sessions | Compose, Trace | Sent and Inbox. */
export const splits = ['left', 'sessions', 'trace'] as const;
export type SplitId = (typeof splits)[number];

/** The four panes, and the left column as a whole (it collapses to a rail). */
export const panes = ['left', 'sessions', 'compose', 'trace', 'lists'] as const;
export type PaneId = (typeof panes)[number];

export const listsTabs = ['sent', 'inbox', 'simulator'] as const;
export type ListsTab = (typeof listsTabs)[number];

export interface WorkspaceLayout {
  /** Percent of the width the left column takes; of the left column's height Sessions takes; of the right's, Trace. */
  sizes: Record<SplitId, number>;
  collapsed: Record<PaneId, boolean>;
  tab: ListsTab;
}

/** Each splitter's range in percent. Pixel floors (a header, a usable form) are the stylesheet's clamp(). */
export const SPLIT_LIMITS: Record<SplitId, { min: number; max: number }> = {
  left: { min: 20, max: 70 },
  sessions: { min: 10, max: 80 },
  trace: { min: 20, max: 90 },
};

/** The left column's width when nobody has moved it: a third of the window, but no wider than the form needs. */
const LEFT_COLUMN_PX = 500;
/** Sessions' height likewise: the profile bar and a session or two with their counters, then Compose's. */
const SESSIONS_PX = 235;

/**
 * Sized at 1280×720: a left column wide enough for the compose form's labels and controls, Sessions tall enough for
 * the profile bar and a session with its counters, and the bottom pane for its tabs and about six rows. On a
 * larger screen the left column and Sessions stay near their pixel sizes, so the trace and Compose get the rest
 * (and the trace room for its detail beside the list).
 */
export function defaultLayout(viewport: { width: number; height: number }): WorkspaceLayout {
  const share = (pixels: number, of: number, most: number) => (of > 0 ? Math.min(most, (pixels / of) * 100) : most);
  return {
    sizes: {
      left: clampSize('left', share(LEFT_COLUMN_PX, viewport.width, 34)),
      sessions: clampSize('sessions', share(SESSIONS_PX, viewport.height, 33)),
      trace: 72,
    },
    collapsed: { left: false, sessions: false, compose: false, trace: false, lists: false },
    tab: 'sent',
  };
}

export function clampSize(split: SplitId, percent: number): number {
  const { min, max } = SPLIT_LIMITS[split];
  return Math.round(Math.min(max, Math.max(min, percent)) * 10) / 10;
}

/** The pane sharing a column with this one: collapsing one gives the other the room, so both are never collapsed. */
export const SIBLING: Partial<Record<PaneId, PaneId>> = { sessions: 'compose', compose: 'sessions', trace: 'lists', lists: 'trace' };

/** The column a pane lives in, which must be open for the pane to show. */
export const COLUMN: Partial<Record<PaneId, PaneId>> = { sessions: 'left', compose: 'left' };

export function layoutFromJson(text: string | null, fallback: WorkspaceLayout): WorkspaceLayout {
  if (text === null) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof value !== 'object' || value === null) return fallback;
  const stored = value as { sizes?: unknown; collapsed?: unknown; tab?: unknown };
  const record = (from: unknown): Record<string, unknown> => (typeof from === 'object' && from !== null ? (from as Record<string, unknown>) : {});
  const sizes = record(stored.sizes);
  const collapsed = record(stored.collapsed);
  const layout: WorkspaceLayout = {
    sizes: { ...fallback.sizes },
    collapsed: { ...fallback.collapsed },
    tab: listsTabs.find((tab) => tab === stored.tab) ?? fallback.tab,
  };
  for (const split of splits) {
    const size = sizes[split];
    if (typeof size === 'number' && Number.isFinite(size)) layout.sizes[split] = clampSize(split, size);
  }
  for (const pane of panes) if (typeof collapsed[pane] === 'boolean') layout.collapsed[pane] = collapsed[pane];
  // Never both panes of a column: an edited file could say so, and the column would be empty.
  if (layout.collapsed.sessions && layout.collapsed.compose) layout.collapsed.sessions = false;
  if (layout.collapsed.trace && layout.collapsed.lists) layout.collapsed.lists = false;
  return layout;
}
