/**
 * The zod schemas of the API: query parameters, request bodies and response bodies. They are
 * the one description of the API. Every endpoint parses its response with its schema before
 * sending it, every write endpoint parses its request body with its schema, and `openapi.ts`
 * turns the same schemas into the OpenAPI document, so the document cannot drift from what
 * is sent or accepted.
 *
 * Every response schema with a name is registered in `apiSchemas` under that name, every
 * request body schema in `apiRequestSchemas`; the OpenAPI document lists both in
 * `components.schemas` and refers to them by `$ref`. Request bodies are described as they
 * are accepted (zod's input side), responses as they are sent (the output side).
 */
import { z } from 'zod';
import { assessmentInputSchema } from '../../domain/assessment-input';
import { isIsoDate } from '../../domain/dates';
import { reviewInputSchema } from '../../domain/review-input';
import { SEARCH_KINDS } from '../../../db/schema/search';
import { LOCALES } from '../../i18n/locales';
import { CURSOR_MAX_LENGTH } from './cursor';
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
  MEASURE_EXTENTS,
  MEASURE_KINDS,
  MEASURE_STEPS,
  PARTY_KINDS,
  PARTY_KIND_SCOPES,
  PUBLICATION_STATES,
  SOURCE_ROLES,
  REGIONS,
  STATUSES,
  THEMES,
} from '../../domain/vocabulary';

/** Named schemas; each becomes `#/components/schemas/<id>` in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string }>();

/** Registers `schema` under `id`; the description goes into zod's global registry, where the JSON Schema generator reads it. */
function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  const described = schema.describe(description) as T;
  apiSchemas.add(described, { id });
  return described;
}

/** Named request bodies; each becomes `#/components/schemas/<id>`, described as accepted. */
export const apiRequestSchemas = z.registry<{ id: string }>();

/** Registers a request body schema under `id`. */
function namedRequest<T extends z.ZodType>(id: string, description: string, schema: T): T {
  const described = schema.describe(description) as T;
  apiRequestSchemas.add(described, { id });
  return described;
}

/** The largest request body the write API reads, in bytes (a full assessment with 20 pieces of evidence is well under it). */
export const WRITE_BODY_LIMIT = 256 * 1024;

/** Limits for `limit` on paginated lists. */
export const PAGE_LIMIT = { min: 1, max: 200, default: 50 } as const;

// ---------------------------------------------------------------------------------------
// Building blocks

const fraction = z.number().min(0).max(1);
const count = z.int().min(0);

const isoDate = named('Date', 'A calendar date, YYYY-MM-DD.', z.iso.date());
const isoDateTime = named('DateTime', 'A moment, ISO 8601 (UTC, with a Z or an offset).', z.iso.datetime({ offset: true }));

export const Localized = named(
  'LocalizedText',
  'A text in English and, where one exists, Thai.',
  z.object({ en: z.string(), th: z.string().nullable() }),
);

export const Source = named(
  'Source',
  'Where a fact comes from and how sure the monitor is of it.',
  z.object({
    url: z.string().describe('The source document or page.'),
    publisher: z.string(),
    confidence: z.enum(CONFIDENCES).describe('`confirmed`: stated on the exact page cited; `reported`: stated by a secondary source; `inferred`: reasoned, see the note.'),
    note: z.string().nullable(),
    checkedOn: isoDate.nullable().describe('The day the fact was last checked against its source.'),
    exactSource: z.boolean().describe('False when the source is a home page or missing: the exact source is not recorded, and the fact cannot be confirmed.'),
  }),
);

/** A reservation or declaration, summarised in the project's words, with the article it concerns. */
export const TreatyStatement = named(
  'TreatyStatement',
  "A reservation or declaration made with a treaty action, summarised in the project's words.",
  z.object({ article: z.string(), summaryEn: z.string(), summaryTh: z.string() }),
);

