/**
 * Interface strings of the party scorecard and its printed briefing, in English and Thai: the
 * opening sentence, the contents, the not-rated summaries, pages of commitments. Kept apart from
 * ui.ts; TypeScript makes the Thai table carry every English key. A key ending `.one`/`.other`
 * is chosen by `scorecardCount` from the number it states (Thai has no plural forms).
 */
import type { Locale } from './locales';
import { LANGUAGE_TAGS } from './locales';

const en = {
  'headline.rated.one': '{name}: progress rated on {rated} of {applicable} commitment',
  'headline.rated.other': '{name}: progress rated on {rated} of {applicable} commitments',
  'headline.none.one': 'The {applicable} commitment that applies to {name} has not been rated yet',
  'headline.none.other': 'None of the {applicable} commitments that apply to {name} has been rated yet',
  'headline.noCommitments': 'No commitments apply to {name} yet',
  'headline.score.independent': 'independent score {score} ({rated} rated)',
  'headline.score.self_reported': 'self-reported score {score} ({rated} rated)',
  'toc.title': 'On this page',
  'scores.bothNote': 'Independent and self-reported scores are shown side by side; neither replaces the other.',
  'scores.noneRated': 'No commitment has been rated yet, so there is no score and no chart. {applicable} commitments apply; each is listed below with its due date where it has one.',
  'scores.assessorNotRated': '{assessor}: nothing rated yet.',
  'chart.title': '{what}: {assessor}',
  'table.key': '(each cell: the score, its coverage and the commitments rated of those that apply, then the score as a bar; a hatched bar: not rated)',
  'notRated.summary.one': '{count} commitment not yet rated: list',
  'notRated.summary.other': '{count} commitments not yet rated: list',
  'rated.count.one': '{count} commitment with a published assessment',
  'rated.count.other': '{count} commitments with a published assessment',
  'pages.label': 'Pages of assessed commitments',
  'pages.showing': 'Showing assessed commitments {from}–{to} of {total}.',
  'pages.page': 'Page {page}',
  'pages.previous': 'Previous page',
  'pages.next': 'Next page',
  'foot.applies.one': '{count} commitment applies to this party; scores follow methodology version {version}.',
  'foot.applies.other': '{count} commitments apply to this party; scores follow methodology version {version}.',
  'brief.title': 'Briefing',
  'brief.scores': 'Headline scores',
  'brief.overall': 'Overall',
  'brief.coverage': 'Coverage',
  'brief.pipeline': 'Treaty pipeline',
  'brief.noPipeline': 'No treaty action recorded.',
  'brief.moved': 'Commitments that moved in the 90 days to {date}',
  'brief.noMoves': 'No assessment was published in the 90 days to {date}.',
  'brief.latest': 'The latest published changes:',
  'brief.overdue': 'Overdue commitments',
  'brief.noOverdue': 'None overdue.',
  'brief.more.one': '…and {count} more.',
  'brief.more.other': '…and {count} more.',
  'brief.measures': 'Key measures',
  'brief.sources': 'Sources',
  'brief.url': 'This page',
  'brief.permalink': 'Permalink',
  'brief.asOf': 'Data as published by the end of {asOf}.',
  'indicators.caption': 'The latest value of each indicator',
  'indicators.indicator': 'Indicator',
  'indicators.latest': 'Latest value',
  'indicators.count': 'Values',
  'indicators.all': 'Every value of each indicator, with its chart: {link}',
  'indicators.allLink': 'indicators of {name}',
  'indicators.pageTitle': 'Indicators: {name}',
  'indicators.pageIntro': 'Each value as it was reported, with its period and its source. On the charts, dots are observed values; a line joins only values of one series.',
  'indicators.none': 'No indicator has been recorded for {name} yet.',
} as const;

export type ScorecardKey = keyof typeof en;

