/**
 * Workspace words about records: the workspace's 404 page, the audit log's names and
 * titles, and the party page's export link. TypeScript makes every language carry every key.
 */
import type { Locale } from './locales';

const en = {
  'notFound.title': 'Not found',
  'notFound.heading': 'This record or page does not exist',
  'notFound.page': 'There is no workspace page at this address. Check the address, or use the menu above.',
  'notFound.assessment': 'There is no assessment with the number {id}. It may have been typed wrongly.',
  'notFound.party': 'There is no party with the code “{id}”. Parties are named by ISO alpha-3 code (THA) or organisation slug (asean).',
  'notFound.measure': 'There is no measure with the id “{id}”.',
  'notFound.back': 'Back to the dashboard',
  'notFound.parties': 'See every party',
  'audit.userId': 'User id {id}',
  'audit.recordId': '{type} {id}',
  'export.csv': 'Download this party’s assessments (CSV)',
  'export.hint': 'A spreadsheet of every current assessment of {code}, which you can edit and bring back through the CSV import.',
};
export type WorkspaceRecordKey = keyof typeof en;

const th: Record<WorkspaceRecordKey, string> = {
  'notFound.title': 'ไม่พบ',
  'notFound.heading': 'ไม่มีระเบียนหรือหน้านี้',
  'notFound.page': 'ไม่มีหน้าพื้นที่ทำงานที่ที่อยู่นี้ โปรดตรวจสอบที่อยู่ หรือใช้เมนูด้านบน',
  'notFound.assessment': 'ไม่มีการประเมินหมายเลข {id} อาจพิมพ์หมายเลขผิด',
  'notFound.party': 'ไม่มีภาคีรหัส “{id}” ภาคีใช้รหัส ISO alpha-3 (THA) หรือชื่อย่อขององค์การ (asean)',
  'notFound.measure': 'ไม่มีมาตรการรหัส “{id}”',
  'notFound.back': 'กลับไปที่แดชบอร์ด',
  'notFound.parties': 'ดูภาคีทั้งหมด',
  'audit.userId': 'รหัสผู้ใช้ {id}',
  'audit.recordId': '{type} {id}',
  'export.csv': 'ดาวน์โหลดการประเมินของภาคีนี้ (CSV)',
  'export.hint': 'ตารางการประเมินปัจจุบันทั้งหมดของ {code} ซึ่งแก้ไขแล้วนำกลับเข้ามาได้ทางการนำเข้า CSV',
};

const id: Record<WorkspaceRecordKey, string> = {
  'notFound.title': 'Tidak ditemukan',
  'notFound.heading': 'Catatan atau halaman ini tidak ada',
  'notFound.page': 'Tidak ada halaman ruang kerja di alamat ini. Periksa alamatnya, atau gunakan menu di atas.',
  'notFound.assessment': 'Tidak ada penilaian dengan nomor {id}. Mungkin nomornya salah ketik.',
  'notFound.party': 'Tidak ada pihak dengan kode “{id}”. Pihak disebut dengan kode ISO alpha-3 (THA) atau slug organisasi (asean).',
  'notFound.measure': 'Tidak ada langkah kebijakan dengan id “{id}”.',
  'notFound.back': 'Kembali ke dasbor',
  'notFound.parties': 'Lihat semua pihak',
  'audit.userId': 'Id pengguna {id}',
  'audit.recordId': '{type} {id}',
  'export.csv': 'Unduh penilaian pihak ini (CSV)',
  'export.hint': 'Lembar kerja berisi setiap penilaian terkini untuk {code}, yang bisa Anda sunting lalu kirim kembali lewat impor CSV.',
};

const strings: Record<Locale, Record<WorkspaceRecordKey, string>> = { en, th, id };

/** The workspace record string for `key` in `locale`, with `{name}` placeholders filled. */
export function recordText(locale: Locale, key: WorkspaceRecordKey, values: Record<string, string | number> = {}): string {
  return strings[locale][key].replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
