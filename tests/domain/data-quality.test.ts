import { describe, expect, it } from 'vitest';
import type { SeedContent } from '../../src/domain/content-schema';
import { checkFacts, formatViolation, isExactSource, runDataCheckers } from '../../src/domain/data-quality';

const TODAY = '2026-12-05';
function content(participation: Record<string, unknown>): SeedContent {
  return {
    parties: [],
    instruments: [
      {
        file: 'instruments/x.yaml',
        slug: 'x',
        shortName: 'X',
        titleEn: 'Example treaty',
        titleTh: 'ตัวอย่าง',
        summaryEn: 'An example treaty for the test.',
        summaryTh: 'ตัวอย่างสนธิสัญญา',
        type: 'treaty',
        legalForce: 'binding',
        adoptedOn: '2024-12-24',
        adoptedPlace: 'New York',
        confidence: 'confirmed',
        source: { url: 'https://treaties.un.org/doc/x.xml', publisher: 'UN Treaty Collection' },
        checkedOn: '2026-12-01',
        commitments: [],
        participations: [{ party: 'aze', action: 'signature', confidence: 'confirmed', checkedOn: '2026-12-01', reservations: [], declarations: [], ...participation } as SeedContent['instruments'][number]['participations'][number]],
      },
    ],
    assessments: [],
    indicators: [],
    conferences: [],
    domesticSteps: [],
    openQuestions: [],
    measures: [],
    researchNotes: [],
  };
}

describe('isExactSource', () => {
  it('tells a home page from an exact page', () => {
    for (const home of ['https://asean.org/', 'https://www.mfa.go.th/en', 'https://www.unodc.org', 'https://x.org/th/', 'https://x.org/index.html', '', 'not a url']) expect(isExactSource(home), home).toBe(false);
    for (const page of ['https://www.trend.az/azerbaijan/politics/4151684.html', 'https://sgmylive.com/?p=34394', 'https://www.iso.org/obp/ui/#search']) expect(isExactSource(page), page).toBe(true);
  });
});

describe('checkFacts', () => {
  it('passes a confirmed row on an exact page', () => {
    expect(checkFacts(content({ source: { url: 'https://treaties.un.org/doc/x.xml', publisher: 'UNTC' } }), TODAY)).toEqual([]);
  });

  it('names the file and row of a confirmed row citing a home page', () => {
    const v = checkFacts(content({ source: { url: 'https://asean.org/', publisher: 'ASEAN Secretariat' } }), TODAY);
    expect(v).toEqual([expect.objectContaining({ file: 'instruments/x.yaml', row: 'participations[aze signature]', field: 'source.url' })]);
    expect(formatViolation(v[0]!)).toMatch(/^instruments\/x\.yaml: participations\[aze signature\]: source\.url: a home page/);
  });

  it('refuses a confirmed row without a source, an inferred row without reasoning, and a check dated in the future', () => {
    expect(checkFacts(content({}), TODAY).map((v) => v.field)).toEqual(['confidence']);
    expect(checkFacts(content({ confidence: 'inferred' }), TODAY).map((v) => v.field)).toEqual(['note']);
    expect(checkFacts(content({ confidence: 'reported', checkedOn: '2027-01-01' }), TODAY).map((v) => v.field)).toEqual(['checkedOn']);
  });

  it('refuses a home page at any confidence, and allows a reported row without a source', () => {
    for (const confidence of ['reported', 'inferred']) {
      const v = checkFacts(content({ confidence, note: 'reasoning', source: { url: 'https://asean.org/', publisher: 'ASEAN' } }), TODAY);
      expect(v.map((x) => x.field), confidence).toEqual(['source.url']);
    }
    expect(checkFacts(content({ confidence: 'reported' }), TODAY)).toEqual([]);
  });

  it('runs every checker in a list', () => {
    const extra = () => [{ file: 'measures.yaml', row: 'm1', field: 'x', message: 'from another checker' }];
    const v = runDataCheckers([checkFacts, extra], content({}), TODAY);
    expect(v.map((x) => x.file)).toEqual(['instruments/x.yaml', 'measures.yaml']);
  });
});

describe('checkFacts on indicators', () => {
  const value = (v: number) => ({ periodEnd: '2025-09-30', periodLabel: 'To September 2025', value: v, confidence: 'confirmed', source: { url: 'https://example.org/statement', publisher: 'Example' }, checkedOn: '2026-12-01' });
  const indicator = (slug: string, values: unknown[]) => ({ slug, nameEn: slug, nameTh: slug, unit: 'count', values }) as unknown as SeedContent['indicators'][number];
  it('refuses the same value, period and page recorded under two indicators', () => {
    const c = { ...content({ confidence: 'confirmed', source: { url: 'https://treaties.un.org/doc/x.xml', publisher: 'UNTC' } }), indicators: [indicator('losses', [value(100400000000)]), indicator('complaints', [value(100400000000)])] };
    const v = checkFacts(c, TODAY).filter((x) => x.file === 'indicators.yaml');
    expect(v.map((x) => [x.row, x.field])).toEqual([['complaints[To September 2025]', 'value']]);
    expect(v[0]?.message).toContain('"losses"');
  });
  it('accepts different values from one page under two indicators', () => {
    const c = { ...content({ confidence: 'confirmed', source: { url: 'https://treaties.un.org/doc/x.xml', publisher: 'UNTC' } }), indicators: [indicator('losses', [value(77360000000)]), indicator('complaints', [value(739494)])] };
    expect(checkFacts(c, TODAY).filter((x) => x.file === 'indicators.yaml')).toEqual([]);
  });
});
