/**
 * Reference data: parties, instruments, who joined what, commitments, conferences and
 * indicators. Loaded from `content/` by the seed; every row that states a fact carries its
 * source and a confidence.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  APPLICABILITIES,
  CONFERENCE_ROLES,
  CONFIDENCES,
  DELEGATION_LEVELS,
  INSTRUMENT_TYPES,
  LEGAL_FORCES,
  PARTICIPATION_ACTIONS,
  DOMESTIC_STEPS,
  PARTY_KINDS,
  PARTY_KIND_SCOPES,
  REGIONS,
  THEMES,
} from '../../src/domain/vocabulary';

/**
 * Columns every fact row carries: where it comes from, how sure we are and when it was last
 * checked. A row without a source holds '' in `source_url` (it cannot be `confirmed`).
 */
const sourced = () => ({
  sourceUrl: text('source_url').notNull(),
  sourcePublisher: text('source_publisher').notNull(),
  confidence: text('confidence', { enum: CONFIDENCES }).notNull(),
  note: text('note'),
  checkedOn: text('checked_on'),
});

export const parties = sqliteTable(
  'parties',
  {
    slug: text('slug').primaryKey(),
    kind: text('kind', { enum: PARTY_KINDS }).notNull(),
    iso3: text('iso3'),
    iso2: text('iso2'),
    isoNumeric: text('iso_numeric'),
    nameEn: text('name_en').notNull(),
    nameTh: text('name_th').notNull(),
    region: text('region', { enum: REGIONS }).notNull(),
    aseanMemberSince: text('asean_member_since'),
    aseanObserverSince: text('asean_observer_since'),
    ...sourced(),
  },
  (t) => [uniqueIndex('parties_iso3_unique').on(t.iso3), index('parties_kind_idx').on(t.kind)],
);

export const instruments = sqliteTable('instruments', {
  slug: text('slug').primaryKey(),
  shortName: text('short_name').notNull(),
  /** The short name on Thai pages; null means the English one serves. */
  shortNameTh: text('short_name_th'),
  titleEn: text('title_en').notNull(),
  titleTh: text('title_th').notNull(),
  summaryEn: text('summary_en').notNull(),
  summaryTh: text('summary_th').notNull(),
  type: text('type', { enum: INSTRUMENT_TYPES }).notNull(),
  legalForce: text('legal_force', { enum: LEGAL_FORCES }).notNull(),
  adoptedOn: text('adopted_on').notNull(),
  adoptedPlace: text('adopted_place').notNull(),
  openedForSignatureOn: text('opened_for_signature_on'),
  eifThreshold: integer('eif_threshold'),
  eifDelayDays: integer('eif_delay_days'),
  eifLaterPartyDelayDays: integer('eif_later_party_delay_days'),
  eifRegionalOrgsCountExtra: integer('eif_regional_orgs_count_extra', { mode: 'boolean' }).notNull().default(false),
  enteredIntoForceOn: text('entered_into_force_on'),
  eifRuleNote: text('eif_rule_note'),
  /** Who keeps the record of treaty actions, e.g. the UN Secretary-General. */
  depositaryName: text('depositary_name'),
  /** Space-separated host names of the depositary's record; a consent counts only when sourced there. */
  depositaryHosts: text('depositary_hosts'),
  sortOrder: integer('sort_order').notNull().default(0),
  ...sourced(),
});

export const participations = sqliteTable(
  'participations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
    instrumentSlug: text('instrument_slug')
      .notNull()
      .references(() => instruments.slug),
    action: text('action', { enum: PARTICIPATION_ACTIONS }).notNull(),
    actedOn: text('acted_on'),
    /** JSON array of {article, summaryEn, summaryTh}. */
    reservations: text('reservations'),
    /** JSON array of {article, summaryEn, summaryTh}. */
    declarations: text('declarations'),
    /** The depositary notification that records the action, e.g. C.N.196.2025.TREATIES-XVIII.16. */
    notificationRef: text('notification_ref'),
    ...sourced(),
  },
  (t) => [
    uniqueIndex('participations_unique').on(t.partySlug, t.instrumentSlug, t.action),
    index('participations_instrument_idx').on(t.instrumentSlug),
  ],
);

