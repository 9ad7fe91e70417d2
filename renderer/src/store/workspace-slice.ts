// The workspace around the panes: splitter positions, collapsed panes, the bottom pane's tab and the theme, each
// remembered in this window's local settings as soon as it changes (a drag commits once, on release).
import type { StateCreator } from 'zustand';
import {
  clampSize,
  COLUMN,
  defaultLayout,
  layoutFromJson,
  SIBLING,
  type ListsTab,
  type PaneId,
  type SplitId,
  type WorkspaceLayout,
} from '../workspace/layout';
import { LAYOUT_KEY, readSetting, THEME_KEY, writeSetting } from '../workspace/local-settings';
import { themeFromSetting, type ThemeChoice } from '../workspace/theme';
import type { ConsoleState } from './console-store';

export interface WorkspaceSlice {
  layout: WorkspaceLayout;
  theme: ThemeChoice;
  /** Moves a splitter (percent of its column or row); a collapsed pane it borders opens again. */
  resizeSplit: (split: SplitId, percent: number) => void;
  setPaneCollapsed: (pane: PaneId, collapsed: boolean) => void;
  /** Opens a pane and the column it is in. */
  revealPane: (pane: PaneId) => void;
  /** Shows Sent or Inbox in the bottom pane (opening it). */
  showListsTab: (tab: ListsTab) => void;
  resetLayout: () => void;
  setTheme: (theme: ThemeChoice) => void;
}

/** The panes on either side of each splitter: moving it opens both. */
const SPLIT_PANES: Record<SplitId, PaneId[]> = { left: ['left'], sessions: ['sessions', 'compose'], trace: ['trace', 'lists'] };

/** The window's size now (0 where there is no window: the defaults then are the percentages for a small one). */
const viewport = () => (typeof window === 'undefined' ? { width: 0, height: 0 } : { width: window.innerWidth, height: window.innerHeight });

export const createWorkspaceSlice: StateCreator<ConsoleState, [], [], WorkspaceSlice> = (set, get) => {
  const commit = (layout: WorkspaceLayout) => {
    set({ layout });
    writeSetting(LAYOUT_KEY, JSON.stringify(layout));
  };
  const withCollapsed = (layout: WorkspaceLayout, pane: PaneId, collapsed: boolean): WorkspaceLayout => {
    const next = { ...layout.collapsed, [pane]: collapsed };
    const sibling = SIBLING[pane];
    if (collapsed && sibling !== undefined) next[sibling] = false;
    const column = COLUMN[pane];
    if (!collapsed && column !== undefined) next[column] = false;
    return { ...layout, collapsed: next };
  };
  return {
    layout: layoutFromJson(readSetting(LAYOUT_KEY), defaultLayout(viewport())),
    theme: themeFromSetting(readSetting(THEME_KEY)),
    resizeSplit: (split, percent) => {
      const { layout } = get();
      let next: WorkspaceLayout = { ...layout, sizes: { ...layout.sizes, [split]: clampSize(split, percent) } };
      for (const pane of SPLIT_PANES[split]) if (next.collapsed[pane]) next = withCollapsed(next, pane, false);
      commit(next);
    },
    setPaneCollapsed: (pane, collapsed) => {
      if (get().layout.collapsed[pane] !== collapsed) commit(withCollapsed(get().layout, pane, collapsed));
    },
    revealPane: (pane) => {
      const { layout } = get();
      const column = COLUMN[pane];
      if (layout.collapsed[pane] || (column !== undefined && layout.collapsed[column])) commit(withCollapsed(layout, pane, false));
    },
    showListsTab: (tab) => {
      const layout = get().layout;
      if (layout.tab !== tab || layout.collapsed.lists) commit({ ...withCollapsed(layout, 'lists', false), tab });
    },
    resetLayout: () => {
      // Forgotten rather than stored: the defaults then follow the window's width again.
      set({ layout: defaultLayout(viewport()) });
      writeSetting(LAYOUT_KEY, null);
    },
    setTheme: (theme) => {
      set({ theme });
      writeSetting(THEME_KEY, theme);
    },
  };
};
