/**
 * Interface strings. English is the reference; the Thai table must have every key
 * (TypeScript enforces it). Vocabulary labels (statuses, themes …) live here too, so that
 * every page, chart and export names a value the same way.
 */
import type {
  Assessor,
  Confidence,
  EvidenceGrade,
  InstrumentType,
  LegalForce,
  ParticipationAction,
  PartyKind,
  PublicationState,
  Region,
  Status,
  Theme,
} from '../domain/vocabulary';
import type { Locale } from './locales';

const en = {
  'site.name': 'Bangkok Joint Statement Monitor',
  'site.tagline': 'Who promised what against online scams and cyber-enabled crime, and how far each has delivered.',
  'nav.skip': 'Skip to content',
  'nav.main': 'Main',
  'nav.home': 'Overview',
  'nav.instruments': 'Instruments',
  'nav.parties': 'Parties',
  'nav.compare': 'Compare',
  'nav.conferences': 'Conferences',
  'nav.methodology': 'Methodology',
  'nav.language': 'Language',
  'nav.switchTo': 'อ่านเป็นภาษาไทย',
  'footer.data': 'Data: treaty depositaries, governments, UNODC and news reports, each cited where it is used.',
  'footer.methodology': 'How scores are made',
  'home.title': 'Overview',
  'home.figures': 'Headline figures',
  'home.parties': 'Parties tracked',
  'home.instruments': 'Instruments',
  'home.commitments': 'Commitments',
  'home.assessments': 'Published assessments',
  'home.convention': 'UN Convention against Cybercrime: road to entry into force',
  'home.signatures': 'Signatories',
  'home.ratifications': 'Ratifications counted',
  'home.needed': 'Needed for entry into force',
  'home.stillNeeded': 'Still needed',
  'home.projected': 'Projected entry into force',
  'home.notYet': 'not before the 40th ratification',
  'home.ruleSummary': 'Enters into force on the 90th day after the 40th ratification, acceptance, approval or accession.',
  'home.partnership': 'Global Partnership against Online Scams',
  'home.latest': 'Latest published assessments',
  'home.noneYet': 'None yet.',
  'common.source': 'Source',
  'common.sources': 'Sources',
  'common.inferred': 'inferred',
  'common.confirmed': 'confirmed',
  'common.score': 'Score',
  'common.coverage': 'Coverage',
  'common.asOf': 'As of',
  'common.party': 'Party',
  'common.commitment': 'Commitment',
  'common.status': 'Status',
  'common.evidence': 'Evidence',
  'common.notRated': 'not rated',
  'common.of': 'of',
  'common.progress': 'Progress',
  'common.date': 'Date',
  'common.details': 'Details',
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'There is no page at this address. It may have moved, or the code in the address may be mistyped.',
  'error.backHome': 'Back to the overview',
  'error.unavailable': 'The monitor cannot reach its database right now. Please try again in a minute.',
} as const;

export type UiKey = keyof typeof en;

