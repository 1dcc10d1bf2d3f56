/**
 * Ready citations of a page: plain text, BibTeX and RIS, from the page's title, the monitor's
 * name, the day whose data it shows, its permalink (`?as_of=` that day) and the day it was
 * viewed. Pure: the Cite-this box (src/components/CiteBox.astro) renders them, and its script
 * only swaps the viewed day for the reader's own (`replaceViewedDay`).
 *
 * Dates are ISO (`YYYY-MM-DD`) in every form, Thai included: a Buddhist-era year in a citation
 * would be misread by anyone who pastes it into a reference manager.
 */

/** What a citation is made of. */
export interface CitationInput {
  /** The page's title, as its heading says it. */
  title: string;
  /** The publisher and corporate author: "Bangkok Joint Statement Monitor". */
  monitor: string;
  /** The day whose published data the page shows (`YYYY-MM-DD`). */
  dataDay: string;
  /** The absolute permalink that shows that day forever. */
  url: string;
  /** The day the reader viewed it (`YYYY-MM-DD`). */
  viewedOn: string;
  /** BCP 47 language of the page (`en`, `th`). */
  language: string;
  /** Words of the plain-text form: "Data as published on", "Viewed". */
  words: { dataAsOf: string; viewed: string };
  /** A short, stable key for BibTeX (letters, digits, hyphens), e.g. `bjsm-assessment-42`. */
  key: string;
}

/** The three forms of one citation. */
export interface Citation {
  text: string;
  bibtex: string;
  ris: string;
}

/** Escapes BibTeX's special characters in a field value (braces kept balanced, TeX commands inert). */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}%&#$_^~]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${c}`;
    }
  });
}

/** A RIS field value on one line (RIS is line-based: a line break would start a new tag). */
function risValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A key BibTeX accepts: letters, digits and hyphens, the day appended. */
function bibtexKey(key: string, day: string): string {
  const safe = key.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'bjsm';
  return `${safe}-${day}`;
}

/** The plain-text, BibTeX and RIS forms of a citation. */
export function buildCitation(input: CitationInput): Citation {
  const { title, monitor, dataDay, url, viewedOn, language, words } = input;
  const text = `${monitor}. “${title}.” ${words.dataAsOf} ${dataDay}. ${url}. ${words.viewed} ${viewedOn}.`;
  const bibtex = [
    `@misc{${bibtexKey(input.key, dataDay)},`,
    `  author = {{${escapeBibtex(monitor)}}},`,
    `  title = {{${escapeBibtex(title)}}},`,
    `  publisher = {${escapeBibtex(monitor)}},`,
    `  year = {${dataDay.slice(0, 4)}},`,
    `  date = {${dataDay}},`,
    `  url = {${url}},`,
    `  urldate = {${viewedOn}},`,
    `  language = {${language}},`,
    `  note = {${escapeBibtex(`${words.dataAsOf} ${dataDay}`)}}`,
    '}',
  ].join('\n');
  const slashed = (day: string) => day.replace(/-/g, '/');
  const ris = [
    'TY  - ELEC',
    `AU  - ${risValue(monitor)}`,
    `TI  - ${risValue(title)}`,
    `PB  - ${risValue(monitor)}`,
    `PY  - ${dataDay.slice(0, 4)}`,
    `DA  - ${slashed(dataDay)}`,
    `UR  - ${url}`,
    `Y2  - ${slashed(viewedOn)}`,
    `LA  - ${language}`,
    `N1  - ${risValue(`${words.dataAsOf} ${dataDay}`)}`,
    'ER  - ',
  ].join('\n');
  return { text, bibtex, ris };
}

/**
 * A citation form with its viewed day replaced (the box's script does this in the reader's
 * browser, so that a page cached since an earlier day cites the day it is read). Only the
 * viewed day moves: the permalink's day stays.
 */
export function replaceViewedDay(form: keyof Citation, value: string, from: string, to: string): string {
  if (form === 'bibtex') return value.replace(`urldate = {${from}}`, `urldate = {${to}}`);
  if (form === 'ris') return value.replace(`Y2  - ${from.replace(/-/g, '/')}`, `Y2  - ${to.replace(/-/g, '/')}`);
  const at = value.lastIndexOf(from);
  return at === -1 ? value : `${value.slice(0, at)}${to}${value.slice(at + from.length)}`;
}
