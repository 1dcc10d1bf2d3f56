/**
 * Interface strings for reading on a phone and for the site's frame (the "scroll sideways"
 * hint, the extra header links, the staff sign-in link), plus the locale-aware helpers every
 * list and count uses: plurals (Intl.PluralRules) and sorting (Intl.Collator). TypeScript
 * makes every other language's table carry every English key.
 */
import { LANGUAGE_TAGS, type Locale } from './locales';

const en = {
  'scroll.hint': 'Scroll sideways to see every column',
  'nav.changes': 'What changed',
  'nav.data': 'Data',
  'nav.themes': 'Themes',
  'footer.signIn': 'Staff sign-in',
};
export type PhoneStringKey = keyof typeof en;

const th: Record<PhoneStringKey, string> = {
  'scroll.hint': 'เลื่อนไปด้านข้างเพื่อดูทุกคอลัมน์',
  'nav.changes': 'มีอะไรเปลี่ยนแปลง',
  'nav.data': 'ข้อมูล',
  'nav.themes': 'ประเด็น',
  'footer.signIn': 'เข้าสู่ระบบสำหรับเจ้าหน้าที่',
};

const id: Record<PhoneStringKey, string> = {
  'scroll.hint': 'Geser ke samping untuk melihat semua kolom',
  'nav.changes': 'Apa yang berubah',
  'nav.data': 'Data',
  'nav.themes': 'Tema',
  'footer.signIn': 'Masuk untuk staf',
};

const strings: Record<Locale, Record<PhoneStringKey, string>> = { en, th, id };

/** The phone-reading or site-frame string for `key` in `locale`. */
export function phoneText(locale: Locale, key: PhoneStringKey): string {
  return strings[locale][key];
}

/** The hint above a table wider than its box. */
export function scrollHint(locale: Locale): string {
  return strings[locale]['scroll.hint'];
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/**
 * The form of a counted noun that `count` takes in `locale` ("1 commitment", "2 commitments").
 * `forms` gives a form per plural category the language uses; `other` is required (Thai has
 * only `other`: nouns do not change with number).
 */
export function pluralForm(locale: Locale, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LANGUAGE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

/** Counted phrases, a form per plural category ({count}, {rated}, {applicable} filled in by the caller). */
const COUNTED = {
  en: {
    ratedOf: { one: '{rated} of {applicable} commitment rated', other: '{rated} of {applicable} commitments rated' },
    notAssessed: { one: '{count} commitment not rated', other: '{count} commitments not rated' },
    parties: { one: '{count} party', other: '{count} parties' },
    columns: { one: '{count} column', other: '{count} columns' },
    partiesWithMeasure: { one: '{count} party with a measure', other: '{count} parties with a measure' },
    embedCoverage: { one: '{rated} of {applicable} commitment rated ({coverage})', other: '{rated} of {applicable} commitments rated ({coverage})' },
    previewCoverage: { one: 'Coverage {coverage} · {rated} of {applicable} commitment rated', other: 'Coverage {coverage} · {rated} of {applicable} commitments rated' },
    appliesFooter: { one: '{count} commitment applies to {name}; its scores follow methodology version {version}.', other: '{count} commitments apply to {name}; its scores follow methodology version {version}.' },
  },
  th: {
    ratedOf: { other: 'ประเมินแล้ว {rated} จาก {applicable} พันธกรณี' },
    notAssessed: { other: 'พันธกรณีที่ยังไม่ได้ประเมิน {count} รายการ' },
    parties: { other: '{count} ภาคี' },
    columns: { other: '{count} คอลัมน์' },
    partiesWithMeasure: { other: 'ภาคีที่มีมาตรการ {count} ราย' },
    embedCoverage: { other: 'ประเมินแล้ว {rated} จาก {applicable} พันธกรณี ({coverage})' },
    previewCoverage: { other: 'ความครอบคลุม {coverage} · ประเมินแล้ว {rated} จาก {applicable} พันธกรณี' },
    appliesFooter: { other: 'พันธกรณีที่ใช้กับ{name} {count} รายการ คะแนนคำนวณตามระเบียบวิธีฉบับที่ {version}' },
  },
  // Indonesian, like Thai, has one plural category (`other`): nouns do not change with number.
  id: {
    ratedOf: { other: '{rated} dari {applicable} komitmen dinilai' },
    notAssessed: { other: '{count} komitmen belum dinilai' },
    parties: { other: '{count} pihak' },
    columns: { other: '{count} kolom' },
    partiesWithMeasure: { other: '{count} pihak dengan langkah' },
    embedCoverage: { other: '{rated} dari {applicable} komitmen dinilai ({coverage})' },
    previewCoverage: { other: 'Cakupan {coverage} · {rated} dari {applicable} komitmen dinilai' },
    appliesFooter: { other: '{count} komitmen berlaku bagi {name}; skornya mengikuti metodologi versi {version}.' },
  },
} satisfies Record<Locale, Record<string, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>>;
export type CountedKey = keyof (typeof COUNTED)['en'];

/**
 * A counted phrase in the grammatical number `count` takes ("1 party", "2 parties"), with
 * `values` (already formatted) put in its {placeholders}.
 */
export function countText(locale: Locale, key: CountedKey, count: number, values: Record<string, string | number>): string {
  const form = pluralForm(locale, count, COUNTED[locale][key]);
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const collators = new Map<Locale, Intl.Collator>();
/** Compares two names as a reader of `locale` sorts them ("Côte d'Ivoire" before "Czechia"). */
export function compareNames(locale: Locale, a: string, b: string): number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(LANGUAGE_TAGS[locale], { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare(a, b);
}

/** A copy of `items` in the reading order of `locale`, by the name each shows. */
export function sortByName<T>(locale: Locale, items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNames(locale, nameOf(a), nameOf(b)));
}

/** An instrument's short name in `locale`: the Thai one on Thai pages where the data has it. */
export function instrumentShortName(locale: Locale, instrument: { shortName: string; shortNameTh?: string | null }): string {
  return locale === 'th' && instrument.shortNameTh ? instrument.shortNameTh : instrument.shortName;
}