export const DomesticStepBody = named(
  'DomesticStep',
  'A step a party takes at home on the way to a deposit (never counted towards entry into force).',
  z.object({
    party: z.string(),
    step: z.enum(DOMESTIC_STEPS),
    takenOn: isoDate.nullable(),
    summary: z.object({ en: z.string(), th: z.string().nullable() }),
    source: Source,
  }),
);

export const Score = named(
  'Score',
  'A score with its coverage. `score` is the mean completion (0 to 1) over rated applicable commitments; null when nothing is rated (never 0).',
  z.object({
    score: fraction.nullable(),
    rated: count.describe('Applicable commitments with a rating.'),
    applicable: count.describe('Commitments that apply (not_applicable ones left out).'),
    coverage: fraction.nullable().describe('rated / applicable; null when nothing applies.'),
    methodologyVersion: z.string(),
  }),
);

const ByAssessor = <T extends z.ZodType>(schema: T) =>
  z.object({ self_reported: schema, independent: schema });

// ---------------------------------------------------------------------------------------
// Parties

export const Party = named(
  'Party',
  'A state, organisation or company the monitor tracks.',
  z.object({
    code: z.string().describe('Lower-case ISO 3166 alpha-3 code for states, a short slug otherwise.'),
    kind: z.enum(PARTY_KINDS),
    name: Localized,
    region: z.enum(REGIONS),
    iso3: z.string().nullable(),
    iso2: z.string().nullable(),
    isoNumeric: z.string().nullable(),
    aseanMemberSince: isoDate.nullable(),
    aseanObserverSince: isoDate.nullable(),
    source: Source,
    links: z.object({ self: z.string(), html: z.string() }),
  }),
);

export const PartyListItem = named(
  'PartyListItem',
  'A party with its overall scores on the day asked for, one per assessor.',
  Party.extend({ overall: ByAssessor(Score) }),
);

export const PartyList = named(
  'PartyList',
  'Parties matching the filters, by English name.',
  z.object({ asOf: isoDate, data: z.array(PartyListItem) }),
);

