/**
 * The bulk downloads: every published table as CSV and JSON, and the data dictionary that
 * describes each column (name, type, meaning in English and Thai). The /data page renders
 * the dictionary from these same definitions, so the two cannot disagree.
 *
 * Column names are the database's snake_case names; each row read for a dataset carries the
 * camelCase form of every column name (drizzle's mapping), which is how values are picked.
 */
import type { Database } from '../../../db/client';
import {
  APPLICABILITIES,
  ASSESSORS,
  CONFERENCE_ROLES,
  CONFIDENCES,
  DELEGATION_LEVELS,
  EVIDENCE_GRADES,
  INSTRUMENT_TYPES,
  LEGAL_FORCES,
  PARTICIPATION_ACTIONS,
  MEASURE_EXTENTS,
  MEASURE_KINDS,
  MEASURE_STEPS,
  PARTY_KINDS,
  PARTY_KIND_SCOPES,
  REGIONS,
  STATUSES,
  THEMES,
} from '../../domain/vocabulary';
import type { Locale } from '../../i18n/locales';
import * as tables from '../server/queries/open-data';
import { readPublishedMeasureCommitmentsTable, readPublishedMeasuresTable } from '../server/queries/measures';
import { toCsv, type CsvValue } from './csv';
import { LICENCE_URL } from './http';

/** English and Thai always; another language where written, else the page shows English (marked). */
type Text = { en: string; th: string } & Partial<Record<Locale, string>>;

/** A dictionary text in `locale`, or in English when it has none, with the language it is in. */
export function textIn(text: Text, locale: Locale): { text: string; lang: Locale } {
  const own = text[locale];
  return own ? { text: own, lang: locale } : { text: text.en, lang: 'en' };
}

/** A column's type as the dictionary states it; an enum lists its values. */
export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp' | 'url' | { enum: readonly string[] };

export interface Column {
  name: string;
  type: ColumnType;
  /** False when the column is never empty. */
  nullable: boolean;
  meaning: Text;
}

export interface Dataset {
  /** The file name without extension: /data/<name>.csv and /data/<name>.json. */
  name: string;
  title: Text;
  description: Text;
  columns: Column[];
  read(db: Database): Promise<Record<string, unknown>[]>;
}

/** The licence of the monitor's own data. */
export const LICENCE = {
  name: 'CC BY 4.0',
  url: LICENCE_URL,
  attribution: 'Bangkok Joint Statement Monitor',
  note: {
    en: 'The monitor’s own data (assessments, narratives, scores, codes and this dictionary) is licensed CC BY 4.0: reuse it freely, crediting “Bangkok Joint Statement Monitor”. The documents and figures it cites (treaty texts, government and UNODC publications, news reports) keep their own terms.',
    id: 'Data milik pemantau sendiri (penilaian, narasi, skor, kode dan kamus ini) berlisensi CC BY 4.0: bebas dipakai ulang dengan menyebut “Bangkok Joint Statement Monitor”. Dokumen dan angka yang dikutipnya (naskah perjanjian, terbitan pemerintah dan UNODC, laporan berita) tetap tunduk pada ketentuannya masing-masing.',
    th: 'ข้อมูลของเครื่องมือติดตามนี้เอง (ผลการประเมิน คำอธิบาย คะแนน รหัส และพจนานุกรมข้อมูลนี้) เผยแพร่ภายใต้สัญญาอนุญาต CC BY 4.0 นำไปใช้ซ้ำได้โดยอ้างอิง “Bangkok Joint Statement Monitor” ส่วนเอกสารและตัวเลขที่อ้างถึง (ตัวบทสนธิสัญญา เอกสารของรัฐบาลและ UNODC รายงานข่าว) เป็นไปตามเงื่อนไขของแหล่งที่มานั้น ๆ',
  } satisfies Text,
} as const;

const col = (name: string, type: ColumnType, en: string, th: string, nullable = false): Column => ({ name, type, nullable, meaning: { en, th } });
const opt = (name: string, type: ColumnType, en: string, th: string): Column => col(name, type, en, th, true);
const oneOf = (values: readonly string[]): ColumnType => ({ enum: values });

/** The four columns every sourced fact row carries. */
const sourceColumns = (what: { en: string; th: string }): Column[] => [
  col('source_url', 'url', `Where ${what.en} comes from.`, `แหล่งที่มาของ${what.th}`),
  col('source_publisher', 'text', 'Who published the source.', 'ผู้เผยแพร่แหล่งที่มา'),
  col('confidence', oneOf(CONFIDENCES), '`confirmed`: stated on the exact page cited; `reported`: stated by a secondary source; `inferred`: reasoned (see the note).', '`confirmed` ระบุไว้ในหน้าที่อ้างอิงโดยตรง, `reported` ระบุโดยแหล่งข้อมูลรอง, `inferred` อนุมาน (ดูหมายเหตุ)'),
  opt('note', 'text', 'What is uncertain or inferred, and why.', 'สิ่งที่ยังไม่แน่นอนหรืออนุมาน และเหตุผล'),
  opt('checked_on', 'date', 'The day the row was last checked against its source.', 'วันที่ตรวจสอบแถวนี้กับแหล่งที่มาครั้งล่าสุด'),
];

