/**
 * Interface strings of the open-data page (/data), English and Thai. Kept apart from ui.ts;
 * TypeScript makes the Thai table carry every English key.
 */
import type { Locale } from './locales';
import { ID_DATA, ID_ENDPOINT_PURPOSES } from './id/pages';

const en = {
  'data.title': 'Open data',
  'data.intro':
    'Everything the monitor publishes, free to reuse: every published table as CSV and JSON, a data dictionary, and a read API for programs. Only published assessments are included; drafts and review notes never are.',
  'data.downloads': 'Downloads',
  'data.dataset': 'Table',
  'data.description': 'What it holds',
  'data.files': 'Files',
  'data.columns': '{count} columns',
  'data.csvNote':
    'CSV files are UTF-8 with a byte-order mark (so spreadsheets keep Thai text), with CRLF line ends and RFC 4180 quoting. A text cell that starts with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe so that no spreadsheet runs it as a formula. Empty cells are missing values.',
  'data.jsonNote': 'JSON files hold the same rows keyed by column name, with the licence and the column list.',
  'data.licence': 'Licence',
  'data.licenceLink': 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  'data.api': 'API',
  'data.apiIntro':
    'A read-only JSON API, no sign-in. Every response is checked against its published schema; scores come with their coverage and methodology version, and as_of=YYYY-MM-DD shows the data as it stood on a past day. Responses carry an ETag: caches may keep them but must revalidate before reuse, so a newly published assessment shows at once.',
  'data.apiDocument': 'OpenAPI 3.1 description',
  'data.endpoint': 'Endpoint',
  'data.endpointPurpose': 'Returns',
  'data.dictionary': 'Data dictionary',
  'data.dictionaryIntro': 'Every column of every download: its name, its type and what it means. Codes link tables together (for example assessments.party_slug is parties.slug).',
  'data.column': 'Column',
  'data.type': 'Type',
  'data.meaning': 'Meaning',
  'data.optional': 'may be empty',
  'data.oneOf': 'one of',
  'type.text': 'text',
  'type.integer': 'whole number',
  'type.number': 'number',
  'type.boolean': 'true / false',
  'type.date': 'date (YYYY-MM-DD)',
  'type.timestamp': 'timestamp (ISO 8601, UTC)',
  'type.url': 'web address',
  'type.enum': 'code',
} as const;

export type DataKey = keyof typeof en;

const th: Record<DataKey, string> = {
  'data.title': 'ข้อมูลเปิด',
  'data.intro':
    'ทุกอย่างที่เครื่องมือติดตามเผยแพร่ นำไปใช้ซ้ำได้โดยเสรี: ทุกตารางที่เผยแพร่ในรูปแบบ CSV และ JSON พจนานุกรมข้อมูล และ API สำหรับโปรแกรม รวมเฉพาะผลการประเมินที่เผยแพร่แล้ว ไม่รวมฉบับร่างหรือความเห็นของผู้ตรวจ',
  'data.downloads': 'ดาวน์โหลด',
  'data.dataset': 'ตาราง',
  'data.description': 'เนื้อหา',
  'data.files': 'ไฟล์',
  'data.columns': '{count} คอลัมน์',
  'data.csvNote':
    'ไฟล์ CSV เข้ารหัส UTF-8 พร้อม byte-order mark (โปรแกรมตารางคำนวณจึงแสดงภาษาไทยได้ถูกต้อง) ขึ้นบรรทัดใหม่ด้วย CRLF และใส่เครื่องหมายคำพูดตาม RFC 4180 ช่องข้อความที่ขึ้นต้นด้วย =, +, -, @, แท็บ หรือ carriage return จะมีเครื่องหมาย apostrophe นำหน้า เพื่อไม่ให้โปรแกรมตารางคำนวณประมวลผลเป็นสูตร ช่องว่างหมายถึงไม่มีข้อมูล',
  'data.jsonNote': 'ไฟล์ JSON มีแถวเดียวกัน โดยใช้ชื่อคอลัมน์เป็นคีย์ พร้อมสัญญาอนุญาตและรายการคอลัมน์',
  'data.licence': 'สัญญาอนุญาต',
  'data.licenceLink': 'ครีเอทีฟคอมมอนส์ แสดงที่มา 4.0 สากล (CC BY 4.0)',
  'data.api': 'API',
  'data.apiIntro':
    'API แบบ JSON สำหรับอ่านอย่างเดียว ไม่ต้องลงชื่อเข้าใช้ ทุกคำตอบได้รับการตรวจสอบกับสคีมาที่เผยแพร่ คะแนนมาพร้อมความครอบคลุมและรุ่นของระเบียบวิธี และ as_of=YYYY-MM-DD แสดงข้อมูล ณ วันในอดีต คำตอบมี ETag แคชเก็บไว้ได้แต่ต้องตรวจสอบใหม่ก่อนใช้ซ้ำทุกครั้ง ผลการประเมินที่เพิ่งเผยแพร่จึงแสดงทันที',
  'data.apiDocument': 'คำอธิบาย OpenAPI 3.1',
  'data.endpoint': 'ปลายทาง',
  'data.endpointPurpose': 'ข้อมูลที่ได้',
  'data.dictionary': 'พจนานุกรมข้อมูล',
  'data.dictionaryIntro': 'ทุกคอลัมน์ของทุกไฟล์: ชื่อ ประเภท และความหมาย รหัสใช้เชื่อมตารางเข้าด้วยกัน (เช่น assessments.party_slug คือ parties.slug)',
  'data.column': 'คอลัมน์',
  'data.type': 'ประเภท',
  'data.meaning': 'ความหมาย',
  'data.optional': 'อาจว่าง',
  'data.oneOf': 'ค่าใดค่าหนึ่งใน',
  'type.text': 'ข้อความ',
  'type.integer': 'จำนวนเต็ม',
  'type.number': 'ตัวเลข',
  'type.boolean': 'จริง / เท็จ (true / false)',
  'type.date': 'วันที่ (YYYY-MM-DD)',
  'type.timestamp': 'เวลา (ISO 8601, UTC)',
  'type.url': 'ที่อยู่เว็บ',
  'type.enum': 'รหัส',
};

