/**
 * Translations of seeded data (content/translations/<locale>/*.yaml): the file schema, and how
 * each translated field is tied to the English it restates. Pure: no I/O.
 *
 * A file translates one kind of entity into the language its folder is named after:
 *
 *   machineAssisted: true          # drafted with a tool (shown as such in the data)
 *   entity: commitment
 *   entries:
 *     BJS-1:
 *       title: …
 *       summary: …
 *
 * A source's note (the `note` beside a fact's source: why a row is inferred, what was not
 * checked) has no key of its own, and one note often serves many rows: a notes file lists
 * each English note once with its translation, and the row's key is a hash of the English.
 *
 *   machineAssisted: true
 *   entity: source_note
 *   notes:
 *     - en: The sixth ratification, which triggered entry into force.
 *       text: …
 *
 * An indicator value's period label ("2025, to 17 December") is free text too, often shared by
 * several values: a period-labels file lists each English label once, keyed the same way.
 *
 *   machineAssisted: true
 *   entity: period_label
 *   labels:
 *     - en: Cumulative to November 2024
 *       text: …
 *
 * Each row keeps the English it was made from (`source`), so that a page never shows a
 * translation of text that has since changed; a note whose English is no longer in the
 * content is a problem, like a key that is gone.
 */
import { z } from 'zod';
import type { SeedContent } from './content-schema';

export const TRANSLATED_ENTITIES = [
  'party',
  'instrument',
  'commitment',
  'conference',
  'measure',
  'open_question',
  'indicator',
  'source_note',
  'period_label',
  'instrument_detail',
  'assessment',
  'research_note',
  'measure_commitment',
  'domestic_step',
  'treaty_statement',
] as const;
export type TranslatedEntity = (typeof TRANSLATED_ENTITIES)[number];

const translatedText = z.string().trim().min(1).max(4000);

export const translationsFileSchema = z.union([
  z.strictObject({
    machineAssisted: z.boolean(),
    entity: z.enum(TRANSLATED_ENTITIES).exclude(['source_note', 'period_label']),
    entries: z.record(z.string().min(1), z.record(z.string().min(1), translatedText)),
  }),
  z.strictObject({
    machineAssisted: z.boolean(),
    entity: z.literal('source_note'),
    notes: z.array(z.strictObject({ en: translatedText, text: translatedText })),
  }),
  z.strictObject({
    machineAssisted: z.boolean(),
    entity: z.literal('period_label'),
    labels: z.array(z.strictObject({ en: translatedText, text: translatedText })),
  }),
]);
export type TranslationsFile = z.infer<typeof translationsFileSchema>;

/** The key of a source note's or period label's row: FNV-1a (64-bit) of its English, in hex. */
export function sourceNoteKey(en: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(en)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** Every `note` string anywhere in the content (sources' notes sit at several depths). */
function collectNotes(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectNotes(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'note' && typeof item === 'string') into.add(item);
      else collectNotes(item, into);
    }
  }
  return into;
}

/** One translated field, ready to store. */
export interface TranslationRow {
  entity: TranslatedEntity;
  entityKey: string;
  field: string;
  locale: string;
  text: string;
  source: string;
  machineAssisted: boolean;
}