export const Evidence = named(
  'Evidence',
  'A document an assessment relies on.',
  z.object({
    id: z.int(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: isoDate.nullable(),
    grade: z.enum(EVIDENCE_GRADES).describe('law, official, media or other, strongest first.'),
    confidence: z.enum(CONFIDENCES).nullable().describe('How sure the monitor is that the document states what the assessment relies on: confirmed in the source, reported by a secondary source, or inferred. Null on evidence entered before this was recorded.'),
    checkedOn: isoDate.nullable().describe('The day the document was last read and found to say so (UTC). Null on evidence entered before this was recorded.'),
  }),
);

export const CurrentAssessment = named(
  'CurrentAssessment',
  'The published assessment that counts for one commitment and assessor on the day asked for.',
  z.object({
    id: z.int(),
    status: z.enum(STATUSES),
    assessor: z.enum(ASSESSORS),
    asOf: isoDate,
    publishedAt: isoDateTime.nullable(),
    confidence: z.enum(CONFIDENCES),
    narrative: Localized,
    evidence: z.array(Evidence),
  }),
);

export const ScorecardCommitment = named(
  'ScorecardCommitment',
  'A commitment that applies to the party, with the assessment of each assessor that counts.',
  z.object({
    code: z.string(),
    instrument: z.string(),
    reference: z.string(),
    title: Localized,
    theme: z.enum(THEMES),
    applicability: z.enum(APPLICABILITIES),
    dueOn: isoDate.nullable(),
    overdue: z.boolean(),
    latestAssessmentId: z.int().nullable().describe('The most recent of the current assessments (either assessor).'),
    current: ByAssessor(CurrentAssessment.nullable()),
  }),
);

export const AssessorScores = named(
  'AssessorScores',
  "One assessor's scores for a party: overall, by instrument and by theme.",
  z.object({
    overall: Score,
    byInstrument: z.array(Score.extend({ instrument: z.string() })),
    byTheme: z.array(Score.extend({ theme: z.enum(THEMES) })),
  }),
);

/** What a party's action on an instrument says, seen from the party or from the instrument alike. */
const participationFields = {
  action: z.enum(PARTICIPATION_ACTIONS),
  actedOn: isoDate.nullable(),
  reservations: z.array(TreatyStatement),
  declarations: z.array(TreatyStatement),
  notificationRef: z.string().nullable().describe('The depositary notification that records the action, when known.'),
  source: Source,
};

export const PartyParticipation = named(
  'PartyParticipation',
  "One of a party's actions on an instrument.",
  z.object({
    instrument: z.string(),
    ...participationFields,
  }),
);

export const Scorecard = named(
  'Scorecard',
  "A party's scorecard on a day: the same figures as its page on the site.",
  z.object({
    data: z.object({
      party: Party,
      asOf: isoDate,
      methodologyVersion: z.string(),
      scores: ByAssessor(AssessorScores),
      participations: z.array(PartyParticipation),
      entryIntoForce: z
        .array(
          z.object({
            instrument: z.string(),
            status: z.enum(['in_force', 'pending', 'not_bound']).describe('`in_force` on the day asked for; `pending`: consented, not yet in force; `not_bound`: no consent to be bound.'),
            inForceOn: isoDate.nullable().describe('The day it took (or takes) effect for this party; null when a date it depends on is unknown.'),
          }),
        )
        .describe('Each joined instrument with an entry-into-force rule, as it stands for this party.'),
      commitments: z.array(ScorecardCommitment),
    }),
  }),
);

// ---------------------------------------------------------------------------------------
// Instruments

export const EntryIntoForce = named(
  'EntryIntoForce',
  'Where a treaty stands on entry into force on the day asked for, computed from its rule and the recorded actions.',
  z.object({
    status: z.enum(['pending', 'threshold_reached', 'in_force', 'date_unknown']),
    threshold: count,
    signatories: count,
    counted: count.describe('Instruments of consent that count towards the threshold.'),
    stillNeeded: count,
    thresholdReachedOn: isoDate.nullable(),
    entryIntoForceOn: isoDate.nullable(),
    projected: z.boolean().describe('True when the date is projected from the rule rather than known from the depositary.'),
    qualifying: z.array(z.object({ party: z.string(), actedOn: isoDate.nullable() })).describe('The deposits counted: only those the depositary records.'),
    reportedNotDeposited: z
      .array(z.object({ party: z.string(), action: z.enum(PARTICIPATION_ACTIONS), actedOn: isoDate.nullable() }))
      .describe('Consent actions reported by others but not recorded by the depositary; never counted.'),
  }),
);

export const Instrument = named(
  'Instrument',
  'A treaty, joint statement or declaration.',
  z.object({
    slug: z.string(),
    shortName: z.string(),
    title: Localized,
    summary: Localized,
    type: z.enum(INSTRUMENT_TYPES),
    legalForce: z.enum(LEGAL_FORCES),
    adoptedOn: isoDate,
    adoptedPlace: z.string(),
    openedForSignatureOn: isoDate.nullable(),
    rule: z
      .object({
        threshold: count,
        delayDays: count,
        laterPartyDelayDays: count.nullable(),
        regionalOrgsCountExtra: z.boolean(),
        enteredIntoForceOn: isoDate.nullable(),
        note: z.string().nullable(),
      })
      .nullable()
      .describe('The entry-into-force rule; null for an instrument without one.'),
    source: Source,
    links: z.object({ self: z.string(), html: z.string() }),
  }),
);

export const InstrumentList = named(
  'InstrumentList',
  'Every instrument in display order, with where it stands on entry into force.',
  z.object({
    asOf: isoDate,
    data: z.array(
      Instrument.extend({
        entryIntoForce: EntryIntoForce.nullable(),
        commitmentCount: count,
        partyCount: count.describe('Parties with at least one recorded action on the instrument.'),
      }),
    ),
  }),
);

export const Commitment = named(
  'Commitment',
  'One commitment of an instrument (or one party’s own pledge under it).',
  z.object({
    code: z.string(),
    instrument: z.string(),
    reference: z.string().describe('Where in the instrument the commitment is made.'),
    title: Localized,
    summary: Localized,
    theme: z.enum(THEMES),
    applicability: z.enum(APPLICABILITIES),
    partyKinds: z.enum(PARTY_KIND_SCOPES).describe('Which kinds of party it binds: `states` only, `companies` (and platforms) only, or `all`. A commitment that does not bind a party’s kind never counts in its score.'),
    pledgeParty: z.string().nullable().describe('For a party_pledge: the party that made it.'),
    dueOn: isoDate.nullable(),
    parentCode: z.string().nullable(),
    source: Source,
  }),
);

export const InstrumentParticipation = named(
  'InstrumentParticipation',
  "One party's action on an instrument.",
  z.object({
    party: z.string(),
    name: Localized,
    kind: z.enum(PARTY_KINDS),
    ...participationFields,
  }),
);

export const InstrumentDetail = named(
  'InstrumentDetail',
  'An instrument with its parties’ actions, its entry-into-force status on the day asked for, and its commitments.',
  z.object({
    data: z.object({
      instrument: Instrument,
      asOf: isoDate,
      entryIntoForce: EntryIntoForce.nullable(),
      participations: z.array(InstrumentParticipation),
      domesticSteps: z.array(DomesticStepBody),
      commitments: z.array(Commitment),
    }),
  }),
);

export const CommitmentList = named('CommitmentList', 'Commitments matching the filters, by instrument and stated order.', z.object({ data: z.array(Commitment) }));

// ---------------------------------------------------------------------------------------
// Measures

export const ProvenancedSource = named(
  'ProvenancedSource',
  'The exact page a fact is stated on, with how sure the monitor is and the day it was last read.',
  z.object({
    url: z.string(),
    title: z.string().nullable(),
    publisher: z.string(),
    confidence: z.enum(CONFIDENCES).describe('`confirmed`: stated on this page; `reported`: stated by a secondary source; `inferred`: reasoned, see the note.'),
    checkedOn: isoDate.nullable(),
    note: z.string().nullable(),
  }),
);

export const Measure = named(
  'Measure',
  'A published measure of one party (a law, decree, regulation, institution, programme, agreement or operation), with its dated steps, its sources and the commitments it serves. Published measures never change.',
  z.object({
    id: z.string(),
    party: z.string(),
    kind: z.enum(MEASURE_KINDS),
    title: Localized,
    titleOriginal: z.string().nullable(),
    originalLanguage: z.string().nullable().describe('ISO 639-1 code of the original title.'),
    summary: Localized,
    currentStep: z.enum(MEASURE_STEPS).nullable().describe('The latest dated step.'),
    disputed: Localized.nullable().describe('Where sources disagree on what it does.'),
    steps: z.array(z.object({ step: z.enum(MEASURE_STEPS), date: isoDate, source: ProvenancedSource })),
    sources: z.array(ProvenancedSource.extend({ role: z.enum(SOURCE_ROLES) })),
    commitments: z.array(
      z.object({
        code: z.string(),
        instrument: z.string(),
        extent: z.enum(MEASURE_EXTENTS).describe('`covers` or `partly_covers` the commitment.'),
        note: Localized.nullable(),
      }),
    ),
    publishedAt: isoDateTime.nullable(),
    links: z.object({ self: z.string(), html: z.string() }),
  }),
);

export const MeasurePage = named(
  'MeasurePage',
  'One page of published measures, oldest publication first. Pass `nextCursor` as `cursor` for the next page; null when there is none (yet).',
  z.object({ data: z.array(Measure), nextCursor: z.string().nullable() }),
);

export const MeasureDetailBody = named('MeasureDetail', 'One published measure.', z.object({ data: Measure }));
// Search

const SearchTextPart = z.object({ text: z.string(), match: z.boolean() });

export const SearchResult = named(
  'SearchResult',
  'One thing found: its title and a snippet of the text that matched, as plain text, as parts (matched or not) and as HTML with every match in <mark> and everything else escaped.',
  z.object({
    kind: z.enum(SEARCH_KINDS),
    key: z.string().describe('The party or instrument slug, commitment code, or assessment or evidence id.'),
    lang: z.string().describe('The language of the text that matched: en, th, or empty for text in no one language (evidence titles).'),
    title: z.string(),
    titleParts: z.array(SearchTextPart),
    titleHtml: z.string(),
    snippet: z.string(),
    snippetParts: z.array(SearchTextPart),
    snippetHtml: z.string(),
    party: z.string().nullable().describe('The party the thing belongs to, if one.'),
    instrument: z.string().nullable().describe('The instrument the thing belongs to, if one.'),
    sourceUrl: z.string().nullable().describe('Evidence: the source’s address.'),
    links: z.object({ html: z.string().describe('Where the site shows it (in the language asked for).') }),
  }),
);

export const SearchResults = named(
  'SearchResults',
  'Search results grouped by kind (parties, instruments, commitments, published assessments, evidence); within each, things whose title holds more of the terms first, then the newest.',
  z.object({
    query: z.object({
      q: z.string().describe('The query as used: control characters dropped, cut to 200 characters.'),
      terms: z.array(z.string()).describe('The terms searched for; every one must appear, as a substring.'),
      ignoredTerms: z.array(z.string()).describe('Terms shorter than 3 characters, which the trigram index cannot search.'),
      notices: z.array(z.enum(['truncated', 'tooManyTerms', 'termTooLong', 'termTooShort'])),
    }),
    data: z.array(
      z.object({
        kind: z.enum(SEARCH_KINDS),
        total: z.number().int().describe('Things found (within the scanned window when `capped`).'),
        capped: z.boolean().describe('Whether only the newest matching rows were looked at (the cost limit).'),
        results: z.array(SearchResult),
        next: z.string().nullable().describe('The next page of this kind, or null.'),
      }),
    ),
  }),
);


// ---------------------------------------------------------------------------------------
// Assessments

export const Assessment = named(
  'Assessment',
  'A published assessment: one party’s progress on one commitment as of one day, with its evidence. Published assessments never change.',
  z.object({
    id: z.int(),
    party: z.string(),
    commitment: z.string(),
    instrument: z.string(),
    theme: z.enum(THEMES),
    status: z.enum(STATUSES),
    assessor: z.enum(ASSESSORS),
    asOf: isoDate,
    publishedAt: isoDateTime.nullable(),
    confidence: z.enum(CONFIDENCES),
    narrative: Localized,
    evidence: z.array(Evidence),
    measures: z.array(z.string()).describe('Ids of the published measures it rests on (see /api/v1/measures/{id}), besides its evidence.'),
  }),
);

export const AssessmentPage = named(
  'AssessmentPage',
  'One page of published assessments, oldest publication first. Pass `nextCursor` as `cursor` for the next page; null when there is none (yet).',
  z.object({ data: z.array(Assessment), nextCursor: z.string().nullable() }),
);

// ---------------------------------------------------------------------------------------
// Indicators and conferences

export const Indicator = named(
  'Indicator',
  'A headline figure with its values over time, each with its source.',
  z.object({
    slug: z.string(),
    party: z.string().nullable().describe('The party the figure is about; null for a regional or global figure.'),
    name: Localized,
    unit: z.string(),
    description: Localized.nullable(),
    values: z.array(
      z.object({
        periodStart: isoDate.nullable(),
        periodEnd: isoDate,
        periodLabel: z.string(),
        value: z.number(),
        valueHigh: z.number().nullable().describe('Upper end when the figure is a range.'),
        source: Source,
      }),
    ),
  }),
);

export const IndicatorList = named('IndicatorList', 'Every indicator with its values.', z.object({ data: z.array(Indicator) }));

export const Conference = named(
  'Conference',
  'A conference with who attended and the instruments it produced.',
  z.object({
    slug: z.string(),
    name: Localized,
    startsOn: isoDate,
    endsOn: isoDate,
    place: Localized,
    summary: Localized,
    participantCount: count.nullable(),
    countryCount: count.nullable(),
    countNote: z.string().nullable(),
    source: Source,
    participants: z.array(
      z.object({
        party: z.string(),
        name: Localized,
        role: z.enum(CONFERENCE_ROLES),
        delegationLevel: z.enum(DELEGATION_LEVELS).nullable(),
        note: z.string().nullable(),
      }),
    ),
    outcomes: z.array(z.string()).describe('Slugs of the instruments adopted or launched at the conference.'),
  }),
);

export const ConferenceList = named('ConferenceList', 'Every conference, latest first.', z.object({ data: z.array(Conference) }));

// ---------------------------------------------------------------------------------------
// What changed between two dates

export const ScoreChange = named(
  'ScoreChange',
  'A score (or its coverage) that differs between the two days. `instrument` null is the party’s overall score.',
  z.object({ party: z.string(), instrument: z.string().nullable(), assessor: z.enum(ASSESSORS), before: Score, after: Score }),
);

export const StatusChange = named(
  'StatusChange',
  'The status that counts for a party, commitment and assessor changed; `before` null means it was first assessed in the period. Intermediate steps are not listed: only the status on `from` and on `to`.',
  z.object({
    party: z.string(),
    commitment: z.string(),
    assessor: z.enum(ASSESSORS),
    before: z.enum(STATUSES).nullable(),
    after: z.enum(STATUSES),
    previousAssessmentId: z.int().nullable(),
    assessmentId: z.int(),
    asOf: isoDate,
  }),
);

export const NewEvidence = named(
  'NewEvidence',
  'A document first cited in the period for a party, commitment and assessor (no earlier assessment of theirs cited the same URL).',
  z.object({ party: z.string(), commitment: z.string(), assessor: z.enum(ASSESSORS), assessmentId: z.int(), asOf: isoDate, evidence: Evidence }),
);

export const ChangedEvidence = named(
  'ChangedEvidence',
  'A document cited again in the period for the same party, commitment and assessor, described differently (title, publisher, date or grade).',
  z.object({ party: z.string(), commitment: z.string(), assessor: z.enum(ASSESSORS), assessmentId: z.int(), asOf: isoDate, before: Evidence, after: Evidence }),
);

export const RecordedStep = named(
  'RecordedStep',
  'A step a party took, dated in the period: `kind` `treaty_action` (a signature, ratification, accession … as recorded for the instrument) or another kind of recorded step (e.g. a domestic step towards ratification). `step` is the action in the project’s vocabulary.',
  z.object({
    kind: z.string(),
    party: z.string(),
    instrument: z.string().nullable(),
    step: z.string(),
    on: isoDate,
    source: z.object({ url: z.string(), publisher: z.string() }).nullable(),
  }),
);

export const Changes = named(
  'Changes',
  'What changed between `from` and `to` for one party, one instrument, or everything (neither given: every party and instrument), as the monitor published it: each day shows what was published by its end (UTC), so an assessment counts from its `asOf` day once published, scores on each day equal the scorecards’ with `as_of` set to that day, and a report whose `to` is past never changes.',
  z.object({
    data: z.object({
      party: z.string().nullable(),
      instrument: z.string().nullable(),
      from: isoDate,
      to: isoDate,
      scoreChanges: z.array(ScoreChange),
      statusChanges: z.array(StatusChange),
      newEvidence: z.array(NewEvidence),
      changedEvidence: z.array(ChangedEvidence),
      steps: z.array(RecordedStep),
    }),
  }),
);

// ---------------------------------------------------------------------------------------
// Errors

export const ApiErrorBody = named(
  'Error',
  'What went wrong; `field` names the query or path parameter, or the body field (a dotted path such as `evidence.0.url`), at fault, when there is one.',
  z.object({ error: z.object({ message: z.string(), field: z.string().nullable() }) }),
);

export const ConflictErrorBody = named(
  'ConflictError',
  'The write was refused because the assessment has changed since it was read (or its state does not allow it). When `field` is `version`, `currentVersion` is the version to read again and edit.',
  z.object({ error: z.object({ message: z.string(), field: z.string().nullable(), currentVersion: z.int().optional() }) }),
);

// ---------------------------------------------------------------------------------------
// Staff write API: request bodies (from the same domain schemas the workspace forms and the
// CSV importer use) and the assessment as staff see it.

const version = z.int().min(1);

export const AssessmentCreateRequest = namedRequest(
  'AssessmentCreate',
  'A new assessment. `party` is a party code in any case (ISO alpha-3 for states, the slug for organisations); `commitment` a commitment code in any case. With `submit: true` it goes to review at once; otherwise it is saved as a draft.',
  assessmentInputSchema.extend({
    submit: z.boolean().optional().describe('Send it to review at once (default false: save a draft).'),
  }),
);

export const AssessmentPatchRequest = namedRequest(
  'AssessmentPatch',
  'An edit of a draft or returned assessment: `version` (the one you read) and any of the fields of a new assessment; fields left out keep their value. `evidence`, when given, replaces the whole list. The party cannot change.',
  assessmentInputSchema.partial().extend({
    version: version.describe('The version you read; a different current version answers 409.'),
  }),
);

export const AssessmentSubmitRequest = namedRequest(
  'AssessmentSubmit',
  'Optional. With `version`, the submit is refused (409) if the assessment has changed since you read it.',
  z.strictObject({ version: version.optional().describe('The version you read.') }),
);

export const AssessmentReviewRequest = namedRequest(
  'AssessmentReview',
  'A review decision. `return` needs a comment saying what must change; the author is never the reviewer.',
  reviewInputSchema,
);

export const StaffEvidence = named(
  'StaffEvidence',
  'A piece of evidence as it was entered.',
  z.object({
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    date: isoDate.nullable(),
    grade: z.enum(EVIDENCE_GRADES),
  }),
);

export const StaffAssessment = named(
  'StaffAssessment',
  'An assessment as staff see it, in any state. `version` goes up by one with every change; send it back with an edit.',
  z.object({
    id: z.int(),
    version,
    state: z.enum(PUBLICATION_STATES).describe('draft → submitted → published, or submitted → returned → submitted.'),
    party: z.string().describe('Upper-case party code.'),
    commitment: z.string(),
    status: z.enum(STATUSES),
    assessor: z.enum(ASSESSORS),
    asOf: isoDate,
    narrative: z.string(),
    narrativeTh: z.string().nullable(),
    authorId: z.string().nullable(),
    reviewerId: z.string().nullable(),
    reviewComment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    evidence: z.array(StaffEvidence),
  }),
);

// ---------------------------------------------------------------------------------------
// Query parameters. Each field's description becomes the parameter's description.

const dateParam = (name: string, description: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `${name} must be a real date written YYYY-MM-DD` })
    .meta({ format: 'date', description });