const strings: Record<Locale, Record<DataKey, string>> = { en, th, id: ID_DATA };

/** A /data page string in the page's language. */
export function dataText(locale: Locale, key: DataKey): string {
  return strings[locale][key];
}

/** What each API endpoint returns, by its OpenAPI operationId, in both languages. */
export const ENDPOINT_PURPOSES: Record<Locale, Record<string, string>> = {
  en: {
    listParties: 'Parties, filtered by kind, region or instrument, with their overall scores',
    getPartyScorecard: 'A party’s scorecard: scores by assessor, instrument and theme with coverage; every applicable commitment with its current assessments and evidence',
    listInstruments: 'Instruments with their entry-into-force status',
    getInstrument: 'One instrument: its parties’ actions, entry into force and commitments',
    listCommitments: 'Commitments, by instrument or theme',
    listAssessments: 'Published assessments with evidence, page by page (filters: party, instrument, theme, status, since)',
    listIndicators: 'Indicators with their values and sources',
    listConferences: 'Conferences with participants and outcomes',
    listMeasures: 'Published measures (laws, decrees, institutions, programmes, agreements, operations) with their steps, sources and the commitments they serve, page by page',
    getMeasure: 'One published measure with its steps, sources and the commitments it serves',
    listChanges: 'What changed between two dates for a party or an instrument: score changes, status changes and new evidence',
    search: 'Full-text search over parties, instruments, commitments, published measures, assessments and evidence',
  },
  th: {
    listParties: 'ภาคี กรองตามประเภท ภูมิภาค หรือตราสาร พร้อมคะแนนรวม',
    getPartyScorecard: 'บัตรคะแนนของภาคี: คะแนนตามผู้ประเมิน ตราสาร และประเด็น พร้อมความครอบคลุม และพันธกรณีที่เกี่ยวข้องทุกข้อพร้อมผลการประเมินปัจจุบันและหลักฐาน',
    listInstruments: 'ตราสารพร้อมสถานะการมีผลใช้บังคับ',
    getInstrument: 'ตราสารหนึ่งฉบับ: การดำเนินการของภาคี การมีผลใช้บังคับ และพันธกรณี',
    listCommitments: 'พันธกรณี กรองตามตราสารหรือประเด็น',
    listAssessments: 'ผลการประเมินที่เผยแพร่แล้วพร้อมหลักฐาน ทีละหน้า (กรองตามภาคี ตราสาร ประเด็น สถานะ และวันที่เผยแพร่)',
    listIndicators: 'ตัวชี้วัดพร้อมค่าและแหล่งที่มา',
    listConferences: 'การประชุมพร้อมผู้เข้าร่วมและผลลัพธ์',
    listMeasures: 'มาตรการที่เผยแพร่แล้ว (กฎหมาย พระราชกำหนด หน่วยงาน โครงการ ความตกลง ปฏิบัติการ) พร้อมขั้นตอน แหล่งที่มา และพันธกรณีที่รองรับ ทีละหน้า',
    getMeasure: 'มาตรการที่เผยแพร่แล้วหนึ่งรายการ พร้อมขั้นตอน แหล่งที่มา และพันธกรณีที่รองรับ',
    listChanges: 'สิ่งที่เปลี่ยนแปลงระหว่างสองวันที่ของภาคีหรือตราสาร: คะแนนที่เปลี่ยน สถานะที่เปลี่ยน และหลักฐานใหม่',
    search: 'ค้นหาข้อความเต็มในภาคี ตราสาร พันธกรณี มาตรการที่เผยแพร่แล้ว ผลการประเมิน และหลักฐาน',
  },
  id: ID_ENDPOINT_PURPOSES,
};
