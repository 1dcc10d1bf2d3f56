/**
 * The methodology page's prose (/methodology) in every language of the site. The rules it states
 * are the engine's (src/domain/scoring.ts); each language says the same rules, sentence for
 * sentence. TypeScript makes the Thai and Indonesian tables carry every English key.
 */
import type { Status } from '../domain/vocabulary';
import type { Locale } from './locales';

const en = {
  lead: 'Methodology version {version}. Every score on this site is stamped with the version of the rules that produced it.',
  'scale.title': 'The status scale',
  'scale.value': 'Completion value',
  'scale.meaning': 'Meaning',
  'meaning.no_evidence': 'Not yet rated: no public evidence found either way. Lowers coverage, never the score.',
  'meaning.not_started': 'Evidence shows no action yet.',
  'meaning.limited': 'First steps taken: plans, drafts, pilots or partial measures.',
  'meaning.substantial': 'Most of the commitment is in place, with gaps remaining.',
  'meaning.complete': 'The commitment is met in full, shown by evidence.',
  'meaning.not_applicable': 'The commitment does not apply to this party; left out of score and coverage.',
  'score.title': 'How a score is made',
  'score.applicable': 'The commitments that apply to a party are every commitment of each instrument it joined (by signature, ratification, membership, endorsement or as a partner), plus its own pledges.',
  'score.counts': 'For each commitment, the assessment that counts is the latest one dated on or before the day shown that the monitor had published by the end of that day (UTC). An assessment published later, even one dated earlier, never changes the view of a past day, so a permalink to a past day shows the same thing forever.',
  'score.mean': 'A score is the mean completion value of the rated commitments; coverage (rated ÷ applicable) is always shown beside it. With nothing rated there is no score, not a zero.',
  'score.separate': 'Self-reported and independent assessments are scored separately and never blended.',
  'score.overdue': 'A commitment is overdue when its due date has passed and its latest status is neither complete nor not applicable.',
  'grades.title': 'Evidence grades',
  'grades.note': 'Every assessment carries at least one piece of evidence, and every status on this site links to its assessment and evidence.',
  'caveats.title': 'Caveats: what a score does not say',
  'caveat.progress': 'A score measures progress on stated commitments. It does not measure how large a country’s scam problem is, nor how well its measures work.',
  'caveat.coverage': 'Low coverage means little has been rated yet; such a score can move a lot as assessments are added.',
  'caveat.political': 'Political instruments (statements and declarations) are not legally binding; tracking them is about transparency, not a finding of breach.',
  'caveat.confidence': 'Some facts are reported or inferred rather than confirmed on the exact page cited; each fact shows its confidence and the day it was last checked.',
  'provenance.title': 'Where each fact comes from',
  'provenance.deposits': 'An instrument of ratification counts towards entry into force only when the depositary records it (for UN treaties, the UN Treaty Collection). Steps at home, such as a parliament’s approval, never count.',
};

export type MethodologyKey = keyof typeof en;

