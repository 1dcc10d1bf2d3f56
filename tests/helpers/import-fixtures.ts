/** Helpers for importer tests: a content checksum of the written tables, synthetic commitments, and filled-in spreadsheets. */
import { parse } from 'csv-parse/sync';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../../db/client';
import { commitments, instruments, participations } from '../../db/schema';
import { decodeCell, encodeCell } from '../../src/domain/assessment-csv';

/** SHA-256 over every row of the tables an import writes (assessments, evidence, audit log), in rowid order. */
export async function writtenTablesChecksum(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of ['assessments', 'evidence', 'audit_log']) {
    const result = await db.$client.execute(`SELECT * FROM ${table} ORDER BY rowid`);
    parts.push(table, JSON.stringify(result.rows.map((row) => result.columns.map((c) => row[c]))));
  }
  return encodeHexLowerCase(sha256(new TextEncoder().encode(parts.join('\n'))));
}

/** Adds a synthetic instrument with `count` commitments that apply to every party joining it, and has `partySlugs` join it. */
export async function addSyntheticCommitments(db: Database, slug: string, count: number, partySlugs: readonly string[]): Promise<string[]> {
  const source = { sourceUrl: 'https://example.org/synthetic', sourcePublisher: 'importer test fixture', confidence: 'inferred' as const };
  await db.insert(instruments).values({
    slug,
    shortName: slug.toUpperCase(),
    titleEn: `Synthetic instrument ${slug}`,
    titleTh: `ตราสารสังเคราะห์ ${slug}`,
    summaryEn: 'Importer test fixture.',
    summaryTh: 'ข้อมูลทดสอบ',
    type: 'declaration',
    legalForce: 'political',
    adoptedOn: '2025-01-01',
    adoptedPlace: 'Bangkok',
    sortOrder: 999,
    ...source,
  });
  const codes = Array.from({ length: count }, (_, i) => `${slug.toUpperCase()}-${i + 1}`);
  for (let i = 0; i < codes.length; i += 400) {
    await db.insert(commitments).values(
      codes.slice(i, i + 400).map((code, j) => ({
        code,
        instrumentSlug: slug,
        reference: `para ${i + j + 1}`,
        titleEn: `Synthetic commitment ${i + j + 1}`,
        titleTh: `พันธกรณีสังเคราะห์ ${i + j + 1}`,
        summaryEn: 'Importer test fixture.',
        summaryTh: 'ข้อมูลทดสอบ',
        theme: 'capacity_building' as const,
        applicability: 'all_parties' as const,
        sortOrder: i + j,
        ...source,
      })),
    );
  }
  await db.insert(participations).values(partySlugs.map((partySlug) => ({ partySlug, instrumentSlug: slug, action: 'endorsement' as const, actedOn: '2025-01-02', ...source })));
  return codes;
}

/** A spreadsheet's records (header first), cells decoded. */
export function readRecords(text: string): string[][] {
  return (parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).map((r) => r.map(decodeCell));
}

/** Writes decoded records back as the exporter would (BOM, CRLF, escaping). */
export function writeRecords(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(encodeCell).join(',')).join('\r\n')}\r\n`;
}

/** Changes each data row for which `fill` returns cell values (by column name); leaves the others. */
export function editRows(text: string, fill: (row: Record<string, string>, index: number) => Record<string, string> | null): string {
  const [header, ...rows] = readRecords(text);
  let index = 0;
  const edited = rows.map((cells) => {
    const byName = Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? '']));
    const patch = fill(byName, index++);
    if (!patch) return cells;
    return header!.map((name) => (name in patch ? patch[name]! : byName[name]!));
  });
  return writeRecords([header!, ...edited]);
}

/** Cell values for a complete new assessment (row `n`, Thai and English text, one piece of evidence). */
export function newAssessmentCells(n: number): Record<string, string> {
  return {
    status: n % 3 === 0 ? 'limited' : n % 3 === 1 ? 'substantial' : 'complete',
    as_of: '2026-03-01',
    narrative: `Progress report ${n}: the task force met, "minutes" published;\nsee the annex. =SUM(A1) stays text.`,
    narrative_th: `รายงานความคืบหน้า ${n}: คณะทำงานประชุมแล้ว`,
    evidence_1_url: `https://www.example.go.th/report/${n}`,
    evidence_1_title: `Report ${n}`,
    evidence_1_publisher: 'Ministry of Foreign Affairs',
    evidence_1_date: '2026-02-20',
    evidence_1_grade: 'official',
  };
}
