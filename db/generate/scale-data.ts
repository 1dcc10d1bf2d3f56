/**
 * Scale data for benchmarks: a separate database file holding the real seed (content/) plus
 * synthetic parties, instruments, commitments, participations and assessments, in the
 * volumes a monitor reaches after years of use.
 *
 * What it adds, in this order, each part from its own seeded random stream (so that asking
 * for more assessments leaves the parties, instruments and participations unchanged):
 *  - parties: the seeded ones, then every UN member state that content/ lacks (Thai name =
 *    English name), then synthetic organisations and companies, until `parties` is reached.
 *    The first `parties` of that list are the "active" parties that get synthetic data;
 *  - synthetic instruments of 14–30 commitments each until `commitments` exist in total,
 *    themes spread evenly, a few party pledges;
 *  - participations: each active party joins several synthetic instruments, and most states
 *    sign the UN Convention against Cybercrime;
 *  - `assessments` assessments spread over the last `years` years up to `end`, one series per
 *    party, applicable commitment and assessor, with statuses that mostly move forward, most
 *    published and some draft, submitted or returned; each has one evidence row. Rows are
 *    inserted in the order they were created (ids grow with time, parties interleaved), as
 *    they would be in production.
 *  - the derived tables (current assessments, party scores, totals), rebuilt from that
 *    history once the load is done.
 * Every synthetic row says so: source publisher / evidence publisher "synthetic benchmark
 * data", confidence `inferred`, a note or narrative naming it synthetic. Nothing random
 * depends on the clock: the same options give the same rows.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InStatement, InValue } from '@libsql/client';
import { openDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { seedDatabase } from '../seed';
import { rebuildSearchIndex } from '../../src/lib/server/search-index';
import { rebuildDerivedData } from '../../src/lib/server/derived-data';
import {
  ASSESSORS,
  EVIDENCE_GRADES,
  PUBLICATION_STATES,
  STATUSES,
  THEMES,
  type Assessor,
  type InstrumentType,
  type PartyKind,
  type Theme,
} from '../../src/domain/vocabulary';
import { createRandom } from './random';
import { UN_MEMBERS } from './un-members';

import { SYNTHETIC_PUBLISHER, SYNTHETIC_URL } from './synthetic';

export { SYNTHETIC_PUBLISHER, SYNTHETIC_URL };
/** The default last `as_of` day: fixed, so that a seed always gives the same database. */
export const DEFAULT_END = '2026-10-31';

export interface GenerateOptions {
  /** Path of the database file to create. */
  out: string;
  /** Parties that get synthetic data (the database holds at least the seeded ones). */
  parties: number;
  /** Commitments in total, real ones included. */
  commitments: number;
  /** Years of history before `end`. */
  years: number;
  /** Synthetic assessments to add (each with one evidence row). */
  assessments: number;
  seed: number;
  /** Last `as_of` day, YYYY-MM-DD. */
  end?: string;
  /** Replace an existing file. */
  force?: boolean;
  /** Called as assessments are written. */
  onProgress?: (done: number, total: number) => void;
  /** Called when a step after the load begins. */
  onStep?: (step: string) => void;
}

export interface GenerateReport {
  path: string;
  parties: number;
  partiesAdded: number;
  activeParties: number;
  instruments: number;
  instrumentsAdded: number;
  commitments: number;
  commitmentsAdded: number;
  participationsAdded: number;
  assessmentsAdded: number;
  evidenceAdded: number;
  /** The first and last day an `as_of` may fall on. */
  windowStart: string;
  windowEnd: string;
  seconds: number;
}

