/**
 * Interface strings of the instrument, theme and home pages' answers, grids, progress tables
 * and printed briefing, in English and Thai. Kept apart from ui.ts; TypeScript makes the Thai
 * table carry every English key. Counted phrases come in `.zero`, `.one` and `.other` forms
 * (Thai uses one form for all three).
 */
import { fill } from '../lib/request-params';
import { formatNumber } from './format';
import type { Locale } from './locales';

const en = {
  'answer.signed.zero': 'No party has signed the {name} yet',
  'answer.signed.one': '1 party has signed the {name}',
  'answer.signed.other': '{count} parties have signed the {name}',
  'answer.deposits.zero': 'none has deposited an instrument of ratification',
  'answer.deposits.one': '1 has deposited an instrument of ratification',
  'answer.deposits.other': '{count} have deposited instruments of ratification',
  'answer.pending': 'it needs {threshold} deposits to enter into force.',
  'answer.inForce': 'it has been in force since {date}.',
  'answer.thresholdReached': 'it enters into force on {date}.',
  'answer.dateUnknown': 'it has enough deposits to enter into force, but the date is not known.',
  'answer.joined.zero': 'No party has joined the {name} yet.',
  'answer.joined.one': '1 party has joined the {name}, a political commitment without entry into force.',
  'answer.joined.other': '{count} parties have joined the {name}, a political commitment without entry into force.',
  'answer.rated.zero': 'No party has a rated commitment under it yet.',
  'answer.rated.one': '1 of {total} parties has a rated commitment under it.',
  'answer.rated.other': '{count} of {total} parties have a rated commitment under it.',
  'answer.theme.zero': 'No party has a rated commitment on “{theme}” yet; {commitments} from {instruments} fall under it.',
  'answer.theme.one': '1 party has a rated commitment on “{theme}”; {commitments} from {instruments} fall under it.',
  'answer.theme.other': '{count} parties have a rated commitment on “{theme}”; {commitments} from {instruments} fall under it.',
  'answer.home.rated.zero': 'No party tracked has a rated commitment yet.',
  'answer.home.rated.one': '1 of {total} parties tracked has a rated commitment.',
  'answer.home.rated.other': '{count} of {total} parties tracked have a rated commitment.',
  'count.commitments.zero': 'no commitments',
  'count.commitments.one': '1 commitment',
  'count.commitments.other': '{count} commitments',
  'count.instruments.zero': 'no instruments',
  'count.instruments.one': '1 instrument',
  'count.instruments.other': '{count} instruments',
  'toc.title': 'On this page',
  'grid.title': 'Rated parties and commitments',
  'grid.intro': 'Parties with at least one rated commitment (rows) against the commitments rated for at least one party (columns). Each status links to its assessment; the independent assessment is shown where there is one, otherwise the self-reported one.',
  'grid.none': 'No party has a rated commitment under this instrument yet.',
  'grid.unratedParties.one': '1 party not yet rated',
  'grid.unratedParties.other': '{count} parties not yet rated',
  'grid.unratedCommitments.one': '1 commitment not yet rated for any party',
  'grid.unratedCommitments.other': '{count} commitments not yet rated for any party',
  'grid.allRated': 'Every party has at least one rated commitment.',
  'grid.selfReported': 'self-reported',
  'progress.signatures': 'Signatures',
  'progress.domesticSteps': 'Domestic steps',
  'progress.deposits': 'Deposits counted',
  'progress.joined': 'Parties joined',
  'progress.intro': 'Counted as on this page: parties that have signed, domestic steps recorded (steps at home, not treaty actions), and deposits the depositary records. Cumulative, from the first recorded action to {date}.',
  'progress.introPolitical': 'Parties that have joined, cumulative, from the first recorded action to {date}.',
  'progress.single': 'Only one date has a recorded action so far ({date}), too few for a chart; the figures are in the table.',
  'progress.today': 'today’s figures',
  'progress.asOf': 'figures as of this day',
  'parties.hideUnrated': 'Hide parties not yet rated',
  'parties.showAll': 'All {count} parties and their actions, reservations and sources',
  'parties.rated': 'Rated',
  'theme.ratedTitle': 'Parties with a rated commitment on this theme',
  'theme.ratings': 'Assessments',
  'theme.unratedNone': 'Every party has a rated commitment on this theme.',
  'print.source': 'Printed from {url} on {date}.',
  'print.permalink': 'Permalink (this day’s figures):',
  'print.sources': 'Sources',
  'answer.themes.none': 'No theme has a rated commitment yet.',
  'answer.themes.most': '“{theme}” has the most parties with a rated commitment ({count}).',
  'answer.themes.unrated.zero': 'Every theme has at least one.',
  'answer.themes.unrated.one': '1 theme has none yet.',
  'answer.themes.unrated.other': '{count} themes have none yet.',
} as const;

