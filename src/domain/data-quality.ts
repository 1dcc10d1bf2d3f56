/**
 * The rules every fact row in content/ must meet beyond its shape, as pure checks.
 *
 * A fact is `confirmed` only when the exact page that states it is cited: a row with no source
 * can be `reported` or `inferred` at most, and no row may cite a publisher's home page. An
 * `inferred` row gives its reasoning in a note. A row is never checked in the future. The CLI
 * (`npm run data:check`, db/data-check-cli.ts) runs a list of such checkers and fails on any
 * violation, naming the file and the row.
 */
import type { SeedContent } from './content-schema';
import type { Confidence } from './vocabulary';

/** One broken rule, located well enough for an editor to find the row. */
export interface DataViolation {
  /** Path under content/, e.g. `instruments/un-convention-against-cybercrime.yaml`. */
  file: string;
  /** The row inside the file, e.g. `participations[aze signature]`. */
  row: string;
  field: string;
  message: string;
}

/** A checker takes the loaded content and returns every violation it finds. */
export type DataChecker = (content: SeedContent, today: string) => DataViolation[];

/**
 * Whether `url` names an exact page rather than a site's front door: a path of `/`, nothing,
 * a bare language code (`/en`, `/th/`) or an index file, with no query, is a home page.
 */
export function isExactSource(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.search.length > 1) return true;
  const path = parsed.pathname.replace(/\/+$/, '');
  return !(path === '' || /^\/[a-z]{2}(-[a-z]{2})?$/i.test(path) || /^\/index\.(html?|php|aspx?)$/i.test(path));
}

/** Whether a consent action sourced to `url` is recorded by the depositary (its site is one of `hosts`). */
export function isDepositarySource(url: string | null | undefined, hosts: readonly string[]): boolean {
  if (!url || hosts.length === 0 || !isExactSource(url)) return false;
  const host = new URL(url).hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

interface FactLike {
  source?: { url: string; publisher: string } | undefined;
  confidence: Confidence;
  note?: string | undefined;
  checkedOn: string;
}

/** The rules for one fact row. */
function checkRow(file: string, row: string, fact: FactLike, today: string): DataViolation[] {
  const out: DataViolation[] = [];
  if (fact.confidence === 'confirmed' && !fact.source) {
    out.push({ file, row, field: 'confidence', message: 'a row without a source cannot be confirmed' });
  } else if (fact.source && !isExactSource(fact.source.url)) {
    out.push({ file, row, field: 'source.url', message: `a home page (${fact.source.url}) is not an exact source; cite the page that states the fact, or leave the fact out` });
  }
  if (fact.confidence === 'inferred' && !fact.note?.trim()) {
    out.push({ file, row, field: 'note', message: 'an inferred row must give its reasoning in a note' });
  }
  if (fact.checkedOn > today) {
    out.push({ file, row, field: 'checkedOn', message: `checked on ${fact.checkedOn}, which is after today (${today})` });
  }
  return out;
}

/** Checks every fact row under content/: provenance, reasoning and last-checked dates. */
export function checkFacts(content: SeedContent, today: string = new Date().toISOString().slice(0, 10)): DataViolation[] {
  const out: DataViolation[] = [];
  for (const p of content.parties) out.push(...checkRow(p.file, `parties[${p.slug}]`, p, today));
  for (const i of content.instruments) {
    out.push(...checkRow(i.file, '(instrument)', i, today));
    if (i.entryIntoForce && !i.depositary) {
      out.push({ file: i.file, row: '(instrument)', field: 'depositary', message: 'an instrument with an entry-into-force rule must name its depositary, or no deposit can count' });
    }
    for (const c of i.commitments) out.push(...checkRow(i.file, `commitments[${c.code}]`, c, today));
    for (const p of i.participations) {
      const row = `participations[${p.party} ${p.action}]`;
      out.push(...checkRow(i.file, row, p, today));
      if (p.notificationRef && !p.source) {
        out.push({ file: i.file, row, field: 'source', message: 'a row with a depositary notification must cite where it was read' });
      }
    }
  }
  const seenValues = new Map<string, string>();
  for (const ind of content.indicators) {
    for (const v of ind.values) {
      const row = `${ind.slug}[${v.periodLabel}]`;
      out.push(...checkRow('indicators.yaml', row, v, today));
      // One observation belongs to one series: the same figure, period and page under two
      // indicators is a copying slip (a loss in baht counted as a number of complaints).
      const key = `${v.value}|${v.periodEnd}|${v.source?.url ?? ''}`;
      const other = seenValues.get(key);
      if (other && other !== ind.slug) {
        out.push({ file: 'indicators.yaml', row, field: 'value', message: `the same value, period and source are recorded under "${other}" too; an observation belongs to one indicator` });
      } else seenValues.set(key, ind.slug);
    }
  }
  for (const c of content.conferences) out.push(...checkRow('conferences.yaml', `conferences[${c.slug}]`, c, today));
  for (const s of content.domesticSteps) {
    out.push(...checkRow('domestic-steps.yaml', `steps[${s.party} ${s.instrument} ${s.step}]`, s, today));
  }
  for (const q of content.openQuestions) {
    if (q.checkedOn > today) out.push({ file: 'open-questions.yaml', row: `questions[${q.key}]`, field: 'checkedOn', message: `checked on ${q.checkedOn}, which is after today (${today})` });
  }
  return out;
}

/** Runs every checker and returns their violations, in checker order. */
export function runDataCheckers(checkers: readonly DataChecker[], content: SeedContent, today: string): DataViolation[] {
  return checkers.flatMap((check) => check(content, today));
}

/** One line per violation: `file: row: field: message`. */
export function formatViolation(v: DataViolation): string {
  return `${v.file}: ${v.row}: ${v.field}: ${v.message}`;
}
