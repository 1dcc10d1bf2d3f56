/**
 * The workflow's refusals and the audit log's names, in English, Thai and Indonesian, from
 * one table. A service refuses with a stable reason code and its parameters beside its English
 * message (the JSON API sends the message as it always has); a workspace page renders the
 * code's words in its own language. Every workspace form's refusal, the account page's
 * password and digest forms included, is put into the page's language here
 * (`localizeRefusal`): by its code, else by its known English sentence (`reasonText`). The
 * English entry of each code says what the service's message says (for the rules, the
 * workflow steps and the treaty table's lines, exactly: tests/domain/workflow-messages.test.ts);
 * English pages show the message itself.
 */
import type { Locale } from './locales';
import { STATE_LABELS } from './ui';

/** A refusal's parameters: party codes, ids, states, the value at fault. */
export type MessageParams = Record<string, string | number>;

type Words = Record<Locale, (p: MessageParams) => string>;

const s = (p: MessageParams, name: string) => String(p[name] ?? '');
/** The record a refusal is about: an assessment (default) or a measure. */
const isMeasure = (p: MessageParams) => p.subject === 'measure';

const ACTION_TH: Record<string, string> = { edited: 'แก้ไข', submitted: 'ส่งตรวจ', published: 'เผยแพร่', returned: 'ส่งกลับ' };
const ACTION_ID: Record<string, string> = { edited: 'disunting', submitted: 'dikirim untuk ditinjau', published: 'diterbitkan', returned: 'dikembalikan' };
/** The first bad line of a table in `locale`, from its own code (`firstCode`) when it has one. */
const firstLine = (locale: Locale, p: MessageParams): string => {
  const words: Words | undefined = Object.hasOwn(UNTC_LINES, s(p, 'firstCode')) ? (UNTC_LINES as Record<string, Words>)[s(p, 'firstCode')] : undefined;
  return words ? words[locale](p) : s(p, 'first');
};
const stateIn = (locale: Locale, state: string) => (STATE_LABELS[locale] as Record<string, string>)[state] ?? state;

/** Why a line of a UN Treaty Collection status table could not be read. */
const UNTC_LINES = {
  'untc.noName': { en: () => 'no participant name before the dates', th: () => 'ไม่มีชื่อผู้เข้าร่วมอยู่หน้าวันที่', id: () => 'tidak ada nama peserta sebelum tanggal' },
  'untc.tooManyDates': {
    en: (p) => `${s(p, 'participant')}: more than two dates (${s(p, 'dates')})`,
    th: (p) => `${s(p, 'participant')}: มีวันที่มากกว่าสองวัน (${s(p, 'dates')})`,
    id: (p) => `${s(p, 'participant')}: lebih dari dua tanggal (${s(p, 'dates')})`,
  },
  'untc.badDate': {
    en: (p) => `${s(p, 'participant')}: "${s(p, 'value')}" is not a date like 25 Oct 2025 (with an optional marker a, A, AA or d)`,
    th: (p) => `${s(p, 'participant')}: “${s(p, 'value')}” ไม่ใช่วันที่ในรูปแบบ 25 Oct 2025 (ต่อท้ายด้วยเครื่องหมาย a, A, AA หรือ d ได้)`,
    id: (p) => `${s(p, 'participant')}: “${s(p, 'value')}” bukan tanggal seperti 25 Oct 2025 (boleh dengan penanda a, A, AA atau d)`,
  },
  'untc.signatureMarker': {
    en: (p) => `${s(p, 'participant')}: the signature date has a marker "${s(p, 'marker')}"; markers belong to the last column`,
    th: (p) => `${s(p, 'participant')}: วันที่ลงนามมีเครื่องหมาย “${s(p, 'marker')}” ซึ่งควรอยู่ในคอลัมน์สุดท้ายเท่านั้น`,
    id: (p) => `${s(p, 'participant')}: tanggal penandatanganan memiliki penanda “${s(p, 'marker')}”; penanda hanya untuk kolom terakhir`,
  },
  'untc.noXmlRows': {
    en: () => 'no table rows found: expected <Row>/<Entry>, <tr>/<td> or <Participant> elements',
    th: () => 'ไม่พบแถวของตาราง ต้องมีองค์ประกอบ <Row>/<Entry>, <tr>/<td> หรือ <Participant>',
    id: () => 'tidak ditemukan baris tabel: diharapkan elemen <Row>/<Entry>, <tr>/<td> atau <Participant>',
  },
} satisfies Record<string, Words>;

