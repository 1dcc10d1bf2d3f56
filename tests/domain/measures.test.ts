import { describe, expect, it } from 'vitest';
import { appliesToPartyKind, commitmentsForPartyKind } from '../../src/domain/applicability';
import { measureRowSchema, partyAssessmentRowSchema, researchNoteFileSchema } from '../../src/domain/measure-content';
import { checkEvidence, checkMeasures, isExactPage, type MeasureToCheck } from '../../src/domain/measure-quality';
import { scoreStatuses } from '../../src/domain/scoring';
import { assessmentBasis, countBases } from '../../src/domain/basis';

describe('applicability by kind of party', () => {
  it('binds states to state-only commitments, companies to company ones, everyone to all', () => {
    expect(appliesToPartyKind('states', 'state')).toBe(true);
    expect(appliesToPartyKind('states', 'company')).toBe(false);
    expect(appliesToPartyKind('states', 'international_organisation')).toBe(false);
    expect(appliesToPartyKind('companies', 'company')).toBe(true);
    expect(appliesToPartyKind('companies', 'state')).toBe(false);
    expect(appliesToPartyKind('all', 'company')).toBe(true);
    expect(appliesToPartyKind('all', 'regional_organisation')).toBe(true);
  });

  it('keeps state-only commitments out of a company score: they never drag it down', () => {
    const commitments = [
      { code: 'BJS-1', partyKinds: 'states' as const, status: 'not_started' as const },
      { code: 'BJS-4', partyKinds: 'all' as const, status: 'substantial' as const },
      { code: 'BJS-5', partyKinds: 'all' as const, status: 'complete' as const },
    ];
    const forCompany = commitmentsForPartyKind(commitments, 'company');
    expect(forCompany.map((c) => c.code)).toEqual(['BJS-4', 'BJS-5']);
    const company = scoreStatuses(forCompany.map((c) => c.status));
    const ifCounted = scoreStatuses(commitments.map((c) => c.status));
    expect(company.applicable).toBe(2);
    expect(company.score!).toBeGreaterThan(ifCounted.score!);
    expect(commitmentsForPartyKind(commitments, 'state')).toHaveLength(3);
  });
});

const good: MeasureToCheck = {
  id: 'tha-decree-2025',
  party: 'tha',
  steps: [
    { step: 'adopted', date: '2025-04-12', source: { url: 'https://example.org/a/1', confidence: 'confirmed' } },
    { step: 'in_force', date: '2025-04-13', source: { url: 'https://example.org/a/2', confidence: 'reported' } },
  ],
  sources: [{ role: 'official', url: 'https://example.org/gazette/1', confidence: 'confirmed' }],
  commitments: [{ code: 'UNCC-13' }],
};
const codes = new Set(['UNCC-13', 'BJS-6']);