export type InstrumentKey = keyof typeof en;

const th: Record<InstrumentKey, string> = {
  'answer.signed.zero': 'ยังไม่มีภาคีใดลงนาม{name}',
  'answer.signed.one': 'ภาคี 1 รายลงนาม{name}แล้ว',
  'answer.signed.other': 'ภาคี {count} รายลงนาม{name}แล้ว',
  'answer.deposits.zero': 'ยังไม่มีภาคีใดมอบสารให้สัตยาบัน',
  'answer.deposits.one': 'มอบสารให้สัตยาบันแล้ว 1 ราย',
  'answer.deposits.other': 'มอบสารให้สัตยาบันแล้ว {count} ราย',
  'answer.pending': 'ต้องมีการมอบสาร {threshold} ฉบับจึงจะมีผลใช้บังคับ',
  'answer.inForce': 'มีผลใช้บังคับตั้งแต่ {date}',
  'answer.thresholdReached': 'จะมีผลใช้บังคับในวันที่ {date}',
  'answer.dateUnknown': 'มีการมอบสารครบจำนวนที่จะมีผลใช้บังคับแล้ว แต่ยังไม่ทราบวันที่',
  'answer.joined.zero': 'ยังไม่มีภาคีใดเข้าร่วม{name}',
  'answer.joined.one': 'ภาคี 1 รายเข้าร่วม{name} ซึ่งเป็นพันธกรณีทางการเมืองที่ไม่มีการมีผลใช้บังคับ',
  'answer.joined.other': 'ภาคี {count} รายเข้าร่วม{name} ซึ่งเป็นพันธกรณีทางการเมืองที่ไม่มีการมีผลใช้บังคับ',
  'answer.rated.zero': 'ยังไม่มีภาคีใดมีพันธกรณีที่ได้รับการประเมินภายใต้ตราสารนี้',
  'answer.rated.one': 'ภาคี 1 รายจาก {total} รายมีพันธกรณีที่ได้รับการประเมินภายใต้ตราสารนี้',
  'answer.rated.other': 'ภาคี {count} รายจาก {total} รายมีพันธกรณีที่ได้รับการประเมินภายใต้ตราสารนี้',
  'answer.theme.zero': 'ยังไม่มีภาคีใดมีพันธกรณีที่ได้รับการประเมินในหัวข้อ “{theme}” ซึ่งมี{commitments}จาก{instruments}',
  'answer.theme.one': 'ภาคี 1 รายมีพันธกรณีที่ได้รับการประเมินในหัวข้อ “{theme}” ซึ่งมี{commitments}จาก{instruments}',
  'answer.theme.other': 'ภาคี {count} รายมีพันธกรณีที่ได้รับการประเมินในหัวข้อ “{theme}” ซึ่งมี{commitments}จาก{instruments}',
  'answer.home.rated.zero': 'ยังไม่มีภาคีที่ติดตามรายใดมีพันธกรณีที่ได้รับการประเมิน',
  'answer.home.rated.one': 'ภาคี 1 รายจาก {total} รายที่ติดตามมีพันธกรณีที่ได้รับการประเมิน',
  'answer.home.rated.other': 'ภาคี {count} รายจาก {total} รายที่ติดตามมีพันธกรณีที่ได้รับการประเมิน',
  'count.commitments.zero': 'ไม่มีพันธกรณี',
  'count.commitments.one': 'พันธกรณี 1 ข้อ',
  'count.commitments.other': 'พันธกรณี {count} ข้อ',
  'count.instruments.zero': 'ไม่มีตราสาร',
  'count.instruments.one': 'ตราสาร 1 ฉบับ',
  'count.instruments.other': 'ตราสาร {count} ฉบับ',
  'toc.title': 'ในหน้านี้',
  'grid.title': 'ภาคีและพันธกรณีที่มีผลการประเมิน',
  'grid.intro': 'ภาคีที่มีพันธกรณีที่ได้รับการประเมินอย่างน้อยหนึ่งรายการ (แถว) และพันธกรณีที่มีการประเมินสำหรับภาคีอย่างน้อยหนึ่งราย (คอลัมน์) แต่ละสถานะเชื่อมไปยังผลการประเมินนั้น แสดงผลการประเมินอิสระหากมี มิฉะนั้นแสดงผลที่รายงานด้วยตนเอง',
  'grid.none': 'ยังไม่มีภาคีใดมีพันธกรณีที่ได้รับการประเมินภายใต้ตราสารนี้',
  'grid.unratedParties.one': 'ภาคี 1 รายยังไม่ได้รับการประเมิน',
  'grid.unratedParties.other': 'ภาคี {count} รายยังไม่ได้รับการประเมิน',
  'grid.unratedCommitments.one': 'พันธกรณี 1 ข้อยังไม่มีการประเมินสำหรับภาคีใด',
  'grid.unratedCommitments.other': 'พันธกรณี {count} ข้อยังไม่มีการประเมินสำหรับภาคีใด',
  'grid.allRated': 'ทุกภาคีมีพันธกรณีที่ได้รับการประเมินอย่างน้อยหนึ่งรายการ',
  'grid.selfReported': 'รายงานด้วยตนเอง',
  'progress.signatures': 'การลงนาม',
  'progress.domesticSteps': 'ขั้นตอนภายในประเทศ',
  'progress.deposits': 'การมอบสารที่นับแล้ว',
  'progress.joined': 'ภาคีที่เข้าร่วม',
  'progress.intro': 'นับแบบเดียวกับหน้านี้: ภาคีที่ลงนาม ขั้นตอนภายในประเทศที่บันทึกไว้ (ไม่ใช่การดำเนินการตามสนธิสัญญา) และการมอบสารที่ผู้เก็บรักษาสนธิสัญญาบันทึก นับสะสมตั้งแต่การดำเนินการแรกที่บันทึกไว้จนถึง {date}',
  'progress.introPolitical': 'ภาคีที่เข้าร่วม นับสะสมตั้งแต่การดำเนินการแรกที่บันทึกไว้จนถึง {date}',
  'progress.single': 'จนถึงขณะนี้มีการดำเนินการที่บันทึกไว้เพียงวันเดียว ({date}) น้อยเกินกว่าจะแสดงเป็นแผนภูมิ ตัวเลขอยู่ในตาราง',
  'progress.today': 'ตัวเลขวันนี้',
  'progress.asOf': 'ตัวเลข ณ วันนั้น',
  'parties.hideUnrated': 'ซ่อนภาคีที่ยังไม่ได้รับการประเมิน',
  'parties.showAll': 'ภาคีทั้งหมด {count} ราย พร้อมการดำเนินการ ข้อสงวน และแหล่งที่มา',
  'parties.rated': 'ได้รับการประเมิน',
  'theme.ratedTitle': 'ภาคีที่มีพันธกรณีที่ได้รับการประเมินในหัวข้อนี้',
  'theme.ratings': 'ผลการประเมิน',
  'theme.unratedNone': 'ทุกภาคีมีพันธกรณีที่ได้รับการประเมินในหัวข้อนี้',
  'print.source': 'พิมพ์จาก {url} เมื่อ {date}',
  'print.permalink': 'ลิงก์ถาวร (ตัวเลข ณ วันนี้):',
  'print.sources': 'แหล่งที่มา',
  'answer.themes.none': 'ยังไม่มีหัวข้อใดมีพันธกรณีที่ได้รับการประเมิน',
  'answer.themes.most': 'หัวข้อ “{theme}” มีภาคีที่มีพันธกรณีที่ได้รับการประเมินมากที่สุด ({count} ราย)',
  'answer.themes.unrated.zero': 'ทุกหัวข้อมีผลการประเมินอย่างน้อยหนึ่งรายการ',
  'answer.themes.unrated.one': 'ยังมี 1 หัวข้อที่ไม่มีผลการประเมิน',
  'answer.themes.unrated.other': 'ยังมี {count} หัวข้อที่ไม่มีผลการประเมิน',
};

const strings: Record<Locale, Record<InstrumentKey, string>> = { en, th };

/** An instrument-page string in the page's language. */
export function instrumentText(locale: Locale, key: InstrumentKey): string {
  return strings[locale][key];
}

/** The keys that have `.zero`, `.one` and `.other` forms (`.zero` optional), without the suffix. */
type CountedBase<K extends string = InstrumentKey> = K extends `${infer B}.other` ? B : never;

/**
 * A counted phrase in the page's language, `{count}` filled with the locale's numerals and any
 * other placeholders from `values`: "1 commitment", "3 commitments", "no commitments".
 */
export function countedText(locale: Locale, base: CountedBase, count: number, values: Record<string, string | number> = {}): string {
  const zero = `${base}.zero` as InstrumentKey;
  const key = count === 0 && zero in en ? zero : count === 1 && (`${base}.one` as InstrumentKey) in en ? (`${base}.one` as InstrumentKey) : (`${base}.other` as InstrumentKey);
  return fill(strings[locale][key], { ...values, count: formatNumber(locale, count) });
}
