/**
 * Interface strings for the provenance of facts (confidence, last check, exact source), treaty
 * pipelines, domestic steps and the data-quality page, in English and Thai. Kept apart from
 * ui.ts; TypeScript makes the Thai table carry every English key.
 */
import type { DomesticStep } from '../domain/vocabulary';
import type { PipelineStage } from '../domain/treaty-pipeline';
import type { Locale } from './locales';
import { ID_PROVENANCE, ID_PROVENANCE_LABELS } from './id/pages';

const en = {
  'prov.checked': 'checked {date}',
  'prov.noExactSource': 'exact source not recorded',
  'prov.noSource': 'no source recorded',
  'prov.confidence': 'Confidence',
  'prov.lastChecked': 'Last checked',
  'prov.notification': 'Depositary notification',
  'footer.quality': 'Data quality',
  'pipeline.title': 'Treaty pipeline',
  'pipeline.intro': 'Each treaty in the order its steps happen: signed, then steps at home, then the instrument deposited with the depositary, then in force for this party. Only a deposit the depositary records counts towards entry into force; steps at home never do.',
  'pipeline.stage': 'Where it stands',
  'pipeline.step': 'Step',
  'pipeline.signed': 'Signed',
  'pipeline.domestic': 'Domestic step',
  'pipeline.deposited': 'Deposited ({action}), recorded by the depositary',
  'pipeline.reported': '{action}: reported, not sourced to the depositary’s record (not counted)',
  'pipeline.withdrawn': 'Withdrew',
  'pipeline.inForce': 'In force for this party',
  'pipeline.pending': 'Deposited; not yet in force',
  'pipeline.other': 'Other instruments',
  'instrument.depositsRecorded': 'Deposits of ratification, acceptance, approval or accession sourced to the record of the depositary ({name}): {count}.',
  'instrument.depositsNone': 'No instrument of ratification, acceptance, approval or accession is recorded by the depositary.',
  'instrument.depositsList': 'Deposits counted',
  'instrument.reportedTitle': 'Reported but not deposited',
  'instrument.reportedIntro': 'Ratifications reported by others, and steps taken at home. None of these counts until the depositary records a deposit.',
  'instrument.reportedNone': 'Nothing reported beyond the depositary record.',
  'home.deposits': 'Deposits recorded by the depositary',
  'quality.title': 'Data quality',
  'quality.intro': 'How sure the monitor is of each fact it shows, which facts lack an exact source, which have not been checked for a long time, and what is still unknown. Every fact row carries its own source, a confidence and the day it was last checked.',
  'quality.byConfidence': 'Facts by confidence',
  'quality.kind': 'Kind of fact',
  'quality.total': 'Total',
  'quality.noExact': 'Facts without an exact source',
  'quality.noExactIntro': 'These rows cite a publisher’s home page or nothing, so none of them can be confirmed.',
  'quality.stale': 'Facts not checked for more than {days} days',
  'quality.staleNone': 'Every fact was checked within the last {days} days.',
  'quality.questions': 'Open questions',
  'quality.questionsNone': 'No open question.',
  'quality.known': 'What is known',
  'quality.raised': 'Raised {date}',
  'quality.fact': 'Fact',
  'quality.rules': 'The rules: confirmed means stated on the exact page cited; reported means stated by a secondary source; inferred means reasoned, with the reasoning in a note. A row citing a home page, or no source, is never confirmed. The project’s data check (npm run data:check) refuses content that breaks these rules.',
  'quality.methodologyLink': 'Data quality: confidence, sources and open questions',
  'kind.participation': 'Treaty actions',
  'kind.domestic_step': 'Domestic steps',
  'kind.indicator_value': 'Figures',
  'kind.commitment': 'Commitments',
  'kind.conference': 'Conferences',
  'kind.instrument': 'Instruments',
  'kind.party': 'Parties',
} as const;

export type ProvenanceKey = keyof typeof en;

