/**
 * The Indonesian tables of the pages' own string modules: same placeholders as English, counted
 * forms, form errors; and the open-data dictionary (dataset descriptions, column meanings).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartText, type ChartKey } from '../../src/i18n/chart-strings';
import { citeText, SCORE_MEANINGS, type CiteKey } from '../../src/i18n/cite-strings';
import { describeProblem } from '../../src/i18n/form-messages';
import { countedText, instrumentText, type InstrumentKey } from '../../src/i18n/instrument-strings';
import { countText, phoneText, type PhoneStringKey } from '../../src/i18n/phone-strings';
import { scorecardCount, scorecardText, type ScorecardKey } from '../../src/i18n/scorecard-strings';
import { t } from '../../src/i18n/ui';
import { ROLE_WORDS } from '../../src/i18n/workspace-strings';
import { DATASETS, textIn } from '../../src/lib/api/datasets';

/** The keys of a module's English table, read from its source (the tables themselves are private). */
function englishKeys(file: string): string[] {
  const source = readFileSync(new URL(`../../src/i18n/${file}`, import.meta.url), 'utf8');
  const start = source.indexOf('const en = {');
  const block = source.slice(start, source.indexOf('\n}', start));
  return [...block.matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]!);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const modules: [string, (locale: 'en' | 'id', key: string) => string][] = [
  ['chart-strings.ts', (l, k) => chartText(l, k as ChartKey)],
  ['cite-strings.ts', (l, k) => citeText(l, k as CiteKey)],
  ['instrument-strings.ts', (l, k) => instrumentText(l, k as InstrumentKey)],
  ['phone-strings.ts', (l, k) => phoneText(l, k as PhoneStringKey)],
  ['scorecard-strings.ts', (l, k) => scorecardText(l, k as ScorecardKey)],
];

describe('Indonesian string tables', () => {
  it.each(modules)('%s: every key has Indonesian text with the English placeholders', (file, text) => {
    const keys = englishKeys(file);
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys) {
      const id = text('id', key);
      expect(id, key).toBeTruthy();
      expect(placeholders(id), key).toEqual(placeholders(text('en', key)));
    }
  });

  it('counts with one form, as Indonesian nouns do not change with number', () => {
    expect(countText('id', 'parties', 1, { count: '1' })).toBe('1 pihak');
    expect(countText('id', 'parties', 5, { count: '5' })).toBe('5 pihak');
    expect(countText('id', 'ratedOf', 1, { rated: 1, applicable: 3 })).toBe('1 dari 3 komitmen dinilai');
    expect(scorecardCount('id', 'brief.more', 1)).toBe('…dan {count} lagi.');
    expect(countedText('id', 'count.commitments', 0)).toBe('tidak ada komitmen');
    expect(countedText('id', 'count.commitments', 12)).toBe('12 komitmen');
  });

  it('names form problems, role words, score meanings and the outbox in Indonesian', () => {
    expect(describeProblem('id', 'evidence.2.grade', 'invalid')).toBe('Pilih tingkat bukti.');
    expect(describeProblem('id', 'narrative', 'control')).toMatch(/karakter kontrol/);
    expect(describeProblem('id', 'unknownField', 'missing')).toBe('Isi kolom ini.');
    expect(ROLE_WORDS.id.reviewer).toBe('peninjau');
    expect(SCORE_MEANINGS.id.limited).toMatch(/⅓/);
    expect(t('id', 'ws.nav.mail')).toBe('Kotak keluar');
  });
});

describe('the open-data dictionary in Indonesian', () => {
  /** Every dictionary text with a label naming it: each dataset's description, then its columns' meanings. */
  const texts = DATASETS.flatMap((dataset) => [
    { label: `${dataset.name}: description`, text: dataset.description },
    ...dataset.columns.map((column) => ({ label: `${dataset.name}.${column.name}`, text: column.meaning })),
  ]);
  const codeSpans = (text: string) => text.split('`').filter((_, i) => i % 2 === 1).sort();

  it('every dataset description and column meaning has its own Indonesian text, which textIn gives as lang "id"', () => {
    expect(DATASETS).toHaveLength(13);
    expect(texts.length).toBeGreaterThan(150);
    for (const { label, text } of texts) {
      expect(text.id.trim(), label).not.toBe('');
      expect(text.id, label).not.toBe(text.en);
      expect(textIn(text, 'id'), label).toEqual({ text: text.id, lang: 'id' });
    }
  });

  it('every Indonesian text keeps the code spans of the English exactly', () => {
    for (const { label, text } of texts) {
      expect(text.id.split('`').length % 2, `${label}: unbalanced backticks`).toBe(1);
      expect(codeSpans(text.id), label).toEqual(codeSpans(text.en));
    }
  });
});