const th: Record<MethodologyKey, string> = {
  lead: 'ระเบียบวิธีฉบับที่ {version} ทุกคะแนนบนเว็บไซต์นี้ระบุฉบับของระเบียบวิธีที่ใช้คำนวณ',
  'scale.title': 'ระดับสถานะ',
  'scale.value': 'ค่าความสำเร็จ',
  'scale.meaning': 'ความหมาย',
  'meaning.no_evidence': 'ยังไม่ได้ประเมิน: ยังไม่พบหลักฐานสาธารณะ มีผลต่อความครอบคลุม แต่ไม่ลดคะแนน',
  'meaning.not_started': 'หลักฐานแสดงว่ายังไม่มีการดำเนินการ',
  'meaning.limited': 'เริ่มดำเนินการแล้ว เช่น แผน ร่างกฎหมาย โครงการนำร่อง หรือมาตรการบางส่วน',
  'meaning.substantial': 'ดำเนินการไปเกือบทั้งหมดแล้ว แต่ยังมีช่องว่าง',
  'meaning.complete': 'ปฏิบัติตามพันธกรณีครบถ้วน โดยมีหลักฐานยืนยัน',
  'meaning.not_applicable': 'พันธกรณีนี้ไม่เกี่ยวข้องกับภาคีนี้ จึงไม่นำมาคิดทั้งคะแนนและความครอบคลุม',
  'score.title': 'วิธีคำนวณคะแนน',
  'score.applicable': 'พันธกรณีที่ใช้กับภาคีหนึ่ง ได้แก่ พันธกรณีทุกข้อของตราสารที่ภาคีนั้นเข้าร่วม (ลงนาม ให้สัตยาบัน เป็นสมาชิก รับรอง หรือเป็นหุ้นส่วน) และคำมั่นเฉพาะของภาคีนั้นเอง',
  'score.counts': 'สำหรับแต่ละพันธกรณี ใช้ผลการประเมินล่าสุดซึ่งมีวันที่ประเมินไม่เกินวันที่ที่เลือกดู และเผยแพร่แล้วภายในสิ้นวันนั้น (เวลาสากลเชิงพิกัด UTC) ผลการประเมินที่เผยแพร่ภายหลัง แม้จะระบุวันที่ย้อนหลัง จะไม่เปลี่ยนมุมมองของวันที่ผ่านมาแล้ว ลิงก์ถาวรของวันที่ผ่านมาจึงแสดงเนื้อหาเดิมตลอดไป',
  'score.mean': 'คะแนนคือค่าเฉลี่ยของค่าความสำเร็จของพันธกรณีที่ได้รับการประเมินแล้ว และแสดงความครอบคลุม (จำนวนที่ประเมินแล้วหารด้วยจำนวนที่เกี่ยวข้อง) ไว้คู่กันเสมอ หากยังไม่มีพันธกรณีใดได้รับการประเมิน จะไม่มีคะแนน ไม่ใช่คะแนนศูนย์',
  'score.separate': 'ผลที่รายงานตนเองและผลที่ประเมินโดยอิสระคำนวณแยกกันและไม่นำมารวมกัน',
  'score.overdue': 'พันธกรณีถือว่าเกินกำหนดเมื่อเลยวันครบกำหนดแล้วและสถานะล่าสุดยังไม่ใช่ “ดำเนินการครบถ้วน” หรือ “ไม่เกี่ยวข้อง”',
  'grades.title': 'ระดับของหลักฐาน',
  'grades.note': 'ผลการประเมินทุกรายการต้องมีหลักฐานอย่างน้อยหนึ่งรายการ และทุกสถานะบนเว็บไซต์ลิงก์ไปยังผลการประเมินและหลักฐานนั้น',
  'caveats.title': 'ข้อควรระวัง: สิ่งที่คะแนนไม่ได้บอก',
  'caveat.progress': 'คะแนนวัดความคืบหน้าตามพันธกรณีที่ระบุไว้ ไม่ได้วัดขนาดของปัญหาการหลอกลวงในประเทศ หรือประสิทธิผลของมาตรการ',
  'caveat.coverage': 'ความครอบคลุมต่ำหมายความว่ายังมีข้อมูลไม่มาก คะแนนจึงอาจเปลี่ยนได้มากเมื่อมีการประเมินเพิ่ม',
  'caveat.political': 'ตราสารทางการเมือง (แถลงการณ์และปฏิญญา) ไม่มีผลผูกพันทางกฎหมาย การติดตามเป็นไปเพื่อความโปร่งใส ไม่ใช่การตัดสินการละเมิดพันธกรณี',
  'caveat.confidence': 'ข้อเท็จจริงบางข้อมาจากรายงานของแหล่งข้อมูลรองหรือการอนุมาน ไม่ได้ยืนยันบนหน้าที่อ้างอิงโดยตรง ทุกข้อเท็จจริงจึงแสดงระดับความเชื่อมั่นและวันที่ตรวจสอบครั้งล่าสุดไว้',
  'provenance.title': 'ที่มาของข้อเท็จจริง',
  'provenance.deposits': 'การมอบสัตยาบันสารจะนับรวมเพื่อการมีผลใช้บังคับเฉพาะเมื่อผู้เก็บรักษาสนธิสัญญาบันทึกไว้ (สำหรับสนธิสัญญาของสหประชาชาติ คือฐานข้อมูลสนธิสัญญาของสหประชาชาติ) ขั้นตอนภายในประเทศ เช่น การอนุมัติของรัฐสภา ไม่นับรวม',
};