export const commitments = sqliteTable(
  'commitments',
  {
    code: text('code').primaryKey(),
    instrumentSlug: text('instrument_slug')
      .notNull()
      .references(() => instruments.slug),
    reference: text('reference').notNull(),
    titleEn: text('title_en').notNull(),
    titleTh: text('title_th').notNull(),
    summaryEn: text('summary_en').notNull(),
    summaryTh: text('summary_th').notNull(),
    theme: text('theme', { enum: THEMES }).notNull(),
    applicability: text('applicability', { enum: APPLICABILITIES }).notNull(),
    partyKinds: text('party_kinds', { enum: PARTY_KIND_SCOPES }).notNull().default('all'),
    pledgePartySlug: text('pledge_party_slug').references(() => parties.slug),
    dueOn: text('due_on'),
    parentCode: text('parent_code'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...sourced(),
  },
  (t) => [index('commitments_instrument_idx').on(t.instrumentSlug), index('commitments_theme_idx').on(t.theme)],
);

export const conferences = sqliteTable('conferences', {
  slug: text('slug').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameTh: text('name_th').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  placeEn: text('place_en').notNull(),
  placeTh: text('place_th').notNull(),
  summaryEn: text('summary_en').notNull(),
  summaryTh: text('summary_th').notNull(),
  participantCount: integer('participant_count'),
  countryCount: integer('country_count'),
  countNote: text('count_note'),
  ...sourced(),
});

export const conferenceParticipants = sqliteTable(
  'conference_participants',
  {
    conferenceSlug: text('conference_slug')
      .notNull()
      .references(() => conferences.slug),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
    role: text('role', { enum: CONFERENCE_ROLES }).notNull(),
    delegationLevel: text('delegation_level', { enum: DELEGATION_LEVELS }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.conferenceSlug, t.partySlug] }), index('conference_participants_party_idx').on(t.partySlug)],
);

export const conferenceOutcomes = sqliteTable(
  'conference_outcomes',
  {
    conferenceSlug: text('conference_slug')
      .notNull()
      .references(() => conferences.slug),
    instrumentSlug: text('instrument_slug')
      .notNull()
      .references(() => instruments.slug),
  },
  (t) => [primaryKey({ columns: [t.conferenceSlug, t.instrumentSlug] })],
);

export const indicators = sqliteTable('indicators', {
  slug: text('slug').primaryKey(),
  partySlug: text('party_slug').references(() => parties.slug),
  nameEn: text('name_en').notNull(),
  nameTh: text('name_th').notNull(),
  unit: text('unit').notNull(),
  descriptionEn: text('description_en'),
  descriptionTh: text('description_th'),
});

export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorSlug: text('indicator_slug')
      .notNull()
      .references(() => indicators.slug),
    periodStart: text('period_start'),
    periodEnd: text('period_end').notNull(),
    periodLabel: text('period_label').notNull(),
    value: real('value').notNull(),
    valueHigh: real('value_high'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    ...sourced(),
  },
  (t) => [uniqueIndex('indicator_values_period_unique').on(t.indicatorSlug, t.periodEnd, t.periodLabel)],
);

/** A step a party takes at home on the way to a deposit; it never counts towards entry into force. */
export const domesticSteps = sqliteTable(
  'domestic_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
    instrumentSlug: text('instrument_slug')
      .notNull()
      .references(() => instruments.slug),
    step: text('step', { enum: DOMESTIC_STEPS }).notNull(),
    takenOn: text('taken_on'),
    summaryEn: text('summary_en').notNull(),
    summaryTh: text('summary_th').notNull(),
    ...sourced(),
  },
  (t) => [uniqueIndex('domestic_steps_unique').on(t.partySlug, t.instrumentSlug, t.step), index('domestic_steps_instrument_idx').on(t.instrumentSlug)],
);

/** What the record does not know yet and says so (e.g. the unidentified 74th signatory). */
export const openQuestions = sqliteTable('open_questions', {
  key: text('key').primaryKey(),
  instrumentSlug: text('instrument_slug').references(() => instruments.slug),
  partySlug: text('party_slug').references(() => parties.slug),
  questionEn: text('question_en').notNull(),
  questionTh: text('question_th').notNull(),
  knownEn: text('known_en').notNull(),
  knownTh: text('known_th').notNull(),
  raisedOn: text('raised_on').notNull(),
  sourceUrl: text('source_url').notNull(),
  sourcePublisher: text('source_publisher').notNull(),
  checkedOn: text('checked_on'),
});