const th: Record<UiKey, string> = {
  'site.name': 'ระบบติดตามแถลงการณ์ร่วมกรุงเทพฯ',
  'site.tagline': 'ใครให้คำมั่นอะไรไว้ในการต่อต้านการหลอกลวงออนไลน์และอาชญากรรมที่ใช้ไซเบอร์ และแต่ละฝ่ายดำเนินการไปถึงไหนแล้ว',
  'nav.skip': 'ข้ามไปยังเนื้อหา',
  'nav.main': 'เมนูหลัก',
  'nav.home': 'ภาพรวม',
  'nav.instruments': 'ตราสาร',
  'nav.parties': 'ภาคี',
  'nav.compare': 'เปรียบเทียบ',
  'nav.conferences': 'การประชุม',
  'nav.methodology': 'ระเบียบวิธี',
  'nav.language': 'ภาษา',
  'nav.switchTo': 'Read in English',
  'footer.data': 'ข้อมูล: ผู้เก็บรักษาสนธิสัญญา รัฐบาล UNODC และรายงานข่าว โดยอ้างอิงแหล่งที่มาทุกจุดที่ใช้',
  'footer.methodology': 'วิธีคำนวณคะแนน',
  'home.title': 'ภาพรวม',
  'home.figures': 'ตัวเลขสำคัญ',
  'home.parties': 'ภาคีที่ติดตาม',
  'home.instruments': 'ตราสาร',
  'home.commitments': 'พันธกรณี',
  'home.assessments': 'ผลการประเมินที่เผยแพร่',
  'home.convention': 'อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์: เส้นทางสู่การมีผลใช้บังคับ',
  'home.signatures': 'ประเทศที่ลงนาม',
  'home.ratifications': 'การให้สัตยาบันที่นับแล้ว',
  'home.needed': 'จำนวนที่ต้องมีเพื่อให้มีผลใช้บังคับ',
  'home.stillNeeded': 'ยังขาดอีก',
  'home.projected': 'วันที่คาดว่าจะมีผลใช้บังคับ',
  'home.notYet': 'ไม่ก่อนการให้สัตยาบันลำดับที่ 40',
  'home.ruleSummary': 'มีผลใช้บังคับในวันที่ 90 หลังจากการมอบสัตยาบันสาร การยอมรับ การให้ความเห็นชอบ หรือภาคยานุวัติสารฉบับที่ 40',
  'home.partnership': 'หุ้นส่วนระดับโลกเพื่อต่อต้านการหลอกลวงออนไลน์',
  'home.latest': 'ผลการประเมินที่เผยแพร่ล่าสุด',
  'home.noneYet': 'ยังไม่มี',
  'common.source': 'แหล่งที่มา',
  'common.sources': 'แหล่งที่มา',
  'common.inferred': 'อนุมาน',
  'common.confirmed': 'ยืนยันแล้ว',
  'common.score': 'คะแนน',
  'common.coverage': 'ความครอบคลุม',
  'common.asOf': 'ณ วันที่',
  'common.party': 'ภาคี',
  'common.commitment': 'พันธกรณี',
  'common.status': 'สถานะ',
  'common.evidence': 'หลักฐาน',
  'common.notRated': 'ยังไม่ได้ประเมิน',
  'common.of': 'จาก',
  'common.progress': 'ความคืบหน้า',
  'common.date': 'วันที่',
  'common.details': 'รายละเอียด',
  'error.notFound.title': 'ไม่พบหน้านี้',
  'error.notFound.body': 'ไม่มีหน้าที่ที่อยู่นี้ หน้าอาจถูกย้าย หรือรหัสในที่อยู่อาจพิมพ์ผิด',
  'error.backHome': 'กลับไปหน้าภาพรวม',
  'error.unavailable': 'ขณะนี้ระบบเชื่อมต่อฐานข้อมูลไม่ได้ โปรดลองใหม่อีกครั้งในอีกสักครู่',
};

const strings: Record<Locale, Record<UiKey, string>> = { en, th };

/** The interface string for `key` in `locale`. */
export function t(locale: Locale, key: UiKey): string {
  return strings[locale][key];
}

type Labels<K extends string> = Record<Locale, Record<K, string>>;

export const STATUS_LABELS: Labels<Status> = {
  en: { no_evidence: 'No evidence yet', not_started: 'Not started', limited: 'Limited progress', substantial: 'Substantial progress', complete: 'Complete', not_applicable: 'Not applicable' },
  th: { no_evidence: 'ยังไม่มีหลักฐาน', not_started: 'ยังไม่เริ่ม', limited: 'คืบหน้าบางส่วน', substantial: 'คืบหน้ามาก', complete: 'ดำเนินการครบถ้วน', not_applicable: 'ไม่เกี่ยวข้อง' },
};

export const THEME_LABELS: Labels<Theme> = {
  en: {
    political_commitment: 'Political commitment and governance',
    legal_framework: 'Criminalization and legal framework',
    law_enforcement: 'Law enforcement and investigation',
    international_cooperation: 'International cooperation',
    victim_protection: 'Victim protection and support',
    prevention_awareness: 'Prevention and awareness',
    financial_flows: 'Financial flows and asset recovery',
    private_sector: 'Private sector and platforms',
    capacity_building: 'Capacity building',
  },
  th: {
    political_commitment: 'พันธะทางการเมืองและธรรมาภิบาล',
    legal_framework: 'การกำหนดความผิดและกรอบกฎหมาย',
    law_enforcement: 'การบังคับใช้กฎหมายและการสืบสวน',
    international_cooperation: 'ความร่วมมือระหว่างประเทศ',
    victim_protection: 'การคุ้มครองและช่วยเหลือผู้เสียหาย',
    prevention_awareness: 'การป้องกันและการสร้างความตระหนักรู้',
    financial_flows: 'เส้นทางการเงินและการติดตามทรัพย์สินคืน',
    private_sector: 'ภาคเอกชนและแพลตฟอร์ม',
    capacity_building: 'การเสริมสร้างขีดความสามารถ',
  },
};