/** A refusal the CLI prints as one line (bad option, file exists). */
export class GenerateError extends Error {}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const stampOf = (ms: number) => new Date(ms).toISOString();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const THEME_TITLES: Record<Theme, string[]> = {
  political_commitment: ['Adopt a national strategy against online scams', 'Designate a national focal point', 'Report on progress every year'],
  legal_framework: ['Criminalise online fraud schemes', 'Update the rules on electronic evidence', 'Outlaw the renting of mule accounts'],
  law_enforcement: ['Set up a specialised cybercrime unit', 'Train investigators in digital forensics', 'Run joint operations against scam compounds'],
  international_cooperation: ['Answer mutual legal assistance requests on time', 'Join a 24/7 contact network', 'Share intelligence on scam networks'],
  victim_protection: ['Screen rescued workers as possible trafficking victims', 'Run a hotline for scam victims', 'Return stolen funds to victims'],
  prevention_awareness: ['Run public awareness campaigns', 'Warn job seekers about fraudulent offers', 'Teach digital literacy in schools'],
  financial_flows: ['Freeze suspect accounts within hours', 'Trace crypto-asset flows', 'Share suspicious transaction reports across borders'],
  private_sector: ['Require platforms to remove scam adverts', 'Require telecoms to block spoofed calls', 'Set up data sharing between banks and platforms'],
  capacity_building: ['Fund training for partner countries', 'Share investigation tools with smaller agencies', 'Second experts to regional centres'],
};

const STATUS_SENTENCES: Record<(typeof STATUSES)[number], string> = {
  no_evidence: 'No public information on this commitment was found in the sources reviewed.',
  not_started: 'No action on this commitment has started yet.',
  limited: 'Work has begun but covers only part of the commitment.',
  substantial: 'Most of the commitment is in place, with some gaps remaining.',
  complete: 'The commitment is delivered in full.',
  not_applicable: 'The commitment does not apply to this party.',
};

const FILLERS = [
  'The reading rests on the latest annual report of the lead agency and a ministry statement.',
  'Figures on blocked accounts and arrests were published for the period under review.',
  'A draft law was tabled and discussed in committee during the period.',
  'Officials described the measure at a regional meeting; no written plan was found.',
  'Civil society groups reported gaps in how the measure is applied outside the capital.',
  'The budget line for the measure was renewed for the next fiscal year.',
  'Cooperation with neighbouring states increased, according to the joint communiqué.',
  'The regulator issued guidance to banks and telecom operators.',
];

const TH_NARRATIVE = 'ข้อมูลสังเคราะห์สำหรับการทดสอบประสิทธิภาพ ไม่ใช่การประเมินจริง';

const EVIDENCE_TITLES = ['Annual report of the lead agency', 'Ministry press release', 'Government gazette notice', 'News report', 'Parliamentary record', 'Regulator guidance note'];

const ASSESSMENT_COLUMNS = [
  'id',
  'party_slug',
  'commitment_code',
  'status',
  'assessor',
  'as_of',
  'narrative_en',
  'narrative_th',
  'state',
  'confidence',
  'author_name',
  'review_comment',
  'version',
  'created_at',
  'updated_at',
  'submitted_at',
  'published_at',
] as const;
const EVIDENCE_COLUMNS = ['assessment_id', 'url', 'title', 'publisher', 'published_on', 'grade', 'position'] as const;

