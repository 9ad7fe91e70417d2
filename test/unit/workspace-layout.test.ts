// The workspace's layout as stored and restored: the defaults follow the window, stored sizes are clamped to each
// splitter's range, and anything unreadable (an older build's value, a hand edit) falls back instead of breaking.
import { describe, expect, it } from 'vitest';
import { defaultLayout, layoutFromJson, SPLIT_LIMITS } from '../../renderer/src/workspace/layout';

describe('the workspace layout', () => {
  it('starts the left column at a third of a laptop screen and near 500 px on a wide one', () => {
    expect(defaultLayout({ width: 1280, height: 720 }).sizes.left).toBe(34);
    expect(defaultLayout({ width: 1920, height: 1080 }).sizes.left).toBeCloseTo(26, 0);
    expect(defaultLayout({ width: 0, height: 0 }).sizes).toEqual({ left: 34, sessions: 33, trace: 72 });
  });

  it('reads back what it wrote, clamping sizes to the splitter ranges', () => {
    const fallback = defaultLayout({ width: 1280, height: 720 });
    const stored = { ...fallback, sizes: { left: 99, sessions: 1, trace: 50 }, tab: 'inbox', collapsed: { ...fallback.collapsed, lists: true } };
    const layout = layoutFromJson(JSON.stringify(stored), fallback);
    expect(layout.sizes).toEqual({ left: SPLIT_LIMITS.left.max, sessions: SPLIT_LIMITS.sessions.min, trace: 50 });
    expect(layout.tab).toBe('inbox');
    expect(layout.collapsed.lists).toBe(true);
  });

  it('falls back on anything it cannot read, and never leaves a column with both panes collapsed', () => {
    const fallback = defaultLayout({ width: 1280, height: 720 });
    expect(layoutFromJson(null, fallback)).toBe(fallback);
    expect(layoutFromJson('{not json', fallback)).toBe(fallback);
    expect(layoutFromJson('42', fallback)).toBe(fallback);
    const odd = layoutFromJson(JSON.stringify({ sizes: { left: 'wide', trace: null }, tab: 'drafts', collapsed: { sessions: true, compose: true } }), fallback);
    expect(odd.sizes).toEqual(fallback.sizes);
    expect(odd.tab).toBe('sent');
    expect(odd.collapsed.compose).toBe(true);
    expect(odd.collapsed.sessions).toBe(false);
  });
});