/** The English text of every translatable field of the content: entity → key → field → English. */
export function englishSources(content: SeedContent): Map<TranslatedEntity, Map<string, Record<string, string>>> {
  const sources = new Map<TranslatedEntity, Map<string, Record<string, string>>>(TRANSLATED_ENTITIES.map((e) => [e, new Map()]));
  const put = (entity: TranslatedEntity, key: string, fields: Record<string, string | undefined>) => {
    const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    sources.get(entity)!.set(key, defined);
  };
  for (const p of content.parties) put('party', p.slug, { name: p.nameEn });
  for (const i of content.instruments) {
    put('instrument', i.slug, { title: i.titleEn, shortName: i.shortName, summary: i.summaryEn });
    // Apart from `instrument`, whose rows feed the search index per language (migration 0012),
    // which would index an English title for Thai once a Thai row of the entity exists.
    put('instrument_detail', i.slug, { adoptedPlace: i.adoptedPlace, eifRuleNote: i.entryIntoForce?.ruleNote });
    for (const c of i.commitments) put('commitment', c.code, { title: c.titleEn, summary: c.summaryEn });
  }
  for (const c of content.conferences) put('conference', c.slug, { name: c.nameEn, place: c.placeEn, summary: c.summaryEn, countNote: c.countNote });
  for (const m of content.measures) {
    put('measure', m.id, { title: m.titleEn, summary: m.summaryEn, disputed: m.disputed });
    // How the measure serves each commitment, keyed `<measure id>/<commitment code>`.
    for (const c of m.commitments) if (c.noteEn) put('measure_commitment', `${m.id}/${c.code}`, { note: c.noteEn });
  }
  // A seeded assessment's narrative, by the assessment's key; a later version staff publish has
  // English of its own, which no row restates, so it shows in English until translated anew.
  for (const a of content.assessments) put('assessment', a.key, { narrative: a.narrativeEn });
  // A step at home on the way to a deposit, keyed `<party>/<instrument>/<step>`.
  for (const d of content.domesticSteps) put('domestic_step', `${d.party}/${d.instrument}/${d.step}`, { summary: d.summaryEn });
  // A reservation or declaration made with a treaty action, keyed `<instrument>/<party>/<action>/<article>`.
  for (const i of content.instruments) {
    for (const p of i.participations) {
      for (const st of [...p.reservations, ...p.declarations]) put('treaty_statement', `${i.slug}/${p.party}/${p.action}/${st.article}`, { summary: st.summaryEn });
    }
  }
  // A party's research note, and each thing looked for and not found (`notFound1`, `notFound2`, … in order).
  for (const r of content.researchNotes) put('research_note', r.party, { note: r.noteEn, ...Object.fromEntries(r.notFound.map((n, i) => [`notFound${i + 1}`, n.en])) });
  for (const q of content.openQuestions) put('open_question', q.key, { question: q.questionEn, known: q.knownEn });
  for (const i of content.indicators) put('indicator', i.slug, { name: i.nameEn });
  for (const note of collectNotes(content, new Set())) put('source_note', sourceNoteKey(note), { note });
  for (const i of content.indicators) for (const v of i.values) put('period_label', sourceNoteKey(v.periodLabel), { label: v.periodLabel });
  return sources;
}

/**
 * The rows of one translations file, each tied to its English source; a key the content does
 * not have, or a field the entity has no English for, is a problem (named with its path).
 */
export function translationRows(
  file: TranslationsFile,
  locale: string,
  sources: ReturnType<typeof englishSources>,
): { rows: TranslationRow[]; problems: string[] } {
  const rows: TranslationRow[] = [];
  const problems: string[] = [];
  const known = sources.get(file.entity)!;
  if (file.entity === 'source_note' || file.entity === 'period_label') {
    // Both list each English text once, keyed by its hash.
    const [list, field, what] = file.entity === 'source_note' ? (['notes', 'note', 'source note'] as const) : (['labels', 'label', 'period label'] as const);
    const items = file.entity === 'source_note' ? file.notes : file.labels;
    const seen = new Set<string>();
    items.forEach(({ en, text }, index) => {
      const key = sourceNoteKey(en);
      if (!known.has(key)) problems.push(`${list}[${index}]: no ${what} in the content reads “${en.slice(0, 80)}${en.length > 80 ? '…' : ''}” (changed or removed: translate the new English)`);
      else if (seen.has(key)) problems.push(`${list}[${index}]: the ${what} “${en.slice(0, 80)}” is translated twice`);
      else rows.push({ entity: file.entity, entityKey: key, field, locale, text, source: en, machineAssisted: file.machineAssisted });
      seen.add(key);
    });
    return { rows, problems };
  }
  for (const [key, fields] of Object.entries(file.entries)) {
    const english = known.get(key);
    if (!english) {
      problems.push(`entries.${key}: no ${file.entity} “${key}” in the content`);
      continue;
    }
    for (const [field, text] of Object.entries(fields)) {
      const source = english[field];
      if (source === undefined) {
        problems.push(`entries.${key}.${field}: a ${file.entity} has no English “${field}” to translate (fields: ${Object.keys(english).join(', ')})`);
        continue;
      }
      rows.push({ entity: file.entity, entityKey: key, field, locale, text, source, machineAssisted: file.machineAssisted });
    }
  }
  return { rows, problems };
}
