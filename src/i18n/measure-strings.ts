/**
 * Interface strings of the measures register, the commitment pages and the scorecard's
 * measures section, in English and Thai. Kept apart from ui.ts; TypeScript makes the Thai
 * table carry every English key.
 */
import type { MeasureExtent, MeasureKind, MeasureStep, SourceRole } from '../domain/vocabulary';
import type { Locale } from './locales';
import { ID_MEASURE_LABELS, ID_MEASURES } from './id/pages';

const en = {
  'measures.title': 'Measures',
  'measures.ofParty': 'Measures of {name}',
  'measures.intro': 'Laws, decrees, regulations, institutions, programmes, agreements and operations of this party against scams, cybercrime and the trafficking behind scam centres, each with its sources and the commitments it serves.',
  'measures.none': 'No measure of this party is recorded yet.',
  'measures.kind': 'Kind',
  'measures.status': 'Status',
  'measures.serves': 'Commitments served',
  'measures.count': 'Measures recorded: {count}',
  'measures.seeAll': 'See all measures of {name}',
  'measure.party': 'Party',
  'measure.originalTitle': 'Original title',
  'measure.steps': 'Steps',
  'measure.noSteps': 'No dated step recorded.',
  'measure.sources': 'Sources',
  'measure.role': 'Role',
  'measure.confidence': 'Confidence',
  'measure.checkedOn': 'Checked on',
  'measure.notChecked': 'not recorded',
  'measure.commitments': 'Commitments it serves',
  'measure.noCommitments': 'Not yet mapped to any commitment.',
  'measure.disputed': 'Sources disagree',
  'measure.extent': 'How far',
  'measure.why': 'Why',
  'measure.api': 'This measure as open data (JSON)',
  'commitment.instrument': 'Instrument',
  'commitment.reference': 'Reference',
  'commitment.theme': 'Theme',
  'commitment.measuresLink': 'Who has a measure for it',
  'commitment.appliesTo': 'Applies to',
  'commitment.who': 'Who has a measure for it, and how far',
  'commitment.whoIntro': 'Published measures mapped to this commitment, by party.',
  'commitment.nobody': 'No measure is mapped to this commitment yet.',
  'commitment.parties': '{count} parties with a measure',
  'scope.states': 'States only',
  'scope.companies': 'Companies and platforms',
  'scope.all': 'Every party',
  'research.title': 'Research note',
  'research.checked': 'Searched up to {date}.',
  'research.notFound': 'Looked for and not found',
  'basis.title': 'What these assessments rest on',
  'basis.lawOrOfficial': '{count} rest on law or official sources',
  'basis.mediaOnly': '{count} rest on media reports alone',
  'basis.other': '{count} rest on other sources',
};