const enTh = (en: string, th: string): Text => ({ en, th });
/** A dataset's title in English, Thai and Indonesian. */
const titled = (en: string, th: string, id: string): Text => ({ en, th, id });

/** Every download, in the order the /data page lists them. */
export const DATASETS: readonly Dataset[] = [
  {
    name: 'parties',
    title: titled('Parties', 'ภาคี', 'Pihak'),
    description: enTh('States, organisations and companies the monitor tracks.', 'รัฐ องค์การ และบริษัทที่เครื่องมือติดตาม'),
    columns: [
      col('slug', 'text', 'The party’s code: lower-case ISO 3166 alpha-3 for states, a short slug otherwise.', 'รหัสภาคี: ISO 3166 alpha-3 ตัวพิมพ์เล็กสำหรับรัฐ หรือชื่อย่อสำหรับภาคีอื่น'),
      col('kind', oneOf(PARTY_KINDS), 'What kind of body the party is.', 'ประเภทของภาคี'),
      opt('iso3', 'text', 'ISO 3166-1 alpha-3 code (states only).', 'รหัส ISO 3166-1 alpha-3 (เฉพาะรัฐ)'),
      opt('iso2', 'text', 'ISO 3166-1 alpha-2 code (states only).', 'รหัส ISO 3166-1 alpha-2 (เฉพาะรัฐ)'),
      opt('iso_numeric', 'text', 'ISO 3166-1 numeric code, as text with leading zeros (states only).', 'รหัสตัวเลข ISO 3166-1 เป็นข้อความพร้อมเลขศูนย์นำหน้า (เฉพาะรัฐ)'),
      col('name_en', 'text', 'Name in English.', 'ชื่อภาษาอังกฤษ'),
      col('name_th', 'text', 'Name in Thai.', 'ชื่อภาษาไทย'),
      col('region', oneOf(REGIONS), 'Region (UN geoscheme continent; `global` for worldwide bodies).', 'ภูมิภาค (ทวีปตามการแบ่งของสหประชาชาติ, `global` สำหรับองค์กรระดับโลก)'),
      opt('asean_member_since', 'date', 'Day the party joined ASEAN.', 'วันที่เข้าเป็นสมาชิกอาเซียน'),
      opt('asean_observer_since', 'date', 'Day the party became an ASEAN observer.', 'วันที่เป็นผู้สังเกตการณ์อาเซียน'),
      ...sourceColumns({ en: 'the party record', th: 'ข้อมูลภาคี' }),
    ],
    read: tables.readPartiesTable,
  },
  {
    name: 'instruments',
    title: titled('Instruments', 'ตราสาร', 'Instrumen'),
    description: enTh('Treaties, joint statements and declarations, with their entry-into-force rules.', 'สนธิสัญญา แถลงการณ์ร่วม และปฏิญญา พร้อมเงื่อนไขการมีผลใช้บังคับ'),
    columns: [
      col('slug', 'text', 'The instrument’s identifier.', 'รหัสของตราสาร'),
      col('short_name', 'text', 'Short name.', 'ชื่อย่อ'),
      col('title_en', 'text', 'Full title in English.', 'ชื่อเต็มภาษาอังกฤษ'),
      col('title_th', 'text', 'Full title in Thai.', 'ชื่อเต็มภาษาไทย'),
      col('summary_en', 'text', 'What the instrument does, in English.', 'สาระสำคัญของตราสาร ภาษาอังกฤษ'),
      col('summary_th', 'text', 'What the instrument does, in Thai.', 'สาระสำคัญของตราสาร ภาษาไทย'),
      col('type', oneOf(INSTRUMENT_TYPES), 'Kind of document.', 'ประเภทเอกสาร'),
      col('legal_force', oneOf(LEGAL_FORCES), 'Whether it binds its parties in law or only politically.', 'ผูกพันทางกฎหมายหรือทางการเมืองเท่านั้น'),
      col('adopted_on', 'date', 'Day it was adopted.', 'วันที่รับรอง'),
      col('adopted_place', 'text', 'Where it was adopted.', 'สถานที่รับรอง'),
      opt('opened_for_signature_on', 'date', 'Day it opened for signature (treaties).', 'วันที่เปิดให้ลงนาม (สนธิสัญญา)'),
      opt('eif_threshold', 'integer', 'Instruments of consent needed for entry into force.', 'จำนวนสัตยาบันสารหรือเอกสารแสดงความยินยอมที่ต้องมีเพื่อให้มีผลใช้บังคับ'),
      opt('eif_delay_days', 'integer', 'Days from the threshold-th deposit to entry into force.', 'จำนวนวันนับจากการมอบเอกสารลำดับที่ครบเกณฑ์จนถึงวันมีผลใช้บังคับ'),
      opt('eif_later_party_delay_days', 'integer', 'Days from a later party’s own deposit to entry into force for it.', 'จำนวนวันนับจากการมอบเอกสารของภาคีที่เข้าร่วมภายหลังจนมีผลใช้บังคับสำหรับภาคีนั้น'),
      col('eif_regional_orgs_count_extra', 'boolean', 'Whether a regional organisation’s instrument counts on top of its member states’.', 'เอกสารขององค์การระดับภูมิภาคนับเพิ่มจากของรัฐสมาชิกหรือไม่'),
      opt('entered_into_force_on', 'date', 'Day of entry into force, when known from the depositary.', 'วันที่มีผลใช้บังคับ เมื่อทราบจากผู้เก็บรักษา'),
      opt('eif_rule_note', 'text', 'Notes on the entry-into-force rule.', 'หมายเหตุเกี่ยวกับเงื่อนไขการมีผลใช้บังคับ'),
      col('sort_order', 'integer', 'Display order on the site.', 'ลำดับการแสดงผลบนเว็บไซต์'),
      ...sourceColumns({ en: 'the instrument record', th: 'ข้อมูลตราสาร' }),
    ],
    read: tables.readInstrumentsTable,
  },
  {
    name: 'participations',
    title: titled('Participations', 'การเข้าร่วม', 'Tindakan perjanjian'),
    description: enTh('Each party’s actions on each instrument: signature, ratification, membership and so on.', 'การดำเนินการของแต่ละภาคีต่อแต่ละตราสาร เช่น การลงนาม การให้สัตยาบัน การเป็นสมาชิก'),
    columns: [
      col('id', 'integer', 'Row identifier.', 'รหัสแถว'),
      col('party_slug', 'text', 'The party (parties.slug).', 'ภาคี (parties.slug)'),
      col('instrument_slug', 'text', 'The instrument (instruments.slug).', 'ตราสาร (instruments.slug)'),
      col('action', oneOf(PARTICIPATION_ACTIONS), 'What the party did.', 'การดำเนินการของภาคี'),
      opt('acted_on', 'date', 'Day of the action, when known.', 'วันที่ดำเนินการ หากทราบ'),
      opt('reservations', 'text', 'Reservations made: a JSON array of {article, summaryEn, summaryTh}, summarised in the project’s words.', 'ข้อสงวน: อาร์เรย์ JSON ของ {article, summaryEn, summaryTh} สรุปด้วยถ้อยคำของโครงการ'),
      opt('declarations', 'text', 'Declarations made: a JSON array of {article, summaryEn, summaryTh}.', 'คำประกาศ: อาร์เรย์ JSON ของ {article, summaryEn, summaryTh}'),
      opt('notification_ref', 'text', 'The depositary notification that records the action, e.g. C.N.196.2025.TREATIES-XVIII.16.', 'เลขที่หนังสือแจ้งของผู้เก็บรักษาสนธิสัญญาที่บันทึกการดำเนินการ'),
      ...sourceColumns({ en: 'the action', th: 'การดำเนินการ' }),
    ],
    read: tables.readParticipationsTable,
  },
  {
    name: 'commitments',
    title: titled('Commitments', 'พันธกรณี', 'Komitmen'),
    description: enTh('What each instrument commits its parties to, filed under one theme each, and parties’ own pledges.', 'สิ่งที่ตราสารแต่ละฉบับกำหนดให้ภาคีดำเนินการ จัดหมวดตามประเด็น รวมทั้งคำมั่นของภาคีเอง'),
    columns: [
      col('code', 'text', 'The commitment’s identifier.', 'รหัสพันธกรณี'),
      col('instrument_slug', 'text', 'The instrument (instruments.slug).', 'ตราสาร (instruments.slug)'),
      col('reference', 'text', 'Where in the instrument it is made (article, paragraph).', 'ตำแหน่งในตราสาร (ข้อ วรรค)'),
      col('title_en', 'text', 'Short title in English.', 'ชื่อย่อภาษาอังกฤษ'),
      col('title_th', 'text', 'Short title in Thai.', 'ชื่อย่อภาษาไทย'),
      col('summary_en', 'text', 'What it asks for, in English.', 'สาระของพันธกรณี ภาษาอังกฤษ'),
      col('summary_th', 'text', 'What it asks for, in Thai.', 'สาระของพันธกรณี ภาษาไทย'),
      col('theme', oneOf(THEMES), 'The theme it is filed under.', 'ประเด็นที่จัดหมวดไว้'),
      col('applicability', oneOf(APPLICABILITIES), '`all_parties`: binds every party of the instrument; `party_pledge`: one party’s own pledge.', '`all_parties` ใช้กับทุกภาคีของตราสาร, `party_pledge` คำมั่นของภาคีเดียว'),
      col('party_kinds', oneOf(PARTY_KIND_SCOPES), 'Which kinds of party it binds: `states` only, `companies` (and platforms) only, or `all`.', 'ประเภทภาคีที่ผูกพัน: `states` เฉพาะรัฐ, `companies` เฉพาะบริษัทและแพลตฟอร์ม หรือ `all` ทุกภาคี'),
      opt('pledge_party_slug', 'text', 'For a pledge: the party that made it.', 'สำหรับคำมั่น: ภาคีผู้ให้คำมั่น'),
      opt('due_on', 'date', 'Deadline, when the instrument sets one.', 'กำหนดเวลา หากตราสารกำหนดไว้'),
      opt('parent_code', 'text', 'The commitment this one is part of.', 'พันธกรณีหลักที่พันธกรณีนี้เป็นส่วนหนึ่ง'),
      col('sort_order', 'integer', 'Order within the instrument.', 'ลำดับภายในตราสาร'),
      ...sourceColumns({ en: 'the commitment', th: 'พันธกรณี' }),
    ],
    read: tables.readCommitmentsTable,
  },
  {
    name: 'assessments',
    title: titled('Published assessments', 'ผลการประเมินที่เผยแพร่แล้ว', 'Penilaian yang diterbitkan'),
    description: enTh(
      'Every published assessment: one party’s progress on one commitment as of one day. Published assessments never change; progress is recorded by a newer one. Drafts and review notes are never included.',
      'ผลการประเมินที่เผยแพร่แล้วทั้งหมด: ความคืบหน้าของภาคีหนึ่งต่อพันธกรณีหนึ่ง ณ วันหนึ่ง ผลที่เผยแพร่แล้วจะไม่ถูกแก้ไข ความคืบหน้าใหม่บันทึกเป็นผลการประเมินฉบับใหม่ ไม่รวมฉบับร่างและความเห็นของผู้ตรวจ',
    ),
    columns: [
      col('id', 'integer', 'The assessment’s identifier (as in the API).', 'รหัสผลการประเมิน (เหมือนใน API)'),
      col('party_slug', 'text', 'The party assessed (parties.slug).', 'ภาคีที่ได้รับการประเมิน (parties.slug)'),
      col('commitment_code', 'text', 'The commitment (commitments.code).', 'พันธกรณี (commitments.code)'),
      col('instrument_slug', 'text', 'The commitment’s instrument (instruments.slug).', 'ตราสารของพันธกรณี (instruments.slug)'),
      col('theme', oneOf(THEMES), 'The commitment’s theme.', 'ประเด็นของพันธกรณี'),
      col('status', oneOf(STATUSES), 'Progress: not_started 0, limited ⅓, substantial ⅔, complete 1; no_evidence is not yet rated and not_applicable is left out of scores.', 'ความคืบหน้า: not_started 0, limited 1/3, substantial 2/3, complete 1; no_evidence คือยังไม่ได้ประเมิน และ not_applicable ไม่นำมาคิดคะแนน'),
      col('assessor', oneOf(ASSESSORS), 'Who assessed: the party itself or someone independent of it (scored apart).', 'ผู้ประเมิน: ภาคีเอง หรือผู้ประเมินอิสระ (คิดคะแนนแยกกัน)'),
      col('as_of', 'date', 'The day the assessment describes.', 'วันที่ผลการประเมินอ้างถึง'),
      opt('published_at', 'timestamp', 'When it was published (UTC).', 'เวลาที่เผยแพร่ (UTC)'),
      col('confidence', oneOf(CONFIDENCES), '`confirmed` or `inferred`, as for sourced facts.', '`confirmed` หรือ `inferred` เช่นเดียวกับข้อเท็จจริงที่มีแหล่งที่มา'),
      col('narrative_en', 'text', 'Why this status, in English.', 'เหตุผลของระดับความคืบหน้า ภาษาอังกฤษ'),
      opt('narrative_th', 'text', 'Why this status, in Thai.', 'เหตุผลของระดับความคืบหน้า ภาษาไทย'),
      col('party_name_en', 'text', 'The party’s name in English (added after `narrative_th`, so that older readers keep working).', 'ชื่อภาคีภาษาอังกฤษ (เพิ่มต่อจาก `narrative_th` เพื่อให้โปรแกรมเดิมยังอ่านได้)'),
      col('party_name_th', 'text', 'The party’s name in Thai.', 'ชื่อภาคีภาษาไทย'),
      col('commitment_title_en', 'text', 'The commitment’s short title in English.', 'ชื่อย่อของพันธกรณีภาษาอังกฤษ'),
      col('commitment_title_th', 'text', 'The commitment’s short title in Thai.', 'ชื่อย่อของพันธกรณีภาษาไทย'),
    ],
    read: tables.readPublishedAssessmentsTable,
  },
  {
    name: 'evidence',
    title: titled('Evidence', 'หลักฐาน', 'Bukti'),
    description: enTh('The documents each published assessment relies on.', 'เอกสารที่ผลการประเมินที่เผยแพร่แล้วแต่ละฉบับใช้อ้างอิง'),
    columns: [
      col('id', 'integer', 'Row identifier.', 'รหัสแถว'),
      col('assessment_id', 'integer', 'The assessment (assessments.id).', 'ผลการประเมิน (assessments.id)'),
      col('position', 'integer', 'Order within the assessment.', 'ลำดับภายในผลการประเมิน'),
      col('url', 'url', 'The document.', 'ที่อยู่ของเอกสาร'),
      col('title', 'text', 'Its title.', 'ชื่อเอกสาร'),
      col('publisher', 'text', 'Who published it.', 'ผู้เผยแพร่'),
      opt('published_on', 'date', 'When it was published, when known.', 'วันที่เผยแพร่ หากทราบ'),
      col('grade', oneOf(EVIDENCE_GRADES), 'Strength of the evidence: law, official, media or other (strongest first).', 'น้ำหนักของหลักฐาน: law, official, media หรือ other (เรียงจากมากไปน้อย)'),
      opt('confidence', oneOf(CONFIDENCES), 'How sure the monitor is that the document states what the assessment relies on: `confirmed` in the document, `reported` by a secondary source, or `inferred`. Empty on evidence entered before this was recorded.', 'ความมั่นใจว่าเอกสารระบุสิ่งที่ผลการประเมินอ้างถึง: `confirmed` ระบุในเอกสาร, `reported` รายงานโดยแหล่งข้อมูลรอง หรือ `inferred` อนุมาน ว่างสำหรับหลักฐานที่บันทึกก่อนมีข้อมูลนี้'),
      opt('checked_on', 'date', 'The day the document was last read and found to say so.', 'วันที่อ่านตรวจเอกสารครั้งล่าสุด'),
    ],
    read: tables.readPublishedEvidenceTable,
  },
  {
    name: 'party-scores',
    title: titled('Scores per party', 'คะแนนรายภาคี', 'Skor per pihak'),
    description: enTh(
      'Each party’s current scores with their coverage: overall, per instrument and per theme, independent and self-reported apart (never merged). One row per party, scope and assessor; scopes where no commitment applies to the party are left out. Past days: the API with `as_of`.',
      'คะแนนปัจจุบันของแต่ละภาคีพร้อมความครอบคลุม: โดยรวม รายตราสาร และรายประเด็น แยกผู้ประเมินอิสระและการรายงานตนเอง (ไม่รวมกัน) หนึ่งแถวต่อภาคี ขอบเขต และผู้ประเมิน ไม่รวมขอบเขตที่ไม่มีพันธกรณีใดใช้กับภาคี ข้อมูลวันที่ผ่านมา: ใช้ API พร้อม `as_of`',
    ),
    columns: [
      col('party_slug', 'text', 'The party (parties.slug).', 'ภาคี (parties.slug)'),
      col('party_name_en', 'text', 'The party’s name in English.', 'ชื่อภาคีภาษาอังกฤษ'),
      col('party_name_th', 'text', 'The party’s name in Thai.', 'ชื่อภาคีภาษาไทย'),
      col('scope', oneOf(['overall', 'instrument', 'theme']), 'What the score covers: every applicable commitment (`overall`), one instrument’s, or one theme’s.', 'ขอบเขตของคะแนน: ทุกพันธกรณีที่ใช้กับภาคี (`overall`) รายตราสาร หรือรายประเด็น'),
      col('scope_key', 'text', 'The instrument’s slug (instruments.slug) or the theme; empty for `overall`.', 'slug ของตราสาร (instruments.slug) หรือประเด็น ว่างสำหรับ `overall`'),
      col('scope_name_en', 'text', 'The instrument’s title or the theme’s name in English (“Overall” for `overall`).', 'ชื่อตราสารหรือประเด็นภาษาอังกฤษ (“Overall” สำหรับ `overall`)'),
      col('scope_name_th', 'text', 'The same in Thai.', 'ชื่อเดียวกันภาษาไทย'),
      col('assessor', oneOf(ASSESSORS), 'Whose assessments the score rests on: `independent` or `self_reported` (scored apart).', 'คะแนนมาจากผลการประเมินของใคร: `independent` อิสระ หรือ `self_reported` รายงานตนเอง (คิดแยกกัน)'),
      opt('score', 'number', 'The score from 0 to 1 (four decimals): the mean of the rated commitments’ values (not_started 0, limited ⅓, substantial ⅔, complete 1). Empty when nothing is rated: not rated is not 0.', 'คะแนนตั้งแต่ 0 ถึง 1 (ทศนิยมสี่ตำแหน่ง): ค่าเฉลี่ยของพันธกรณีที่ได้รับการประเมิน (not_started 0, limited 1/3, substantial 2/3, complete 1) ว่างเมื่อยังไม่มีการประเมิน ซึ่งไม่เท่ากับ 0'),
      col('rated', 'integer', 'Commitments with a rated status (the score’s base).', 'จำนวนพันธกรณีที่ได้รับการประเมินแล้ว (ฐานของคะแนน)'),
      col('applicable', 'integer', 'Commitments that apply (not_applicable left out).', 'จำนวนพันธกรณีที่ใช้กับภาคี (ไม่รวม not_applicable)'),
      opt('coverage', 'number', '`rated` ÷ `applicable`, from 0 to 1 (four decimals); empty when nothing applies. Read every score with it.', '`rated` ÷ `applicable` ตั้งแต่ 0 ถึง 1 (ทศนิยมสี่ตำแหน่ง) ว่างเมื่อไม่มีพันธกรณีที่ใช้ ควรอ่านคะแนนคู่กับค่านี้เสมอ'),
      col('commitments', 'integer', 'Commitments in the scope that bind the party, not_applicable ones included.', 'จำนวนพันธกรณีในขอบเขตที่ผูกพันภาคี รวมที่ไม่เกี่ยวข้อง'),
      opt('valid_from', 'date', 'The latest `as_of` among the party’s current assessments (either assessor); empty when none is published.', 'วันที่ `as_of` ล่าสุดของผลการประเมินปัจจุบันของภาคี (ผู้ประเมินใดก็ได้) ว่างเมื่อยังไม่มีการเผยแพร่'),
      opt('published_through', 'timestamp', 'The latest publication among the party’s current assessments (UTC): the party’s scores in this file are what the site shows for any day from the end of that one on.', 'เวลาเผยแพร่ล่าสุดของผลการประเมินปัจจุบันของภาคี (UTC) คะแนนของภาคีในไฟล์นี้ตรงกับที่เว็บไซต์แสดงสำหรับวันใดก็ได้ตั้งแต่สิ้นวันนั้นเป็นต้นไป'),
      col('methodology_version', 'text', 'The version of the scoring method (see /methodology).', 'รุ่นของวิธีคิดคะแนน (ดู /methodology)'),
    ],
    read: tables.readPartyScoresTable,
  },
  {
    name: 'measures',
    title: titled('Measures', 'มาตรการ', 'Langkah'),
    description: enTh(
      'Every published measure: a party’s law, decree, regulation, institution, programme, agreement or operation. Steps and sources, each with its own confidence and checked date, are in the API (/api/v1/measures).',
      'มาตรการที่เผยแพร่แล้วทั้งหมด: กฎหมาย พระราชกำหนด ระเบียบ หน่วยงาน โครงการ ความตกลง หรือปฏิบัติการของภาคี ขั้นตอนและแหล่งที่มาพร้อมระดับความเชื่อมั่นและวันที่ตรวจสอบอยู่ใน API (/api/v1/measures)',
    ),
    columns: [
      col('id', 'text', 'The measure’s identifier (as in the API and /measures/{id}).', 'รหัสมาตรการ (เหมือนใน API และ /measures/{id})'),
      col('party_slug', 'text', 'The party (parties.slug).', 'ภาคี (parties.slug)'),
      col('kind', oneOf(MEASURE_KINDS), 'What kind of measure it is.', 'ประเภทของมาตรการ'),
      col('title_en', 'text', 'Title in English.', 'ชื่อภาษาอังกฤษ'),
      opt('title_th', 'text', 'Title in Thai.', 'ชื่อภาษาไทย'),
      opt('title_original', 'text', 'Title in its original language.', 'ชื่อในภาษาต้นฉบับ'),
      opt('original_language', 'text', 'ISO 639-1 code of the original title.', 'รหัสภาษา ISO 639-1 ของชื่อต้นฉบับ'),
      col('summary_en', 'text', 'What it does, in the monitor’s words, in English.', 'สาระของมาตรการ ภาษาอังกฤษ'),
      opt('summary_th', 'text', 'What it does, in Thai.', 'สาระของมาตรการ ภาษาไทย'),
      opt('current_step', oneOf(MEASURE_STEPS), 'Its latest dated step.', 'ขั้นตอนล่าสุดที่ระบุวันที่'),
      opt('current_step_on', 'date', 'The date of that step.', 'วันที่ของขั้นตอนนั้น'),
      opt('official_source_url', 'url', 'The first official source (gazette, ministry, regulator), when there is one.', 'แหล่งที่มาทางราชการแหล่งแรก (ราชกิจจานุเบกษา กระทรวง หน่วยงานกำกับ) หากมี'),
      opt('disputed_en', 'text', 'Where sources disagree on what it does.', 'ประเด็นที่แหล่งข้อมูลไม่ตรงกัน'),
      opt('published_at', 'timestamp', 'When it was published on the monitor (UTC).', 'เวลาที่เผยแพร่ในเครื่องมือติดตาม (UTC)'),
    ],
    read: readPublishedMeasuresTable,
  },
  {
    name: 'measure-commitments',
    title: titled('Measures crosswalk', 'การเชื่อมโยงมาตรการกับพันธกรณี', 'Keterkaitan langkah dengan komitmen'),
    description: enTh('Which commitments each published measure serves, across instruments, and how far it goes.', 'พันธกรณีที่มาตรการที่เผยแพร่แล้วแต่ละรายการรองรับ ข้ามตราสาร และครอบคลุมเพียงใด'),
    columns: [
      col('measure_id', 'text', 'The measure (measures.id).', 'มาตรการ (measures.id)'),
      col('party_slug', 'text', 'The measure’s party (parties.slug).', 'ภาคีของมาตรการ (parties.slug)'),
      col('commitment_code', 'text', 'The commitment it serves (commitments.code).', 'พันธกรณีที่รองรับ (commitments.code)'),
      col('instrument_slug', 'text', 'The commitment’s instrument (instruments.slug).', 'ตราสารของพันธกรณี (instruments.slug)'),
      col('extent', oneOf(MEASURE_EXTENTS), '`covers` or `partly_covers` the commitment.', '`covers` ครอบคลุม หรือ `partly_covers` ครอบคลุมบางส่วน'),
      opt('note_en', 'text', 'Why, in English.', 'เหตุผล ภาษาอังกฤษ'),
      opt('note_th', 'text', 'Why, in Thai.', 'เหตุผล ภาษาไทย'),
    ],
    read: readPublishedMeasureCommitmentsTable,
  },
  {
    name: 'indicators',
    title: titled('Indicators with values', 'ตัวชี้วัดและค่า', 'Indikator beserta nilainya'),
    description: enTh('Headline figures, one row per value, each with its source.', 'ตัวเลขสำคัญ หนึ่งแถวต่อหนึ่งค่า พร้อมแหล่งที่มา'),
    columns: [
      col('indicator_slug', 'text', 'The indicator’s identifier.', 'รหัสตัวชี้วัด'),
      opt('party_slug', 'text', 'The party it is about; empty for a regional or global figure.', 'ภาคีที่ตัวชี้วัดกล่าวถึง; ว่างสำหรับตัวเลขระดับภูมิภาคหรือโลก'),
      col('name_en', 'text', 'Name in English.', 'ชื่อภาษาอังกฤษ'),
      col('name_th', 'text', 'Name in Thai.', 'ชื่อภาษาไทย'),
      col('unit', 'text', 'Unit of the value (e.g. usd, usd_per_year, count, count_per_day, thb).', 'หน่วยของค่า (เช่น usd, usd_per_year, count, count_per_day, thb)'),
      opt('description_en', 'text', 'What the figure measures, in English.', 'สิ่งที่ตัวเลขวัด ภาษาอังกฤษ'),
      opt('description_th', 'text', 'What the figure measures, in Thai.', 'สิ่งที่ตัวเลขวัด ภาษาไทย'),
      opt('period_start', 'date', 'Start of the period the value covers.', 'วันเริ่มต้นของช่วงเวลาที่ค่าครอบคลุม'),
      col('period_end', 'date', 'End of the period (or the day of the estimate).', 'วันสิ้นสุดของช่วงเวลา (หรือวันที่ประมาณการ)'),
      col('period_label', 'text', 'The period as the source names it.', 'ช่วงเวลาตามที่แหล่งที่มาระบุ'),
      col('value', 'number', 'The value (the low end of a range).', 'ค่า (ค่าต่ำสุดของช่วง)'),
      opt('value_high', 'number', 'The high end, when the source gives a range.', 'ค่าสูงสุด เมื่อแหล่งที่มาให้เป็นช่วง'),
      ...sourceColumns({ en: 'the value', th: 'ค่า' }),
    ],
    read: tables.readIndicatorValuesTable,
  },
  {
    name: 'conferences',
    title: titled('Conferences', 'การประชุม', 'Konferensi'),
    description: enTh('Conferences where commitments were made or followed up.', 'การประชุมที่มีการให้หรือติดตามพันธกรณี'),
    columns: [
      col('slug', 'text', 'The conference’s identifier.', 'รหัสการประชุม'),
      col('name_en', 'text', 'Name in English.', 'ชื่อภาษาอังกฤษ'),
      col('name_th', 'text', 'Name in Thai.', 'ชื่อภาษาไทย'),
      col('starts_on', 'date', 'First day.', 'วันแรก'),
      col('ends_on', 'date', 'Last day.', 'วันสุดท้าย'),
      col('place_en', 'text', 'Place in English.', 'สถานที่ ภาษาอังกฤษ'),
      col('place_th', 'text', 'Place in Thai.', 'สถานที่ ภาษาไทย'),
      col('summary_en', 'text', 'What happened, in English.', 'สรุปการประชุม ภาษาอังกฤษ'),
      col('summary_th', 'text', 'What happened, in Thai.', 'สรุปการประชุม ภาษาไทย'),
      opt('participant_count', 'integer', 'Participants, as reported.', 'จำนวนผู้เข้าร่วมตามที่รายงาน'),
      opt('country_count', 'integer', 'Countries represented, as reported.', 'จำนวนประเทศที่เข้าร่วมตามที่รายงาน'),
      opt('count_note', 'text', 'Where the counts come from and how reports differ.', 'ที่มาของตัวเลขและความแตกต่างระหว่างรายงาน'),
      ...sourceColumns({ en: 'the conference record', th: 'ข้อมูลการประชุม' }),
    ],
    read: tables.readConferencesTable,
  },
  {
    name: 'conference-participants',
    title: titled('Conference participants', 'ผู้เข้าร่วมการประชุม', 'Peserta konferensi'),
    description: enTh('Who attended each conference, and in what role.', 'ผู้เข้าร่วมการประชุมแต่ละครั้งและบทบาท'),
    columns: [
      col('conference_slug', 'text', 'The conference (conferences.slug).', 'การประชุม (conferences.slug)'),
      col('party_slug', 'text', 'The party (parties.slug).', 'ภาคี (parties.slug)'),
      col('role', oneOf(CONFERENCE_ROLES), 'Host, co-host or participant.', 'เจ้าภาพ เจ้าภาพร่วม หรือผู้เข้าร่วม'),
      opt('delegation_level', oneOf(DELEGATION_LEVELS), 'Level of the delegation, where known.', 'ระดับของคณะผู้แทน หากทราบ'),
      opt('note', 'text', 'Notes on the delegation.', 'หมายเหตุเกี่ยวกับคณะผู้แทน'),
    ],
    read: tables.readConferenceParticipantsTable,
  },
  {
    name: 'conference-outcomes',
    title: titled('Conference outcomes', 'ผลลัพธ์ของการประชุม', 'Hasil konferensi'),
    description: enTh('Instruments each conference adopted or launched.', 'ตราสารที่การประชุมแต่ละครั้งรับรองหรือเปิดตัว'),
    columns: [
      col('conference_slug', 'text', 'The conference (conferences.slug).', 'การประชุม (conferences.slug)'),
      col('instrument_slug', 'text', 'The instrument (instruments.slug).', 'ตราสาร (instruments.slug)'),
    ],
    read: tables.readConferenceOutcomesTable,
  },
];