const MESSAGES = {
  'token.name': { en: () => 'Give the token a name of 1 to 100 characters.', th: () => 'ตั้งชื่อโทเค็นความยาว 1 ถึง 100 ตัวอักษร', id: () => 'Beri token nama sepanjang 1 sampai 100 karakter.' },
  'token.days': {
    en: (p) => `A token lasts from 1 to ${s(p, 'max')} days.`,
    th: (p) => `อายุโทเค็นต้องอยู่ระหว่าง 1 ถึง ${s(p, 'max')} วัน`,
    id: (p) => `Token berlaku 1 sampai ${s(p, 'max')} hari.`,
  },
  'token.chooseDays': {
    en: (p) => `Choose from 1 to ${s(p, 'max')} days.`,
    th: (p) => `เลือกจำนวนวันตั้งแต่ 1 ถึง ${s(p, 'max')} วัน`,
    id: (p) => `Pilih 1 sampai ${s(p, 'max')} hari.`,
  },
  'token.unknown': { en: () => 'There is no such token among yours.', th: () => 'ไม่พบโทเค็นนี้ในรายการโทเค็นของคุณ', id: () => 'Token ini tidak ada di antara token Anda.' },
  'auth.signedOut': { en: () => 'sign in first', th: () => 'โปรดลงชื่อเข้าใช้ก่อน', id: () => 'masuk terlebih dahulu' },
  'review.notReviewer': {
    en: (p) => `only reviewers publish or return ${isMeasure(p) ? 'measures' : 'assessments'}`,
    th: (p) => `เฉพาะผู้ตรวจทานเท่านั้นที่เผยแพร่หรือส่งกลับ${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}ได้`,
    id: (p) => `hanya peninjau yang menerbitkan atau mengembalikan ${isMeasure(p) ? 'langkah' : 'penilaian'}`,
  },
  'review.ownWork': {
    en: (p) => `you cannot review ${isMeasure(p) ? 'a measure' : 'an assessment'} you wrote`,
    th: (p) => `คุณเป็นผู้เขียน${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}นี้เอง จึงต้องให้ผู้ตรวจทานคนอื่นตรวจทาน`,
    id: (p) => `Anda menulis ${isMeasure(p) ? 'langkah' : 'penilaian'} ini sendiri, jadi peninjau lain harus meninjaunya`,
  },
  'review.editedWork': {
    en: (p) => `you cannot review ${isMeasure(p) ? 'a measure' : 'an assessment'} you edited or submitted`,
    th: (p) => `คุณเป็นผู้แก้ไขหรือส่งตรวจ${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}นี้ จึงต้องให้ผู้ตรวจทานคนอื่นตรวจทาน`,
    id: (p) => `Anda menyunting atau mengirim ${isMeasure(p) ? 'langkah' : 'penilaian'} ini, jadi peninjau lain harus meninjaunya`,
  },
  'review.commentRequired': {
    en: () => 'say what must change before it can be published',
    th: () => 'โปรดระบุสิ่งที่ต้องแก้ไขก่อนจึงจะเผยแพร่ได้',
    id: () => 'sebutkan apa yang harus diubah sebelum bisa diterbitkan',
  },
  'write.notEditor': {
    en: (p) => `only editors write ${isMeasure(p) ? 'measures' : 'assessments'}`,
    th: (p) => `เฉพาะบรรณาธิการเท่านั้นที่จัดทำ${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}ได้`,
    id: (p) => `hanya editor yang menulis ${isMeasure(p) ? 'langkah' : 'penilaian'}`,
  },
  'write.notWriter': {
    en: () => 'only editors and analysts write assessments',
    th: () => 'เฉพาะบรรณาธิการและนักวิเคราะห์เท่านั้นที่จัดทำการประเมินได้',
    id: () => 'hanya editor dan analis yang menulis penilaian',
  },
  'write.outOfScope': {
    en: (p) => `party ${s(p, 'party')} is not in your scope`,
    th: (p) => `ภาคี ${s(p, 'party')} ไม่อยู่ในขอบเขตงานของคุณ โปรดติดต่อผู้ดูแลระบบหากต้องจัดทำให้ภาคีนี้`,
    id: (p) => `pihak ${s(p, 'party')} tidak termasuk dalam cakupan Anda`,
  },
  'write.independentByAnalysts': {
    en: () => "independent assessments are written by the secretariat's analysts; a party's editors write self-reported ones",
    th: () => 'การประเมินอิสระจัดทำโดยนักวิเคราะห์ของสำนักเลขาธิการ ส่วนบรรณาธิการของภาคีจัดทำการประเมินตนเอง',
    id: () => 'penilaian independen ditulis oleh analis sekretariat; editor suatu pihak menulis penilaian mandiri',
  },
  'write.selfReportedByEditors': {
    en: () => "self-reported assessments are written by the party's own editors; an analyst writes independent ones",
    th: () => 'การประเมินตนเองจัดทำโดยบรรณาธิการของภาคีนั้นเอง ส่วนนักวิเคราะห์จัดทำการประเมินอิสระ',
    id: () => 'penilaian mandiri ditulis oleh editor pihak itu sendiri; analis menulis penilaian independen',
  },
  'write.chooseAssessor': {
    en: () => 'choose the assessor: you may write both self-reported and independent assessments of this party',
    th: () => 'โปรดเลือกผู้ประเมิน เนื่องจากคุณจัดทำได้ทั้งการประเมินตนเองและการประเมินอิสระของภาคีนี้',
    id: () => 'pilih penilai: Anda boleh menulis penilaian mandiri maupun independen untuk pihak ini',
  },
  'state.cannot': {
    en: (p) => `a ${s(p, 'state')} ${isMeasure(p) ? 'measure' : 'assessment'} cannot be ${s(p, 'action')}`,
    th: (p) => `${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}ที่อยู่ในสถานะ “${stateIn('th', s(p, 'state'))}” ${ACTION_TH[s(p, 'action')] ?? s(p, 'action')}ไม่ได้`,
    id: (p) => `${isMeasure(p) ? 'langkah' : 'penilaian'} berstatus “${stateIn('id', s(p, 'state'))}” tidak dapat ${ACTION_ID[s(p, 'action')] ?? s(p, 'action')}`,
  },
  'record.notFound': {
    en: (p) => `${isMeasure(p) ? 'measure' : 'assessment'} ${s(p, 'id')} does not exist`,
    th: (p) => `ไม่มี${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}หมายเลข ${s(p, 'id')}`,
    id: (p) => `${isMeasure(p) ? 'langkah' : 'penilaian'} ${s(p, 'id')} tidak ada`,
  },
  'record.changed': {
    en: (p) => `${isMeasure(p) ? 'measure' : 'assessment'} ${s(p, 'id')} has changed since you read it`,
    th: (p) => `${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}หมายเลข ${s(p, 'id')} มีการเปลี่ยนแปลงหลังจากที่คุณเปิดอ่าน โปรดโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง`,
    id: (p) => `${isMeasure(p) ? 'langkah' : 'penilaian'} ${s(p, 'id')} telah berubah sejak Anda membacanya; muat ulang lalu ulangi perubahan Anda`,
  },
  'users.unknownRole': {
    en: (p) => `Unknown role "${s(p, 'role')}".`,
    th: (p) => `ไม่มีบทบาท “${s(p, 'role')}” ในระบบ โปรดเลือกจากรายการบทบาท`,
    id: (p) => `Peran “${s(p, 'role')}” tidak dikenal. Pilih dari daftar peran.`,
  },
  'treaty.notReviewer': {
    en: () => 'only reviewers approve or reject treaty imports',
    th: () => 'เฉพาะผู้ตรวจทานเท่านั้นที่อนุมัติหรือปฏิเสธการนำเข้าสนธิสัญญาได้',
    id: () => 'hanya peninjau yang menyetujui atau menolak impor perjanjian',
  },
  'treaty.notPreparer': {
    en: () => 'only editors and reviewers prepare treaty imports',
    th: () => 'เฉพาะบรรณาธิการและผู้ตรวจทานเท่านั้นที่เตรียมการนำเข้าสนธิสัญญาได้',
    id: () => 'hanya editor dan peninjau yang menyiapkan impor perjanjian',
  },
  'treaty.ownImport': {
    en: () => 'you cannot review a treaty import you prepared',
    th: () => 'คุณเป็นผู้เตรียมการนำเข้านี้เอง',
    id: () => 'Anda menyiapkan impor ini sendiri',
  },
  'treaty.notFound': { en: (p) => `there is no treaty import ${s(p, 'id')}`, th: (p) => `ไม่มีการนำเข้าสนธิสัญญาหมายเลข ${s(p, 'id')}`, id: (p) => `tidak ada impor perjanjian ${s(p, 'id')}` },
  'treaty.alreadyDecided': {
    en: (p) => `treaty import ${s(p, 'id')} was already ${s(p, 'state')}`,
    th: (p) => `การนำเข้าสนธิสัญญาหมายเลข ${s(p, 'id')} ได้รับการ${p.state === 'applied' ? 'อนุมัติ' : 'ปฏิเสธ'}ไปแล้ว`,
    id: (p) => `impor perjanjian ${s(p, 'id')} sudah ${p.state === 'applied' ? 'diterapkan' : 'ditolak'}`,
  },
  'treaty.changedSince': {
    en: (p) => `the treaty actions of ${s(p, 'instrument')} changed after import ${s(p, 'id')} was prepared, so its differences are no longer the ones shown; reject it and prepare the table again`,
    th: (p) => `ข้อมูลการดำเนินการตามสนธิสัญญา ${s(p, 'instrument')} เปลี่ยนไปหลังจากเตรียมการนำเข้าหมายเลข ${s(p, 'id')} ความแตกต่างที่แสดงไว้จึงไม่ตรงกับปัจจุบัน โปรดปฏิเสธรายการนี้แล้วเตรียมตารางใหม่อีกครั้ง`,
    id: (p) => `tindakan perjanjian ${s(p, 'instrument')} berubah setelah impor ${s(p, 'id')} disiapkan, jadi perbedaannya tidak lagi seperti yang ditampilkan; tolak impor ini lalu siapkan tabelnya lagi`,
  },
  'treaty.tooLarge': { en: () => 'the table is larger than 1 MB', th: () => 'ตารางมีขนาดเกิน 1 MB', id: () => 'tabel lebih besar dari 1 MB' },
  'treaty.noRows': { en: () => 'no participant rows with dates were found', th: () => 'ไม่พบแถวของผู้เข้าร่วมที่มีวันที่', id: () => 'tidak ditemukan baris peserta yang bertanggal' },
  'treaty.nothingNew': {
    en: () => 'the table adds or changes nothing in the database; there is nothing to review',
    th: () => 'ตารางนี้ไม่ได้เพิ่มหรือเปลี่ยนแปลงข้อมูลใดในฐานข้อมูล จึงไม่มีสิ่งใดให้ตรวจทาน',
    id: () => 'tabel ini tidak menambah atau mengubah apa pun di basis data; tidak ada yang perlu ditinjau',
  },
  'treaty.lineErrors': {
    en: (p) => `${p.line ? `line ${s(p, 'line')}: ` : ''}${s(p, 'first')}${Number(p.more) > 0 ? ` (and ${s(p, 'more')} more)` : ''}`,
    th: (p) => `${p.line ? `บรรทัดที่ ${s(p, 'line')}: ` : ''}${firstLine('th', p)}${Number(p.more) > 0 ? ` (และอีก ${s(p, 'more')} บรรทัด)` : ''}`,
    id: (p) => `${p.line ? `baris ${s(p, 'line')}: ` : ''}${firstLine('id', p)}${Number(p.more) > 0 ? ` (dan ${s(p, 'more')} lagi)` : ''}`,
  },
  ...UNTC_LINES,
  'input.unknownParty': { en: (p) => `unknown party code "${s(p, 'party')}"`, th: (p) => `ไม่มีภาคีรหัส “${s(p, 'party')}”`, id: (p) => `kode pihak “${s(p, 'party')}” tidak dikenal` },
  'input.unknownCommitment': { en: (p) => `unknown commitment code "${s(p, 'commitment')}"`, th: (p) => `ไม่มีพันธกรณีรหัส “${s(p, 'commitment')}”`, id: (p) => `kode komitmen “${s(p, 'commitment')}” tidak dikenal` },
  'input.notApplicable': {
    en: (p) => `${s(p, 'commitment')} does not apply to ${s(p, 'party')}`,
    th: (p) => `พันธกรณี ${s(p, 'commitment')} ไม่ใช้บังคับกับ ${s(p, 'party')}`,
    id: (p) => `${s(p, 'commitment')} tidak berlaku untuk ${s(p, 'party')}`,
  },
  'input.wrongPartyKind': {
    en: (p) => `${s(p, 'commitment')} binds ${p.kinds === 'states' ? 'states only' : 'companies only'}; it does not apply to ${s(p, 'party')}`,
    th: (p) => `พันธกรณี ${s(p, 'commitment')} ผูกพันเฉพาะ${p.kinds === 'states' ? 'รัฐ' : 'บริษัท'} จึงไม่ใช้บังคับกับ ${s(p, 'party')}`,
    id: (p) => `${s(p, 'commitment')} hanya mengikat ${p.kinds === 'states' ? 'negara' : 'perusahaan'}; tidak berlaku untuk ${s(p, 'party')}`,
  },
  'input.unknownMeasure': { en: (p) => `no published measure with id "${s(p, 'id')}"`, th: (p) => `ไม่มีมาตรการที่เผยแพร่แล้วรหัส “${s(p, 'id')}”`, id: (p) => `tidak ada langkah terbit dengan id “${s(p, 'id')}”` },
  'input.partyFixed': {
    en: (p) => `${isMeasure(p) ? 'a measure' : 'an assessment'} cannot move to another party`,
    th: (p) => `ย้าย${isMeasure(p) ? 'มาตรการ' : 'การประเมิน'}ไปเป็นของภาคีอื่นไม่ได้`,
    id: (p) => `${isMeasure(p) ? 'langkah' : 'penilaian'} tidak dapat dipindahkan ke pihak lain`,
  },
  'input.assessorFixed': {
    en: (p) => `an assessment keeps its assessor (this one is ${s(p, 'assessor')}); write a new assessment instead`,
    th: (p) => `การประเมินต้องคงผู้ประเมินเดิม (รายการนี้เป็น${p.assessor === 'independent' ? 'การประเมินอิสระ' : 'การประเมินตนเอง'}) โปรดจัดทำการประเมินใหม่แทน`,
    id: (p) => `penilaian tetap dengan penilainya (yang ini ${p.assessor === 'independent' ? 'independen' : 'mandiri'}); tulis penilaian baru saja`,
  },
  'input.measureIdTaken': { en: (p) => `a measure with id "${s(p, 'id')}" exists already`, th: (p) => `มีมาตรการรหัส “${s(p, 'id')}” อยู่แล้ว`, id: (p) => `langkah dengan id “${s(p, 'id')}” sudah ada` },
  'input.measureIdFixed': { en: () => 'a measure keeps its id', th: () => 'มาตรการต้องคงรหัสเดิม', id: () => 'langkah tetap dengan id-nya' },
  'treaty.notUntc': {
    en: (p) => `${s(p, 'instrument')} is not a treaty deposited with the UN Secretary-General (its source is not on treaties.un.org)`,
    th: (p) => `${s(p, 'instrument')} ไม่ใช่สนธิสัญญาที่เก็บรักษาไว้กับเลขาธิการสหประชาชาติ (แหล่งที่มาไม่อยู่บน treaties.un.org)`,
    id: (p) => `${s(p, 'instrument')} bukan perjanjian yang disimpan pada Sekretaris Jenderal PBB (sumbernya tidak di treaties.un.org)`,
  },
  'treaty.noInstrument': { en: (p) => `no instrument "${s(p, 'instrument')}"`, th: (p) => `ไม่มีตราสาร “${s(p, 'instrument')}”`, id: (p) => `tidak ada instrumen “${s(p, 'instrument')}”` },
  'users.unknownParty': {
    en: (p) => `unknown party ${s(p, 'codes')}`,
    th: (p) => `ไม่มีภาคี ${s(p, 'codes')} โปรดใช้รหัสภาคี เช่น THA หรือชื่อย่อขององค์การ เช่น asean`,
    id: (p) => `pihak ${s(p, 'codes')} tidak dikenal: gunakan kode pihak seperti THA atau slug organisasi seperti asean`,
  },
  'users.badEmail': { en: (p) => `"${s(p, 'email')}" is not an e-mail address`, th: (p) => `“${s(p, 'email')}” ไม่ใช่ที่อยู่อีเมล`, id: (p) => `“${s(p, 'email')}” bukan alamat e-mail` },
  'users.emailTaken': { en: (p) => `a user with e-mail ${s(p, 'email')} already exists`, th: (p) => `มีผู้ใช้ที่ใช้อีเมล ${s(p, 'email')} อยู่แล้ว`, id: (p) => `pengguna dengan e-mail ${s(p, 'email')} sudah ada` },
  'users.noUser': { en: (p) => `no user with e-mail ${s(p, 'email')}`, th: (p) => `ไม่มีผู้ใช้ที่ใช้อีเมล ${s(p, 'email')}`, id: (p) => `tidak ada pengguna dengan e-mail ${s(p, 'email')}` },
  'users.nameEmpty': { en: () => 'the name is empty', th: () => 'ยังไม่ได้กรอกชื่อ', id: () => 'namanya kosong' },
  'indicator.regional': {
    en: () => 'regional indicators are kept by the secretariat, not by a party’s editors',
    th: () => 'ตัวชี้วัดระดับภูมิภาคดูแลโดยสำนักเลขาธิการ ไม่ใช่โดยบรรณาธิการของภาคี',
    id: () => 'indikator regional dikelola oleh sekretariat, bukan oleh editor suatu pihak',
  },
  'import.fileMissing': { en: () => 'The file to apply is missing: upload it again.', th: () => 'ไม่พบไฟล์ที่จะนำเข้า โปรดอัปโหลดไฟล์อีกครั้ง', id: () => 'Berkas yang akan diterapkan tidak ada: unggah lagi.' },
  'import.fileDamaged': { en: () => 'The file to apply is damaged: upload it again.', th: () => 'ไฟล์ที่จะนำเข้าเสียหาย โปรดอัปโหลดไฟล์อีกครั้ง', id: () => 'Berkas yang akan diterapkan rusak: unggah lagi.' },
  'import.fileTooLarge': { en: () => 'The file is too large.', th: () => 'ไฟล์มีขนาดใหญ่เกินไป', id: () => 'Berkas terlalu besar.' },
  'import.digestDamaged': {
    en: () => 'The preview reference is missing or damaged: upload the file again.',
    th: () => 'ไม่พบหรือข้อมูลอ้างอิงของการตรวจสอบล่วงหน้าเสียหาย โปรดอัปโหลดไฟล์อีกครั้ง',
    id: () => 'Rujukan pratinjau hilang atau rusak: unggah berkas lagi.',
  },
  'import.progressDamaged': {
    en: () => 'The progress reference is damaged: upload the file again.',
    th: () => 'ข้อมูลอ้างอิงความคืบหน้าเสียหาย โปรดอัปโหลดไฟล์อีกครั้ง',
    id: () => 'Rujukan kemajuan rusak: unggah berkas lagi.',
  },
  'import.formDamaged': {
    en: () => 'The import form was altered or damaged: upload the file again.',
    th: () => 'แบบฟอร์มนำเข้าถูกแก้ไขหรือเสียหาย โปรดอัปโหลดไฟล์อีกครั้ง',
    id: () => 'Formulir impor diubah atau rusak: unggah berkas lagi.',
  },
  'import.signIn': { en: () => 'Sign in first.', th: () => 'โปรดลงชื่อเข้าใช้ก่อน', id: () => 'Masuk terlebih dahulu.' },
  'import.notWriter': {
    en: () => 'Only editors and analysts import assessments.',
    th: () => 'เฉพาะบรรณาธิการและนักวิเคราะห์เท่านั้นที่นำเข้าการประเมินได้',
    id: () => 'Hanya editor dan analis yang mengimpor penilaian.',
  },
} satisfies Record<string, Words>;