const th: typeof en = {
  'measures.title': 'มาตรการ',
  'measures.ofParty': 'มาตรการของ{name}',
  'measures.intro': 'กฎหมาย พระราชกำหนด ระเบียบ หน่วยงาน โครงการ ความตกลง และปฏิบัติการของภาคีนี้ในการต่อต้านการหลอกลวง อาชญากรรมไซเบอร์ และการค้ามนุษย์ที่อยู่เบื้องหลังศูนย์หลอกลวง พร้อมแหล่งที่มาและพันธกรณีที่แต่ละมาตรการรองรับ',
  'measures.none': 'ยังไม่มีการบันทึกมาตรการของภาคีนี้',
  'measures.kind': 'ประเภท',
  'measures.status': 'สถานะ',
  'measures.serves': 'พันธกรณีที่รองรับ',
  'measures.count': 'มาตรการที่บันทึกแล้ว: {count} รายการ',
  'measures.seeAll': 'ดูมาตรการทั้งหมดของ{name}',
  'measure.party': 'ภาคี',
  'measure.originalTitle': 'ชื่อในภาษาต้นฉบับ',
  'measure.steps': 'ขั้นตอน',
  'measure.noSteps': 'ยังไม่มีการบันทึกขั้นตอนที่ระบุวันที่',
  'measure.sources': 'แหล่งที่มา',
  'measure.role': 'ประเภทแหล่งที่มา',
  'measure.confidence': 'ความเชื่อมั่น',
  'measure.checkedOn': 'ตรวจสอบเมื่อ',
  'measure.notChecked': 'ไม่ได้บันทึก',
  'measure.commitments': 'พันธกรณีที่มาตรการนี้รองรับ',
  'measure.noCommitments': 'ยังไม่ได้เชื่อมโยงกับพันธกรณีใด',
  'measure.disputed': 'แหล่งข้อมูลไม่ตรงกัน',
  'measure.extent': 'ขอบเขต',
  'measure.why': 'เหตุผล',
  'measure.api': 'มาตรการนี้ในรูปข้อมูลเปิด (JSON)',
  'commitment.instrument': 'ตราสาร',
  'commitment.reference': 'ข้ออ้างอิง',
  'commitment.theme': 'หมวด',
  'commitment.measuresLink': 'ใครมีมาตรการรองรับ',
  'commitment.appliesTo': 'ใช้กับ',
  'commitment.who': 'ใครมีมาตรการรองรับ และครอบคลุมเพียงใด',
  'commitment.whoIntro': 'มาตรการที่เผยแพร่แล้วซึ่งเชื่อมโยงกับพันธกรณีนี้ แยกตามภาคี',
  'commitment.nobody': 'ยังไม่มีมาตรการใดเชื่อมโยงกับพันธกรณีนี้',
  'commitment.parties': 'ภาคีที่มีมาตรการ {count} ราย',
  'scope.states': 'เฉพาะรัฐ',
  'scope.companies': 'บริษัทและแพลตฟอร์ม',
  'scope.all': 'ทุกภาคี',
  'research.title': 'บันทึกการค้นคว้า',
  'research.checked': 'ค้นคว้าถึงวันที่ {date}',
  'research.notFound': 'สิ่งที่ค้นหาแต่ไม่พบ',
  'basis.title': 'การประเมินเหล่านี้อาศัยแหล่งข้อมูลใด',
  'basis.lawOrOfficial': '{count} รายการอาศัยกฎหมายหรือแหล่งข้อมูลทางราชการ',
  'basis.mediaOnly': '{count} รายการอาศัยรายงานข่าวเพียงอย่างเดียว',
  'basis.other': '{count} รายการอาศัยแหล่งข้อมูลอื่น',
};

export type MeasureKey = keyof typeof en;
const strings: Record<Locale, Record<MeasureKey, string>> = { en, th, id: ID_MEASURES };

/** The string for `key` in `locale`. */
export function measureText(locale: Locale, key: MeasureKey): string {
  return strings[locale][key];
}

/** Names of measure kinds. */
export const MEASURE_KIND_LABELS: Record<Locale, Record<MeasureKind, string>> = {
  en: { law: 'Law', decree: 'Decree', regulation: 'Regulation', institution: 'Institution', programme: 'Programme', agreement: 'Agreement', operation: 'Operation' },
  th: { law: 'กฎหมาย', decree: 'พระราชกำหนด/กฤษฎีกา', regulation: 'ระเบียบ/ประกาศ', institution: 'หน่วยงาน', programme: 'โครงการ', agreement: 'ความตกลง', operation: 'ปฏิบัติการ' },
  id: ID_MEASURE_LABELS.kind,
};

/** Names of measure steps. */
export const MEASURE_STEP_LABELS: Record<Locale, Record<MeasureStep, string>> = {
  en: { proposed: 'Proposed', before_parliament: 'Before parliament', adopted: 'Adopted', in_force: 'In force', amended: 'Amended', repealed: 'Repealed' },
  th: { proposed: 'เสนอ', before_parliament: 'อยู่ระหว่างการพิจารณาของรัฐสภา', adopted: 'ประกาศใช้/จัดตั้ง', in_force: 'มีผลใช้บังคับ/ดำเนินการ', amended: 'แก้ไขเพิ่มเติม', repealed: 'ยกเลิก' },
  id: ID_MEASURE_LABELS.step,
};

/** Names of how far a measure goes. */
export const EXTENT_LABELS: Record<Locale, Record<MeasureExtent, string>> = {
  en: { covers: 'Covers', partly_covers: 'Partly covers' },
  th: { covers: 'ครอบคลุม', partly_covers: 'ครอบคลุมบางส่วน' },
  id: ID_MEASURE_LABELS.extent,
};

/** Names of source roles. */
export const SOURCE_ROLE_LABELS: Record<Locale, Record<SourceRole, string>> = {
  en: { official: 'Official', secondary: 'Secondary' },
  th: { official: 'ทางราชการ', secondary: 'แหล่งรอง' },
  id: ID_MEASURE_LABELS.sourceRole,
};
