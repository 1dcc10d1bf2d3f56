/**
 * Interface strings of the chart frames and chart downloads, in English and Thai. Kept apart
 * from ui.ts; TypeScript makes the Thai table carry every English key.
 */
import type { Locale } from './locales';

const en = {
  'chart.source': 'Source',
  'chart.dataAsOf': 'Data as of {date}',
  'chart.download': 'Download the chart',
  'chart.downloadSvg': 'SVG',
  'chart.downloadPng': 'PNG',
  'chart.numbers': 'The numbers in this chart',
  'chart.empty': 'Nothing to chart yet: {what}.',
  'chart.notRated': 'not rated',
  'chart.notRatedKey': 'Hatched band: not rated (no published assessment), which is not 0%.',
  'chart.sourceScores': 'Bangkok Joint Statement Monitor, published assessments scored by its methodology (v{version})',
  'chart.sourceTreaty': 'Bangkok Joint Statement Monitor, treaty actions and domestic steps as recorded, each with its own source (UN Treaty Collection, depositaries, governments)',
  'chart.sourceIndicator': '{publishers}, as recorded by the Bangkok Joint Statement Monitor',
  'chart.dotsKey': 'Dots are observations; a line joins only observations of the same series (same start of period and publisher).',
  'chart.byInstrument': '{name}: score by instrument ({assessor})',
  'chart.byTheme': '{name}: score by theme ({assessor})',
  'chart.progress': '{name}: parties over time',
  'chart.signatures': 'Signatures',
  'chart.domesticSteps': 'Parties with a domestic step',
  'chart.deposits': 'Deposits (ratification, acceptance, approval, accession)',
  'chart.noScores': 'no published assessment for this party yet',
  'chart.noProgress': 'no dated treaty action yet',
} as const;

export type ChartKey = keyof typeof en;

const th: Record<ChartKey, string> = {
  'chart.source': 'แหล่งที่มา',
  'chart.dataAsOf': 'ข้อมูล ณ วันที่ {date}',
  'chart.download': 'ดาวน์โหลดแผนภูมิ',
  'chart.downloadSvg': 'SVG',
  'chart.downloadPng': 'PNG',
  'chart.numbers': 'ตัวเลขในแผนภูมินี้',
  'chart.empty': 'ยังไม่มีข้อมูลสำหรับแผนภูมิ: {what}',
  'chart.notRated': 'ยังไม่ได้ประเมิน',
  'chart.notRatedKey': 'แถบลายเส้นทแยง: ยังไม่ได้ประเมิน (ยังไม่มีการประเมินที่เผยแพร่) ซึ่งไม่ใช่ 0%',
  'chart.sourceScores': 'Bangkok Joint Statement Monitor ผลการประเมินที่เผยแพร่แล้ว คิดคะแนนตามระเบียบวิธี (v{version})',
  'chart.sourceTreaty': 'Bangkok Joint Statement Monitor การดำเนินการตามสนธิสัญญาและขั้นตอนภายในประเทศตามที่บันทึกไว้ แต่ละรายการมีแหล่งที่มาของตนเอง (UN Treaty Collection ผู้เก็บรักษาสนธิสัญญา รัฐบาล)',
  'chart.sourceIndicator': '{publishers} บันทึกโดย Bangkok Joint Statement Monitor',
  'chart.dotsKey': 'จุดคือค่าที่สังเกตได้ เส้นเชื่อมเฉพาะค่าในชุดเดียวกัน (เริ่มนับวันเดียวกันและผู้เผยแพร่เดียวกัน)',
  'chart.byInstrument': '{name}: คะแนนรายตราสาร ({assessor})',
  'chart.byTheme': '{name}: คะแนนรายประเด็น ({assessor})',
  'chart.progress': '{name}: จำนวนภาคีตามช่วงเวลา',
  'chart.signatures': 'การลงนาม',
  'chart.domesticSteps': 'ภาคีที่ดำเนินขั้นตอนภายในประเทศ',
  'chart.deposits': 'การมอบสัตยาบันสาร (สัตยาบัน การยอมรับ การให้ความเห็นชอบ การภาคยานุวัติ)',
  'chart.noScores': 'ยังไม่มีการประเมินที่เผยแพร่สำหรับภาคีนี้',
  'chart.noProgress': 'ยังไม่มีการดำเนินการตามสนธิสัญญาที่ระบุวันที่',
};

const id: Record<ChartKey, string> = {
  'chart.source': 'Sumber',
  'chart.dataAsOf': 'Data per {date}',
  'chart.download': 'Unduh grafik',
  'chart.downloadSvg': 'SVG',
  'chart.downloadPng': 'PNG',
  'chart.numbers': 'Angka dalam grafik ini',
  'chart.empty': 'Belum ada yang dapat digrafikkan: {what}.',
  'chart.notRated': 'belum dinilai',
  'chart.notRatedKey': 'Pita berarsir: belum dinilai (belum ada penilaian yang diterbitkan), bukan 0%.',
  'chart.sourceScores': 'Bangkok Joint Statement Monitor, penilaian yang diterbitkan dan diberi skor menurut metodologinya (v{version})',
  'chart.sourceTreaty': 'Bangkok Joint Statement Monitor, tindakan perjanjian dan langkah dalam negeri sebagaimana dicatat, masing-masing dengan sumbernya sendiri (UN Treaty Collection, penyimpan perjanjian, pemerintah)',
  'chart.sourceIndicator': '{publishers}, sebagaimana dicatat oleh Bangkok Joint Statement Monitor',
  'chart.dotsKey': 'Titik adalah pengamatan; garis hanya menghubungkan pengamatan dari seri yang sama (awal periode dan penerbit yang sama).',
  'chart.byInstrument': '{name}: skor per instrumen ({assessor})',
  'chart.byTheme': '{name}: skor per tema ({assessor})',
  'chart.progress': '{name}: pihak dari waktu ke waktu',
  'chart.signatures': 'Penandatanganan',
  'chart.domesticSteps': 'Pihak dengan langkah dalam negeri',
  'chart.deposits': 'Penyimpanan instrumen (ratifikasi, penerimaan, persetujuan, aksesi)',
  'chart.noScores': 'belum ada penilaian yang diterbitkan untuk pihak ini',
  'chart.noProgress': 'belum ada tindakan perjanjian yang bertanggal',
};

const TABLES: Record<Locale, Record<ChartKey, string>> = { en, th, id };

/** A chart string in the page's language. */
export function chartText(locale: Locale, key: ChartKey): string {
  return TABLES[locale][key];
}