const enumParam = <const T extends readonly [string, ...string[]]>(name: string, values: T, description: string) =>
  z.enum(values, { error: (issue) => `${name} must be one of: ${values.join(', ')} (got "${String(issue.input).slice(0, 40)}")` }).describe(description);

const slugParam = (description: string) => z.string().max(100).describe(description);

const asOf = dateParam('as_of', 'Show what the monitor had published by the end of this day (UTC): assessments dated on or before it and published by then, treaty actions dated on or before it. Default: today; a later day counts as today. The answer for a past day never changes (sent immutable).');

export const PartiesQuery = z.object({
  kind: enumParam('kind', PARTY_KINDS, 'Only parties of this kind.').optional(),
  region: enumParam('region', REGIONS, 'Only parties in this region.').optional(),
  instrument: slugParam('Only parties with a recorded action on this instrument (its slug).').optional(),
  as_of: asOf.optional(),
});

export const AsOfQuery = z.object({ as_of: asOf.optional() });

export const CommitmentsQuery = z.object({
  instrument: slugParam('Only commitments of this instrument (its slug).').optional(),
  theme: enumParam('theme', THEMES, 'Only commitments under this theme.').optional(),
});

const limitError = `limit must be a whole number from ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max}`;

/** The paging parameters of the cursor-paged lists. */
const pageParams = {
  cursor: z.string().max(CURSOR_MAX_LENGTH).describe('The `nextCursor` of the previous page.').optional(),
  limit: z.coerce
    .number({ error: limitError })
    .int({ error: limitError })
    .min(PAGE_LIMIT.min, { error: limitError })
    .max(PAGE_LIMIT.max, { error: limitError })
    .default(PAGE_LIMIT.default)
    .describe('Rows per page.'),
};