/** A stable reason code of a refusal. */
export type MessageCode = keyof typeof MESSAGES;

/** A refusal as the services and forms carry it: the code, its parameters and the English message. */
export interface CodedMessage {
  code?: string | null;
  params?: MessageParams | null;
  message: string;
}

/** Whether `code` is one of the table's. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** The words of a reason code in `locale`. */
export function messageText(locale: Locale, code: MessageCode, params: MessageParams = {}): string {
  return MESSAGES[code][locale](params);
}

/** English messages that travel without their code (Astro's input checks), by their text. */
const BY_ENGLISH = new Map<string, MessageCode>(
  (['import.fileMissing', 'import.fileDamaged', 'import.fileTooLarge', 'import.digestDamaged', 'import.progressDamaged', 'import.signIn', 'import.notWriter'] as const).map((code) => [messageText('en', code), code]),
);

/**
 * Refusal reasons the workspace's rules give in English, in Thai and Indonesian, so a Thai
 * reviewer reads why a button is disabled or an item was left as it was. Unknown reasons are
 * shown as they are.
 */
const REASONS: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  'you cannot review an assessment you wrote': { th: 'คุณเป็นผู้เขียนการประเมินนี้เอง', id: 'Anda menulis penilaian ini sendiri' },
  'you cannot review an assessment you edited or submitted': { th: 'คุณเป็นผู้แก้ไขหรือส่งตรวจการประเมินนี้', id: 'Anda menyunting atau mengajukan penilaian ini' },
  'only reviewers publish or return assessments': { th: 'เฉพาะผู้ตรวจทานเท่านั้นที่เผยแพร่หรือส่งกลับการประเมินได้', id: 'hanya peninjau yang menerbitkan atau mengembalikan penilaian' },
  'you cannot review a treaty import you prepared': { th: 'คุณเป็นผู้เตรียมการนำเข้านี้เอง', id: 'Anda menyiapkan impor ini sendiri' },
  'only reviewers approve or reject treaty imports': { th: 'เฉพาะผู้ตรวจทานเท่านั้นที่อนุมัติหรือปฏิเสธการนำเข้าสนธิสัญญาได้', id: 'hanya peninjau yang menyetujui atau menolak impor perjanjian' },
  'say what must change before it can be published': { th: 'โปรดระบุสิ่งที่ต้องแก้ไขก่อนจึงจะเผยแพร่ได้', id: 'sebutkan apa yang harus diubah sebelum bisa diterbitkan' },
  'say what must change before they can be published': { th: 'โปรดระบุสิ่งที่ต้องแก้ไขก่อนจึงจะเผยแพร่ได้', id: 'sebutkan apa yang harus diubah sebelum bisa diterbitkan' },
  'your session has ended: sign in again': { th: 'เซสชันของคุณสิ้นสุดแล้ว โปรดลงชื่อเข้าใช้อีกครั้ง', id: 'sesi Anda berakhir: masuk lagi' },
  'choose at least one role': { th: 'เลือกบทบาทอย่างน้อยหนึ่งบทบาท', id: 'Pilih paling sedikit satu peran' },
  'enter the person’s name': { th: 'กรอกชื่อของผู้ใช้', id: 'Isi nama orang itu' },
  'you cannot disable your own account': { th: 'คุณปิดใช้งานบัญชีของตนเองไม่ได้', id: 'Anda tidak dapat menonaktifkan akun sendiri' },
  'you cannot remove your own admin role: ask another administrator': { th: 'คุณถอดบทบาทผู้ดูแลระบบของตนเองไม่ได้ โปรดขอให้ผู้ดูแลระบบคนอื่นดำเนินการ', id: 'Anda tidak dapat mencabut peran admin Anda sendiri: minta administrator lain' },
  'enter your current password': { th: 'กรอกรหัสผ่านปัจจุบัน', id: 'Masukkan kata sandi Anda saat ini' },
  'the two new passwords are not the same': { th: 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน', id: 'Kedua kata sandi baru tidak sama' },
  'the current password is not right': { th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', id: 'Kata sandi saat ini salah' },
  'the password is blank: use letters, digits or symbols, not only spaces': { th: 'รหัสผ่านว่างเปล่า โปรดใช้ตัวอักษร ตัวเลข หรือสัญลักษณ์ ไม่ใช่ช่องว่างอย่างเดียว', id: 'Kata sandi kosong: gunakan huruf, angka, atau simbol, bukan hanya spasi' },
  'the password is one of the most commonly used passwords: choose one that is harder to guess': { th: 'รหัสผ่านนี้เป็นหนึ่งในรหัสผ่านที่ใช้กันมากที่สุด โปรดเลือกรหัสที่เดายากกว่านี้', id: 'Kata sandi ini termasuk yang paling sering dipakai: pilih yang lebih sulit ditebak' },
  'the password repeats the same characters: choose one that is harder to guess': { th: 'รหัสผ่านซ้ำตัวอักษรเดิม โปรดเลือกรหัสที่เดายากกว่านี้', id: 'Kata sandi mengulang karakter yang sama: pilih yang lebih sulit ditebak' },
  'the password is built on the name of this site or its subject: choose one that is harder to guess': { th: 'รหัสผ่านสร้างจากชื่อหรือเรื่องของเว็บไซต์นี้ โปรดเลือกรหัสที่เดายากกว่านี้', id: 'Kata sandi dibuat dari nama situs ini atau pokok bahasannya: pilih yang lebih sulit ditebak' },
  'the password contains your e-mail address or name: choose one that is harder to guess': { th: 'รหัสผ่านมีอีเมลหรือชื่อของคุณอยู่ โปรดเลือกรหัสที่เดายากกว่านี้', id: 'Kata sandi memuat alamat e-mail atau nama Anda: pilih yang lebih sulit ditebak' },
  'choose how often you want a digest': { th: 'เลือกความถี่ของอีเมลสรุปงาน', id: 'Pilih seberapa sering Anda ingin menerima ringkasan' },
  'choose the language of your messages': { th: 'เลือกภาษาของข้อความที่คุณจะได้รับ', id: 'Pilih bahasa pesan Anda' },
  'the password has a control character in it: use only characters you can type': { th: 'รหัสผ่านมีอักขระควบคุม โปรดใช้เฉพาะอักขระที่พิมพ์ได้', id: 'Kata sandi berisi karakter kontrol: gunakan hanya karakter yang bisa diketik' },
};

/** Refusals that carry a number, as patterns. */
const REASON_PATTERNS: { pattern: RegExp; text: Record<Exclude<Locale, 'en'>, (m: RegExpExecArray) => string> }[] = [
  { pattern: /^the password is too short: use at least (\d+) characters$/, text: { th: (m) => `รหัสผ่านสั้นเกินไป โปรดใช้อย่างน้อย ${m[1]} ตัวอักษร`, id: (m) => `Kata sandi terlalu pendek: gunakan paling sedikit ${m[1]} karakter` } },
  { pattern: /^the password is too long: use at most (\d+) characters$/, text: { th: (m) => `รหัสผ่านยาวเกินไป โปรดใช้ไม่เกิน ${m[1]} ตัวอักษร`, id: (m) => `Kata sandi terlalu panjang: gunakan paling banyak ${m[1]} karakter` } },
];

/** A refusal reason or message in `locale` (first letter and final stop as given), or the message itself when it is not known. */
function reasonText(locale: Locale, message: string): string {
  if (locale === 'en') return message;
  const key = message.trim().replace(/\.$/, '');
  const lower = `${key[0]?.toLowerCase() ?? ''}${key.slice(1)}`;
  const known = REASONS[lower];
  if (known) return known[locale];
  for (const { pattern, text } of REASON_PATTERNS) {
    const match = pattern.exec(lower);
    if (match) return text[locale](match);
  }
  return message;
}

/**
 * A refusal in `locale`: English pages keep the message as sent; other languages get the
 * code's words, or for a message without a code the known sentence's translation
 * (`reasonText`), the message itself only when nothing knows it.
 */
export function refusalText(locale: Locale, refusal: CodedMessage): string {
  if (locale === 'en') return refusal.message;
  if (isMessageCode(refusal.code)) return messageText(locale, refusal.code, refusal.params ?? {});
  const known = BY_ENGLISH.get(refusal.message.trim());
  if (known) return messageText(locale, known);
  return reasonText(locale, refusal.message);
}

/** What each audit action did, as a person names it. */
const AUDIT_ACTIONS: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  'api_token.create': { th: 'สร้างโทเค็น API', id: 'membuat token API' },
  'api_token.revoke': { th: 'เพิกถอนโทเค็น API', id: 'mencabut token API' },
  'assessment.create': { th: 'สร้างฉบับร่างการประเมิน', id: 'membuat draf penilaian' },
  'assessment.create_and_submit': { th: 'สร้างการประเมินและส่งตรวจทาน', id: 'membuat penilaian dan mengirimnya untuk ditinjau' },
  'assessment.update': { th: 'แก้ไขการประเมิน', id: 'menyunting penilaian' },
  'assessment.submit': { th: 'ส่งการประเมินตรวจทาน', id: 'mengirim penilaian untuk ditinjau' },
  'assessment.publish': { th: 'เผยแพร่การประเมิน', id: 'menerbitkan penilaian' },
  'assessment.return': { th: 'ส่งการประเมินกลับไปแก้ไข', id: 'mengembalikan penilaian untuk diubah' },
  'auth.login.success': { th: 'ลงชื่อเข้าใช้', id: 'masuk' },
  'auth.login.failure': { th: 'ลงชื่อเข้าใช้ไม่สำเร็จ', id: 'gagal masuk' },
  'auth.login.refused': { th: 'ปฏิเสธการลงชื่อเข้าใช้', id: 'masuk ditolak' },
  'auth.logout': { th: 'ออกจากระบบ', id: 'keluar' },
  'auth.refused': { th: 'ปฏิเสธคำขอ', id: 'permintaan ditolak' },
  'auth.password_change.failure': { th: 'เปลี่ยนรหัสผ่านไม่สำเร็จ', id: 'gagal mengubah kata sandi' },
  'auth.password_change.refused': { th: 'ปฏิเสธการเปลี่ยนรหัสผ่าน', id: 'perubahan kata sandi ditolak' },
  'content.retract': { th: 'ลบข้อมูลที่นำออกจากไฟล์เนื้อหาแล้ว', id: 'menghapus data yang sudah dikeluarkan dari berkas konten' },
  'digest.sent': { th: 'ส่งอีเมลสรุปงาน', id: 'mengirim ringkasan e-mail' },
  'digest.failed': { th: 'ส่งอีเมลสรุปงานไม่สำเร็จ', id: 'gagal mengirim ringkasan e-mail' },
  'import.apply': { th: 'นำเข้าไฟล์ CSV', id: 'menerapkan impor CSV' },
  'indicator_value.create': { th: 'บันทึกค่าตัวชี้วัด', id: 'mencatat nilai indikator' },
  'measure.create': { th: 'สร้างฉบับร่างมาตรการ', id: 'membuat draf langkah' },
  'measure.create_and_submit': { th: 'สร้างมาตรการและส่งตรวจทาน', id: 'membuat langkah dan mengirimnya untuk ditinjau' },
  'measure.update': { th: 'แก้ไขมาตรการ', id: 'menyunting langkah' },
  'measure.submit': { th: 'ส่งมาตรการตรวจทาน', id: 'mengirim langkah untuk ditinjau' },
  'measure.publish': { th: 'เผยแพร่มาตรการ', id: 'menerbitkan langkah' },
  'measure.return': { th: 'ส่งมาตรการกลับไปแก้ไข', id: 'mengembalikan langkah untuk diubah' },
  'participation.create': { th: 'บันทึกการดำเนินการตามสนธิสัญญา', id: 'mencatat tindakan perjanjian' },
  'participation.update': { th: 'แก้ไขการดำเนินการตามสนธิสัญญา', id: 'mengubah tindakan perjanjian' },
  'treaty_import.prepare': { th: 'เตรียมการนำเข้าสถานะสนธิสัญญา', id: 'menyiapkan impor status perjanjian' },
  'treaty_import.approve': { th: 'อนุมัติการนำเข้าสถานะสนธิสัญญา', id: 'menyetujui impor status perjanjian' },
  'treaty_import.reject': { th: 'ปฏิเสธการนำเข้าสถานะสนธิสัญญา', id: 'menolak impor status perjanjian' },
  'user.create': { th: 'สร้างบัญชีผู้ใช้', id: 'membuat akun' },
  'user.access_change': { th: 'เปลี่ยนบทบาทและภาคี', id: 'mengubah peran dan pihak' },
  'user.disable': { th: 'ปิดใช้งานบัญชี', id: 'menonaktifkan akun' },
  'user.enable': { th: 'เปิดใช้งานบัญชีอีกครั้ง', id: 'mengaktifkan akun lagi' },
  'user.unlock': { th: 'ปลดล็อกบัญชี', id: 'membuka kunci akun' },
  'user.password_change': { th: 'เปลี่ยนรหัสผ่าน', id: 'mengubah kata sandi' },
  'user.password_reset': { th: 'ตั้งรหัสผ่านใหม่ให้ผู้ใช้', id: 'mengatur ulang kata sandi' },
  'user.digest_preference': { th: 'เปลี่ยนการตั้งค่าอีเมลสรุปงาน', id: 'mengubah pilihan ringkasan e-mail' },
};

