/**
 * Input problems in words a person understands, in the page's language: "Choose a status",
 * "The evidence date must be a date such as 2026-01-31". One sentence per field and kind of
 * problem, never the schema's codes, allowed-value lists or paths. The workspace forms and
 * the CSV dry run both use these, so a person reads the same words either way.
 */
import type { Locale } from './locales';

/** What kind of problem a value has, as the schema saw it. */
export type ProblemKind = 'missing' | 'too_short' | 'too_long' | 'invalid' | 'control' | 'surrogate' | 'credentials' | 'too_many';

/** The fields the messages know by name (form field names; evidence parts as `evidence.url` …). */
type Known =
  | 'party'
  | 'commitment'
  | 'status'
  | 'assessor'
  | 'asOf'
  | 'narrative'
  | 'narrativeTh'
  | 'evidence'
  | 'evidence.url'
  | 'evidence.title'
  | 'evidence.publisher'
  | 'evidence.date'
  | 'evidence.grade'
  | 'measures'
  | 'comment';

type Sentences = Partial<Record<ProblemKind, string>> & { default: string };

const EN: Record<Known, Sentences> = {
  party: { default: 'Give a party code, such as THA.' },
  commitment: { default: 'Choose a commitment.' },
  status: { default: 'Choose a status.' },
  assessor: { default: 'Choose the assessor.' },
  asOf: { default: 'The “as of” date must be a date such as 2026-01-31.' },
  narrative: {
    default: 'Write what has been done, in English: at least 10 characters.',
    too_long: 'Shorten the English narrative to at most 4,000 characters.',
  },
  narrativeTh: { default: 'Check the Thai narrative.', too_long: 'Shorten the Thai narrative to at most 4,000 characters.' },
  evidence: { default: 'Add at least one piece of evidence: its web address, title, publisher and grade.', too_many: 'Give at most 20 pieces of evidence.' },
  'evidence.url': {
    default: 'The web address must start with http:// or https://, such as https://www.example.go.th/news.',
    missing: 'Give the web address of this evidence.',
    credentials: 'The web address must not contain a user name or password.',
  },
  'evidence.title': { default: 'Give the evidence a title of at least 3 characters.', too_long: 'Shorten the title to at most 300 characters.' },
  'evidence.publisher': { default: 'Name the publisher (at least 2 characters).', too_long: 'Shorten the publisher to at most 200 characters.' },
  'evidence.date': { default: 'The evidence date must be a date such as 2026-01-31.' },
  'evidence.grade': { default: 'Choose a grade for the evidence.' },
  measures: { default: 'Choose the measures from the list.', too_many: 'Choose at most 20 measures.' },
  comment: { default: 'Say what must change.', too_long: 'Shorten the comment to at most 2,000 characters.' },
};

const TH: Record<Known, Sentences> = {
  party: { default: 'ระบุรหัสภาคี เช่น THA' },
  commitment: { default: 'เลือกพันธกรณี' },
  status: { default: 'เลือกสถานะ' },
  assessor: { default: 'เลือกผู้ประเมิน' },
  asOf: { default: 'วันที่ “ณ วันที่” ต้องเป็นวันที่ เช่น 2026-01-31' },
  narrative: {
    default: 'เขียนสิ่งที่ได้ดำเนินการเป็นภาษาอังกฤษ อย่างน้อย 10 ตัวอักษร',
    too_long: 'ย่อคำอธิบายภาษาอังกฤษให้ไม่เกิน 4,000 ตัวอักษร',
  },
  narrativeTh: { default: 'ตรวจสอบคำอธิบายภาษาไทย', too_long: 'ย่อคำอธิบายภาษาไทยให้ไม่เกิน 4,000 ตัวอักษร' },
  evidence: { default: 'เพิ่มหลักฐานอย่างน้อยหนึ่งรายการ: ที่อยู่เว็บ ชื่อเรื่อง ผู้เผยแพร่ และระดับ', too_many: 'หลักฐานได้ไม่เกิน 20 รายการ' },
  'evidence.url': {
    default: 'ที่อยู่เว็บต้องขึ้นต้นด้วย http:// หรือ https:// เช่น https://www.example.go.th/news',
    missing: 'ระบุที่อยู่เว็บของหลักฐานนี้',
    credentials: 'ที่อยู่เว็บต้องไม่มีชื่อผู้ใช้หรือรหัสผ่าน',
  },
  'evidence.title': { default: 'ตั้งชื่อเรื่องของหลักฐานอย่างน้อย 3 ตัวอักษร', too_long: 'ย่อชื่อเรื่องให้ไม่เกิน 300 ตัวอักษร' },
  'evidence.publisher': { default: 'ระบุผู้เผยแพร่ (อย่างน้อย 2 ตัวอักษร)', too_long: 'ย่อชื่อผู้เผยแพร่ให้ไม่เกิน 200 ตัวอักษร' },
  'evidence.date': { default: 'วันที่ของหลักฐานต้องเป็นวันที่ เช่น 2026-01-31' },
  'evidence.grade': { default: 'เลือกระดับของหลักฐาน' },
  measures: { default: 'เลือกมาตรการจากรายการ', too_many: 'เลือกมาตรการได้ไม่เกิน 20 รายการ' },
  comment: { default: 'ระบุสิ่งที่ต้องแก้ไข', too_long: 'ย่อความเห็นให้ไม่เกิน 2,000 ตัวอักษร' },
};