const th: Record<ScorecardKey, string> = {
  'headline.rated.one': '{name} มีผลการประเมินความคืบหน้าแล้ว {rated} จาก {applicable} พันธกรณี',
  'headline.rated.other': '{name} มีผลการประเมินความคืบหน้าแล้ว {rated} จาก {applicable} พันธกรณี',
  'headline.none.one': 'พันธกรณี {applicable} รายการที่ใช้กับ{name}ยังไม่ได้รับการประเมิน',
  'headline.none.other': 'พันธกรณีทั้ง {applicable} รายการที่ใช้กับ{name}ยังไม่ได้รับการประเมิน',
  'headline.noCommitments': 'ยังไม่มีพันธกรณีที่ใช้กับ{name}',
  'headline.score.independent': 'คะแนนจากการประเมินโดยอิสระ {score} (ประเมินแล้ว {rated} รายการ)',
  'headline.score.self_reported': 'คะแนนจากการรายงานตนเอง {score} (ประเมินแล้ว {rated} รายการ)',
  'toc.title': 'ในหน้านี้',
  'scores.bothNote': 'คะแนนจากการประเมินโดยอิสระและจากการรายงานตนเองแสดงคู่กัน ไม่มีคะแนนใดแทนที่อีกคะแนนหนึ่ง',
  'scores.noneRated': 'ยังไม่มีพันธกรณีใดได้รับการประเมิน จึงยังไม่มีคะแนนและไม่มีแผนภูมิ มีพันธกรณีที่ใช้กับภาคีนี้ {applicable} รายการ ซึ่งแสดงไว้ด้านล่างพร้อมกำหนดเสร็จ (ถ้ามี)',
  'scores.assessorNotRated': '{assessor}: ยังไม่มีการประเมิน',
  'chart.title': '{what}: {assessor}',
  'table.key': '(แต่ละช่อง: คะแนน ความครอบคลุม และจำนวนพันธกรณีที่ประเมินแล้วจากที่ใช้บังคับ ตามด้วยแถบแสดงคะแนน แถบลายเส้นทแยงคือยังไม่ได้ประเมิน)',
  'notRated.summary.one': 'พันธกรณีที่ยังไม่ได้ประเมิน {count} รายการ: รายชื่อ',
  'notRated.summary.other': 'พันธกรณีที่ยังไม่ได้ประเมิน {count} รายการ: รายชื่อ',
  'rated.count.one': 'พันธกรณีที่มีผลการประเมินเผยแพร่แล้ว {count} รายการ',
  'rated.count.other': 'พันธกรณีที่มีผลการประเมินเผยแพร่แล้ว {count} รายการ',
  'pages.label': 'หน้าของพันธกรณีที่ประเมินแล้ว',
  'pages.showing': 'แสดงพันธกรณีที่ประเมินแล้วรายการที่ {from}–{to} จาก {total} รายการ',
  'pages.page': 'หน้า {page}',
  'pages.previous': 'หน้าก่อนหน้า',
  'pages.next': 'หน้าถัดไป',
  'foot.applies.one': 'มีพันธกรณี {count} รายการที่ใช้กับภาคีนี้ คะแนนคำนวณตามระเบียบวิธีฉบับ {version}',
  'foot.applies.other': 'มีพันธกรณี {count} รายการที่ใช้กับภาคีนี้ คะแนนคำนวณตามระเบียบวิธีฉบับ {version}',
  'brief.title': 'สรุปสำหรับการพิมพ์',
  'brief.scores': 'คะแนนหลัก',
  'brief.overall': 'คะแนนรวม',
  'brief.coverage': 'ความครอบคลุม',
  'brief.pipeline': 'ขั้นตอนตามสนธิสัญญา',
  'brief.noPipeline': 'ยังไม่มีบันทึกการดำเนินการตามสนธิสัญญา',
  'brief.moved': 'พันธกรณีที่มีความเปลี่ยนแปลงในช่วง 90 วันถึงวันที่ {date}',
  'brief.noMoves': 'ไม่มีผลการประเมินที่เผยแพร่ในช่วง 90 วันถึงวันที่ {date}',
  'brief.latest': 'การเปลี่ยนแปลงที่เผยแพร่ล่าสุด:',
  'brief.overdue': 'พันธกรณีที่เกินกำหนด',
  'brief.noOverdue': 'ไม่มีพันธกรณีที่เกินกำหนด',
  'brief.more.one': '…และอีก {count} รายการ',
  'brief.more.other': '…และอีก {count} รายการ',
  'brief.measures': 'มาตรการสำคัญ',
  'brief.sources': 'แหล่งที่มา',
  'brief.url': 'หน้านี้',
  'brief.permalink': 'ลิงก์ถาวร',
  'brief.asOf': 'ข้อมูลตามที่เผยแพร่แล้วภายในสิ้นวันที่ {asOf}',
  'indicators.caption': 'ค่าล่าสุดของตัวชี้วัดแต่ละตัว',
  'indicators.indicator': 'ตัวชี้วัด',
  'indicators.latest': 'ค่าล่าสุด',
  'indicators.count': 'จำนวนค่า',
  'indicators.all': 'ค่าทุกค่าของตัวชี้วัดแต่ละตัว พร้อมแผนภูมิ: {link}',
  'indicators.allLink': 'ตัวชี้วัดของ{name}',
  'indicators.pageTitle': 'ตัวชี้วัด: {name}',
  'indicators.pageIntro': 'แต่ละค่าตามที่มีการรายงาน พร้อมช่วงเวลาและแหล่งที่มา ในแผนภูมิ จุดคือค่าที่สังเกตได้ และเส้นเชื่อมเฉพาะค่าในชุดข้อมูลเดียวกัน',
  'indicators.none': 'ยังไม่มีการบันทึกตัวชี้วัดของ{name}',
};