/** Rows per INSERT statement and statements per transaction, sized to stay far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 500;
const ROWS_PER_TRANSACTION = 20_000;

interface PartyRow {
  slug: string;
  kind: PartyKind;
  nameEn: string;
}

interface CommitmentRow {
  code: string;
  instrumentSlug: string;
  applicability: 'all_parties' | 'party_pledge';
  pledgePartySlug: string | null;
}

/** Multi-row INSERT statements for `rows`, ROWS_PER_STATEMENT at a time. */
function insertStatements(table: string, columns: readonly string[], rows: InValue[][], conflict = ''): InStatement[] {
  const statements: InStatement[] = [];
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(chunk.length).fill(tuple).join(',')}${conflict}`,
      args: chunk.flat(),
    });
  }
  return statements;
}

/** Checks the options and says what is wrong in one line. */
export function checkOptions(options: GenerateOptions): void {
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new GenerateError(`--${name} must be a whole number of at least ${min} (got ${value})`);
  };
  whole('parties', options.parties, 1);
  whole('commitments', options.commitments, 1);
  whole('years', options.years, 1);
  whole('assessments', options.assessments, 0);
  whole('seed', options.seed, 0);
  const end = options.end ?? DEFAULT_END;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end) || isoOf(dayOf(end)) !== end) throw new GenerateError(`--end must be a date written YYYY-MM-DD (got ${end})`);
  if (!options.out) throw new GenerateError('--out is required');
}

/** Creates the scale database described in the module comment. */
export async function generateScaleDatabase(options: GenerateOptions): Promise<GenerateReport> {
  checkOptions(options);
  const started = performance.now();
  const path = resolve(options.out);
  if (existsSync(path)) {
    if (!options.force) throw new GenerateError(`${options.out} exists; pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  }
  const end = options.end ?? DEFAULT_END;
  const endDay = dayOf(end);
  const startDay = endDay - Math.round(options.years * 365.25) + 1;
  const seed = options.seed;

  // One connection: the journal mode below can change only while no other connection has the file open.
  const db = await openDatabase({ url: `file:${path}`, embedded: true }, { connections: 1 });
  const client = db.$client;
  try {
    await migrateDatabase(db);
    await seedDatabase(db);
    // A new file being bulk-loaded, with no other connection: no journal and no fsync until
    // the end, a large page cache. WAL is turned back on before the file is handed over.
    await client.execute('PRAGMA journal_mode = OFF');
    await client.execute('PRAGMA synchronous = OFF');
    await client.execute('PRAGMA cache_size = -1048576');
    await client.execute('PRAGMA temp_store = MEMORY');

    const fact = (note: string): InValue[] => [SYNTHETIC_URL, SYNTHETIC_PUBLISHER, 'inferred', note];

    // Parties.
    const seeded = (await client.execute('SELECT slug, kind, name_en, iso3 FROM parties ORDER BY rowid')).rows.map((r) => ({
      slug: String(r.slug),
      kind: String(r.kind) as PartyKind,
      nameEn: String(r.name_en),
      iso3: r.iso3 === null ? null : String(r.iso3),
    }));
    const known = new Set(seeded.flatMap((p) => [p.slug, p.iso3 ?? p.slug]));
    const candidates: PartyRow[] = seeded.map(({ slug, kind, nameEn }) => ({ slug, kind, nameEn }));
    const newParties: InValue[][] = [];
    for (const m of UN_MEMBERS) {
      if (candidates.length >= options.parties) break;
      if (known.has(m.iso3) || known.has(m.iso3.toLowerCase())) continue;
      const slug = m.iso3.toLowerCase();
      candidates.push({ slug, kind: 'state', nameEn: m.nameEn });
      newParties.push([slug, 'state', m.iso3, m.iso2, m.isoNumeric, m.nameEn, m.nameEn, m.region, ...fact('Synthetic benchmark data: a UN member state added for scale; the Thai name repeats the English one. ISO codes are general knowledge.')]);
    }
    for (let n = 1; candidates.length < options.parties; n++) {
      const company = n % 3 === 0;
      const kind: PartyKind = company ? 'company' : 'international_organisation';
      const slug = `synthetic-${company ? 'company' : 'org'}-${pad(n, 3)}`;
      const nameEn = `Synthetic ${company ? 'company' : 'organisation'} ${pad(n, 3)}`;
      candidates.push({ slug, kind, nameEn });
      newParties.push([slug, kind, null, null, null, nameEn, nameEn, 'global', ...fact('Synthetic benchmark data: not a real party.')]);
    }
    const active = candidates.slice(0, options.parties);
    const partyColumns = ['slug', 'kind', 'iso3', 'iso2', 'iso_numeric', 'name_en', 'name_th', 'region', 'source_url', 'source_publisher', 'confidence', 'note'];

    // Instruments and commitments.
    const instrumentRows = (await client.execute('SELECT slug, adopted_on FROM instruments')).rows;
    const adopted = new Map(instrumentRows.map((r) => [String(r.slug), dayOf(String(r.adopted_on))]));
    const commitments: CommitmentRow[] = (await client.execute('SELECT code, instrument_slug, applicability, pledge_party_slug FROM commitments ORDER BY rowid')).rows.map((r) => ({
      code: String(r.code),
      instrumentSlug: String(r.instrument_slug),
      applicability: String(r.applicability) as CommitmentRow['applicability'],
      pledgePartySlug: r.pledge_party_slug === null ? null : String(r.pledge_party_slug),
    }));
    const instrumentRng = createRandom(seed, 'instruments');
    const newInstruments: InValue[][] = [];
    const newCommitments: InValue[][] = [];
    const synthetic: { slug: string; type: InstrumentType; adoptedDay: number; popularity: number }[] = [];
    const activeStates = active.filter((p) => p.kind === 'state');
    for (let k = 1; commitments.length < options.commitments; k++) {
      const slug = `synthetic-instrument-${pad(k, 2)}`;
      const type = instrumentRng.weighted({ treaty: 3, declaration: 5, joint_statement: 2 }) as InstrumentType;
      const adoptedDay = startDay + Math.floor(instrumentRng.next() * 0.6 * (endDay - startDay));
      const label = `Synthetic instrument ${pad(k, 2)}`;
      const treaty = type === 'treaty';
      newInstruments.push([
        slug,
        label,
        `${label} on online scams and cyber-enabled crime (synthetic benchmark data)`,
        `${label} (ข้อมูลสังเคราะห์)`,
        'A synthetic instrument made up for load tests: not a real document.',
        'ตราสารสังเคราะห์สำหรับการทดสอบประสิทธิภาพ ไม่ใช่เอกสารจริง',
        type,
        treaty ? 'binding' : 'political',
        isoOf(adoptedDay),
        'Synthetic',
        treaty ? isoOf(adoptedDay + instrumentRng.int(30, 200)) : null,
        treaty ? instrumentRng.int(10, 40) : null,
        treaty ? 90 : null,
        treaty ? 30 : null,
        0,
        100 + k,
        ...fact('Synthetic benchmark data: not a real instrument.'),
      ]);
      synthetic.push({ slug, type, adoptedDay, popularity: 0.25 + instrumentRng.next() * 0.5 });
      adopted.set(slug, adoptedDay);
      const size = Math.min(options.commitments - commitments.length, instrumentRng.int(14, 30));
      const themes = instrumentRng.shuffle(THEMES);
      for (let j = 1; j <= size; j++) {
        const code = `SYN${pad(k, 2)}-${pad(j, 2)}`;
        const theme = themes[(j - 1) % themes.length]!;
        const title = THEME_TITLES[theme][(k + j) % THEME_TITLES[theme].length]!;
        const pledge = activeStates.length > 0 && instrumentRng.chance(0.03) ? instrumentRng.pick(activeStates).slug : null;
        const dueOn = instrumentRng.chance(0.25) ? isoOf(adoptedDay + instrumentRng.int(365, 5 * 365)) : null;
        commitments.push({ code, instrumentSlug: slug, applicability: pledge ? 'party_pledge' : 'all_parties', pledgePartySlug: pledge });
        newCommitments.push([
          code,
          slug,
          `Para. ${j}`,
          `${title} (${code})`,
          `${title} (${code}, ข้อมูลสังเคราะห์)`,
          `${title}. Synthetic benchmark commitment.`,
          'พันธกรณีสังเคราะห์สำหรับการทดสอบประสิทธิภาพ',
          theme,
          pledge ? 'party_pledge' : 'all_parties',
          pledge,
          dueOn,
          j,
          ...fact('Synthetic benchmark data: not a real commitment.'),
        ]);
      }
    }
    const instrumentColumns = [
      'slug', 'short_name', 'title_en', 'title_th', 'summary_en', 'summary_th', 'type', 'legal_force', 'adopted_on', 'adopted_place',
      'opened_for_signature_on', 'eif_threshold', 'eif_delay_days', 'eif_later_party_delay_days', 'eif_regional_orgs_count_extra', 'sort_order',
      'source_url', 'source_publisher', 'confidence', 'note',
    ];
    const commitmentColumns = [
      'code', 'instrument_slug', 'reference', 'title_en', 'title_th', 'summary_en', 'summary_th', 'theme', 'applicability',
      'pledge_party_slug', 'due_on', 'sort_order', 'source_url', 'source_publisher', 'confidence', 'note',
    ];

    // Participations.
    const existing = (await client.execute('SELECT party_slug, instrument_slug FROM participations')).rows.map((r) => [String(r.party_slug), String(r.instrument_slug)] as const);
    const joined = new Map<string, Set<string>>();
    const join = (party: string, instrument: string) => {
      let set = joined.get(party);
      if (!set) joined.set(party, (set = new Set()));
      set.add(instrument);
    };
    for (const [party, instrument] of existing) join(party, instrument);
    const participationRng = createRandom(seed, 'participations');
    const newParticipations: InValue[][] = [];
    const participationNote = 'Synthetic benchmark data: not a real treaty action.';
    const act = (party: string, instrument: string, action: string, day: number) => {
      newParticipations.push([party, instrument, action, isoOf(Math.min(day, endDay)), ...fact(participationNote)]);
      join(party, instrument);
    };
    const uncc = 'un-convention-against-cybercrime';
    const unccOpen = dayOf('2025-10-25');
    for (const party of active) {
      if (party.kind === 'state' && adopted.has(uncc) && unccOpen <= endDay && !joined.get(party.slug)?.has(uncc) && participationRng.chance(0.7)) {
        act(party.slug, uncc, 'signature', participationRng.int(unccOpen, Math.min(endDay, dayOf('2026-12-31'))));
      }
      const factor = party.kind === 'state' ? 1 : 0.25;
      const chosen = synthetic.filter((i) => participationRng.chance(i.popularity * factor));
      const minimum = Math.min(3, synthetic.length);
      for (const extra of participationRng.shuffle(synthetic)) {
        if (chosen.length >= minimum) break;
        if (!chosen.includes(extra)) chosen.push(extra);
      }
      for (const instrument of chosen) {
        const day = participationRng.int(instrument.adoptedDay, Math.max(instrument.adoptedDay, Math.min(endDay, instrument.adoptedDay + 3 * 365)));
        if (instrument.type === 'treaty') {
          act(party.slug, instrument.slug, 'signature', day);
          if (participationRng.chance(0.6)) {
            const ratified = day + participationRng.int(90, 900);
            if (ratified <= endDay) act(party.slug, instrument.slug, 'ratification', ratified);
          }
        } else {
          act(party.slug, instrument.slug, instrument.type === 'joint_statement' ? 'membership' : 'endorsement', day);
        }
      }
    }
    const participationColumns = ['party_slug', 'instrument_slug', 'action', 'acted_on', 'source_url', 'source_publisher', 'confidence', 'note'];

    await client.batch(
      [
        ...insertStatements('parties', partyColumns, newParties),
        ...insertStatements('instruments', instrumentColumns, newInstruments),
        ...insertStatements('commitments', commitmentColumns, newCommitments),
        ...insertStatements('participations', participationColumns, newParticipations),
      ],
      'write',
    );

    // Assessment series: one per active party, applicable commitment and assessor.
    const seriesRng = createRandom(seed, 'series');
    const seriesParty: number[] = [];
    const seriesCommitment: number[] = [];
    const seriesAssessor: number[] = [];
    const seriesStart: number[] = [];
    const seriesWeight: number[] = [];
    const seriesNotApplicable: boolean[] = [];
    const totalDays = endDay - startDay + 1;
    for (const [p, party] of active.entries()) {
      const instruments = joined.get(party.slug) ?? new Set<string>();
      const activity = Math.exp(seriesRng.normal(0, 0.6)) * (party.kind === 'state' ? 1 : 0.5);
      const selfRate = party.kind === 'state' ? 0.6 : party.kind === 'company' ? 0.5 : 0.25;
      for (const [c, commitment] of commitments.entries()) {
        const applies =
          commitment.applicability === 'all_parties' ? instruments.has(commitment.instrumentSlug) : commitment.pledgePartySlug === party.slug;
        if (!applies) continue;
        const from = Math.max(startDay, adopted.get(commitment.instrumentSlug) ?? startDay);
        if (from > endDay) continue;
        const span = Math.max(0.1, (endDay - from + 1) / totalDays);
        for (const [a, assessor] of ASSESSORS.entries()) {
          let weight = activity * span;
          if (assessor === 'self_reported') weight *= seriesRng.chance(0.15) ? 0 : selfRate;
          seriesParty.push(p);
          seriesCommitment.push(c);
          seriesAssessor.push(a);
          seriesStart.push(from);
          seriesWeight.push(weight);
          seriesNotApplicable.push(seriesRng.chance(0.02));
        }
      }
    }
    // Largest-remainder rounding: the counts add up to exactly `assessments`.
    const totalWeight = seriesWeight.reduce((s, w) => s + w, 0);
    const counts = new Uint32Array(seriesWeight.length);
    const M = totalWeight > 0 ? options.assessments : 0;
    let assigned = 0;
    const remainders: number[] = [];
    for (let s = 0; s < seriesWeight.length; s++) {
      const exact = (M * seriesWeight[s]!) / totalWeight;
      counts[s] = Math.floor(exact);
      assigned += counts[s]!;
      remainders.push(exact - counts[s]!);
    }
    const order = [...remainders.keys()].sort((x, y) => remainders[y]! - remainders[x]! || x - y);
    for (let i = 0; assigned < M; i++, assigned++) counts[order[i % order.length]!]! += 1;

    // Rows, held in typed arrays rather than a million objects. Status levels index STATUSES.
    const rowSeries = new Uint32Array(M);
    const rowAsOf = new Int32Array(M);
    const rowStatus = new Uint8Array(M);
    const rowState = new Uint8Array(M);
    const rowCreated = new Float64Array(M);
    const rowSubmitted = new Float64Array(M);
    const rowPublished = new Float64Array(M);
    const rowUpdated = new Float64Array(M);
    const rowRand = new Uint32Array(M);
    const rowRng = createRandom(seed, 'assessments');
    const stateIndex = Object.fromEntries(PUBLICATION_STATES.map((s, i) => [s, i])) as Record<(typeof PUBLICATION_STATES)[number], number>;
    const endLimit = (endDay + 1) * DAY_MS - 1000;
    const hours = (min: number, max: number) => (min + rowRng.next() * (max - min)) * 3_600_000;
    let r = 0;
    for (let s = 0; s < counts.length; s++) {
      const n = counts[s]!;
      if (n === 0) continue;
      const from = seriesStart[s]!;
      const days = Array.from({ length: n }, () => rowRng.int(from, endDay)).sort((x, y) => x - y);
      let level = Number(rowRng.weighted({ 0: 25, 1: 35, 2: 30, 3: 10 }));
      // About two steps up over a series' life, whatever its length, and now and then one back.
      const up = Math.min(0.3, 2 / n);
      for (const day of days) {
        if (seriesNotApplicable[s]) level = 5;
        else {
          const step = rowRng.next();
          if (step < up) level = Math.min(4, level + 1);
          else if (step < up * 1.2) level = Math.max(0, level - 1);
        }
        const state = stateIndex[rowRng.weighted({ published: 92, draft: 3, submitted: 3, returned: 2 })];
        const base = day * DAY_MS;
        const created = base + hours(1, 240);
        const submitted = created + hours(1, 480);
        const published = submitted + hours(1, 720);
        const updated = state === stateIndex.draft ? created + hours(0, 120) : state === stateIndex.returned ? submitted + hours(1, 240) : state === stateIndex.published ? published : submitted;
        // Nothing happens after `end`: squeeze the offsets back when they run past it.
        const squeeze = Math.max(published, updated) > endLimit ? (endLimit - base) / (Math.max(published, updated) - base) : 1;
        rowSeries[r] = s;
        rowAsOf[r] = day;
        rowStatus[r] = level;
        rowState[r] = state;
        rowCreated[r] = base + (created - base) * squeeze;
        rowSubmitted[r] = base + (submitted - base) * squeeze;
        rowPublished[r] = base + (published - base) * squeeze;
        rowUpdated[r] = base + (updated - base) * squeeze;
        rowRand[r] = rowRng.uint32();
        r++;
      }
    }
    // Insert in creation order, as a live system would have: ids grow with time.
    const order2 = new Uint32Array(M);
    for (let i = 0; i < M; i++) order2[i] = i;
    order2.sort((x, y) => rowCreated[x]! - rowCreated[y]! || x - y);

    // Secondary indexes of the two big tables are dropped and rebuilt after the load (one sort
    // instead of a million random inserts), from their own DDL, so the schema stays exactly
    // what the migrations made.
    const indexes = (
      await client.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('assessments', 'evidence') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
      )
    ).rows.map((row) => ({ name: String(row.name), sql: String(row.sql) }));
    for (const index of indexes) await client.execute(`DROP INDEX "${index.name}"`);
    // Likewise the triggers that keep the derived tables: off for the load, and the tables
    // rebuilt from the loaded history in one pass afterwards (rebuildDerivedData).
    const triggers = (
      await client.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name IN ('assessments_published_insert', 'assessments_published_update', 'evidence_basis_insert') OR (name LIKE 'search_%' AND tbl_name IN ('assessments', 'evidence'))) ORDER BY name",
      )
    ).rows.map((row) => ({ name: String(row.name), sql: String(row.sql) }));
    for (const trigger of triggers) await client.execute(`DROP TRIGGER "${trigger.name}"`);

    const firstId = Number((await client.execute('SELECT coalesce(max(id), 0) AS n FROM assessments')).rows[0]!.n) + 1;
    let written = 0;
    options.onProgress?.(0, M);
    for (let offset = 0; offset < M; offset += ROWS_PER_TRANSACTION) {
      const assessmentRows: InValue[][] = [];
      const evidenceRows: InValue[][] = [];
      const last = Math.min(M, offset + ROWS_PER_TRANSACTION);
      for (let i = offset; i < last; i++) {
        const row = order2[i]!;
        const id = firstId + i;
        const s = rowSeries[row]!;
        const party = active[seriesParty[s]!]!;
        const commitment = commitments[seriesCommitment[s]!]!;
        const assessor: Assessor = ASSESSORS[seriesAssessor[s]!]!;
        const status = STATUSES[rowStatus[row]!]!;
        const state = PUBLICATION_STATES[rowState[row]!]!;
        const rand = rowRand[row]!;
        const asOf = isoOf(rowAsOf[row]!);
        const narrative = `${STATUS_SENTENCES[status]} ${FILLERS[rand % FILLERS.length]} ${FILLERS[(rand >>> 3) % FILLERS.length]} (Synthetic benchmark data for ${party.nameEn}, ${commitment.code}.)`;
        const author = assessor === 'independent' ? `Monitor analyst ${pad((rand >>> 6) % 40 + 1, 2)} (synthetic)` : `${party.nameEn} focal point (synthetic)`;
        const published = state === 'published';
        const submittedAt = state === 'draft' ? null : stampOf(rowSubmitted[row]!);
        assessmentRows.push([
          id,
          party.slug,
          commitment.code,
          status,
          assessor,
          asOf,
          narrative,
          (rand >>> 9) % 10 < 3 ? `${TH_NARRATIVE} ${commitment.code}` : null,
          state,
          'inferred',
          author,
          state === 'returned' ? 'Please add a source for the figures (synthetic).' : null,
          published ? 3 : state === 'draft' ? 1 : 2,
          stampOf(rowCreated[row]!),
          stampOf(rowUpdated[row]!),
          submittedAt,
          published ? stampOf(rowPublished[row]!) : null,
        ]);
        evidenceRows.push([
          id,
          `https://example.org/synthetic/${party.slug}/${commitment.code.toLowerCase()}/${id}`,
          `${EVIDENCE_TITLES[(rand >>> 12) % EVIDENCE_TITLES.length]} (synthetic ${id})`,
          SYNTHETIC_PUBLISHER,
          isoOf(rowAsOf[row]! - ((rand >>> 16) % 90)),
          EVIDENCE_GRADES[(rand >>> 20) % EVIDENCE_GRADES.length]!,
          0,
        ]);
      }
      await client.batch(
        [...insertStatements('assessments', ASSESSMENT_COLUMNS, assessmentRows), ...insertStatements('evidence', EVIDENCE_COLUMNS, evidenceRows)],
        'write',
      );
      written = last;
      options.onProgress?.(written, M);
    }
    for (const index of indexes) await client.execute(index.sql);
    for (const trigger of triggers) await client.execute(trigger.sql);
    options.onStep?.('derived tables');
    await db.transaction((tx) => rebuildDerivedData(tx));
    options.onStep?.('search index');
    await db.transaction((tx) => rebuildSearchIndex(tx));
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA journal_mode = WAL');

    const total = async (table: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    return {
      path,
      parties: await total('parties'),
      partiesAdded: newParties.length,
      activeParties: active.length,
      instruments: await total('instruments'),
      instrumentsAdded: newInstruments.length,
      commitments: await total('commitments'),
      commitmentsAdded: newCommitments.length,
      participationsAdded: newParticipations.length,
      assessmentsAdded: written,
      evidenceAdded: written,
      windowStart: isoOf(startDay),
      windowEnd: end,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    client.close();
  }
}
