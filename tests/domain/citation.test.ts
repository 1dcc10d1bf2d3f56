/** Ready citations: the three forms carry the permalink and both days; BibTeX and RIS stay well-formed whatever the title holds. */
import { describe, expect, it } from 'vitest';
import { buildCitation, escapeBibtex, replaceViewedDay, type CitationInput } from '../../src/domain/citation';

const input: CitationInput = {
  title: 'Thailand: BJS-1 Keep scams on the national agenda',
  monitor: 'Bangkok Joint Statement Monitor',
  dataDay: '2026-06-02',
  url: 'https://monitor.example/assessments/7?as_of=2026-06-02',
  viewedOn: '2026-12-05',
  language: 'en',
  words: { dataAsOf: 'Data as published on', viewed: 'Viewed' },
  key: 'bjsm-assessment-7',
};

describe('buildCitation', () => {
  it('writes plain text with the monitor, title, data day, permalink and viewed day', () => {
    expect(buildCitation(input).text).toBe(
      'Bangkok Joint Statement Monitor. “Thailand: BJS-1 Keep scams on the national agenda.” Data as published on 2026-06-02. https://monitor.example/assessments/7?as_of=2026-06-02. Viewed 2026-12-05.',
    );
  });

  it('writes a BibTeX @misc entry with a corporate author, the permalink and urldate', () => {
    const bibtex = buildCitation(input).bibtex;
    expect(bibtex.split('\n')[0]).toBe('@misc{bjsm-assessment-7-2026-06-02,');
    expect(bibtex).toContain('author = {{Bangkok Joint Statement Monitor}},');
    expect(bibtex).toContain('url = {https://monitor.example/assessments/7?as_of=2026-06-02},');
    expect(bibtex).toContain('year = {2026},');
    expect(bibtex).toContain('urldate = {2026-12-05},');
    expect(bibtex.endsWith('}')).toBe(true);
  });

  it('writes RIS with one tag per line, ending in ER', () => {
    const lines = buildCitation({ ...input, title: 'Two\nlines' }).ris.split('\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines).toContain('TI  - Two lines');
    expect(lines).toContain('UR  - https://monitor.example/assessments/7?as_of=2026-06-02');
    expect(lines).toContain('DA  - 2026/06/02');
    expect(lines).toContain('Y2  - 2026/12/05');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
  });

  it('escapes what TeX would read as commands or unbalanced braces, and keeps Thai', () => {
    expect(escapeBibtex('50% & {x} #1 $_^~\\')).toBe('50\\% \\& \\{x\\} \\#1 \\$\\_\\textasciicircum{}\\textasciitilde{}\\textbackslash{}');
    const bibtex = buildCitation({ ...input, title: 'ไทย: 100% } done', key: 'bad key!' }).bibtex;
    expect(bibtex).toContain('title = {{ไทย: 100\\% \\} done}},');
    expect(bibtex.split('\n')[0]).toBe('@misc{bad-key-2026-06-02,');
  });
});

describe('replaceViewedDay', () => {
  it('moves only the viewed day, never the permalink day, even when they are the same day', () => {
    const same = buildCitation({ ...input, viewedOn: '2026-06-02' });
    const text = replaceViewedDay('text', same.text, '2026-06-02', '2026-12-07');
    expect(text).toContain('as_of=2026-06-02');
    expect(text).toContain('Data as published on 2026-06-02');
    expect(text.endsWith('Viewed 2026-12-07.')).toBe(true);
    const bibtex = replaceViewedDay('bibtex', same.bibtex, '2026-06-02', '2026-12-07');
    expect(bibtex).toContain('urldate = {2026-12-07}');
    expect(bibtex).toContain('date = {2026-06-02}');
    const ris = replaceViewedDay('ris', same.ris, '2026-06-02', '2026-12-07');
    expect(ris).toContain('Y2  - 2026/12/07');
    expect(ris).toContain('DA  - 2026/06/02');
    expect(ris).toContain('as_of=2026-06-02');
  });
});
