/**
 * The shape of the seed data under `content/`. The seed reads the YAML files, checks them
 * against these schemas and refuses to load anything that does not fit, naming the file and
 * the path of the offending value.
 *
 * Every row that states a fact carries its own `source` (URL and publisher) or none, a
 * `confidence` and `checkedOn`, the day it was last checked against its source. There is no
 * file-level default source: a row never borrows a source it did not come from. The rules a
 * row must meet beyond its shape (no `confirmed` without an exact page) are in data-quality.ts.
 */
import { z } from 'zod';
import type { TranslationRow } from './translation-content';
import type { MeasureRow, PartyAssessmentRow, ResearchNote } from './measure-content';
import {
  APPLICABILITIES,
  ASSESSORS,
  CONFERENCE_ROLES,
  CONFIDENCES,
  DELEGATION_LEVELS,
  DOMESTIC_STEPS,
  EVIDENCE_GRADES,
  INSTRUMENT_TYPES,
  LEGAL_FORCES,
  PARTICIPATION_ACTIONS,
  PARTY_KINDS,
  PARTY_KIND_SCOPES,
  REGIONS,
  STATUSES,
  THEMES,
} from './vocabulary';

/** An ISO calendar date, `YYYY-MM-DD`, that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a real calendar date');

/** A party's key: lower-case ISO alpha-3 for states, a short slug for the others. */
export const partySlug = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a lower-case slug');

/** Where a fact comes from. */
export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  publisher: z.string().min(2).max(200),
});

const factFields = {
  source: sourceSchema.optional(),
  confidence: z.enum(CONFIDENCES),
  note: z.string().max(1000).optional(),
  checkedOn: isoDate,
};

/** A reservation or declaration, summarised in the project's words, with the article it concerns. */
export const treatyStatementSchema = z.strictObject({
  article: z.string().min(1).max(80),
  summaryEn: z.string().min(5).max(1000),
  summaryTh: z.string().min(2).max(1000),
});


export const partyRowSchema = z.strictObject({
  slug: partySlug,
  kind: z.enum(PARTY_KINDS),
  iso3: z.string().regex(/^[A-Z]{3}$/).optional(),
  iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
  isoNumeric: z.string().regex(/^\d{3}$/).optional(),
  nameEn: z.string().min(2).max(200),
  nameTh: z.string().min(1).max(200),
  region: z.enum(REGIONS),
  aseanMemberSince: isoDate.optional(),
  aseanObserverSince: isoDate.optional(),
  ...factFields,
});
export const partiesFileSchema = z.strictObject({ parties: z.array(partyRowSchema).min(1) });

export const participationRowSchema = z.strictObject({
  party: partySlug,
  action: z.enum(PARTICIPATION_ACTIONS),
  date: isoDate.optional(),
  /** The depositary notification recording the action, e.g. `C.N.196.2025.TREATIES-XVIII.16`. */
  notificationRef: z.string().min(3).max(80).optional(),
  reservations: z.array(treatyStatementSchema).default([]),
  declarations: z.array(treatyStatementSchema).default([]),
  ...factFields,
});

/** A domestic step on the way to a deposit (never a treaty action). */
export const domesticStepRowSchema = z.strictObject({
  party: partySlug,
  instrument: z.string().regex(/^[a-z0-9-]+$/),
  step: z.enum(DOMESTIC_STEPS),
  date: isoDate.optional(),
  summaryEn: z.string().min(10).max(2000),
  summaryTh: z.string().min(5).max(2000),
  ...factFields,
});
export const domesticStepsFileSchema = z.strictObject({ steps: z.array(domesticStepRowSchema) });

/** Something the record does not know and says so. */
export const openQuestionRowSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  instrument: z.string().regex(/^[a-z0-9-]+$/).optional(),
  party: partySlug.optional(),
  questionEn: z.string().min(10).max(500),
  questionTh: z.string().min(5).max(500),
  knownEn: z.string().min(10).max(2000),
  knownTh: z.string().min(5).max(2000),
  raisedOn: isoDate,
  source: sourceSchema.optional(),
  checkedOn: isoDate,
});
export const openQuestionsFileSchema = z.strictObject({ questions: z.array(openQuestionRowSchema) });

export const commitmentRowSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9]*-[A-Z0-9.-]+$/, 'must look like UNCC-13 or BJS-1'),
  reference: z.string().min(1).max(80),
  titleEn: z.string().min(3).max(200),
  titleTh: z.string().min(1).max(200),
  summaryEn: z.string().min(10).max(2000),
  summaryTh: z.string().min(5).max(2000),
  theme: z.enum(THEMES),
  applicability: z.enum(APPLICABILITIES).default('all_parties'),
  /** Which kinds of party it binds: states only, companies and platforms, or all (the default). */
  partyKinds: z.enum(PARTY_KIND_SCOPES).default('all'),
  pledgeParty: partySlug.optional(),
  dueOn: isoDate.optional(),
  parent: z.string().optional(),
  ...factFields,
});

