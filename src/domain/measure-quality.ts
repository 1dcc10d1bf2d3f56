/**
 * Quality rules for measures and assessment evidence, as `npm run data:check` reports them:
 * every source is an exact page (a path beyond "/", never a publisher's home page), every
 * confirmed fact has its source, an inferred one says why, commitment codes exist, steps are
 * in date order. Pure: the inputs are plain rows, from content/ or from the database.
 */
import type { SeedContent } from './content-schema';
import { isExactSource, type DataViolation } from './data-quality';

export type { DataViolation };


/** A source as the rules see it. */
export interface SourceToCheck {
  url?: string | null;
  confidence?: string | null;
  note?: string | null;
}

/** A measure as the rules see it. */
export interface MeasureToCheck {
  /** The file it came from; by default `content/measures/{party}.yaml`. */
  file?: string;
  id: string;
  party: string;
  steps: { step: string; date: string; source?: SourceToCheck | null }[];
  sources: (SourceToCheck & { role: string })[];
  commitments: { code: string }[];
}

/** An assessment's evidence and cited measures as the rules see them. */
export interface EvidenceToCheck {
  /** The file it came from; by default `content/assessments/{party}.yaml`. */
  file?: string;
  key: string;
  party: string;
  measures?: readonly string[];
  evidence: (SourceToCheck & { grade?: string })[];
}

/**
 * True when `url` is an http(s) address of an exact page: the same rule as every fact row's
 * (`isExactSource`: not a site's front door, a bare language path or an index file).
 */
export function isExactPage(url: string): boolean {
  return /^https?:\/\//i.test(url) && isExactSource(url);
}

function sourceViolations(source: SourceToCheck | null | undefined, file: string, row: string, field: string): DataViolation[] {
  const out: DataViolation[] = [];
  if (!source || !source.url) {
    out.push({ file, row, field, message: source?.confidence === 'confirmed' ? 'confirmed but has no source' : 'has no source' });
    return out;
  }
  if (!isExactPage(source.url)) out.push({ file, row, field: `${field}.url`, message: `"${source.url}" is not an exact page (a home page or not a web address)` });
  if (source.confidence === 'inferred' && !source.note?.trim()) out.push({ file, row, field: `${field}.note`, message: 'inferred, but the reasoning (note) is missing' });
  return out;
}

/** Checks measures; `commitmentCodes` are the codes that exist, `partySlugs` the known parties. */
export function checkMeasures(
  measures: readonly MeasureToCheck[],
  commitmentCodes: ReadonlySet<string>,
  partySlugs?: ReadonlySet<string>,
): DataViolation[] {
  const out: DataViolation[] = [];
  const seen = new Set<string>();
  for (const m of measures) {
    const file = m.file ?? `content/measures/${m.party}.yaml`;
    if (seen.has(m.id)) out.push({ file, row: m.id, field: 'id', message: 'is defined twice' });
    seen.add(m.id);
    if (partySlugs && !partySlugs.has(m.party)) out.push({ file, row: m.id, field: 'party', message: `unknown party "${m.party}"` });
    if (!m.id.startsWith(`${m.party}-`)) out.push({ file, row: m.id, field: 'id', message: `should start with its party, "${m.party}-"` });
    if (m.sources.length === 0) out.push({ file, row: m.id, field: 'sources', message: 'has no source' });
    m.sources.forEach((s, i) => out.push(...sourceViolations(s, file, m.id, `sources[${i}]`)));
    m.steps.forEach((s, i) => {
      out.push(...sourceViolations(s.source, file, m.id, `steps[${i}].source`));
      const previous = m.steps[i - 1];
      if (previous && s.date < previous.date) out.push({ file, row: m.id, field: `steps[${i}].date`, message: `${s.date} is before the step above it (${previous.date}): steps go oldest first` });
    });
    const codes = new Set<string>();
    m.commitments.forEach((c, i) => {
      if (!commitmentCodes.has(c.code)) out.push({ file, row: m.id, field: `commitments[${i}].code`, message: `unknown commitment "${c.code}"` });
      if (codes.has(c.code)) out.push({ file, row: m.id, field: `commitments[${i}].code`, message: `"${c.code}" is listed twice` });
      codes.add(c.code);
    });
  }
  return out;
}

/** Checks assessments' evidence and cited measures; `measureIds` are the measures that exist. */
export function checkEvidence(assessments: readonly EvidenceToCheck[], measureIds: ReadonlySet<string>): DataViolation[] {
  const out: DataViolation[] = [];
  for (const a of assessments) {
    const file = a.file ?? `content/assessments/${a.party}.yaml`;
    if (a.evidence.length === 0 && (a.measures ?? []).length === 0) out.push({ file, row: a.key, field: 'evidence', message: 'rests on nothing: no evidence and no cited measure' });
    a.evidence.forEach((e, i) => out.push(...sourceViolations(e, file, a.key, `evidence[${i}]`)));
    (a.measures ?? []).forEach((id, i) => {
      if (!measureIds.has(id)) out.push({ file, row: a.key, field: `measures[${i}]`, message: `unknown measure "${id}"` });
    });
  }
  return out;
}

/**
 * The references the seed cannot load without (unknown parties, commitments, measures,
 * duplicate ids), as one line each. Exact-page and ordering rules are data:check's, not the
 * seed's: older rows break them and still load.
 */
export function measureCrossReferenceProblems(content: {
  parties: readonly { slug: string }[];
  instruments: readonly { commitments: readonly { code: string }[] }[];
  measures: readonly MeasureToCheck[];
  assessments: readonly { key: string; party: string; measures?: readonly string[] }[];
  researchNotes: readonly { party: string }[];
}): string[] {
  const parties = new Set(content.parties.map((p) => p.slug));
  const codes = new Set(content.instruments.flatMap((i) => i.commitments.map((c) => c.code)));
  const referenceRule = (v: DataViolation) => /unknown|twice/.test(v.message);
  const measureIds = new Set(content.measures.map((m) => m.id));
  const problems = [
    ...checkMeasures(content.measures, codes, parties).filter(referenceRule),
    ...checkEvidence(content.assessments.map((a) => ({ ...a, evidence: [], measures: a.measures ?? [] })), measureIds).filter(referenceRule),
  ].map((v) => `${v.file}: ${v.row}: ${v.field}: ${v.message}`);
  const notes = new Set<string>();
  for (const n of content.researchNotes) {
    if (!parties.has(n.party)) problems.push(`content/research/${n.party}.yaml: unknown party "${n.party}"`);
    if (notes.has(n.party)) problems.push(`content/research: party "${n.party}" has two notes`);
    notes.add(n.party);
  }
  return problems;
}

/** data:check's checker for measures and assessment evidence in content/ (all files). */
export function checkMeasureContent(content: SeedContent): DataViolation[] {
  const codes = new Set(content.instruments.flatMap((i) => i.commitments.map((c) => c.code)));
  const parties = new Set(content.parties.map((p) => p.slug));
  const measureIds = new Set(content.measures.map((m) => m.id));
  const assessments = content.assessments.map((a) => ({
    file: 'measures' in a ? `assessments/${a.party}.yaml` : 'assessments.yaml',
    key: a.key,
    party: a.party,
    measures: 'measures' in a ? a.measures : [],
    evidence: a.evidence.map((e) => ({ url: e.url, confidence: 'confidence' in e ? (e.confidence as string) : null, note: 'note' in e ? (e.note as string | undefined) : null })),
  }));
  return [
    ...checkMeasures(content.measures.map((m) => ({ ...m, file: `measures/${m.party}.yaml` })), codes, parties),
    ...checkEvidence(assessments, measureIds),
  ];
}
