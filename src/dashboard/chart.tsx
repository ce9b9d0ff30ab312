import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  /** Unix seconds, ascending. */
  times: number[];
  values: number[];
}

/** A time series chart (uPlot: canvas, ~50 KB, redraws thousands of points in a millisecond). */
export function TimeChart(props: {
  title: string;
  series: Series;
  format: (v: number) => string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>(undefined);
  useEffect(() => {
    if (!box.current) return undefined;
    const u = new uPlot(
      {
        title: props.title,
        width: Math.max(320, box.current.clientWidth),
        height: 220,
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => props.format(t)), size: 70 }],
        series: [{}, { label: props.title, stroke: '#2563eb', fill: 'rgba(37,99,235,0.1)' }],
        legend: { show: false },
      },
      [[], []],
      box.current,
    );
    plot.current = u;
    const onResize = () =>
      box.current && u.setSize({ width: box.current.clientWidth, height: 220 });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      u.destroy();
    };
    // The chart is built once; data arrives through setData below.
  }, []);
  useEffect(() => {
    plot.current?.setData([props.series.times, props.series.values]);
  }, [props.series]);
  return (
    <div
      class="chart"
      ref={box}
      data-testid={props.testId}
      data-points={props.series.times.length}
    />
  );
}