export const instrumentFileSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  shortName: z.string().min(2).max(40),
  /** The short name Thai pages show (English's is kept where none is given). */
  shortNameTh: z.string().min(2).max(80).optional(),
  titleEn: z.string().min(5).max(400),
  titleTh: z.string().min(2).max(400),
  summaryEn: z.string().min(10).max(3000),
  summaryTh: z.string().min(5).max(3000),
  type: z.enum(INSTRUMENT_TYPES),
  legalForce: z.enum(LEGAL_FORCES),
  adoptedOn: isoDate,
  adoptedPlace: z.string().min(2).max(200),
  openedForSignatureOn: isoDate.optional(),
  /** Who keeps the record of treaty actions; a consent counts only when one of these sites records it. */
  depositary: z
    .strictObject({ name: z.string().min(2).max(200), hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1) })
    .optional(),
  entryIntoForce: z
    .object({
      threshold: z.number().int().positive(),
      delayDays: z.number().int().nonnegative(),
      laterPartyDelayDays: z.number().int().nonnegative().optional(),
      regionalOrgsCountExtra: z.boolean().default(false),
      enteredIntoForceOn: isoDate.optional(),
      ruleNote: z.string().max(1000).optional(),
    })
    .optional(),
  ...factFields,
  commitments: z.array(commitmentRowSchema).min(1),
  participations: z.array(participationRowSchema).default([]),
});

export const evidenceRowSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(3).max(300),
  publisher: z.string().min(2).max(200),
  date: isoDate.optional(),
  grade: z.enum(EVIDENCE_GRADES),
});

export const assessmentRowSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/, 'a stable lower-case key so that the seed stays idempotent'),
  party: partySlug,
  commitment: z.string(),
  status: z.enum(STATUSES),
  assessor: z.enum(ASSESSORS),
  asOf: isoDate,
  narrativeEn: z.string().min(10).max(4000),
  narrativeTh: z.string().max(4000).optional(),
  evidence: z.array(evidenceRowSchema).min(1),
  confidence: z.enum(CONFIDENCES),
  /** The day it was published; the seed stamps `published_at` with it (default: `asOf`). */
  publishedAt: isoDate.optional(),
});
export const assessmentsFileSchema = z.strictObject({ assessments: z.array(assessmentRowSchema) });

export const indicatorValueRowSchema = z.strictObject({
  periodStart: isoDate.optional(),
  periodEnd: isoDate,
  periodLabel: z.string().min(2).max(80),
  value: z.number(),
  valueHigh: z.number().optional(),
  ...factFields,
});

export const indicatorRowSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  party: partySlug.optional(),
  nameEn: z.string().min(3).max(200),
  nameTh: z.string().min(1).max(200),
  unit: z.enum(['count', 'usd', 'thb', 'usd_per_year', 'count_per_day']),
  descriptionEn: z.string().max(1000).optional(),
  descriptionTh: z.string().max(1000).optional(),
  values: z.array(indicatorValueRowSchema).min(1),
});
export const indicatorsFileSchema = z.strictObject({ indicators: z.array(indicatorRowSchema).min(1) });

export const conferenceRowSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  nameEn: z.string().min(3).max(300),
  nameTh: z.string().min(1).max(300),
  startsOn: isoDate,
  endsOn: isoDate,
  placeEn: z.string().min(2).max(200),
  placeTh: z.string().min(1).max(200),
  summaryEn: z.string().min(10).max(3000),
  summaryTh: z.string().min(5).max(3000),
  participantCount: z.number().int().positive().optional(),
  countryCount: z.number().int().positive().optional(),
  countNote: z.string().max(500).optional(),
  participants: z
    .array(
      z.strictObject({
        party: partySlug,
        role: z.enum(CONFERENCE_ROLES),
        delegationLevel: z.enum(DELEGATION_LEVELS).optional(),
        note: z.string().max(500).optional(),
      }),
    )
    .default([]),
  outcomes: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  ...factFields,
});
export const conferencesFileSchema = z.strictObject({ conferences: z.array(conferenceRowSchema).min(1) });

export type PartyRow = z.infer<typeof partyRowSchema>;
export type InstrumentFile = z.infer<typeof instrumentFileSchema>;
export type CommitmentRow = z.infer<typeof commitmentRowSchema>;
export type ParticipationRow = z.infer<typeof participationRowSchema>;
export type AssessmentRow = z.infer<typeof assessmentRowSchema>;
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;
export type ConferenceRow = z.infer<typeof conferenceRowSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type TreatyStatement = z.infer<typeof treatyStatementSchema>;
export type DomesticStepRow = z.infer<typeof domesticStepRowSchema>;
export type OpenQuestionRow = z.infer<typeof openQuestionRowSchema>;

/** Everything under content/, checked, as the seed and the data checks read it. `file` is the path under content/. */
export interface SeedContent {
  parties: (PartyRow & { file: string })[];
  instruments: (Omit<InstrumentFile, 'commitments' | 'participations'> & {
    file: string;
    commitments: CommitmentRow[];
    participations: ParticipationRow[];
  })[];
  /** content/assessments.yaml, then content/assessments/*.yaml (which may cite measures). */
  assessments: (AssessmentRow | PartyAssessmentRow)[];
  measures: MeasureRow[];
  researchNotes: ResearchNote[];
  indicators: IndicatorRow[];
  conferences: ConferenceRow[];
  domesticSteps: DomesticStepRow[];
  openQuestions: OpenQuestionRow[];
  /** content/translations/<locale>/*.yaml: titles and summaries in languages without a column. */
  translations?: TranslationRow[];
}
