/**
 * Interface strings for search and for how the site presents itself outside (link previews,
 * the dataset description), in English and Thai. TypeScript makes every other language's
 * table carry every English key: a new language is one more table here.
 */
import type { SearchKind } from '../../db/schema/search';
import type { Locale } from './locales';
import { ID_SEARCH, ID_SEARCH_KIND_LABELS } from './id/pages';

const en = {
  'search.title': 'Search',
  'search.titleFor': 'Search: {q}',
  'search.label': 'Search the monitor',
  'search.placeholder': 'e.g. mule accounts, พระราชกำหนด',
  'search.submit': 'Search',
  'search.intro': 'Parties, instruments, commitments, published assessments and their evidence, in English and Thai. Every word must appear; parts of words match too (Thai has no spaces between words).',
  'search.filters': 'Narrow the results',
  'search.kind': 'Kind',
  'search.anyKind': 'All kinds',
  'search.party': 'Party',
  'search.anyParty': 'Any party',
  'search.instrument': 'Instrument',
  'search.anyInstrument': 'Any instrument',
  'search.none': 'Nothing published matches “{q}”.',
  'search.empty': 'Type a word or part of a word (at least 3 characters).',
  'search.count': '{n} found',
  'search.countCapped': '{n} found among the {scan} newest matches',
  'search.more': 'More {kind}',
  'search.previous': 'Previous page',
  'search.next': 'Next page',
  'search.page': 'Page {page}',
  'search.results': 'Results',
  'search.source': 'Source',
  'search.about': '{party} · {code} {commitment} · {status}, as of {asOf}',
  'search.notice.truncated': 'Only the first {n} characters of the query were used.',
  'search.notice.tooManyTerms': 'Only the first {n} words were used.',
  'search.notice.termTooLong': 'Words longer than {n} characters were cut.',
  'search.notice.termTooShort': 'Words shorter than 3 characters are not searched: {terms}.',
  'search.err.party': 'There is no party with the code “{value}”.',
  'search.err.instrument': 'There is no instrument “{value}”.',
  'search.err.kind': '“{value}” is not a kind of result.',
  'search.err.page': 'The page must be a whole number from 1 to {max}.',
  'meta.previewAlt': '{name}: overall score {score}, coverage {coverage}',
  'meta.datasetName': 'Bangkok Joint Statement Monitor: commitments and assessments',
  'meta.datasetDescription': 'Parties, instruments, commitments and published assessments of progress against online scams and cyber-enabled crime (the 2025 Bangkok Joint Statement, the UN Convention against Cybercrime and ASEAN instruments), with evidence and sources, as CSV and JSON.',
  'preview.overall': 'Overall score',
  'preview.coverage': 'Coverage {coverage} · {rated} of {applicable} commitments rated',
  'preview.notRated': 'Not rated',
  'preview.asOf': 'As of {date}',
};

export type SearchStringKey = keyof typeof en;

const th: Record<SearchStringKey, string> = {
  'search.title': 'ค้นหา',
  'search.titleFor': 'ค้นหา: {q}',
  'search.label': 'ค้นหาในระบบติดตาม',
  'search.placeholder': 'เช่น บัญชีม้า, พระราชกำหนด',
  'search.submit': 'ค้นหา',
  'search.intro': 'ภาคี ตราสาร พันธกรณี ผลการประเมินที่เผยแพร่แล้วและหลักฐาน ทั้งภาษาไทยและภาษาอังกฤษ ทุกคำต้องปรากฏ และค้นพบได้แม้เป็นส่วนหนึ่งของคำ (ภาษาไทยไม่เว้นวรรคระหว่างคำ)',
  'search.filters': 'จำกัดผลการค้นหา',
  'search.kind': 'ประเภท',
  'search.anyKind': 'ทุกประเภท',
  'search.party': 'ภาคี',
  'search.anyParty': 'ทุกภาคี',
  'search.instrument': 'ตราสาร',
  'search.anyInstrument': 'ทุกตราสาร',
  'search.none': 'ไม่พบข้อมูลที่เผยแพร่แล้วซึ่งตรงกับ “{q}”',
  'search.empty': 'พิมพ์คำหรือส่วนของคำ (อย่างน้อย 3 ตัวอักษร)',
  'search.count': 'พบ {n} รายการ',
  'search.countCapped': 'พบ {n} รายการจาก {scan} รายการล่าสุดที่ตรงกัน',
  'search.more': '{kind}เพิ่มเติม',
  'search.previous': 'หน้าก่อนหน้า',
  'search.next': 'หน้าถัดไป',
  'search.page': 'หน้า {page}',
  'search.results': 'ผลการค้นหา',
  'search.source': 'แหล่งที่มา',
  'search.about': '{party} · {code} {commitment} · {status} ณ {asOf}',
  'search.notice.truncated': 'ใช้เพียง {n} ตัวอักษรแรกของคำค้น',
  'search.notice.tooManyTerms': 'ใช้เพียง {n} คำแรก',
  'search.notice.termTooLong': 'คำที่ยาวเกิน {n} ตัวอักษรถูกตัดให้สั้นลง',
  'search.notice.termTooShort': 'คำที่สั้นกว่า 3 ตัวอักษรจะไม่ถูกค้นหา: {terms}',
  'search.err.party': 'ไม่มีภาคีรหัส “{value}”',
  'search.err.instrument': 'ไม่มีตราสาร “{value}”',
  'search.err.kind': '“{value}” ไม่ใช่ประเภทของผลการค้นหา',
  'search.err.page': 'หมายเลขหน้าต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง {max}',
  'meta.previewAlt': '{name}: คะแนนรวม {score} ความครอบคลุม {coverage}',
  'meta.datasetName': 'ระบบติดตามแถลงการณ์ร่วมกรุงเทพฯ: พันธกรณีและผลการประเมิน',
  'meta.datasetDescription': 'ภาคี ตราสาร พันธกรณี และผลการประเมินความคืบหน้าที่เผยแพร่แล้วในการต่อต้านการหลอกลวงออนไลน์และอาชญากรรมที่ใช้ไซเบอร์ (แถลงการณ์ร่วมกรุงเทพฯ ปี 2568 อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์ และตราสารของอาเซียน) พร้อมหลักฐานและแหล่งที่มา ในรูปแบบ CSV และ JSON',
  'preview.overall': 'คะแนนรวม',
  'preview.coverage': 'ความครอบคลุม {coverage} · ประเมินแล้ว {rated} จาก {applicable} พันธกรณี',
  'preview.notRated': 'ยังไม่ได้ประเมิน',
  'preview.asOf': 'ณ วันที่ {date}',
};

const strings: Record<Locale, Record<SearchStringKey, string>> = { en, th, id: ID_SEARCH };

/** The search or site-metadata string for `key` in `locale`. */
export function searchText(locale: Locale, key: SearchStringKey): string {
  return strings[locale][key];
}

/** Names of the kinds of result, plural, per language. */
export const SEARCH_KIND_LABELS: Record<Locale, Record<SearchKind, string>> = {
  en: { party: 'Parties', instrument: 'Instruments', commitment: 'Commitments', measure: 'Measures', assessment: 'Assessments', evidence: 'Evidence' },
  th: { party: 'ภาคี', instrument: 'ตราสาร', commitment: 'พันธกรณี', measure: 'มาตรการ', assessment: 'ผลการประเมิน', evidence: 'หลักฐาน' },
  id: ID_SEARCH_KIND_LABELS,
};
