/**
 * Where a commitment sits in its instrument ("Art. 13", "Arts. 49-52", "Point 1", "Operative
 * commitments (paragraph not recorded)") in the page's language. Articles and points are turned
 * by rule; the descriptive references the content uses are listed. A reference staff write in
 * other words stays English, and says so (`lang`).
 */
import type { Locale } from './locales';

type Translated = Record<Exclude<Locale, 'en'>, string>;

/** The descriptive references of the seeded instruments, in Thai and Indonesian. */
const PHRASES: Record<string, Translated> = {
  'Operative commitments (paragraph not recorded)': { th: 'พันธกรณีในส่วนปฏิบัติการ (ไม่ได้บันทึกเลขย่อหน้า)', id: 'Komitmen operatif (nomor paragraf tidak tercatat)' },
  'Joint practice (point number not recorded)': { th: 'แนวปฏิบัติร่วม (ไม่ได้บันทึกเลขข้อ)', id: 'Praktik bersama (nomor butir tidak tercatat)' },
  'Commitment area (inferred; text not recovered)': { th: 'ประเด็นพันธกรณี (อนุมาน ไม่พบถ้อยคำต้นฉบับ)', id: 'Bidang komitmen (disimpulkan; teks tidak ditemukan)' },
  'Criminalisation provisions': { th: 'บทบัญญัติว่าด้วยการกำหนดความผิดอาญา', id: 'Ketentuan kriminalisasi' },
  'International cooperation provisions': { th: 'บทบัญญัติว่าด้วยความร่วมมือระหว่างประเทศ', id: 'Ketentuan kerja sama internasional' },
  'Law enforcement and prosecution provisions': { th: 'บทบัญญัติว่าด้วยการบังคับใช้กฎหมายและการดำเนินคดี', id: 'Ketentuan penegakan hukum dan penuntutan' },
  'Prevention provisions': { th: 'บทบัญญัติว่าด้วยการป้องกัน', id: 'Ketentuan pencegahan' },
  'Repatriation and return provisions': { th: 'บทบัญญัติว่าด้วยการส่งกลับและการเดินทางกลับ', id: 'Ketentuan repatriasi dan pemulangan' },
  'Training and technical cooperation provisions': { th: 'บทบัญญัติว่าด้วยการฝึกอบรมและความร่วมมือทางวิชาการ', id: 'Ketentuan pelatihan dan kerja sama teknis' },
  'Victim protection provisions': { th: 'บทบัญญัติว่าด้วยการคุ้มครองผู้เสียหาย', id: 'Ketentuan perlindungan korban' },
  'Thai proposal, 47th ASEAN Summit': { th: 'ข้อเสนอของไทย การประชุมสุดยอดอาเซียนครั้งที่ 47', id: 'Usulan Thailand, KTT ASEAN ke-47' },
};

/** "Art." and "Point" in each language (Thai numbers both as ข้อ, as Thai translations of treaties do). */
const WORDS: Record<'article' | 'point', Translated> = {
  article: { th: 'ข้อ', id: 'Pasal' },
  point: { th: 'ข้อ', id: 'Butir' },
};

/** A commitment's reference in `locale`, or in English when it is worded otherwise. */
export function localReference(locale: Locale, reference: string): { text: string; lang: Locale } {
  if (locale === 'en') return { text: reference, lang: 'en' };
  const phrase = PHRASES[reference];
  if (phrase) return { text: phrase[locale], lang: locale };
  // "Art. 13", "Art. 7(2)", "Arts. 49-52", "Point 1": the number kept, a range with an en dash.
  const numbered = /^(Arts?\.|Points?) (\d+(?:\(\d+\))?(?:\s*[-–]\s*\d+)?)$/.exec(reference);
  if (numbered) {
    const word = WORDS[numbered[1]!.startsWith('Art') ? 'article' : 'point'][locale];
    return { text: `${word} ${numbered[2]!.replace(/\s*[-–]\s*/, '–')}`, lang: locale };
  }
  return { text: reference, lang: 'en' };
}
