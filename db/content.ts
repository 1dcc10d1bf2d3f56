/**
 * Reads the seed data under content/ and checks it: each file against its schema
 * (src/domain/content-schema.ts), then every cross-reference between files. Throws one
 * error listing every problem, each with the file and the path of the value at fault.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  assessmentsFileSchema,
  conferencesFileSchema,
  domesticStepsFileSchema,
  indicatorsFileSchema,
  instrumentFileSchema,
  openQuestionsFileSchema,
  partiesFileSchema,
  type SeedContent,
} from '../src/domain/content-schema';
import {
  measuresFileSchema,
  partyAssessmentsFileSchema,
  researchNoteFileSchema,
  type MeasureRow,
  type PartyAssessmentRow,
  type ResearchNote,
} from '../src/domain/measure-content';
import { measureCrossReferenceProblems } from '../src/domain/measure-quality';
import { englishSources, translationRows, translationsFileSchema } from '../src/domain/translation-content';
import { DEFAULT_LOCALE, LOCALES } from '../src/i18n/locales';

export type { SeedContent } from '../src/domain/content-schema';

/** The default content folder: `content/` under the working directory (the project root). */
export const CONTENT_DIR = resolve(process.cwd(), 'content');

export class ContentError extends Error {}

/** Loads and checks everything under `dir`. */
export function loadContent(dir: string = CONTENT_DIR): SeedContent {
  const problems: string[] = [];
  const read = <S extends z.ZodTypeAny>(path: string, schema: S): z.infer<S> | null => {
    let data: unknown;
    try {
      data = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${relative(dir, path)}: ${(error as Error).message.split('\n')[0]}`);
      return null;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 20)) {
        problems.push(`${relative(dir, path)}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      return null;
    }
    return result.data;
  };
  const yamlFiles = (sub: string) =>
    (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : [])
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(dir, sub, name));
  /** Optional files: a content folder without them (older fixtures) has none of those rows. */
  const readOptional = <S extends z.ZodTypeAny>(name: string, schema: S): z.infer<S> | null =>
    existsSync(join(dir, name)) ? read(join(dir, name), schema) : null;

  const content: SeedContent = { parties: [], instruments: [], assessments: [], measures: [], researchNotes: [], indicators: [], conferences: [], domesticSteps: [], openQuestions: [] };
  for (const path of yamlFiles('parties')) {
    const file = read(path, partiesFileSchema);
    if (file) content.parties.push(...file.parties.map((p) => ({ ...p, file: relative(dir, path) })));
  }
  for (const path of yamlFiles('instruments')) {
    const file = read(path, instrumentFileSchema);
    if (file) content.instruments.push({ ...file, file: relative(dir, path) });
  }
  const assessmentsFile = read(join(dir, 'assessments.yaml'), assessmentsFileSchema);
  if (assessmentsFile) content.assessments = assessmentsFile.assessments;
  for (const path of yamlFiles('assessments')) {
    const file = read(path, partyAssessmentsFileSchema);
    if (file) content.assessments.push(...file.assessments);
  }
  for (const path of yamlFiles('measures')) {
    const file = read(path, measuresFileSchema);
    if (file) content.measures.push(...file.measures);
  }
  for (const path of yamlFiles('research')) {
    const file = read(path, researchNoteFileSchema);
    if (file) content.researchNotes.push(file);
  }
  const indicatorsFile = read(join(dir, 'indicators.yaml'), indicatorsFileSchema);
  if (indicatorsFile) content.indicators = indicatorsFile.indicators;
  const conferencesFile = read(join(dir, 'conferences.yaml'), conferencesFileSchema);
  if (conferencesFile) content.conferences = conferencesFile.conferences;
  const stepsFile = readOptional('domestic-steps.yaml', domesticStepsFileSchema);
  if (stepsFile) content.domesticSteps = stepsFile.steps;
  const questionsFile = readOptional('open-questions.yaml', openQuestionsFileSchema);
  if (questionsFile) content.openQuestions = questionsFile.questions;

  problems.push(...crossReferenceProblems(content));
  problems.push(...measureCrossReferenceProblems(content));
  // Translations last: each is tied to the English of the content just read.
  const sources = englishSources(content);
  content.translations = [];
  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    for (const path of yamlFiles(join('translations', locale))) {
      const file = read(path, translationsFileSchema);
      if (!file) continue;
      const { rows, problems: found } = translationRows(file, locale, sources);
      content.translations.push(...rows);
      problems.push(...found.map((problem) => `${relative(dir, path)}: ${problem}`));
    }
  }
  if (problems.length > 0) {
    throw new ContentError(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return content;
}

/** Every reference from one file to another must resolve, and keys must be unique. */
export function crossReferenceProblems(content: SeedContent): string[] {
  const problems: string[] = [];
  const unique = (label: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${label} "${key}" is defined twice`);
      seen.add(key);
    }
    return seen;
  };
  const parties = unique('party', content.parties.map((p) => p.slug));
  unique('party iso3', content.parties.flatMap((p) => (p.iso3 ? [p.iso3] : [])));
  const instruments = unique('instrument', content.instruments.map((i) => i.slug));
  const commitments = unique('commitment', content.instruments.flatMap((i) => i.commitments.map((c) => c.code)));
  unique('assessment key', content.assessments.map((a) => a.key));
  unique('indicator', content.indicators.map((i) => i.slug));
  unique('conference', content.conferences.map((c) => c.slug));
  const party = (slug: string | undefined, where: string) => {
    if (slug && !parties.has(slug)) problems.push(`${where}: unknown party "${slug}"`);
  };
  for (const instrument of content.instruments) {
    unique(`participation in ${instrument.slug}`, instrument.participations.map((p) => `${p.party}/${p.action}`));
    for (const p of instrument.participations) party(p.party, `instruments/${instrument.slug}: participation`);
    for (const c of instrument.commitments) {
      party(c.pledgeParty, `instruments/${instrument.slug}: ${c.code}`);
      if (c.applicability === 'party_pledge' && !c.pledgeParty) problems.push(`${c.code}: a party pledge needs pledgeParty`);
      if (c.parent && !commitments.has(c.parent)) problems.push(`${c.code}: unknown parent "${c.parent}"`);
    }
  }
  for (const a of content.assessments) {
    party(a.party, `assessments: ${a.key}`);
    if (!commitments.has(a.commitment)) problems.push(`assessments: ${a.key}: unknown commitment "${a.commitment}"`);
  }
  for (const i of content.indicators) party(i.party, `indicators: ${i.slug}`);
  unique('domestic step', content.domesticSteps.map((s) => `${s.party}/${s.instrument}/${s.step}`));
  for (const s of content.domesticSteps) {
    party(s.party, `domestic-steps: ${s.party}/${s.step}`);
    if (!instruments.has(s.instrument)) problems.push(`domestic-steps: ${s.party}/${s.step}: unknown instrument "${s.instrument}"`);
  }
  unique('open question', content.openQuestions.map((q) => q.key));
  for (const q of content.openQuestions) {
    party(q.party, `open-questions: ${q.key}`);
    if (q.instrument && !instruments.has(q.instrument)) problems.push(`open-questions: ${q.key}: unknown instrument "${q.instrument}"`);
  }
  for (const c of content.conferences) {
    for (const p of c.participants) party(p.party, `conferences: ${c.slug}`);
    for (const o of c.outcomes) if (!instruments.has(o)) problems.push(`conferences: ${c.slug}: unknown outcome "${o}"`);
  }
  return problems;
}
