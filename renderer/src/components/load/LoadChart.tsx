// The load run's live chart: uPlot on a canvas (no DOM per point), its data replaced in place as points arrive —
// through a store subscription, not a React render, at most once per animation frame (and the store itself changes
// at most ten times a second). Rates on the left axis, latency on the right. The canvas is an image with a name;
// the line under it says the newest second in words, and the summary beside it holds every total as text.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LoadPoint } from '../../../../shared/contract';
import { chartColumns, chartSeries, errorStatusesOf, latestLine } from '../../load/chart-data';
import { useConsoleStore } from '../../store/console-context';

const HEIGHT = 180;

export function LoadChart() {
  // A theme switch changes every colour the canvas was drawn with: the chart is built again under the new one.
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? '');
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? ''));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return <LoadChartPlot key={theme} />;
}

function LoadChartPlot() {
  const store = useConsoleStore();
  const figureRef = useRef<HTMLElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const lineRef = useRef<HTMLParagraphElement>(null);
  // A new error status adds a series: the chart is built again with it.
  const [statuses, setStatuses] = useState<string[]>(() => errorStatusesOf(store.getState().loadPoints));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const css = getComputedStyle(document.documentElement);
    const colour = (name: string) => css.getPropertyValue(name).trim();
    const axis = { stroke: colour('--muted'), grid: { stroke: colour('--border'), width: 1 }, ticks: { stroke: colour('--border'), width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false }, rate: { range: (_u, min, max) => [0, Math.max(1, max, min)] }, ms: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // Whole seconds only: the x values are seconds of the run.
          { ...axis, label: 'second of the run', incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800] },
          { ...axis, scale: 'rate', label: 'per second' },
          { ...axis, scale: 'ms', side: 1, label: 'ms', grid: { show: false } },
        ],
        series: [
          { label: 'second' },
          ...chartSeries(statuses).map((s) => ({ label: s.label, scale: s.scale, stroke: colour(s.colour), width: 1.5, ...(s.dash ? { dash: s.dash } : {}), spanGaps: false })),
        ],
        cursor: { drag: { x: false, y: false } },
        // The legend names the series; values under the pointer would be a second, mouse-only way to read them.
        legend: { live: false },
      },
      chartColumns([], statuses),
      host,
    );
    let frame = 0;
    const draw = (points: LoadPoint[]) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const seen = errorStatusesOf(points);
        if (seen.length !== statuses.length) return setStatuses(seen);
        plot.setData(chartColumns(points, statuses));
        figureRef.current?.setAttribute('data-points', String(points.length));
        if (lineRef.current) lineRef.current.textContent = latestLine(points);
      });
    };
    draw(store.getState().loadPoints);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.loadPoints !== previous.loadPoints) draw(state.loadPoints);
    });
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, host.clientWidth), height: HEIGHT }));
    resize.observe(host);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      resize.disconnect();
      plot.destroy();
    };
  }, [store, statuses]);

  return (
    <figure ref={figureRef} className="load-chart" data-points="0">
      <div
        ref={hostRef}
        className="load-chart__canvas"
        role="img"
        aria-label="Load run chart: submits, responses, receipts and errors per second, and submit_sm_resp latency p50, p95 and p99 in ms, by second of the run"
      />
      <figcaption>
        <p ref={lineRef} className="load-chart__latest muted">
          {latestLine(store.getState().loadPoints)}
        </p>
      </figcaption>
    </figure>
  );
}