/** The dataset named `name`, or undefined. */
export function findDataset(name: string): Dataset | undefined {
  return DATASETS.find((d) => d.name === name);
}

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A row's values in the dataset's column order. Throws when a row lacks a column: a definition out of step with its query. */
export function rowValues(dataset: Dataset, row: Record<string, unknown>): CsvValue[] {
  return dataset.columns.map((column) => {
    const value = row[camel(column.name)];
    if (value === undefined) throw new Error(`dataset ${dataset.name}: no value for column ${column.name}`);
    return value as CsvValue;
  });
}

/** The CSV file of a dataset. */
export function renderCsv(dataset: Dataset, rows: readonly Record<string, unknown>[]): string {
  return toCsv(
    dataset.columns.map((c) => c.name),
    rows.map((row) => rowValues(dataset, row)),
  );
}

/** The JSON file of a dataset: what it is, its licence, its columns, then its rows keyed by column name. */
export function renderJson(dataset: Dataset, rows: readonly Record<string, unknown>[]): string {
  const names = dataset.columns.map((c) => c.name);
  return JSON.stringify({
    dataset: dataset.name,
    title: dataset.title.en,
    description: dataset.description.en,
    licence: { name: LICENCE.name, url: LICENCE.url, attribution: LICENCE.attribution, note: LICENCE.note.en },
    columns: dataset.columns.map((c) => ({ name: c.name, type: typeof c.type === 'string' ? c.type : 'enum', ...(typeof c.type === 'string' ? {} : { values: c.type.enum }), nullable: c.nullable, meaning: c.meaning.en })),
    data: rows.map((row) => {
      const values = rowValues(dataset, row);
      return Object.fromEntries(names.map((name, i) => [name, values[i] ?? null]));
    }),
  });
}
