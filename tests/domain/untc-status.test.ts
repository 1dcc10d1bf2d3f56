/**
 * Reading the UN Treaty Collection's status table (copied text and XML), matching the UN's
 * participant names to parties, and the diff against stored treaty actions. The fixture
 * tests/fixtures/untc-xviii-16.txt is the seed's Hanoi signature list as the UN would print
 * it, with footnote and marker variants, one unknown name, one changed date and one row
 * (Canada) left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { normaliseParticipantName } from '../../src/domain/untc-aliases';
import {
  countDiff,
  createParticipantMatcher,
  diffUntcStatus,
  parseUntcDate,
  parseUntcStatus,
  parseUntcText,
  parseUntcXml,
  toDiffJson,
  type StoredAction,
} from '../../src/domain/untc-status';

const content = loadContent();
const match = createParticipantMatcher(content.parties.map((p) => ({ slug: p.slug, nameEn: p.nameEn, iso3: p.iso3 ?? null })));
const uncc = content.instruments.find((i) => i.slug === 'un-convention-against-cybercrime')!;
const stored: StoredAction[] = uncc.participations.map((p) => ({ partySlug: p.party, action: p.action, actedOn: p.date ?? null }));
const text = readFileSync('tests/fixtures/untc-xviii-16.txt', 'utf8');

describe('dates', () => {
  it('reads the UN form and refuses what is not a calendar date', () => {
    expect(parseUntcDate('25 Oct 2025')).toBe('2025-10-25');
    expect(parseUntcDate('3 March 2026')).toBe('2026-03-03');
    expect(parseUntcDate('31 Feb 2026')).toBeNull();
    expect(parseUntcDate('2025-10-25')).toBeNull();
    expect(parseUntcDate('25 Okt 2025')).toBeNull();
  });
});

describe('the copied table', () => {
  const table = parseUntcText(text);

  it('reads every participant line, passes over the headings, and finds no errors', () => {
    expect(table.errors).toEqual([]);
    expect(table.rows).toHaveLength(74);
    expect(table.skipped.map((s) => s.line)).toEqual([1, 2, 4]);
  });

  it('separates footnote numbers from names (with or without a space)', () => {
    const row = (name: string) => table.rows.find((r) => r.participant === name);
    expect(row('Azerbaijan')).toMatchObject({ footnotes: [3], signature: '2025-10-25', consent: null });
    expect(row('European Union')).toMatchObject({ footnotes: [4] });
    expect(row("Lao People's Democratic Republic")).toMatchObject({ footnotes: [2, 5] });
  });

  it('reads the markers: none ratification, A acceptance, AA approval, a accession (also from a tab row with an empty signature)', () => {
    const row = (name: string) => table.rows.find((r) => r.participant === name)!;
    expect(row('Qatar').consent).toEqual({ action: 'ratification', date: '2026-01-12' });
    expect(row('Nauru').consent).toEqual({ action: 'acceptance', date: '2026-02-05' });
    expect(row('Palau').consent).toEqual({ action: 'approval', date: '2026-03-02' });
    expect(row('Singapore')).toMatchObject({ signature: null, consent: { action: 'accession', date: '2026-03-03' } });
  });

  it('places a lone date by its marker when spaces have collapsed the empty cell', () => {
    const t = parseUntcText('Ruritania    1 Feb 2026 d\nGrand Fenwick    2 Feb 2026\nOz    3 Feb 2026    4 Feb 2026 AA');
    expect(t.rows.map((r) => [r.signature, r.consent])).toEqual([
      [null, { action: 'succession', date: '2026-02-01' }],
      ['2026-02-02', null],
      ['2026-02-03', { action: 'approval', date: '2026-02-04' }],
    ]);
  });

  it('passes over a withdrawn participant (name in brackets), saying so', () => {
    const t = parseUntcText('[Ruritania 4]    1 Feb 2026    2 Mar 2026\nOz    3 Feb 2026');
    expect(t.rows.map((r) => r.participant)).toEqual(['Oz']);
    expect(t.skipped).toEqual([{ line: 1, text: '[Ruritania 4]: withdrawn (name in brackets); record the withdrawal by hand' }]);
  });

  it('names the line and the cell that is not a date, and a marker on a signature', () => {
    const t = parseUntcText('Chile    25 Oct 2025\nPeru    25 Oct 20255\nOz\t25 Oct 2025 a\t\n');
    expect(t.rows).toHaveLength(1);
    expect(t.errors).toEqual([
      { line: 2, message: 'Peru: "25 Oct 20255" is not a date like 25 Oct 2025 (with an optional marker a, A, AA or d)', code: 'untc.badDate', params: { participant: 'Peru', value: '25 Oct 20255' } },
      { line: 3, message: 'Oz: the signature date has a marker "a"; markers belong to the last column', code: 'untc.signatureMarker', params: { participant: 'Oz', marker: 'a' } },
    ]);
  });
});

describe('names', () => {
  it('normalises case, diacritics, apostrophes and footnote numbers', () => {
    expect(normaliseParticipantName('TÜRKIYE 3')).toBe('turkiye');
    expect(normaliseParticipantName('Côte d’Ivoire')).toBe(normaliseParticipantName("Cote d'Ivoire"));
  });

  it.each([
    ['Iran (Islamic Republic of)', 'irn'],
    ['Czech Republic', 'cze'],
    ['Czechia', 'cze'],
    ['Türkiye', 'tur'],
    ['Turkey', 'tur'],
    ['European Union', 'eu'],
    ["Democratic People's Republic of Korea", 'prk'],
    ["Lao People's Democratic Republic", 'lao'],
    ['Viet Nam', 'vnm'],
    ["Côte d'Ivoire", 'civ'],
    ['United Republic of Tanzania', 'tza'],
    ['Venezuela (Bolivarian Republic of)', 'ven'],
    ['Russian Federation', 'rus'],
    ['United Kingdom of Great Britain and Northern Ireland', 'gbr'],
    ['State of Palestine', 'pse'],
    ['Democratic Republic of the Congo', 'cod'],
    ['thailand', 'tha'],
  ])('%s is %s', (name, slug) => expect(match(name)).toBe(slug));

  it('matches nothing for a name no party has, nor an alias whose party is not in the database', () => {
    expect(match('Atlantis')).toBeNull();
    expect(match('Bolivia (Plurinational State of)')).toBeNull();
    expect(match('Congo')).toBeNull();
  });
});

describe('the diff against the seed', () => {
  const diff = diffUntcStatus(parseUntcStatus(text), stored, match);

  it('prints exactly the expected entries, in order', () => {
    expect(toDiffJson(diff)).toEqual([
      { party: 'nru', action: 'acceptance', date: '2026-02-05', change: 'added' },
      { party: 'plw', action: 'approval', date: '2026-03-02', change: 'added' },
      { party: 'qat', action: 'ratification', date: '2026-01-12', change: 'added' },
      { party: 'sgp', action: 'accession', date: '2026-03-03', change: 'added' },
      { party: 'uga', action: 'signature', date: '2025-10-25', change: 'changed' },
      { party: 'mus', action: 'signature', date: '2025-11-19', change: 'missing' },
      { party: 'Atlantis', action: 'signature', date: '2025-10-25', change: 'unknown_party' },
    ]);
    expect(countDiff(diff)).toEqual({ added: 4, changed: 1, missing: 1, unknown_party: 1 });
  });

  it('keeps the stored date of a changed row and the UN name', () => {
    expect(diff.find((d) => d.party === 'uga')).toMatchObject({ previousDate: '2025-10-26', participant: 'Uganda' });
  });

  it('is empty when the table says what the database says', () => {
    const same: StoredAction[] = [{ partySlug: 'tha', action: 'signature', actedOn: '2025-10-25' }, { partySlug: 'tha', action: 'membership', actedOn: null }];
    expect(diffUntcStatus(parseUntcText('Thailand 7    25 Oct 2025'), same, match)).toEqual([]);
  });
});

describe('XML', () => {
  it('reads the CALS table (entities, CDATA, a superscript footnote, empty cells)', () => {
    const table = parseUntcStatus(readFileSync('tests/fixtures/untc-xviii-16.xml', 'utf8'));
    expect(table).toMatchObject({ format: 'xml', errors: [] });
    expect(table.skipped).toHaveLength(1);
    expect(table.rows.map((r) => [match(r.participant), r.footnotes, r.signature, r.consent?.action ?? null, r.consent?.date ?? null])).toEqual([
      ['aze', [3], '2025-10-25', null, null],
      ['civ', [], '2025-10-25', null, null],
      ['irn', [], '2025-10-25', null, null],
      ['qat', [], '2025-10-25', 'ratification', '2026-01-12'],
      ['sgp', [], null, 'accession', '2026-03-03'],
      ['tur', [], '2025-10-25', null, null],
      ['vnm', [], '2025-10-25', null, null],
    ]);
  });

  it('reads the documented <Participant> shape and HTML rows', () => {
    const xml = `<status><Row><Participant>Viet Nam</Participant><Signature>25 Oct 2025</Signature><Ratification>2 Apr 2026 AA</Ratification></Row>
      <table><tr><td>Peru</td><td>25 Oct 2025</td><td></td></tr></table></status>`;
    const table = parseUntcXml(xml);
    expect(table.errors).toEqual([]);
    expect(table.rows.map((r) => [r.participant, r.signature, r.consent])).toEqual([
      ['Viet Nam', '2025-10-25', { action: 'approval', date: '2026-04-02' }],
      ['Peru', '2025-10-25', null],
    ]);
  });

  it('says what is wrong with broken or foreign XML', () => {
    expect(parseUntcXml('<Table><Row><Entry>Peru</Row></Table>').errors[0]!.message).toBe('the XML closes <row> where <entry> is open');
    expect(parseUntcXml('<feed><entry>x</entry></feed>').errors[0]!.message).toMatch(/^no table rows found/);
  });
});