export const THEME_SLUGS: Record<Theme, string> = {
  political_commitment: 'political-commitment',
  legal_framework: 'legal-framework',
  law_enforcement: 'law-enforcement',
  international_cooperation: 'international-cooperation',
  victim_protection: 'victim-protection',
  prevention_awareness: 'prevention-awareness',
  financial_flows: 'financial-flows',
  private_sector: 'private-sector',
  capacity_building: 'capacity-building',
};

export const KIND_LABELS: Labels<PartyKind> = {
  en: { state: 'State', regional_organisation: 'Regional organisation', international_organisation: 'International organisation', company: 'Company' },
  th: { state: 'รัฐ', regional_organisation: 'องค์การระดับภูมิภาค', international_organisation: 'องค์การระหว่างประเทศ', company: 'บริษัท' },
};

export const REGION_LABELS: Labels<Region> = {
  en: { africa: 'Africa', americas: 'Americas', asia: 'Asia', europe: 'Europe', oceania: 'Oceania', global: 'Global' },
  th: { africa: 'แอฟริกา', americas: 'อเมริกา', asia: 'เอเชีย', europe: 'ยุโรป', oceania: 'โอเชียเนีย', global: 'ระดับโลก' },
};

export const ACTION_LABELS: Labels<ParticipationAction> = {
  en: { signature: 'Signed', ratification: 'Ratified', acceptance: 'Accepted', approval: 'Approved', accession: 'Acceded', membership: 'Member', endorsement: 'Endorsed', partner: 'Partner' },
  th: { signature: 'ลงนาม', ratification: 'ให้สัตยาบัน', acceptance: 'ยอมรับ', approval: 'ให้ความเห็นชอบ', accession: 'ภาคยานุวัติ', membership: 'สมาชิก', endorsement: 'รับรอง', partner: 'หุ้นส่วน' },
};

export const INSTRUMENT_TYPE_LABELS: Labels<InstrumentType> = {
  en: { treaty: 'Treaty', joint_statement: 'Joint statement', declaration: 'Declaration', domestic_measure: 'Domestic measure' },
  th: { treaty: 'สนธิสัญญา', joint_statement: 'แถลงการณ์ร่วม', declaration: 'ปฏิญญา', domestic_measure: 'มาตรการภายในประเทศ' },
};

export const LEGAL_FORCE_LABELS: Labels<LegalForce> = {
  en: { binding: 'Legally binding', political: 'Political (not legally binding)' },
  th: { binding: 'มีผลผูกพันทางกฎหมาย', political: 'พันธะทางการเมือง (ไม่ผูกพันทางกฎหมาย)' },
};

export const ASSESSOR_LABELS: Labels<Assessor> = {
  en: { self_reported: 'Self-reported', independent: 'Independent' },
  th: { self_reported: 'รายงานตนเอง', independent: 'ประเมินโดยอิสระ' },
};

export const GRADE_LABELS: Labels<EvidenceGrade> = {
  en: { law: 'Law or official gazette', official: 'Official document or statement', media: 'Credible media', other: 'Other' },
  th: { law: 'กฎหมายหรือราชกิจจานุเบกษา', official: 'เอกสารหรือถ้อยแถลงทางการ', media: 'สื่อที่น่าเชื่อถือ', other: 'อื่น ๆ' },
};

export const CONFIDENCE_LABELS: Labels<Confidence> = {
  en: { confirmed: 'confirmed in source', inferred: 'inferred' },
  th: { confirmed: 'ยืนยันจากแหล่งที่มา', inferred: 'อนุมาน' },
};

export const STATE_LABELS: Labels<PublicationState> = {
  en: { draft: 'Draft', submitted: 'Submitted', published: 'Published', returned: 'Returned' },
  th: { draft: 'ฉบับร่าง', submitted: 'ส่งตรวจแล้ว', published: 'เผยแพร่แล้ว', returned: 'ส่งกลับแก้ไข' },
};
