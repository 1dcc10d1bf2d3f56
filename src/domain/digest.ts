/**
 * E-mail digests, the pure part: who gets which digest when, which period a digest covers,
 * which commitments are due, and the message itself (subject with counts, plain text and
 * simple HTML) in the reader's language. No I/O: src/lib/server/mail/ gathers the items and
 * sends the messages.
 */
import { addDays } from './dates';
import { isOverdue } from './scoring';
import type { Role, Status } from './vocabulary';

/** How often a user wants their digest; `none` for no digest. */
export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** The languages a digest is written in. */
export const DIGEST_LOCALES = ['en', 'th'] as const;
export type DigestLocale = (typeof DIGEST_LOCALES)[number];
/** A commitment is "due soon" when its due date falls within this many days from today. */
export const DUE_SOON_DAYS = 30;

/** A user's stored choice, or null when they never chose. */
export interface MailPreference {
  digestFrequency: DigestFrequency;
  locale: DigestLocale;
}

/**
 * The digest a user gets: their own choice; with none made, reviewers get the daily digest
 * of the review queue and everyone else none.
 */
export function effectiveFrequency(preference: MailPreference | null, roles: readonly Role[]): DigestFrequency {
  if (preference) return preference.digestFrequency;
  return roles.includes('reviewer') ? 'daily' : 'none';
}

/** The language of a user's messages: their choice, else English. */
export function effectiveLocale(preference: MailPreference | null): DigestLocale {
  return preference?.locale ?? 'en';
}

