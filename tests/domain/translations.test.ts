/** Translations of seeded data: tying each to its English source, and reading them with an English fallback. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { localText, NO_TRANSLATIONS } from '../../src/i18n/data-text';
import { englishSources, sourceNoteKey, translationRows } from '../../src/domain/translation-content';

describe('translationRows', () => {
  const content = loadContent();
  const sources = englishSources(content);

  it('ties each field to the English it restates', () => {
    const { rows, problems } = translationRows({ machineAssisted: true, entity: 'commitment', entries: { 'BJS-1': { title: 'Judul' } } }, 'id', sources);
    expect(problems).toEqual([]);
    const bjs1 = content.instruments.flatMap((i) => i.commitments).find((c) => c.code === 'BJS-1')!;
    expect(rows).toEqual([{ entity: 'commitment', entityKey: 'BJS-1', field: 'title', locale: 'id', text: 'Judul', source: bjs1.titleEn, machineAssisted: true }]);
  });

  it('names an unknown key and a field with no English', () => {
    const { rows, problems } = translationRows({ machineAssisted: false, entity: 'party', entries: { zzz: { name: 'X' }, tha: { summary: 'Y' } } }, 'id', sources);
    expect(rows).toEqual([]);
    expect(problems).toEqual(['entries.zzz: no party “zzz” in the content', 'entries.tha.summary: a party has no English “summary” to translate (fields: name)']);
  });

  it('the seeded Indonesian covers every party, instrument and commitment, all marked machine-assisted', () => {
    const id = (content.translations ?? []).filter((t) => t.locale === 'id');
    const has = (entity: string, key: string, field: string) => id.some((t) => t.entity === entity && t.entityKey === key && t.field === field);
    for (const p of content.parties) expect(has('party', p.slug, 'name'), p.slug).toBe(true);
    for (const i of content.instruments) {
      for (const field of ['title', 'shortName', 'summary']) expect(has('instrument', i.slug, field), `${i.slug} ${field}`).toBe(true);
      for (const c of i.commitments) for (const field of ['title', 'summary']) expect(has('commitment', c.code, field), `${c.code} ${field}`).toBe(true);
    }
    expect(id.every((t) => t.machineAssisted)).toBe(true);
  });

  it('the seeded Indonesian restates every narrative, research note, open question, measure and note on a commitment, machine-assisted', () => {
    const id = (content.translations ?? []).filter((t) => t.locale === 'id');
    const translated = new Set(id.map((t) => `${t.entity}|${t.entityKey}|${t.field}|${t.source}`));
    const missing: string[] = [];
    for (const entity of ['assessment', 'research_note', 'open_question', 'measure', 'measure_commitment', 'domestic_step', 'treaty_statement'] as const) {
      for (const [key, fields] of sources.get(entity)!) {
        for (const [field, english] of Object.entries(fields)) if (!translated.has(`${entity}|${key}|${field}|${english}`)) missing.push(`${entity} ${key} ${field}`);
      }
    }
    expect(missing).toEqual([]);
    expect(sources.get('assessment')!.size).toBeGreaterThanOrEqual(160);
    expect(id.every((t) => t.machineAssisted)).toBe(true);
  });

  it('ties a source note to its English by a hash, and names a note the content no longer has', () => {
    const note = 'The sixth ratification, which triggered entry into force.';
    const { rows, problems } = translationRows({ machineAssisted: true, entity: 'source_note', notes: [{ en: note, text: 'การให้สัตยาบันครั้งที่หก' }, { en: 'A note since reworded.', text: 'X' }] }, 'th', sources);
    expect(rows).toEqual([{ entity: 'source_note', entityKey: sourceNoteKey(note), field: 'note', locale: 'th', text: 'การให้สัตยาบันครั้งที่หก', source: note, machineAssisted: true }]);
    expect(problems).toEqual(['notes[1]: no source note in the content reads “A note since reworded.” (changed or removed: translate the new English)']);
    expect(sourceNoteKey(note)).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceNoteKey(note)).not.toBe(sourceNoteKey(`${note} `));
  });

  it("ties an assessment's narrative, a research note's findings and a measure's note on a commitment to their English", () => {
    const tha1 = content.assessments.find((a) => a.key === 'tha-bjs-1-lead-agency')!;
    const research = content.researchNotes.find((r) => r.party === 'tha')!;
    const aoc = content.measures.find((m) => m.id === 'tha-aoc-1441-2023')!;
    const mapping = aoc.commitments.find((c) => c.noteEn)!;
    const files = [
      { machineAssisted: true, entity: 'assessment', entries: { 'tha-bjs-1-lead-agency': { narrative: 'N' } } },
      { machineAssisted: true, entity: 'research_note', entries: { tha: { note: 'R', notFound2: 'F' } } },
      { machineAssisted: true, entity: 'measure_commitment', entries: { [`tha-aoc-1441-2023/${mapping.code}`]: { note: 'M' } } },
    ] as const;
    const sourcesOf = files.map((file) => translationRows(file, 'id', sources)).flatMap(({ rows, problems }) => (expect(problems).toEqual([]), rows.map((r) => r.source)));
    expect(sourcesOf).toEqual([tha1.narrativeEn, research.noteEn, research.notFound[1]!.en, mapping.noteEn]);
    // A notFound item past the list's end, or a commitment the measure does not serve, is named.
    expect(translationRows({ machineAssisted: true, entity: 'research_note', entries: { tha: { [`notFound${research.notFound.length + 1}`]: 'X' } } }, 'id', sources).problems).toHaveLength(1);
    expect(translationRows({ machineAssisted: true, entity: 'measure_commitment', entries: { 'tha-aoc-1441-2023/UNCC-99': { note: 'X' } } }, 'id', sources).problems).toHaveLength(1);
  });

  it('the seeded Thai and Indonesian restate every source note in the content, machine-assisted', () => {
    const notes = [...sources.get('source_note')!.values()].map((fields) => fields.note!);
    expect(notes.length).toBeGreaterThan(100);
    for (const locale of ['th', 'id']) {
      const rows = (content.translations ?? []).filter((t) => t.locale === locale && t.entity === 'source_note');
      const translated = new Set(rows.map((t) => t.source));
      expect(notes.filter((note) => !translated.has(note)), locale).toEqual([]);
      expect(rows.every((t) => t.machineAssisted)).toBe(true);
    }
  });

  it('ties a period label to its English by a hash, and names a label the content no longer has or translates twice', () => {
    const label = '2025, to 17 December';
    const { rows, problems } = translationRows(
      { machineAssisted: true, entity: 'period_label', labels: [{ en: label, text: 'ปี 2568 ถึงวันที่ 17 ธ.ค.' }, { en: '2025, to 18 December', text: 'X' }, { en: label, text: 'Y' }] },
      'th',
      sources,
    );
    expect(rows).toEqual([{ entity: 'period_label', entityKey: sourceNoteKey(label), field: 'label', locale: 'th', text: 'ปี 2568 ถึงวันที่ 17 ธ.ค.', source: label, machineAssisted: true }]);
    expect(problems).toEqual([
      'labels[1]: no period label in the content reads “2025, to 18 December” (changed or removed: translate the new English)',
      'labels[2]: the period label “2025, to 17 December” is translated twice',
    ]);
    // A period label is not a source note: the two lists are checked against their own English.
    expect(translationRows({ machineAssisted: true, entity: 'source_note', notes: [{ en: label, text: 'X' }] }, 'th', sources).problems).toHaveLength(1);
  });

  it('the seeded Thai and Indonesian restate every period label in the content, machine-assisted, Thai years in the Buddhist era', () => {
    const labels = [...new Set(content.indicators.flatMap((i) => i.values.map((v) => v.periodLabel)))];
    expect(labels).toContain('2025, to 17 December');
    for (const locale of ['th', 'id']) {
      const rows = (content.translations ?? []).filter((t) => t.locale === locale && t.entity === 'period_label');
      const translated = new Set(rows.map((t) => t.source));
      expect(labels.filter((label) => !translated.has(label)), locale).toEqual([]);
      expect(rows.every((t) => t.machineAssisted)).toBe(true);
    }
    // Every Gregorian year of a label is its Buddhist-era year (543 later) in the Thai, and no Gregorian year is left.
    for (const row of (content.translations ?? []).filter((t) => t.locale === 'th' && t.entity === 'period_label')) {
      const years = (text: string) => [...text.matchAll(/\b(19|20|25)\d\d\b/g)].map((m) => Number(m[0]));
      expect(years(row.text), row.source).toEqual(years(row.source).map((y) => y + 543));
    }
  });
});

describe('localText', () => {
  const id = { locale: 'id' as const, bySource: new Map([['Thailand', 'Thailand'], ['Philippines', 'Filipina']]) };
  it('English and Thai come from the columns', () => {
    expect(localText('en', id, 'Philippines', 'ฟิลิปปินส์')).toEqual({ text: 'Philippines', lang: 'en' });
    expect(localText('th', id, 'Philippines', 'ฟิลิปปินส์')).toEqual({ text: 'ฟิลิปปินส์', lang: 'th' });
    expect(localText('th', id, 'Philippines', null)).toEqual({ text: 'Philippines', lang: 'en' });
  });
  it('Thai without a column comes from the translations, and only while the English is unchanged', () => {
    const th = { locale: 'th' as const, bySource: new Map([['Signed the closing statement.', 'ลงนามในถ้อยแถลงปิดการประชุม']]) };
    expect(localText('th', th, 'Signed the closing statement.')).toEqual({ text: 'ลงนามในถ้อยแถลงปิดการประชุม', lang: 'th' });
    expect(localText('th', th, 'Signed the closing statement!')).toEqual({ text: 'Signed the closing statement!', lang: 'en' });
    // The Thai column wins where there is one; another language's table is never read for Thai.
    expect(localText('th', th, 'Signed the closing statement.', 'ลงนามแล้ว')).toEqual({ text: 'ลงนามแล้ว', lang: 'th' });
    expect(localText('th', id, 'Philippines')).toEqual({ text: 'Philippines', lang: 'en' });
  });
  it('another language comes from the translations, found by the English; English marked where there is none', () => {
    expect(localText('id', id, 'Philippines')).toEqual({ text: 'Filipina', lang: 'id' });
    expect(localText('id', id, 'Philippines (changed)')).toEqual({ text: 'Philippines (changed)', lang: 'en' });
    expect(localText('id', NO_TRANSLATIONS, 'Philippines')).toEqual({ text: 'Philippines', lang: 'en' });
  });
});
