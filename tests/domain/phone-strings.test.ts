/** Counted phrases by the language's plural rules, names sorted as readers sort them, Thai short names. */
import { describe, expect, it } from 'vitest';
import { compareNames, countText, instrumentShortName, sortByName } from '../../src/i18n/phone-strings';

describe('countText', () => {
  it('says "1 commitment" and "2 commitments" in English', () => {
    expect(countText('en', 'ratedOf', 1, { rated: 1, applicable: 1 })).toBe('1 of 1 commitment rated');
    expect(countText('en', 'ratedOf', 7, { rated: 0, applicable: 7 })).toBe('0 of 7 commitments rated');
    expect(countText('en', 'parties', 1, { count: '1' })).toBe('1 party');
    expect(countText('en', 'parties', 0, { count: '0' })).toBe('0 parties');
    expect(countText('en', 'parties', 1234, { count: '1,234' })).toBe('1,234 parties');
  });

  it('has one form in Thai', () => {
    expect(countText('th', 'parties', 1, { count: '1' })).toBe('1 ภาคี');
    expect(countText('th', 'parties', 5, { count: '5' })).toBe('5 ภาคี');
  });

  it('leaves a placeholder it was not given as it is', () => {
    expect(countText('en', 'columns', 2, {})).toBe('{count} columns');
  });
});

describe('sorting names', () => {
  it('puts "Côte d\'Ivoire" before "Czechia" and ignores case', () => {
    expect(sortByName('en', ['Czechia', "Côte d'Ivoire", 'cuba', 'Colombia'], (n) => n)).toEqual(['Colombia', "Côte d'Ivoire", 'cuba', 'Czechia']);
    expect(compareNames('en', 'Åland', 'Zambia')).toBeLessThan(0);
  });

  it('sorts Thai names in Thai order (leading vowels are skipped, as a Thai dictionary does)', () => {
    expect(sortByName('th', ['ไทย', 'กัมพูชา', 'เวียดนาม'], (n) => n)).toEqual(['กัมพูชา', 'ไทย', 'เวียดนาม']);
  });
});

describe('instrumentShortName', () => {
  const uncc = { shortName: 'UN Cybercrime Convention', shortNameTh: 'อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์' };
  it('gives the Thai short name on Thai pages and the English one elsewhere or when none is recorded', () => {
    expect(instrumentShortName('th', uncc)).toBe(uncc.shortNameTh);
    expect(instrumentShortName('en', uncc)).toBe(uncc.shortName);
    expect(instrumentShortName('th', { shortName: 'ACTIP', shortNameTh: null })).toBe('ACTIP');
  });
});