/** Each kind of record an audit row is about. */
const RECORD_TYPES: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  api_token: { th: 'โทเค็น API', id: 'token API' },
  assessment: { th: 'การประเมิน', id: 'penilaian' },
  command: { th: 'คำสั่ง', id: 'perintah' },
  import: { th: 'การนำเข้า CSV', id: 'impor CSV' },
  indicator_value: { th: 'ค่าตัวชี้วัด', id: 'nilai indikator' },
  measure: { th: 'มาตรการ', id: 'langkah' },
  participation: { th: 'การดำเนินการตามสนธิสัญญา', id: 'tindakan perjanjian' },
  request: { th: 'คำขอ', id: 'permintaan' },
  treaty_import: { th: 'การนำเข้าสถานะสนธิสัญญา', id: 'impor status perjanjian' },
  user: { th: 'บัญชีผู้ใช้', id: 'akun' },
};

/** An audit action's name in `locale`; null on English pages (the code is the name there) and for a code not in the table. */
export function auditActionName(locale: Locale, action: string): string | null {
  return locale === 'en' ? null : (AUDIT_ACTIONS[action]?.[locale] ?? null);
}

/** A record type's name in `locale`; the stored type itself on English pages and for a type not in the table. */
export function recordTypeName(locale: Locale, type: string): string {
  return locale === 'en' ? type : (RECORD_TYPES[type]?.[locale] ?? type);
}

/** Every audit action and record type that has names (for tests). */
export const NAMED_AUDIT_ACTIONS = Object.keys(AUDIT_ACTIONS);
export const NAMED_RECORD_TYPES = Object.keys(RECORD_TYPES);

/**
 * A refused form in `locale`: its message from its code (see `refusalText`), and each field's
 * problem, so that the summary and the words beside the field agree.
 */
export function localizeRefusal<T extends CodedMessage & { errors: Record<string, string> }>(locale: Locale, error: T | null): T | null {
  if (!error || locale === 'en') return error;
  const message = refusalText(locale, error);
  const errors = Object.fromEntries(Object.entries(error.errors).map(([field, problem]) => [field, problem === error.message ? message : refusalText(locale, { message: problem })]));
  return { ...error, message, errors };
}