const ID: Record<Known, Sentences> = {
  party: { default: 'Isi kode pihak, misalnya THA.' },
  commitment: { default: 'Pilih komitmen.' },
  status: { default: 'Pilih status.' },
  assessor: { default: 'Pilih penilai.' },
  asOf: { default: 'Tanggal “per tanggal” harus berupa tanggal seperti 2026-01-31.' },
  narrative: { default: 'Tuliskan apa yang sudah dilakukan, dalam bahasa Inggris: paling sedikit 10 karakter.', too_long: 'Persingkat narasi bahasa Inggris menjadi paling banyak 4.000 karakter.' },
  narrativeTh: { default: 'Periksa narasi bahasa Thai.', too_long: 'Persingkat narasi bahasa Thai menjadi paling banyak 4.000 karakter.' },
  evidence: { default: 'Tambahkan paling sedikit satu bukti: alamat web, judul, penerbit, dan tingkatnya.', too_many: 'Bukti paling banyak 20.' },
  'evidence.url': { default: 'Alamat web harus diawali http:// atau https://, misalnya https://www.example.go.th/news.', missing: 'Isi alamat web bukti ini.', credentials: 'Alamat web tidak boleh berisi nama pengguna atau kata sandi.' },
  'evidence.title': { default: 'Beri judul bukti paling sedikit 3 karakter.', too_long: 'Persingkat judul menjadi paling banyak 300 karakter.' },
  'evidence.publisher': { default: 'Sebutkan penerbitnya (paling sedikit 2 karakter).', too_long: 'Persingkat nama penerbit menjadi paling banyak 200 karakter.' },
  'evidence.date': { default: 'Tanggal bukti harus berupa tanggal seperti 2026-01-31.' },
  'evidence.grade': { default: 'Pilih tingkat bukti.' },
  measures: { default: 'Pilih langkah dari daftar.', too_many: 'Pilih paling banyak 20 langkah.' },
  comment: { default: 'Sebutkan apa yang harus diubah.', too_long: 'Persingkat komentar menjadi paling banyak 2.000 karakter.' },
};

const GENERIC: Record<Locale, Record<ProblemKind | 'default', string>> = {
  en: {
    default: 'Check this value.',
    missing: 'Fill this in.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    invalid: 'Check this value.',
    control: 'This contains an invisible control character: remove it (retype the text if you pasted it).',
    surrogate: 'This contains a broken character: retype the text.',
    credentials: 'Check this value.',
    too_many: 'There are too many of these.',
  },
  th: {
    default: 'ตรวจสอบค่านี้',
    missing: 'กรอกช่องนี้',
    too_short: 'สั้นเกินไป',
    too_long: 'ยาวเกินไป',
    invalid: 'ตรวจสอบค่านี้',
    control: 'มีอักขระควบคุมที่มองไม่เห็น: ลบออก (พิมพ์ข้อความใหม่หากคัดลอกมา)',
    surrogate: 'มีอักขระที่เสียหาย: พิมพ์ข้อความใหม่',
    credentials: 'ตรวจสอบค่านี้',
    too_many: 'มีจำนวนมากเกินไป',
  },
  id: {
    default: 'Periksa nilai ini.',
    missing: 'Isi kolom ini.',
    too_short: 'Terlalu pendek.',
    too_long: 'Terlalu panjang.',
    invalid: 'Periksa nilai ini.',
    control: 'Ada karakter kontrol yang tidak terlihat: hapus (ketik ulang teks jika Anda menempelnya).',
    surrogate: 'Ada karakter yang rusak: ketik ulang teksnya.',
    credentials: 'Periksa nilai ini.',
    too_many: 'Jumlahnya terlalu banyak.',
  },
};

const BY_LOCALE: Record<Locale, Record<Known, Sentences>> = { en: EN, th: TH, id: ID };

/** The message-table name of a form field (`evidence.2.url` → `evidence.url`). */
export function fieldKey(field: string): string {
  const m = /^evidence\.\d+\.(\w+)$/.exec(field);
  return m ? `evidence.${m[1]}` : field;
}

/** A schema issue reduced to the kind of problem, from its code and (for refinements) its message. */
export function problemKindOf(issue: { code: string; message?: string; input?: unknown; origin?: string }): ProblemKind {
  const message = issue.message ?? '';
  if (message.includes('control character')) return 'control';
  if (message.includes('lone surrogate')) return 'surrogate';
  if (message.includes('user name or password')) return 'credentials';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'too_many' : 'too_long';
  if (issue.code === 'too_small') return issue.input === '' || issue.input === undefined ? 'missing' : 'too_short';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing';
  return 'invalid';
}

/**
 * One sentence for the problem with `field` in `locale`: the field's own sentence for this
 * kind of problem, else the field's general one, else a general one for the kind.
 */
export function describeProblem(locale: Locale, field: string, kind: ProblemKind): string {
  const sentences = (BY_LOCALE[locale] as Record<string, Sentences | undefined>)[fieldKey(field)];
  if (sentences) {
    if (kind === 'control' || kind === 'surrogate') return GENERIC[locale][kind];
    return sentences[kind] ?? sentences.default;
  }
  return GENERIC[locale][kind];
}

/** A schema issue about `field` in words, in `locale`. */
export function describeIssue(locale: Locale, field: string, issue: { code: string; message?: string; input?: unknown; origin?: string }): string {
  return describeProblem(locale, field, problemKindOf(issue));
}
