/**
 * Series over time on a time scale running to the page's day: running counts (signatures,
 * deposits) as steps with a dot at each event, or an indicator's observations as dots joined
 * only where comparable. The legend names every series; the numbers are also in a table in the
 * server HTML, and the chart itself is drawn on the server.
 */
import { layoutTimeSeries, type TimeSeries, type TimeSpec, type ValueUnit } from '../domain/chart-layout';
import ChartPlot from './ChartPlot';

export interface SeriesPoint {
  date: string;
  [series: string]: number | string;
}

interface Props {
  /** Rows of values by date, one column per series key (the older, table-shaped input). */
  points?: SeriesPoint[];
  series?: { key: string; label: string; color: string }[];
  lang: string;
  title: string;
  /** The series with their own points (takes the place of `points` and `series`). */
  seriesData?: TimeSeries[];
  /** Last day of the time axis (the page's `as_of`); today by default. */
  endDate?: string;
  unit?: ValueUnit;
  /** How `points`/`series` are drawn: running counts as steps (default) or observations as dots. */
  style?: 'step' | 'dots';
}

/** The series of the table-shaped input. */
function fromRows(points: SeriesPoint[], series: { key: string; label: string; color: string }[], style: 'step' | 'dots'): TimeSeries[] {
  return series.map((s) => ({ ...s, style, points: points.filter((p) => typeof p[s.key] === 'number').map((p) => ({ date: p.date, value: p[s.key] as number })) }));
}

export default function ProgressLines({ points = [], series = [], lang, title, seriesData, endDate, unit = 'count', style = 'step' }: Props) {
  const data = seriesData ?? fromRows(points, series, style);
  const spec: TimeSpec = { kind: 'time', series: data, endDate: endDate ?? new Date().toISOString().slice(0, 10), unit };
  return (
    <div className="chart" aria-label={title} role="group" data-chart-kind="progress-lines">
      {data.length > 1 && (
        <ul className="chart-legend">
          {data.map((s) => (
            <li key={s.key}><span className="chart-key" style={{ background: s.color }} aria-hidden="true"></span>{s.label}</li>
          ))}
        </ul>
      )}
      <ChartPlot name="progress-lines" layoutAt={(width) => layoutTimeSeries(spec, width, { lang, notRated: '', coverage: '' })} />
    </div>
  );
}
