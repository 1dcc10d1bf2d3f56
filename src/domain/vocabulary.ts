/**
 * The fixed vocabularies of the monitor. Every table column, content file, form and API
 * schema that holds one of these values takes its list from here, so that the lists cannot
 * drift apart.
 */

/** What kind of body a party is. */
export const PARTY_KINDS = ['state', 'regional_organisation', 'international_organisation', 'company'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Broad regions (UN geoscheme continents); organisations and companies are `global` or `asia`. */
export const REGIONS = ['africa', 'americas', 'asia', 'europe', 'oceania', 'global'] as const;
export type Region = (typeof REGIONS)[number];

/** What kind of document an instrument is. */
export const INSTRUMENT_TYPES = ['treaty', 'joint_statement', 'declaration', 'domestic_measure'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** Whether an instrument binds its parties in law or only politically. */
export const LEGAL_FORCES = ['binding', 'political'] as const;
export type LegalForce = (typeof LEGAL_FORCES)[number];

/**
 * A party's action on an instrument. Treaty actions first, as the depositary records them
 * (ratification, acceptance (A), approval (AA), accession (a), succession (d), and withdrawal
 * or denunciation); `membership`, `endorsement` and `partner` are how a party joins a
 * political instrument. Domestic steps on the way to a deposit are not actions.
 */
export const PARTICIPATION_ACTIONS = [
  'signature',
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'withdrawal',
  'membership',
  'endorsement',
  'partner',
] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

/**
 * Steps a party takes at home on the way to a deposit, in their usual order. None of them is a
 * treaty action and none counts towards entry into force.
 */
export const DOMESTIC_STEPS = [
  'cabinet_approval',
  'bill_before_parliament',
  'parliament_approved',
  'law_signed',
  'gazette_published',
  'implementing_legislation',
] as const;
export type DomesticStep = (typeof DOMESTIC_STEPS)[number];

/** Actions that count as consent to be bound (they count towards entry into force). */
export const CONSENT_ACTIONS: readonly ParticipationAction[] = ['ratification', 'acceptance', 'approval', 'accession', 'succession'];

/** The themes every commitment is filed under (exactly one each). */
export const THEMES = [
  'political_commitment',
  'legal_framework',
  'law_enforcement',
  'international_cooperation',
  'victim_protection',
  'prevention_awareness',
  'financial_flows',
  'private_sector',
  'capacity_building',
] as const;
export type Theme = (typeof THEMES)[number];

/** Whether a commitment binds every party of its instrument or is one party's own pledge. */
export const APPLICABILITIES = ['all_parties', 'party_pledge'] as const;
export type Applicability = (typeof APPLICABILITIES)[number];

/** The completion scale of an assessment, from no information to done. */
export const STATUSES = ['no_evidence', 'not_started', 'limited', 'substantial', 'complete', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

/** Who made an assessment: the party itself, or someone independent of it. */
export const ASSESSORS = ['self_reported', 'independent'] as const;
export type Assessor = (typeof ASSESSORS)[number];

/** Staff roles; a user may hold several. */
export const ROLES = ['admin', 'reviewer', 'editor', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Where an assessment stands in review. Only `published` is ever shown to the public. */
export const PUBLICATION_STATES = ['draft', 'submitted', 'published', 'returned'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** How strong a piece of evidence is, strongest first. */
export const EVIDENCE_GRADES = ['law', 'official', 'media', 'other'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/**
 * How sure we are of a stated fact: `confirmed` on the exact page cited, `reported` by a
 * secondary source (news, a law firm, another tracker), or `inferred` (reasoned; the
 * reasoning is in the row's note).
 */
export const CONFIDENCES = ['confirmed', 'reported', 'inferred'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A party's role at a conference. */
export const CONFERENCE_ROLES = ['host', 'co_host', 'participant'] as const;
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];

/** The level of a delegation, where known. */
export const DELEGATION_LEVELS = ['head_of_state', 'ministerial', 'senior_official', 'official'] as const;
export type DelegationLevel = (typeof DELEGATION_LEVELS)[number];

/** What kind of thing a measure is. */
export const MEASURE_KINDS = ['law', 'decree', 'regulation', 'institution', 'programme', 'agreement', 'operation'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * The dated steps of a measure, in their usual order. For institutions and programmes,
 * `adopted` means set up or launched and `in_force` means operating.
 */
export const MEASURE_STEPS = ['proposed', 'before_parliament', 'adopted', 'in_force', 'amended', 'repealed'] as const;
export type MeasureStep = (typeof MEASURE_STEPS)[number];

/** Whether a measure's source is the government's own page or someone else's. */
export const SOURCE_ROLES = ['official', 'secondary'] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

/** How far a measure goes towards a commitment it serves. */
export const MEASURE_EXTENTS = ['covers', 'partly_covers'] as const;
export type MeasureExtent = (typeof MEASURE_EXTENTS)[number];

/** Which kinds of party a commitment binds: states only, companies and platforms, or every party. */
export const PARTY_KIND_SCOPES = ['states', 'companies', 'all'] as const;
export type PartyKindScope = (typeof PARTY_KIND_SCOPES)[number];