const id: Record<MethodologyKey, string> = {
  lead: 'Metodologi versi {version}. Setiap skor di situs ini dicap dengan versi aturan yang menghasilkannya.',
  'scale.title': 'Skala status',
  'scale.value': 'Nilai penyelesaian',
  'scale.meaning': 'Arti',
  'meaning.no_evidence': 'Belum dinilai: belum ditemukan bukti publik ke arah mana pun. Menurunkan cakupan, tidak pernah menurunkan skor.',
  'meaning.not_started': 'Bukti menunjukkan belum ada tindakan.',
  'meaning.limited': 'Langkah pertama sudah diambil: rencana, rancangan, uji coba atau langkah sebagian.',
  'meaning.substantial': 'Sebagian besar komitmen sudah terpenuhi, dengan kekurangan yang masih tersisa.',
  'meaning.complete': 'Komitmen terpenuhi sepenuhnya, dibuktikan dengan bukti.',
  'meaning.not_applicable': 'Komitmen ini tidak berlaku bagi pihak ini; tidak dihitung dalam skor maupun cakupan.',
  'score.title': 'Cara skor dihitung',
  'score.applicable': 'Komitmen yang berlaku bagi suatu pihak adalah setiap komitmen dari tiap instrumen yang diikutinya (melalui penandatanganan, ratifikasi, keanggotaan, dukungan atau sebagai mitra), ditambah janji pihak itu sendiri.',
  'score.counts': 'Untuk setiap komitmen, penilaian yang dihitung adalah penilaian terbaru yang bertanggal pada atau sebelum hari yang ditampilkan dan sudah diterbitkan pemantau sebelum hari itu berakhir (UTC). Penilaian yang diterbitkan kemudian, meskipun bertanggal lebih awal, tidak pernah mengubah tampilan hari yang sudah lewat, sehingga tautan permanen ke hari yang lalu selalu menampilkan hal yang sama.',
  'score.mean': 'Skor adalah rata-rata nilai penyelesaian komitmen yang sudah dinilai; cakupan (dinilai ÷ berlaku) selalu ditampilkan di sampingnya. Jika belum ada yang dinilai, tidak ada skor, bukan nol.',
  'score.separate': 'Penilaian mandiri dan penilaian independen diberi skor secara terpisah dan tidak pernah digabungkan.',
  'score.overdue': 'Suatu komitmen terlambat bila tenggat waktunya sudah lewat dan status terbarunya bukan “Selesai” maupun “Tidak berlaku”.',
  'grades.title': 'Tingkat bukti',
  'grades.note': 'Setiap penilaian memuat sedikitnya satu bukti, dan setiap status di situs ini bertaut ke penilaian dan buktinya.',
  'caveats.title': 'Catatan: apa yang tidak dikatakan oleh skor',
  'caveat.progress': 'Skor mengukur kemajuan atas komitmen yang dinyatakan. Skor tidak mengukur seberapa besar masalah penipuan di suatu negara, atau seberapa efektif langkah-langkahnya.',
  'caveat.coverage': 'Cakupan yang rendah berarti baru sedikit yang dinilai; skor seperti itu bisa banyak berubah seiring bertambahnya penilaian.',
  'caveat.political': 'Instrumen politik (pernyataan dan deklarasi) tidak mengikat secara hukum; pemantauannya bertujuan untuk transparansi, bukan untuk menyatakan pelanggaran.',
  'caveat.confidence': 'Sebagian fakta dilaporkan oleh sumber sekunder atau disimpulkan, bukan dikonfirmasi pada halaman persis yang dikutip; setiap fakta menunjukkan tingkat keyakinannya dan tanggal terakhir diperiksa.',
  'provenance.title': 'Asal setiap fakta',
  'provenance.deposits': 'Instrumen ratifikasi dihitung untuk mulai berlakunya perjanjian hanya bila penyimpan mencatatnya (untuk perjanjian PBB, UN Treaty Collection). Langkah di dalam negeri, seperti persetujuan parlemen, tidak pernah dihitung.',
};

const strings: Record<Locale, Record<MethodologyKey, string>> = { en, th, id };

/** One sentence of the methodology page in `locale`. */
export function methodologyText(locale: Locale, key: MethodologyKey): string {
  return strings[locale][key];
}

/** What a status means, in `locale`. */
export function statusMeaning(locale: Locale, status: Status): string {
  return strings[locale][`meaning.${status}`];
}

/** The steps of "how a score is made", in order. */
export const SCORE_RULES = ['score.applicable', 'score.counts', 'score.mean', 'score.separate', 'score.overdue'] as const satisfies readonly MethodologyKey[];

/** The caveats, in order. */
export const CAVEATS = ['caveat.progress', 'caveat.coverage', 'caveat.political', 'caveat.confidence'] as const satisfies readonly MethodologyKey[];
