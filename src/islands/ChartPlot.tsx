/**
 * Draws a laid-out chart (src/domain/chart-layout.ts) as SVG in React: the one renderer the chart
 * islands share. It renders on the server at a phone's width (so the page has the chart before
 * any JavaScript runs, and the same marks as the downloaded file), then re-lays itself out at the
 * width it really has and shows the value under the pointer.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { CHART_INK, type ChartLayout, type Mark } from '../domain/chart-layout';

/** Width the server lays a chart out at: a 390 px phone less the page's padding. */
export const SERVER_CHART_WIDTH = 358;

interface Props {
  layoutAt: (width: number) => ChartLayout;
  /** Names the chart for `data-chart` (tests, styles). */
  name: string;
}

function drawMark(mark: Mark, i: number, hatch: string, onTip: (tip: string | null) => void) {
  const hover = 'tip' in mark && mark.tip ? { onMouseEnter: () => onTip(mark.tip ?? null), onMouseLeave: () => onTip(null) } : {};
  const title = 'tip' in mark && mark.tip ? <title>{mark.tip}</title> : null;
  switch (mark.kind) {
    case 'rect':
      return <rect key={i} x={mark.x} y={mark.y} width={mark.w} height={mark.h} fill={mark.hatch ? `url(#${hatch})` : mark.fill} stroke={mark.stroke} strokeWidth={mark.stroke ? 0.75 : undefined} strokeDasharray={mark.hatch ? '3 2' : undefined} {...hover}>{title}</rect>;
    case 'line':
      return <line key={i} x1={mark.x1} y1={mark.y1} x2={mark.x2} y2={mark.y2} stroke={mark.stroke} strokeWidth={mark.width} strokeDasharray={mark.dash} />;
    case 'path':
      return <path key={i} d={mark.d} fill="none" stroke={mark.stroke} strokeWidth={mark.width} />;
    case 'circle':
      return <circle key={i} cx={mark.cx} cy={mark.cy} r={mark.r} fill={mark.fill} stroke={mark.stroke} strokeWidth={1.5} {...hover}>{title}</circle>;
    case 'text':
      return <text key={i} x={mark.x} y={mark.y} fontSize={mark.size} textAnchor={mark.anchor} fontWeight={mark.weight === 'bold' ? 700 : undefined} fill={mark.fill ?? CHART_INK.text}>{mark.text}</text>;
  }
}

/** The chart, fitted to its container's width. */
export default function ChartPlot({ layoutAt, name }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(SERVER_CHART_WIDTH);
  const [tip, setTip] = useState<string | null>(null);
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(160, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const layout = layoutAt(width);
  return (
    <div className="chart-plot" ref={box} data-chart={name}>
      <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true" focusable="false">
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={CHART_INK.track} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_INK.hatch} strokeWidth="2" />
          </pattern>
        </defs>
        {layout.marks.map((m, i) => drawMark(m, i, hatch, setTip))}
      </svg>
      <p className="chart-readout" aria-hidden="true">{tip ?? '\u00a0'}</p>
    </div>
  );
}