const th: Record<ProvenanceKey, string> = {
  'prov.checked': 'ตรวจสอบเมื่อ {date}',
  'prov.noExactSource': 'ไม่มีบันทึกหน้าแหล่งที่มาที่แน่ชัด',
  'prov.noSource': 'ไม่มีบันทึกแหล่งที่มา',
  'prov.confidence': 'ระดับความเชื่อมั่น',
  'prov.lastChecked': 'ตรวจสอบล่าสุด',
  'prov.notification': 'หนังสือแจ้งของผู้เก็บรักษา',
  'footer.quality': 'คุณภาพข้อมูล',
  'pipeline.title': 'ขั้นตอนสู่การเป็นภาคีสนธิสัญญา',
  'pipeline.intro': 'สนธิสัญญาแต่ละฉบับเรียงตามลำดับขั้นตอน: ลงนาม ขั้นตอนภายในประเทศ การมอบสารต่อผู้เก็บรักษาสนธิสัญญา และการมีผลใช้บังคับกับภาคีนี้ เฉพาะการมอบสารที่ผู้เก็บรักษาบันทึกไว้เท่านั้นที่นับรวมเพื่อการมีผลใช้บังคับ ขั้นตอนภายในประเทศไม่นับรวม',
  'pipeline.stage': 'สถานะปัจจุบัน',
  'pipeline.step': 'ขั้นตอน',
  'pipeline.signed': 'ลงนาม',
  'pipeline.domestic': 'ขั้นตอนภายในประเทศ',
  'pipeline.deposited': 'มอบสารแล้ว ({action}) ตามบันทึกของผู้เก็บรักษา',
  'pipeline.reported': '{action}: มีรายงาน แต่ไม่ได้อ้างอิงบันทึกของผู้เก็บรักษาสนธิสัญญา (ไม่นับรวม)',
  'pipeline.withdrawn': 'ถอนตัว',
  'pipeline.inForce': 'มีผลใช้บังคับกับภาคีนี้แล้ว',
  'pipeline.pending': 'มอบสารแล้ว แต่ยังไม่มีผลใช้บังคับ',
  'pipeline.other': 'ตราสารอื่น',
  'instrument.depositsRecorded': 'การมอบสัตยาบันสาร สารยอมรับ สารให้ความเห็นชอบ หรือภาคยานุวัติสารที่อ้างอิงบันทึกของผู้เก็บรักษาสนธิสัญญา ({name}): {count} ฉบับ',
  'instrument.depositsNone': 'ผู้เก็บรักษาสนธิสัญญายังไม่มีบันทึกการมอบสัตยาบันสาร สารยอมรับ สารให้ความเห็นชอบ หรือภาคยานุวัติสาร',
  'instrument.depositsList': 'การมอบสารที่นับรวม',
  'instrument.reportedTitle': 'มีรายงานแต่ยังไม่ได้มอบสาร',
  'instrument.reportedIntro': 'การให้สัตยาบันที่ผู้อื่นรายงาน และขั้นตอนภายในประเทศ ไม่มีรายการใดนับรวมจนกว่าผู้เก็บรักษาจะบันทึกการมอบสาร',
  'instrument.reportedNone': 'ไม่มีรายงานนอกเหนือจากบันทึกของผู้เก็บรักษา',
  'home.deposits': 'การมอบสารที่ผู้เก็บรักษาบันทึกไว้',
  'quality.title': 'คุณภาพข้อมูล',
  'quality.intro': 'ผู้ติดตามมั่นใจในข้อเท็จจริงแต่ละข้อเพียงใด ข้อเท็จจริงใดไม่มีหน้าแหล่งที่มาที่แน่ชัด ข้อใดไม่ได้ตรวจสอบมานาน และสิ่งใดยังไม่ทราบ ข้อเท็จจริงทุกแถวมีแหล่งที่มาของตนเอง ระดับความเชื่อมั่น และวันที่ตรวจสอบล่าสุด',
  'quality.byConfidence': 'ข้อเท็จจริงจำแนกตามระดับความเชื่อมั่น',
  'quality.kind': 'ประเภทข้อเท็จจริง',
  'quality.total': 'รวม',
  'quality.noExact': 'ข้อเท็จจริงที่ไม่มีหน้าแหล่งที่มาที่แน่ชัด',
  'quality.noExactIntro': 'แถวเหล่านี้อ้างหน้าแรกของเว็บไซต์ผู้เผยแพร่หรือไม่มีแหล่งที่มา จึงไม่อาจถือว่ายืนยันแล้ว',
  'quality.stale': 'ข้อเท็จจริงที่ไม่ได้ตรวจสอบเกิน {days} วัน',
  'quality.staleNone': 'ข้อเท็จจริงทุกข้อได้รับการตรวจสอบภายใน {days} วันที่ผ่านมา',
  'quality.questions': 'คำถามที่ยังไม่มีคำตอบ',
  'quality.questionsNone': 'ไม่มีคำถามค้าง',
  'quality.known': 'สิ่งที่ทราบ',
  'quality.raised': 'ตั้งคำถามเมื่อ {date}',
  'quality.fact': 'ข้อเท็จจริง',
  'quality.rules': 'หลักเกณฑ์: ยืนยันแล้ว หมายถึงระบุไว้ในหน้าที่อ้างอิงโดยตรง รายงาน หมายถึงระบุโดยแหล่งข้อมูลรอง อนุมาน หมายถึงได้จากการให้เหตุผล โดยมีเหตุผลอยู่ในหมายเหตุ แถวที่อ้างหน้าแรกของเว็บไซต์หรือไม่มีแหล่งที่มาจะไม่ถือว่ายืนยันแล้ว และการตรวจข้อมูลของโครงการ (npm run data:check) จะไม่ยอมรับข้อมูลที่ผิดหลักเกณฑ์นี้',
  'quality.methodologyLink': 'คุณภาพข้อมูล: ระดับความเชื่อมั่น แหล่งที่มา และคำถามที่ยังไม่มีคำตอบ',
  'kind.participation': 'การดำเนินการตามสนธิสัญญา',
  'kind.domestic_step': 'ขั้นตอนภายในประเทศ',
  'kind.indicator_value': 'ตัวเลข',
  'kind.commitment': 'พันธกรณี',
  'kind.conference': 'การประชุม',
  'kind.instrument': 'ตราสาร',
  'kind.party': 'ภาคี',
};