/** The period a digest sent on `today` (YYYY-MM-DD, UTC) covers: the day, or the ISO week (`2026-W49`). */
export function digestPeriod(frequency: 'daily' | 'weekly', today: string): string {
  if (frequency === 'daily') return today;
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this ISO week decides its year.
  const thursday = new Date(date.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Whether a commitment belongs in a digest on `today`: `overdue` by the public site's rule
 * (its due date has passed and its latest status is neither complete nor not applicable),
 * `due_soon` when the same rule would call it overdue {@link DUE_SOON_DAYS} days from now,
 * else null.
 */
export function commitmentUrgency(dueOn: string | null, status: Status | undefined, today: string): 'overdue' | 'due_soon' | null {
  if (isOverdue(dueOn, status, today)) return 'overdue';
  if (isOverdue(dueOn, status, addDays(today, DUE_SOON_DAYS + 1))) return 'due_soon';
  return null;
}

/** An unpublished assessment in a digest. */
export interface DigestAssessment {
  id: number;
  partySlug: string;
  partyName: string;
  commitmentCode: string;
  commitmentTitle: string;
  authorName: string;
  /** The reviewer's comment on a returned item. */
  reviewComment: string | null;
}

/** A commitment of one of the user's parties that is overdue or due soon. */
export interface DigestCommitment {
  partySlug: string;
  partyName: string;
  code: string;
  title: string;
  dueOn: string;
  urgency: 'overdue' | 'due_soon';
  /** The latest published status, or null when not rated. */
  status: Status | null;
}

/** Everything one user's digest lists, already limited to what they may see and act on. */
export interface DigestContent {
  drafts: DigestAssessment[];
  returned: DigestAssessment[];
  toReview: DigestAssessment[];
  commitments: DigestCommitment[];
}

/** How many items a digest holds in all. */
export function countDigestItems(content: DigestContent): number {
  return content.drafts.length + content.returned.length + content.toReview.length + content.commitments.length;
}

/** A composed message. */
export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

export interface ComposeOptions {
  locale: DigestLocale;
  frequency: 'daily' | 'weekly';
  /** The site's public origin, e.g. `https://monitor.example` (no trailing slash). */
  origin: string;
  recipientName: string;
  today: string;
}

const STRINGS = {
  en: {
    site: 'Bangkok Joint Statement Monitor',
    digest: { daily: 'Daily digest', weekly: 'Weekly digest' },
    counts: {
      drafts: (n: number) => `${n} ${n === 1 ? 'draft' : 'drafts'}`,
      returned: (n: number) => `${n} returned`,
      toReview: (n: number) => `${n} to review`,
      commitments: (n: number) => `${n} ${n === 1 ? 'commitment' : 'commitments'} due`,
    },
    hello: (name: string) => `Hello ${name},`,
    intro: (today: string) => `this is what is yours to do in the staff workspace on ${today} (UTC).`,
    drafts: 'Drafts not yet submitted',
    returned: 'Returned to you for changes',
    toReview: 'Waiting for your review',
    commitments: 'Commitments of your parties overdue or due within 30 days',
    by: 'by',
    comment: 'Reviewer’s comment',
    overdue: 'overdue since',
    dueSoon: 'due',
    notRated: 'not rated',
    status: 'latest status',
    queue: 'Open the review queue',
    footer: (url: string) => `You get this digest because of the choice on your account page: ${url}`,
    statuses: {
      no_evidence: 'no evidence',
      not_started: 'not started',
      limited: 'limited',
      substantial: 'substantial',
      complete: 'complete',
      not_applicable: 'not applicable',
    } satisfies Record<Status, string>,
  },
  th: {
    site: 'ระบบติดตามแถลงการณ์ร่วมกรุงเทพฯ',
    digest: { daily: 'สรุปงานประจำวัน', weekly: 'สรุปงานประจำสัปดาห์' },
    counts: {
      drafts: (n: number) => `ฉบับร่าง ${n} รายการ`,
      returned: (n: number) => `ส่งกลับ ${n} รายการ`,
      toReview: (n: number) => `รอตรวจ ${n} รายการ`,
      commitments: (n: number) => `พันธกรณีถึงกำหนด ${n} รายการ`,
    },
    hello: (name: string) => `เรียน ${name}`,
    intro: (today: string) => `งานของท่านในพื้นที่ทำงานของเจ้าหน้าที่ ณ วันที่ ${today} (UTC) มีดังนี้`,
    drafts: 'ฉบับร่างที่ยังไม่ได้ส่ง',
    returned: 'รายการที่ถูกส่งกลับให้แก้ไข',
    toReview: 'รายการที่รอท่านตรวจ',
    commitments: 'พันธกรณีของภาคีของท่านที่เกินกำหนดหรือจะถึงกำหนดภายใน 30 วัน',
    by: 'โดย',
    comment: 'ความเห็นของผู้ตรวจ',
    overdue: 'เกินกำหนดตั้งแต่',
    dueSoon: 'กำหนด',
    notRated: 'ยังไม่ได้ประเมิน',
    status: 'สถานะล่าสุด',
    queue: 'เปิดคิวการตรวจ',
    footer: (url: string) => `ท่านได้รับสรุปนี้ตามที่เลือกไว้ในหน้าบัญชีของท่าน: ${url}`,
    statuses: {
      no_evidence: 'ไม่มีหลักฐาน',
      not_started: 'ยังไม่เริ่ม',
      limited: 'จำกัด',
      substantial: 'ก้าวหน้ามาก',
      complete: 'เสร็จสมบูรณ์',
      not_applicable: 'ไม่เกี่ยวข้อง',
    } satisfies Record<Status, string>,
  },
} as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The subject line: the site, the digest and the count of each kind of item (kinds with none left out). */
export function digestSubject(content: DigestContent, locale: DigestLocale, frequency: 'daily' | 'weekly'): string {
  const s = STRINGS[locale];
  const parts = [
    content.drafts.length ? s.counts.drafts(content.drafts.length) : null,
    content.returned.length ? s.counts.returned(content.returned.length) : null,
    content.toReview.length ? s.counts.toReview(content.toReview.length) : null,
    content.commitments.length ? s.counts.commitments(content.commitments.length) : null,
  ].filter((p): p is string => p !== null);
  return `${s.digest[frequency]}: ${parts.join(', ')}`;
}

interface Line {
  /** The item's title line. */
  title: string;
  /** A second line of detail, or null. */
  detail: string | null;
  url: string;
}

/**
 * The message for one user, or null when there is nothing to do (no message is sent then).
 * Every link is absolute, on `origin`; the HTML escapes every stored text.
 */
export function composeDigest(content: DigestContent, options: ComposeOptions): DigestMessage | null {
  if (countDigestItems(content) === 0) return null;
  const s = STRINGS[options.locale];
  // A Thai digest's links open the workspace in Thai (`/th/workspace/…`), like its words.
  const origin = `${options.origin.replace(/\/+$/, '')}${options.locale === 'th' ? '/th' : ''}`;
  const assessmentLine = (a: DigestAssessment, withComment: boolean): Line => ({
    title: `${a.partySlug.toUpperCase()} · ${a.commitmentCode} ${a.commitmentTitle}`,
    detail: withComment && a.reviewComment ? `${s.comment}: ${a.reviewComment}` : `${a.partyName}, ${s.by} ${a.authorName}`,
    url: `${origin}/workspace/assessments/${a.id}`,
  });
  const sections: { heading: string; lines: Line[]; after?: { label: string; url: string } }[] = [
    { heading: s.drafts, lines: content.drafts.map((a) => assessmentLine(a, false)) },
    { heading: s.returned, lines: content.returned.map((a) => assessmentLine(a, true)) },
    { heading: s.toReview, lines: content.toReview.map((a) => assessmentLine(a, false)), after: { label: s.queue, url: `${origin}/workspace/review` } },
    {
      heading: s.commitments,
      lines: content.commitments.map((c) => ({
        title: `${c.partySlug.toUpperCase()} · ${c.code} ${c.title}`,
        detail: `${c.urgency === 'overdue' ? s.overdue : s.dueSoon} ${c.dueOn}; ${s.status}: ${c.status ? s.statuses[c.status] : s.notRated}`,
        url: `${origin}/workspace/parties/${encodeURIComponent(c.partySlug)}#commitment-${encodeURIComponent(c.code)}`,
      })),
    },
  ].filter((section) => section.lines.length > 0);
  const accountUrl = `${origin}/workspace/account#digest`;
  const subject = digestSubject(content, options.locale, options.frequency);

  const text = [
    s.hello(options.recipientName),
    s.intro(options.today),
    '',
    ...sections.flatMap((section) => [
      `${section.heading} (${section.lines.length})`,
      '-'.repeat(Math.min(section.heading.length + 4, 72)),
      ...section.lines.flatMap((line) => [`* ${line.title}`, ...(line.detail ? [`  ${line.detail}`] : []), `  ${line.url}`]),
      ...(section.after ? [`${section.after.label}: ${section.after.url}`] : []),
      '',
    ]),
    '-- ',
    s.site,
    s.footer(accountUrl),
    '',
  ].join('\n');

  const lang = options.locale === 'th' ? 'th' : 'en';
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em">',
    `<p>${escapeHtml(s.hello(options.recipientName))}<br>${escapeHtml(s.intro(options.today))}</p>`,
    ...sections.map(
      (section) =>
        `<h2 style="font-size:1.1em">${escapeHtml(section.heading)} (${section.lines.length})</h2><ul>` +
        section.lines
          .map((line) => `<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a>${line.detail ? `<br><span style="color:#555">${escapeHtml(line.detail)}</span>` : ''}</li>`)
          .join('') +
        '</ul>' +
        (section.after ? `<p><a href="${escapeHtml(section.after.url)}">${escapeHtml(section.after.label)}</a></p>` : ''),
    ),
    `<hr><p style="color:#555;font-size:0.9em">${escapeHtml(s.site)}<br>${escapeHtml(s.footer('')).replace(/:\s*$/, '')}: <a href="${escapeHtml(accountUrl)}">${escapeHtml(accountUrl)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
