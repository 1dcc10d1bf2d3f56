/**
 * What an assessment rests on, so a score can say it: law or official sources (any evidence
 * graded `law` or `official`, or a cited measure that has an official source), media alone
 * (no such source: every piece of evidence is `media`, and any cited measure stands on
 * secondary sources only), or something else (evidence graded `other` among the rest).
 */
import type { EvidenceGrade } from './vocabulary';

export const BASES = ['law_or_official', 'media_only', 'other'] as const;
export type Basis = (typeof BASES)[number];

/** The basis of one assessment from its evidence grades and whether each cited measure has an official source. */
export function assessmentBasis(grades: readonly EvidenceGrade[], citedMeasures: readonly { hasOfficialSource: boolean }[]): Basis {
  if (grades.some((g) => g === 'law' || g === 'official') || citedMeasures.some((m) => m.hasOfficialSource)) return 'law_or_official';
  if (grades.length + citedMeasures.length > 0 && grades.every((g) => g === 'media')) return 'media_only';
  return 'other';
}

/** How many assessments rest on each basis. */
export function countBases(bases: readonly Basis[]): Record<Basis, number> {
  const counts: Record<Basis, number> = { law_or_official: 0, media_only: 0, other: 0 };
  for (const b of bases) counts[b] += 1;
  return counts;
}