describe('measure quality rules', () => {
  it('accepts exact pages only', () => {
    expect(isExactPage('https://example.org/page')).toBe(true);
    expect(isExactPage('https://example.org/?p=12')).toBe(true);
    expect(isExactPage('https://example.org/')).toBe(false);
    expect(isExactPage('https://example.org')).toBe(false);
    expect(isExactPage('ftp://example.org/file')).toBe(false);
    expect(isExactPage('not a url')).toBe(false);
  });

  it('passes a clean measure', () => {
    expect(checkMeasures([good], codes, new Set(['tha']))).toEqual([]);
  });

  it('names each broken rule with file, row and field', () => {
    const bad: MeasureToCheck = {
      id: 'bgd-law-2025',
      party: 'tha',
      steps: [
        { step: 'in_force', date: '2025-05-01', source: { url: 'https://gov.example/', confidence: 'confirmed' } },
        { step: 'adopted', date: '2025-04-01', source: { url: 'https://example.org/x', confidence: 'inferred' } },
        { step: 'amended', date: '2025-06-01', source: { confidence: 'confirmed' } },
      ],
      sources: [],
      commitments: [{ code: 'NOPE-1' }, { code: 'UNCC-13' }, { code: 'UNCC-13' }],
    };
    const v = checkMeasures([bad, good, good], codes, new Set(['tha']));
    const lines = v.map((x) => `${x.file}|${x.row}|${x.field}|${x.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/measures\/tha.yaml\|bgd-law-2025\|id\|should start with/),
        expect.stringMatching(/\|sources\|has no source/),
        expect.stringMatching(/\|steps\[0\]\.source\.url\|"https:\/\/gov.example\/" is not an exact page/),
        expect.stringMatching(/\|steps\[1\]\.date\|2025-04-01 is before/),
        expect.stringMatching(/\|steps\[1\]\.source\.note\|inferred/),
        expect.stringMatching(/\|steps\[2\]\.source\|confirmed but has no source/),
        expect.stringMatching(/\|commitments\[0\]\.code\|unknown commitment "NOPE-1"/),
        expect.stringMatching(/\|commitments\[2\]\.code\|"UNCC-13" is listed twice/),
        expect.stringMatching(/\|tha-decree-2025\|id\|is defined twice/),
      ]),
    );
  });

  it('checks evidence pages and cited measures', () => {
    const v = checkEvidence(
      [
        { key: 'a', party: 'bgd', measures: ['bgd-x-2025'], evidence: [{ url: 'https://www.mdes.go.th/', confidence: 'reported' }] },
        { key: 'b', party: 'bgd', evidence: [] },
        { key: 'c', party: 'bgd', measures: ['tha-decree-2025'], evidence: [] },
      ],
      new Set(['tha-decree-2025']),
    );
    expect(v.map((x) => [x.row, x.field])).toEqual([
      ['a', 'evidence[0].url'],
      ['a', 'measures[0]'],
      ['b', 'evidence'],
    ]);
  });
});

describe('the agreed content format', () => {
  const source = { url: 'https://example.org/p', publisher: 'Publisher', confidence: 'reported', checkedOn: '2026-12-05' };
  it('accepts a measure as the contract writes it and refuses a bad one', () => {
    const row = {
      id: 'tha-emergency-decree-2025',
      party: 'tha',
      kind: 'decree',
      titleEn: 'Emergency Decree',
      titleTh: 'พระราชกำหนด',
      titleOriginal: 'พระราชกำหนด',
      originalLanguage: 'th',
      summaryEn: 'What it does, in our words.',
      summaryTh: 'สิ่งที่ทำ',
      steps: [{ step: 'adopted', date: '2025-04-12', source }],
      sources: [{ role: 'secondary', title: 'A report', ...source }],
      commitments: [{ code: 'UNCC-13', extent: 'covers', noteEn: 'Why.', noteTh: 'เหตุผล' }],
    };
    expect(measureRowSchema.safeParse(row).success).toBe(true);
    expect(measureRowSchema.safeParse({ ...row, sources: [] }).success).toBe(false);
    expect(measureRowSchema.safeParse({ ...row, kind: 'treaty' }).success).toBe(false);
    expect(measureRowSchema.safeParse({ ...row, steps: [{ step: 'adopted', date: '2025-02-30', source }] }).success).toBe(false);
    expect(measureRowSchema.safeParse({ ...row, steps: [{ step: 'adopted', date: '2025-02-03', source: { ...source, confidence: 'inferred' } }] }).success).toBe(false);
  });

  it('accepts an assessment resting on measures only, not one resting on nothing', () => {
    const row = { key: 'bgd-bjs-7', party: 'bgd', commitment: 'BJS-7', status: 'limited', assessor: 'independent', asOf: '2026-12-01', publishedAt: '2026-12-05', narrativeEn: 'Found this and not that.', measures: ['bgd-law-2025'], confidence: 'reported' };
    expect(partyAssessmentRowSchema.safeParse(row).success).toBe(true);
    expect(partyAssessmentRowSchema.safeParse({ ...row, measures: [] }).success).toBe(false);
    expect(researchNoteFileSchema.safeParse({ party: 'bgd', checkedOn: '2026-12-05', noteEn: 'Searched the gazette.', notFound: [{ en: 'No SIM rule.', th: 'ไม่พบ' }] }).success).toBe(true);
  });
});

describe('what an assessment rests on', () => {
  it('counts law or official evidence, or a cited measure with an official source, as law or official', () => {
    expect(assessmentBasis(['media', 'official'], [])).toBe('law_or_official');
    expect(assessmentBasis(['law'], [])).toBe('law_or_official');
    expect(assessmentBasis([], [{ hasOfficialSource: true }])).toBe('law_or_official');
    expect(assessmentBasis(['media'], [{ hasOfficialSource: true }])).toBe('law_or_official');
  });

  it('counts media evidence and measures on secondary sources only as media alone', () => {
    expect(assessmentBasis(['media', 'media'], [])).toBe('media_only');
    expect(assessmentBasis(['media'], [{ hasOfficialSource: false }])).toBe('media_only');
    expect(assessmentBasis([], [{ hasOfficialSource: false }])).toBe('media_only');
    expect(assessmentBasis(['media', 'other'], [])).toBe('other');
    expect(assessmentBasis([], [])).toBe('other');
    expect(countBases(['media_only', 'law_or_official', 'media_only'])).toEqual({ law_or_official: 1, media_only: 2, other: 0 });
  });
});
