/**
 * Lines of cumulative counts over time (signatures, ratifications) or an indicator's series,
 * with hover. The same numbers are in a table in the server HTML.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count } from './chart-format';

export interface SeriesPoint {
  date: string;
  [series: string]: number | string;
}

interface Props {
  points: SeriesPoint[];
  series: { key: string; label: string; color: string }[];
  lang: string;
  title: string;
}

export default function ProgressLines({ points, series, lang, title }: Props) {
  const dateLabel = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <figure className="chart" aria-label={title} data-chart="progress-lines">
      <div style={{ width: '100%', height: 280 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e5e7eb" />
            <XAxis dataKey="date" tickFormatter={dateLabel} minTickGap={24} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tickFormatter={(v: number) => count(lang, v)} width={56} />
            <Tooltip labelFormatter={(label) => dateLabel(String(label))} formatter={(v) => count(lang, Number(v))} />
            <Legend />
            {series.map((s) => (
              <Line key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
