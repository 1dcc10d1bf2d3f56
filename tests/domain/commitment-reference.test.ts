/** Commitments' references (article, point, or a description) in Thai and Indonesian. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { localReference } from '../../src/i18n/commitment-reference';

describe('localReference', () => {
  it('turns articles, ranges and points by rule', () => {
    expect(localReference('id', 'Art. 13')).toEqual({ text: 'Pasal 13', lang: 'id' });
    expect(localReference('th', 'Art. 7(2)')).toEqual({ text: 'ข้อ 7(2)', lang: 'th' });
    expect(localReference('id', 'Arts. 49-52')).toEqual({ text: 'Pasal 49–52', lang: 'id' });
    expect(localReference('id', 'Point 1')).toEqual({ text: 'Butir 1', lang: 'id' });
    expect(localReference('en', 'Arts. 49-52')).toEqual({ text: 'Arts. 49-52', lang: 'en' });
  });

  it('keeps a reference worded otherwise in English, and says so', () => {
    expect(localReference('th', 'Paragraph 4 of the chair’s statement')).toEqual({ text: 'Paragraph 4 of the chair’s statement', lang: 'en' });
  });

  it('has Thai and Indonesian for every reference of the seeded instruments', () => {
    const references = [...new Set(loadContent().instruments.flatMap((i) => i.commitments.map((c) => c.reference)))];
    expect(references.length).toBeGreaterThan(20);
    for (const locale of ['th', 'id'] as const) {
      expect(references.filter((r) => localReference(locale, r).lang !== locale), locale).toEqual([]);
    }
  });
});