export const AssessmentsQuery = z.object({
  party: slugParam('Only assessments of this party (its code, any case).').optional(),
  instrument: slugParam('Only assessments of commitments of this instrument (its slug).').optional(),
  theme: enumParam('theme', THEMES, 'Only assessments of commitments under this theme.').optional(),
  status: enumParam('status', STATUSES, 'Only assessments with this status.').optional(),
  since: dateParam('since', 'Only assessments published on or after this day (UTC).').optional(),
  as_of: dateParam('as_of', 'Only assessments shown on this day: describing it or an earlier one (their `asOf`) and published by its end (UTC), the history scores on that day are built from.').optional(),
  ...pageParams,
});

export const MeasuresQuery = z.object({
  party: slugParam('Only measures of this party (its code, any case).').optional(),
  commitment: slugParam('Only measures mapped to this commitment (its code, any case).').optional(),
  kind: enumParam('kind', MEASURE_KINDS, 'Only measures of this kind.').optional(),
  ...pageParams,
});

export const ChangesQuery = z.object({
  party: slugParam('The party (its code, any case). Give a party or an instrument, not both; neither: every party and instrument.').optional(),
  instrument: slugParam('The instrument (its slug): every party’s changes on its commitments.').optional(),
  from: dateParam('from', 'The first day: the state on this day is the starting point.'),
  to: dateParam('to', 'The last day (default: today). Not before `from`.').optional(),
});

