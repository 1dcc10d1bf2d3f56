/** The themes across the whole monitor: how many commitments, instruments and rated parties each has. */
import { count, countDistinct, eq, ne, and } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, currentAssessments } from '../../../../db/schema';
import { THEMES, type Theme } from '../../../domain/vocabulary';
import { formatNumber } from '../../../i18n/format';
import { countedText, instrumentText } from '../../../i18n/instrument-strings';
import type { Locale } from '../../../i18n/locales';
import { THEME_LABELS } from '../../../i18n/ui';
import { fill } from '../../request-params';

/** One theme's figures, every count from the data as it stands today. */
export interface ThemeCounts {
  theme: Theme;
  /** Commitments filed under the theme, across every instrument. */
  commitments: number;
  /** Instruments with at least one commitment under the theme. */
  instruments: number;
  /** Parties with at least one published rating (a status other than "no evidence") on the theme. */
  partiesRated: number;
  /** Current published ratings on the theme: one per party, commitment and assessor. */
  ratings: number;
}

/** Every theme in vocabulary order, with its counts (zeros for a theme nothing uses yet). */
export async function getThemeCounts(db: Database): Promise<ThemeCounts[]> {
  const [reference, rated] = await Promise.all([
    db
      .select({ theme: commitments.theme, commitments: count(), instruments: countDistinct(commitments.instrumentSlug) })
      .from(commitments)
      .groupBy(commitments.theme),
    db
      .select({ theme: commitments.theme, partiesRated: countDistinct(currentAssessments.partySlug), ratings: count() })
      .from(currentAssessments)
      .innerJoin(commitments, eq(commitments.code, currentAssessments.commitmentCode))
      .where(and(ne(currentAssessments.status, 'no_evidence'), ne(currentAssessments.status, 'not_applicable')))
      .groupBy(commitments.theme),
  ]);
  const byTheme = new Map(reference.map((r) => [r.theme, r]));
  const ratedByTheme = new Map(rated.map((r) => [r.theme, r]));
  return THEMES.map((theme) => ({
    theme,
    commitments: byTheme.get(theme)?.commitments ?? 0,
    instruments: byTheme.get(theme)?.instruments ?? 0,
    partiesRated: ratedByTheme.get(theme)?.partiesRated ?? 0,
    ratings: ratedByTheme.get(theme)?.ratings ?? 0,
  }));
}

/** The /themes page's answer: the theme with the most rated parties, and how many themes have none. */
export function themesAnswer(locale: Locale, counts: readonly ThemeCounts[]): string {
  const top = [...counts].sort((a, b) => b.partiesRated - a.partiesRated)[0];
  if (!top || top.partiesRated === 0) return instrumentText(locale, 'answer.themes.none');
  const most = fill(instrumentText(locale, 'answer.themes.most'), { theme: THEME_LABELS[locale][top.theme], count: formatNumber(locale, top.partiesRated) });
  return `${most} ${countedText(locale, 'answer.themes.unrated', counts.filter((c) => c.partiesRated === 0).length)}`;
}
