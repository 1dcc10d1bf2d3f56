/** Thai text in the content counts years in the Buddhist era, as the site's Thai dates do. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const CONTENT = join(import.meta.dirname, '../../content');

/**
 * A common-era year standing alone in Thai prose (1950–2049). Not one marked "ค.ศ." (the official
 * title of a foreign law or of the Bangkok Joint Statement keeps its own year, labelled), nor part
 * of an ISO date, a number or a document symbol.
 */
export function bareCommonEraYears(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\d,./:\-A-Za-z])(19[5-9]\d|20[0-4]\d)(?![\d,/]|\.\d|-\d)/g)) {
    if (/ค\.ศ\.\s*(\d{4}\s*[–-]\s*)?$/.test(text.slice(0, m.index))) continue;
    found.push(m[1]!);
  }
  return found;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** Every Thai string in a parsed file: values of `…Th` fields, and translations' `text`. */
function thaiStrings(value: unknown, thaiFile: boolean, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => thaiStrings(v, thaiFile, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (typeof v === 'string' && (/Th$/.test(key) || (thaiFile && key === 'text'))) out.push([at, v]);
      else thaiStrings(v, thaiFile, at, out);
    }
  }
}

describe('Thai years in the content', () => {
  it('finds a bare common-era year and leaves labelled years, ISO dates and numbers alone', () => {
    expect(bareCommonEraYears('ประกาศใช้เมื่อ 21 พฤษภาคม 2025 แทนกฎหมายปี 2023')).toEqual(['2025', '2023']);
    expect(bareCommonEraYears('พระราชบัญญัติ ค.ศ. 2025 และ พ.ศ. 2569–2578 (ค.ศ. 2026–2035)')).toEqual([]);
    expect(bareCommonEraYears('เมื่อ 2025-10-25 ราว 10,500 คน มติ 79/243 เลขที่ 32451')).toEqual([]);
  });

  it('every Thai narrative, summary, title and note writes its years in the Buddhist era', () => {
    const strings: [string, string][] = [];
    for (const file of yamlFiles(CONTENT)) {
      const name = relative(CONTENT, file);
      thaiStrings(parse(readFileSync(file, 'utf8')), name.startsWith('translations/th/'), name, strings);
    }
    expect(strings.length).toBeGreaterThan(500);
    const offending = strings.filter(([, text]) => bareCommonEraYears(text).length > 0).map(([at]) => at);
    expect(offending).toEqual([]);
  });
});