const id: Record<ScorecardKey, string> = {
  'headline.rated.one': 'Kemajuan {name} sudah dinilai pada {rated} dari {applicable} komitmen',
  'headline.rated.other': 'Kemajuan {name} sudah dinilai pada {rated} dari {applicable} komitmen',
  'headline.none.one': '{applicable} komitmen yang berlaku bagi {name} belum dinilai',
  'headline.none.other': 'Belum ada satu pun dari {applicable} komitmen yang berlaku bagi {name} yang dinilai',
  'headline.noCommitments': 'Belum ada komitmen yang berlaku bagi {name}',
  'headline.score.independent': 'skor independen {score} ({rated} dinilai)',
  'headline.score.self_reported': 'skor laporan mandiri {score} ({rated} dinilai)',
  'toc.title': 'Di halaman ini',
  'scores.bothNote': 'Skor independen dan skor laporan mandiri ditampilkan berdampingan; yang satu tidak menggantikan yang lain.',
  'scores.noneRated': 'Belum ada komitmen yang dinilai, jadi belum ada skor dan tidak ada grafik. {applicable} komitmen berlaku; masing-masing tercantum di bawah beserta tenggatnya bila ada.',
  'scores.assessorNotRated': '{assessor}: belum ada yang dinilai.',
  'chart.title': '{what}: {assessor}',
  'table.key': '(setiap sel: skor, cakupan dan jumlah komitmen yang dinilai dari yang berlaku, lalu skor sebagai batang; batang berarsir: belum dinilai)',
  'notRated.summary.one': '{count} komitmen belum dinilai: daftar',
  'notRated.summary.other': '{count} komitmen belum dinilai: daftar',
  'rated.count.one': '{count} komitmen dengan penilaian yang diterbitkan',
  'rated.count.other': '{count} komitmen dengan penilaian yang diterbitkan',
  'pages.label': 'Halaman komitmen yang telah dinilai',
  'pages.showing': 'Menampilkan komitmen yang telah dinilai {from}–{to} dari {total}.',
  'pages.page': 'Halaman {page}',
  'pages.previous': 'Halaman sebelumnya',
  'pages.next': 'Halaman berikutnya',
  'foot.applies.one': '{count} komitmen berlaku bagi pihak ini; skor mengikuti metodologi versi {version}.',
  'foot.applies.other': '{count} komitmen berlaku bagi pihak ini; skor mengikuti metodologi versi {version}.',
  'brief.title': 'Ringkasan',
  'brief.scores': 'Skor utama',
  'brief.overall': 'Keseluruhan',
  'brief.coverage': 'Cakupan',
  'brief.pipeline': 'Tahapan perjanjian',
  'brief.noPipeline': 'Belum ada tindakan perjanjian yang tercatat.',
  'brief.moved': 'Komitmen yang statusnya berubah dalam 90 hari hingga {date}',
  'brief.noMoves': 'Tidak ada penilaian yang diterbitkan dalam 90 hari hingga {date}.',
  'brief.latest': 'Perubahan terbaru yang diterbitkan:',
  'brief.overdue': 'Komitmen yang melewati tenggat',
  'brief.noOverdue': 'Tidak ada yang melewati tenggat.',
  'brief.more.one': '…dan {count} lagi.',
  'brief.more.other': '…dan {count} lagi.',
  'brief.measures': 'Langkah utama',
  'brief.sources': 'Sumber',
  'brief.url': 'Halaman ini',
  'brief.permalink': 'Tautan permanen',
  'brief.asOf': 'Data sebagaimana diterbitkan hingga akhir {asOf}.',
  'indicators.caption': 'Nilai terbaru dari tiap indikator',
  'indicators.indicator': 'Indikator',
  'indicators.latest': 'Nilai terbaru',
  'indicators.count': 'Jumlah nilai',
  'indicators.all': 'Setiap nilai dari tiap indikator, beserta grafiknya: {link}',
  'indicators.allLink': 'indikator {name}',
  'indicators.pageTitle': 'Indikator: {name}',
  'indicators.pageIntro': 'Setiap nilai sebagaimana dilaporkan, dengan periode dan sumbernya. Pada grafik, titik adalah nilai yang teramati; garis hanya menghubungkan nilai dari satu seri.',
  'indicators.none': 'Belum ada indikator yang dicatat untuk {name}.',
};

const strings: Record<Locale, Record<ScorecardKey, string>> = { en, th, id };

/** A scorecard string in the page's language. */
export function scorecardText(locale: Locale, key: ScorecardKey): string {
  return strings[locale][key];
}

type PluralBase<K> = K extends `${infer B}.one` ? B : never;
/** The stem of a key that has `.one` and `.other` forms. */
export type ScorecardPluralKey = PluralBase<ScorecardKey>;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of `base` that agrees with `count` in the page's language ("1 commitment", "2 commitments"). */
export function scorecardCount(locale: Locale, base: ScorecardPluralKey, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LANGUAGE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return strings[locale][`${base}.${form}` as ScorecardKey];
}
