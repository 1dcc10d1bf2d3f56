/**
 * Horizontal bars of scores (0..1) with hover details. The same numbers are in a table in the
 * server HTML next to it; this island only adds the picture and the hover.
 */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { scoreColor } from '../lib/colors';
import { percent } from './chart-format';

export interface ScoreBar {
  label: string;
  score: number | null;
  coverage: number | null;
}

interface Props {
  bars: ScoreBar[];
  lang: string;
  /** Accessible name of the chart (the table beside it carries the same numbers). */
  title: string;
  coverageLabel: string;
}

export default function ScoreBars({ bars, lang, title, coverageLabel }: Props) {
  const data = bars.map((b) => ({ ...b, value: b.score ?? 0 }));
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <figure className="chart" aria-label={title} data-chart="score-bars">
      <div style={{ width: '100%', height }} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid horizontal={false} stroke="#e5e7eb" />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => percent(lang, v)} />
            <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const row = item.payload as ScoreBar;
                return [`${row.score === null ? '—' : percent(lang, row.score)} (${coverageLabel} ${row.coverage === null ? '—' : percent(lang, row.coverage)})`, title];
              }}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.label} fill={scoreColor(d.score)} stroke="#1b1f24" strokeWidth={0.5} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