const strings: Record<Locale, Record<ProvenanceKey, string>> = { en, th, id: ID_PROVENANCE };

/** A provenance string in the page's language. */
export function provText(locale: Locale, key: ProvenanceKey): string {
  return strings[locale][key];
}

/** The names of domestic steps. */
export const DOMESTIC_STEP_LABELS: Record<Locale, Record<DomesticStep, string>> = {
  en: {
    cabinet_approval: 'Cabinet approved',
    bill_before_parliament: 'Bill before parliament',
    parliament_approved: 'Parliament approved',
    law_signed: 'Law or decree signed',
    gazette_published: 'Published in the official gazette',
    implementing_legislation: 'Implementing legislation',
  },
  th: {
    cabinet_approval: 'คณะรัฐมนตรีอนุมัติ',
    bill_before_parliament: 'ร่างกฎหมายอยู่ระหว่างการพิจารณาของรัฐสภา',
    parliament_approved: 'รัฐสภาให้ความเห็นชอบ',
    law_signed: 'ลงนามในกฎหมายหรือพระราชกำหนด',
    gazette_published: 'ประกาศในราชกิจจานุเบกษา',
    implementing_legislation: 'กฎหมายอนุวัติการ',
  },
  id: ID_PROVENANCE_LABELS.domesticStep,
};

/** The names of pipeline stages (how far a party has come on one treaty). */
export const PIPELINE_STAGE_LABELS: Record<Locale, Record<PipelineStage, string>> = {
  en: { none: 'Nothing recorded', signed: 'Signed', domestic: 'Domestic steps under way', reported: 'Ratification reported, not deposited', deposited: 'Deposited', in_force: 'In force' },
  th: { none: 'ยังไม่มีบันทึก', signed: 'ลงนามแล้ว', domestic: 'อยู่ระหว่างขั้นตอนภายในประเทศ', reported: 'มีรายงานการให้สัตยาบัน แต่ยังไม่ได้มอบสาร', deposited: 'มอบสารแล้ว', in_force: 'มีผลใช้บังคับแล้ว' },
  id: ID_PROVENANCE_LABELS.pipelineStage,
};
