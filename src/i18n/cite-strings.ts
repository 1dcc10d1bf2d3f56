/**
 * Interface strings of the assessment pages (/assessments/{id}) and the Cite-this box, in
 * English and Thai. Kept apart from ui.ts; TypeScript makes the Thai table carry every
 * English key.
 */
import type { Status } from '../domain/vocabulary';
import type { Locale } from './locales';

const en = {
  'assessment.title': '{party}: {commitment}',
  'assessment.kicker': 'Published assessment',
  'assessment.answer': '{assessor} assessment of {party} on commitment {code}, as of {asOf}: {status}.',
  'assessment.party': 'Party',
  'assessment.commitment': 'Commitment',
  'assessment.instrument': 'Instrument',
  'assessment.status': 'Status',
  'assessment.assessor': 'Assessed by',
  'assessment.asOf': 'Describes the situation on',
  'assessment.published': 'Published',
  'assessment.writers': 'Written by',
  'assessment.review': 'Review',
  'assessment.reviewed': 'Checked and published by the secretariat’s reviewers, who may not have written it (two-person rule).',
  'assessment.confidence': 'Confidence',
  'assessment.narrative': 'Why this status',
  'assessment.noThai': 'No Thai text was written for this assessment; the English text is shown.',
  'assessment.evidence': 'Evidence',
  'assessment.noEvidence': 'No document is cited.',
  'assessment.measures': 'Measures it rests on',
  'assessment.history': 'Other published assessments of this commitment',
  'assessment.historyIntro': 'By the same assessor, newest first. Published assessments never change: progress is recorded by a newer one.',
  'assessment.historyNone': 'This is the only published assessment of this commitment by this assessor.',
  'assessment.superseded': 'A newer assessment of this commitment by the same assessor was published, and counts instead of this one:',
  'assessment.current': 'This is the assessment that counts in the scores on the day shown.',
  'assessment.onScorecard': 'See it on the scorecard of {party}',
  'assessment.api': 'This party’s assessments under this instrument as open data (JSON)',
  'assessment.notFound': 'There is no published assessment {id}. Drafts and assessments under review are not public; the number may be wrong, or it was published after the day asked for.',
  'cite.title': 'Cite this',
  'cite.intro': 'The permalink shows this page with what was published by the end of {day}: nothing published after that day changes it.',
  'cite.text': 'Citation (plain text)',
  'cite.bibtex': 'BibTeX',
  'cite.ris': 'RIS (EndNote, Zotero, Mendeley)',
  'cite.copy': 'Copy',
  'cite.copied': 'Copied.',
  'cite.copyFailed': 'Could not copy: the text is selected, press Ctrl+C (⌘C).',
  'cite.dataAsOf': 'Data as published on',
  'cite.viewed': 'Viewed',
  'cite.scorecard': 'Scorecard of {party}',
} as const;

export type CiteKey = keyof typeof en;

