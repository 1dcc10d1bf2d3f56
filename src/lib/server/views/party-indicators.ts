/**
 * The view model of a party's indicators page (`/parties/{code}/indicators`): every reported
 * value of each of the party's indicators known on the view's day, with the party's name in
 * the page's language. The scorecard shows each indicator's latest value and links here.
 */
import type { Database } from '../../../../db/client';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import type { Locale } from '../../../i18n/locales';
import { getParty, getPartyIndicators, type PartyRecord } from '../queries/parties';

export type PartyIndicatorView = Awaited<ReturnType<typeof getPartyIndicators>>[number];

export interface PartyIndicatorsView {
  party: PartyRecord;
  name: string;
  asOf: string;
  indicators: PartyIndicatorView[];
}

/** The indicators page of `code` on `asOf`, or null when no such party exists. */
export async function buildPartyIndicatorsView(db: Database, code: string, { locale, asOf, translations = NO_TRANSLATIONS }: { locale: Locale; asOf: string; translations?: DataTranslations }): Promise<PartyIndicatorsView | null> {
  const party = await getParty(db, code);
  if (!party) return null;
  const indicators = await getPartyIndicators(db, party.slug, asOf);
  return { party, name: localText(locale, translations, party.nameEn, party.nameTh).text, asOf, indicators };
}
