// When an inbox item counts as seen: its row has been in sight for SEEN_AFTER_MS — in the rows the list shows
// (not its overscan), while the list itself is on screen (the Inbox tab is the selected one and its pane open: a
// hidden panel does not intersect the viewport) and the page is visible (not a background tab or a minimised
// window). Seen unread items are marked read in one batch per tick, not one call per row; scrolling past in a
// hurry marks nothing.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { InboxItem } from '../../../../shared/contract';

const SEEN_AFTER_MS = 1_000;
const TICK_MS = 250;
const ASKED_KEPT = 10_000;

export type VisibleRange = { startIndex: number; endIndex: number } | null;

/**
 * Returns the callback for VirtualTable's onVisibleRange. `items` is the list as shown; `markSeen` gets the ids of
 * unread items seen, at most once each per mount.
 */
export function useMarkSeen(container: RefObject<HTMLElement | null>, items: readonly InboxItem[], markSeen: (ids: number[]) => void) {
  const range = useRef<VisibleRange>(null);
  const latest = useRef({ items, markSeen });
  useLayoutEffect(() => {
    latest.current = { items, markSeen };
  });

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    /** Unread ids in sight, and since when each has been. */
    const since = new Map<number, number>();
    const asked = new Set<number>();
    const tick = () => {
      const { items: shown, markSeen: mark } = latest.current;
      const now = performance.now();
      const visible = range.current;
      const inSight = new Set<number>();
      if (visible !== null && document.visibilityState === 'visible') {
        for (let i = visible.startIndex; i <= visible.endIndex && i < shown.length; i += 1) {
          const item = shown[i]!;
          if (!item.read && !asked.has(item.id)) inSight.add(item.id);
        }
      }
      for (const id of since.keys()) if (!inSight.has(id)) since.delete(id);
      const seen: number[] = [];
      for (const id of inSight) {
        const first = since.get(id);
        if (first === undefined) since.set(id, now);
        else if (now - first >= SEEN_AFTER_MS) seen.push(id);
      }
      if (seen.length === 0) return;
      // Asked once each; the set keeps only what the list still shows unread (the host's answer turns them read).
      if (asked.size > ASKED_KEPT) for (const item of shown) if (item.read) asked.delete(item.id);
      if (asked.size > ASKED_KEPT) asked.clear();
      for (const id of seen) {
        since.delete(id);
        asked.add(id);
      }
      mark(seen);
    };
    // Ticks only while the list is on screen: behind another tab or in a collapsed pane it costs nothing.
    let timer: ReturnType<typeof setInterval> | undefined;
    const observer = new IntersectionObserver((entries) => {
      const onScreen = entries.some((entry) => entry.isIntersecting);
      if (onScreen && timer === undefined) timer = setInterval(tick, TICK_MS);
      if (!onScreen && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
        since.clear();
      }
    });
    observer.observe(element);
    return () => {
      clearInterval(timer);
      observer.disconnect();
    };
  }, [container]);

  return (next: VisibleRange) => {
    range.current = next;
  };
}
