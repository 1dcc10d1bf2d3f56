/** Words of the staff workspace that are not in ui.ts: role names as people say them, in English and Thai. */
import type { Role } from '../domain/vocabulary';
import type { Locale } from './locales';

/** Each role as a person names it ("an editor of a party", not the code). */
export const ROLE_WORDS: Record<Locale, Record<Role, string>> = {
  en: { admin: 'administrator', reviewer: 'reviewer', editor: 'editor', analyst: 'analyst', viewer: 'viewer' },
  th: { admin: 'ผู้ดูแลระบบ', reviewer: 'ผู้ตรวจทาน', editor: 'บรรณาธิการ', analyst: 'นักวิเคราะห์', viewer: 'ผู้อ่าน' },
  id: { admin: 'administrator', reviewer: 'peninjau', editor: 'editor', analyst: 'analis', viewer: 'pembaca' },
};