export const IndicatorsQuery = z.object({
  party: slugParam('Only indicators about this party (its code, any case).').optional(),
});

export const SearchQuery = z.object({
  q: z.string({ error: 'q is required: the words to find' }).describe('Words to find (at most 8 used, each 3 to 64 characters; at most 200 characters in all). Every word must appear; parts of words match.'),
  kind: enumParam('kind', SEARCH_KINDS, 'Only results of this kind.').optional(),
  party: slugParam('Only results about this party (its code, any case).').optional(),
  instrument: slugParam('Only results under this instrument (its slug).').optional(),
  lang: enumParam('lang', LOCALES, 'The language of titles and links (default en); matches are found in every language.').optional(),
  page: z.coerce
    .number({ error: 'page must be a whole number from 1 to 100' })
    .int({ error: 'page must be a whole number from 1 to 100' })
    .min(1, { error: 'page must be a whole number from 1 to 100' })
    .max(100, { error: 'page must be a whole number from 1 to 100' })
    .optional()
    .describe('The page of results of one kind (give `kind` too); 20 per page.'),
});

export type PartyListBody = z.infer<typeof PartyList>;
export type ChangesBody = z.infer<typeof Changes>;
export type ScorecardBody = z.infer<typeof Scorecard>;
export type InstrumentListBody = z.infer<typeof InstrumentList>;
export type InstrumentDetailBody = z.infer<typeof InstrumentDetail>;
export type AssessmentBody = z.infer<typeof Assessment>;
export type MeasureBody = z.infer<typeof Measure>;
export type ConferenceBody = z.infer<typeof Conference>;
export type IndicatorBody = z.infer<typeof Indicator>;
export type CommitmentBody = z.infer<typeof Commitment>;
export type PartyBody = z.infer<typeof Party>;
export type SourceBody = z.infer<typeof Source>;
export type StaffAssessmentBody = z.infer<typeof StaffAssessment>;
