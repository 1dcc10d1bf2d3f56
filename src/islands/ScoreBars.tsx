/**
 * Bars of scores (0..1), one row each with its label and value, the bar across the whole width;
 * a score that is not rated is a hatched band labelled "not rated", never an empty bar. The
 * numbers are also in a table in the server HTML, and the chart itself is drawn on the server.
 */
import { layoutScoreBars } from '../domain/chart-layout';
import { scoreColor } from '../lib/colors';
import ChartPlot from './ChartPlot';

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
  /** What a bar with no score says; by default "not rated" in the page's language. */
  notRatedLabel?: string;
}

export default function ScoreBars({ bars, lang, title, coverageLabel, notRatedLabel }: Props) {
  const words = { lang, coverage: coverageLabel, notRated: notRatedLabel ?? (lang.startsWith('th') ? 'ยังไม่ได้ประเมิน' : 'not rated') };
  return (
    <div className="chart" aria-label={title} role="group" data-chart-kind="score-bars">
      <ChartPlot name="score-bars" layoutAt={(width) => layoutScoreBars(bars, width, words, scoreColor)} />
    </div>
  );
}