const th: Record<CiteKey, string> = {
  'assessment.title': '{party}: {commitment}',
  'assessment.kicker': 'ผลการประเมินที่เผยแพร่แล้ว',
  'assessment.answer': 'ผลการประเมิน ({assessor}) ของ{party} ในพันธกรณี {code} ณ วันที่ {asOf}: {status}',
  'assessment.party': 'ภาคี',
  'assessment.commitment': 'พันธกรณี',
  'assessment.instrument': 'ตราสาร',
  'assessment.status': 'ระดับความคืบหน้า',
  'assessment.assessor': 'ผู้ประเมิน',
  'assessment.asOf': 'สถานการณ์ ณ วันที่',
  'assessment.published': 'เผยแพร่เมื่อ',
  'assessment.writers': 'ผู้เขียน',
  'assessment.review': 'การตรวจทาน',
  'assessment.reviewed': 'ตรวจทานและเผยแพร่โดยผู้ตรวจของสำนักเลขาธิการ ซึ่งต้องไม่ใช่ผู้เขียน (หลักสองบุคคล)',
  'assessment.confidence': 'ระดับความเชื่อมั่น',
  'assessment.narrative': 'เหตุผลของระดับความคืบหน้า',
  'assessment.noThai': 'ผลการประเมินนี้ไม่มีคำอธิบายภาษาไทย จึงแสดงข้อความภาษาอังกฤษ',
  'assessment.evidence': 'หลักฐาน',
  'assessment.noEvidence': 'ไม่มีเอกสารอ้างอิง',
  'assessment.measures': 'มาตรการที่ใช้อ้างอิง',
  'assessment.history': 'ผลการประเมินอื่นที่เผยแพร่แล้วของพันธกรณีนี้',
  'assessment.historyIntro': 'โดยผู้ประเมินประเภทเดียวกัน ล่าสุดก่อน ผลที่เผยแพร่แล้วจะไม่ถูกแก้ไข ความคืบหน้าใหม่บันทึกเป็นผลการประเมินฉบับใหม่',
  'assessment.historyNone': 'นี่เป็นผลการประเมินที่เผยแพร่แล้วฉบับเดียวของพันธกรณีนี้โดยผู้ประเมินประเภทนี้',
  'assessment.superseded': 'มีผลการประเมินที่ใหม่กว่าของพันธกรณีนี้โดยผู้ประเมินประเภทเดียวกันเผยแพร่แล้ว และใช้คิดคะแนนแทนฉบับนี้:',
  'assessment.current': 'ผลการประเมินนี้เป็นฉบับที่ใช้คิดคะแนนในวันที่แสดง',
  'assessment.onScorecard': 'ดูในตารางคะแนนของ {party}',
  'assessment.api': 'ผลการประเมินของภาคีนี้ภายใต้ตราสารนี้ในรูปแบบข้อมูลเปิด (JSON)',
  'assessment.notFound': 'ไม่มีผลการประเมินที่เผยแพร่แล้วหมายเลข {id} ฉบับร่างและผลที่อยู่ระหว่างตรวจทานไม่เปิดเผยต่อสาธารณะ หมายเลขอาจไม่ถูกต้อง หรือเผยแพร่หลังวันที่ขอดู',
  'cite.title': 'อ้างอิงหน้านี้',
  'cite.intro': 'ลิงก์ถาวรแสดงหน้านี้ตามข้อมูลที่เผยแพร่ภายในสิ้นวันที่ {day} สิ่งที่เผยแพร่หลังวันนั้นจะไม่เปลี่ยนหน้านี้',
  'cite.text': 'การอ้างอิง (ข้อความ)',
  'cite.bibtex': 'BibTeX',
  'cite.ris': 'RIS (EndNote, Zotero, Mendeley)',
  'cite.copy': 'คัดลอก',
  'cite.copied': 'คัดลอกแล้ว',
  'cite.copyFailed': 'คัดลอกไม่สำเร็จ ข้อความถูกเลือกไว้แล้ว กด Ctrl+C (⌘C)',
  'cite.dataAsOf': 'ข้อมูลตามที่เผยแพร่ ณ วันที่',
  'cite.viewed': 'เข้าถึงเมื่อ',
  'cite.scorecard': 'ตารางคะแนนของ {party}',
};

const strings: Record<Locale, Record<CiteKey, string>> = { en, th };

/** The assessment-page or Cite-this string for `key` in `locale`. */
export function citeText(locale: Locale, key: CiteKey): string {
  return strings[locale][key];
}

/** What each status counts for in a score, in words (the methodology's values). */
export const SCORE_MEANINGS: Record<Locale, Record<Status, string>> = {
  en: {
    not_started: 'Counts 0 (of 1) toward the score.',
    limited: 'Counts ⅓ (of 1) toward the score.',
    substantial: 'Counts ⅔ (of 1) toward the score.',
    complete: 'Counts 1 (of 1) toward the score.',
    no_evidence: 'Not rated: left out of the score, and counted as not yet covered.',
    not_applicable: 'Left out of the score and of coverage: the commitment does not apply.',
  },
  th: {
    not_started: 'นับเป็น 0 (จาก 1) ในคะแนน',
    limited: 'นับเป็น ⅓ (จาก 1) ในคะแนน',
    substantial: 'นับเป็น ⅔ (จาก 1) ในคะแนน',
    complete: 'นับเป็น 1 (จาก 1) ในคะแนน',
    no_evidence: 'ยังไม่ได้ประเมิน: ไม่นำมาคิดคะแนน และนับว่ายังไม่ครอบคลุม',
    not_applicable: 'ไม่นำมาคิดคะแนนและความครอบคลุม เพราะพันธกรณีนี้ไม่เกี่ยวข้อง',
  },
};
