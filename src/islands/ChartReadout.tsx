/**
 * The one thing a chart does in the browser: writes the value under the pointer (or the finger)
 * below the plot, where a touch screen shows no tooltip. The chart itself is drawn on the server
 * (src/components/charts/) and passed in as children; each mark's value is its SVG `<title>`,
 * which is also the native tooltip. Hydrated with `client:interact`, on the reader's first
 * pointer over the chart, so that a page load runs no React at all.
 */
import { useState, type PointerEvent, type ReactNode } from 'react';

interface Props {
  /** Names the chart for `data-chart` (tests, styles). */
  name: string;
  children?: ReactNode;
}

/** The server-drawn chart with a line that reads out the mark under the pointer. */
export default function ChartReadout({ name, children }: Props) {
  const [tip, setTip] = useState<string | null>(null);
  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    const mark = event.target instanceof Element ? event.target.closest('rect, circle') : null;
    const title = mark?.querySelector(':scope > title')?.textContent;
    if (title) setTip(title);
  };
  return (
    <div className="chart-plot" data-chart={name} onPointerOver={onPointerOver} onPointerLeave={() => setTip(null)}>
      {children}
      <p className="chart-readout" aria-hidden="true" data-readout>{tip ?? '\u00a0'}</p>
    </div>
  );
}
