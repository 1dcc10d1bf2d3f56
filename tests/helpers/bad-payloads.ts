/**
 * Generators (fast-check arbitraries) of realistic bad requests to the staff write API:
 * wrong types, missing fields, oversized and control-character strings, unknown statuses,
 * impossible dates, dangerous URLs, huge numbers, prototype-pollution keys, deep nesting,
 * non-JSON bodies and wrong content types. Every payload is built from a valid one, may be
 * dressed with valid-but-nasty values (HTML and script in text, odd casing, Thai, emoji),
 * and always carries at least one breaking change, applied last, so that no payload can be
 * accepted: the server must answer each with a 4xx and write nothing.
 */
import fc from 'fast-check';
import { ASSESSORS, EVIDENCE_GRADES, STATUSES } from '../../src/domain/vocabulary';

/** A request body: a JSON value, or raw bytes with the content type to send them with. */
export type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; body: string | Uint8Array<ArrayBuffer>; contentType: string | null };

type Obj = Record<string, unknown>;
type Mutation = (value: Obj) => Obj;

/** An object with `key` as an own property, even `__proto__` (as JSON.parse makes it). */
function withOwn(value: Obj, key: string, member: unknown): Obj {
  const copy: Obj = JSON.parse(JSON.stringify(value));
  Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
  return copy;
}

const set = (key: string, member: unknown): Mutation => (value) => withOwn(value, key, member);
const drop = (key: string): Mutation => (value) => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};

// ----------------------------------------------------------------------------------------
// Values

/** Strings an attacker or a careless program might send: markup, script, injections. */
export const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE assessments; --",
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '../../../../etc/passwd',
  '\u202Eevil.exe',
  'ไทย <b>ตัวหนา</b> &amp; &lt;',
  '😀😀😀😀😀😀😀😀😀😀',
  'javascript:alert(document.cookie)',
  '<svg/onload=alert(1)>',
] as const;

const nasty = fc.constantFrom(...NASTY);
/** Text that is valid (long enough, no control characters) but full of markup. */
const nastyText = (prefix: string) => fc.tuple(nasty, fc.string({ maxLength: 40 })).map(([n, s]) => `${prefix} ${n} ${s.replace(/[\u0000-\u001F\u007F]/g, '')}`);

const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 53, 2 ** 64, -(2 ** 63), 1e21, 123456789012345678901234567890, 5e-324);

/** Wrong JSON types for a field; `allow` lists the types that would be valid there. */
function wrongType(allow: { null?: boolean; boolean?: boolean; number?: boolean; string?: boolean; array?: boolean } = {}) {
  const options: fc.Arbitrary<unknown>[] = [fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })];
  if (!allow.null) options.push(fc.constant(null));
  if (!allow.boolean) options.push(fc.boolean());
  if (!allow.number) options.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), hugeNumber);
  if (!allow.string) options.push(fc.string({ maxLength: 20 }), nasty);
  if (!allow.array) options.push(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }));
  return fc.oneof(...options);
}

/** Anything but a string, for text fields. */
const notText = wrongType({ string: true });
/** Anything but a number, for `version`. */
const notNumber = wrongType({ number: true });

/** A string that is not one of `values` (case and spacing variants included). */
const notOneOf = (values: readonly string[]) =>
  fc
    .oneof(
      fc.string({ maxLength: 30 }),
      nasty,
      fc.constantFrom(...values).map((v) => v.toUpperCase()),
      fc.constantFrom(...values).map((v) => ` ${v}`),
      fc.constantFrom(...values).map((v) => `${v}_x`),
      fc.constantFrom('done', 'approved', 'published', 'COMPLETE', 'null', 'undefined', '0', ''),
    )
    .filter((v) => !values.includes(v));

/** Dates that are not real calendar dates written YYYY-MM-DD. */
const badDate = fc.oneof(
  fc.constantFrom('2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-15', '2026/01/15', '15.01.2026', '2026-1-5', '2026-01-15T00:00:00Z', 'yesterday', '', '0000-00-00', '+275760-09-13', '2026-01-15 ', ' 2026-01-15'),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${m}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${d}`),
);

/** Addresses that are not http(s) web addresses of at most 2000 characters. */
const badUrl = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'mailto:someone@example.org',
    'not a url',
    '//example.org/path',
    'http://',
    'https://',
    '',
    '   ',
    '<script>alert(1)</script>',
  ),
  fc.integer({ min: 2001, max: 6000 }).map((n) => `https://example.org/${'a'.repeat(n)}`),
);

/** A string of `min` to `min + spread` characters (longer than a field allows). */
const oversized = (min: number, spread = 3000) => fc.tuple(fc.integer({ min, max: min + spread }), fc.constantFrom('x', 'ก', '<', '😀')).map(([n, c]) => c.repeat(n)); // n characters however length is counted

/** A string under `max` characters once trimmed. */
const tooShort = (max: number) => fc.oneof(fc.constantFrom('', ' ', '\n\t'), fc.string({ maxLength: max - 1 }).filter((s) => s.trim().length < max && !/[\u0000-\u001F\u007F]/.test(s)));

/** Text with a control character inside. */
const withControl = fc.tuple(fc.constantFrom('\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F'), fc.string({ maxLength: 20 })).map(([c, s]) => `A long enough ${c}text ${s}`); // inside, where trimming cannot remove it

/** Nesting hundreds of levels deep (JSON.stringify itself overflows the stack a few thousand levels down). */
const deep = fc.tuple(fc.integer({ min: 100, max: 1000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Keys that have no place in the body; `__proto__` and friends arrive as own properties, as JSON.parse makes them. */
const unknownKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'state', 'id', 'authorId', 'reviewerId', 'publishedAt', 'isAdmin', 'role', 'toString', 'hasOwnProperty', 'Party', ' party');
const pollution = fc.oneof(fc.constant({ isAdmin: true }), fc.constant({ polluted: 'yes', prototype: { polluted: 'yes' } }), wrongType());

// ----------------------------------------------------------------------------------------
// Valid bodies, and valid-but-nasty dressing

const validEvidence = fc.record({
  url: fc.constantFrom('https://www.mfa.go.th/en/content/example', 'http://example.org/report?id=1&x=<b>', 'https://ratchakitcha.soc.go.th/DATA/PDF/2026/E/001/T_0001.PDF'),
  title: fc.oneof(fc.constant('Cabinet resolution'), nastyText('Title')),
  publisher: fc.oneof(fc.constant('Cabinet Secretariat'), nastyText('Publisher')),
  date: fc.constantFrom('2026-01-10', '2024-02-29'),
  grade: fc.constantFrom(...EVIDENCE_GRADES),
});

/** A valid new-assessment body for THA, dressed with valid-but-nasty values. */
export const validCreate = fc.record({
  party: fc.constantFrom('THA', 'tha', ' Tha '),
  commitment: fc.constantFrom('BJS-1', 'bjs-1', 'BJS-2'),
  status: fc.constantFrom(...STATUSES),
  // An editor's assessments are self-reported (the assessor follows from the role).
  assessor: fc.constantFrom('self_reported' as const),
  asOf: fc.constantFrom('2026-01-15', '2025-12-31'),
  narrative: fc.oneof(fc.constant('A lead agency was named by cabinet resolution.'), nastyText('Narrative')),
  narrativeTh: fc.constantFrom('คณะรัฐมนตรีมีมติแต่งตั้งหน่วยงานหลัก', '<script>alert("th")</script>'),
  evidence: fc.array(validEvidence, { minLength: 1, maxLength: 3 }),
  submit: fc.boolean(),
}, { requiredKeys: ['party', 'commitment', 'status', 'asOf', 'narrative', 'evidence'] });

// ----------------------------------------------------------------------------------------
// Breaking changes

/** A piece of evidence with one thing wrong. */
const badEvidenceItem = fc.oneof(
  fc.tuple(validEvidence, badUrl).map(([e, url]) => ({ ...e, url })),
  fc.tuple(validEvidence, fc.oneof(tooShort(3), oversized(301), withControl, notText)).map(([e, title]) => ({ ...e, title })),
  fc.tuple(validEvidence, fc.oneof(tooShort(2), oversized(201), withControl, notText)).map(([e, publisher]) => ({ ...e, publisher })),
  fc.tuple(validEvidence, fc.oneof(badDate, notText)).map(([e, date]) => ({ ...e, date })),
  fc.tuple(validEvidence, fc.oneof(notOneOf(EVIDENCE_GRADES), notText)).map(([e, grade]) => ({ ...e, grade })),
  fc.tuple(validEvidence, fc.constantFrom('url', 'title', 'publisher', 'grade')).map(([e, key]) => drop(key)(e)),
  fc.tuple(validEvidence, unknownKey, pollution).map(([e, key, v]) => withOwn(e, key, v)),
  wrongType(),
);

const badEvidence = fc.oneof(
  fc.constant([]),
  fc.array(validEvidence, { minLength: 21, maxLength: 30 }),
  fc.tuple(fc.array(validEvidence, { maxLength: 2 }), badEvidenceItem).map(([ok, bad]) => [...ok, bad]),
  deep,
  wrongType({ array: true }),
);

/** Changes that make any assessment body (new or edit) invalid, field by field. */
function fieldBreakers(options: { unknownPartyOk: readonly string[] }): fc.Arbitrary<Mutation> {
  const known = new Set(options.unknownPartyOk.map((p) => p.toLowerCase()));
  return fc.oneof(
    fc.oneof(tooShort(2), oversized(41, 200), fc.stringMatching(/^[a-z]{3,8}$/).filter((p) => !known.has(p)), notText).map((v) => set('party', v)),
    fc.oneof(tooShort(3), oversized(41, 200), fc.nat().map((n) => `NOPE-${n}`), notText).map((v) => set('commitment', v)),
    fc.oneof(notOneOf(STATUSES), notText).map((v) => set('status', v)),
    fc.oneof(notOneOf(ASSESSORS), notText).map((v) => set('assessor', v)),
    fc.oneof(badDate, notText).map((v) => set('asOf', v)),
    fc.oneof(tooShort(10), oversized(4001), withControl, deep, notText).map((v) => set('narrative', v)),
    fc.oneof(oversized(4001), withControl, notText).map((v) => set('narrativeTh', v)),
    badEvidence.map((v) => set('evidence', v)),
    fc.tuple(unknownKey, pollution).map(([key, v]) => set(key, v)),
  );
}

/** Bodies that are not a JSON object at all, or not JSON, or not sent as JSON. */
function notAnObject(validBody: fc.Arbitrary<Obj>): fc.Arbitrary<Payload> {
  const json = (value: unknown): Payload => ({ kind: 'json', value });
  return fc.oneof(
    fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), hugeNumber, fc.string({ maxLength: 30 }), nasty, fc.array(fc.integer(), { maxLength: 3 }), deep).map(json),
    fc.constantFrom('{', '{"party": "THA",', '{party: "THA"}', "{'party': 'THA'}", '[1, 2,]', 'NaN', 'undefined', '{"a":1}{"b":2}', '<assessment><party>THA</party></assessment>', 'party=THA&status=complete', '\u0000', '{"version": 1e999999}x').map((body): Payload => ({ kind: 'raw', body, contentType: 'application/json' })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes): Payload => ({ kind: 'raw', body: new Uint8Array([0xff, 0xfe, ...bytes, 0xc3]), contentType: 'application/json' })),
    fc.tuple(validBody, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html', 'application/json; charset=latin1', 'application/jsonp', 'json')).map(([value, contentType]): Payload => ({ kind: 'raw', body: JSON.stringify(value), contentType })),
    validBody.map((value): Payload => ({ kind: 'raw', body: JSON.stringify(value), contentType: null })),
    // Just over the size limit, as JSON: 413.
    fc.constant<Payload>({ kind: 'raw', body: `{"narrative": "${'x'.repeat(256 * 1024)}"}`, contentType: 'application/json' }),
  );
}

/** Applies the dressing, then at least one breaking change, last. */
function broken(valid: fc.Arbitrary<Obj>, breakers: fc.Arbitrary<Mutation>): fc.Arbitrary<Payload> {
  return fc.tuple(valid, fc.array(breakers, { minLength: 1, maxLength: 3 })).map(([value, mutations]) => ({ kind: 'json', value: mutations.reduce((v, m) => m(v), value) }));
}

// ----------------------------------------------------------------------------------------
// Per endpoint

/** Bad bodies for POST /api/v1/assessments. `parties`: every existing party code (never generated as an "unknown" one). */
export function badCreatePayload(parties: readonly string[]): fc.Arbitrary<Payload> {
  const breakers = fc.oneof(
    { weight: 8, arbitrary: fieldBreakers({ unknownPartyOk: parties }) },
    { weight: 2, arbitrary: fc.constantFrom('party', 'commitment', 'status', 'asOf', 'narrative', 'evidence').map(drop) },
    { weight: 1, arbitrary: wrongType({ boolean: true }).map((v) => set('submit', v)) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), hugeNumber).map((v) => set('version', v)) },
  );
  return fc.oneof({ weight: 5, arbitrary: broken(validCreate, breakers) }, { weight: 1, arbitrary: notAnObject(validCreate) });
}

/** Bad bodies for PATCH /api/v1/assessments/{id} of an assessment at version `current`. */
export function badPatchPayload(parties: readonly string[], current: number): fc.Arbitrary<Payload> {
  const validPatch = fc.tuple(validCreate as fc.Arbitrary<Obj>, fc.subarray(['party', 'commitment', 'status', 'assessor', 'asOf', 'narrative', 'narrativeTh', 'evidence'])).map(([full, keys]) => {
    const patch: Obj = { version: current };
    for (const key of keys) if (full[key] !== undefined) patch[key] = full[key];
    return patch;
  });
  const breakers = fc.oneof(
    { weight: 6, arbitrary: fieldBreakers({ unknownPartyOk: parties }) },
    { weight: 1, arbitrary: fc.constantFrom('NPL', 'npl', 'asean').map((p) => set('party', p)) },
    { weight: 1, arbitrary: fc.constant(drop('version')) },
    { weight: 2, arbitrary: fc.oneof(notNumber, fc.constantFrom(0, -1, 1.5, String(current)), hugeNumber).map((v) => set('version', v)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }).filter((v) => v !== current).map((v) => set('version', v)) },
    { weight: 1, arbitrary: wrongType().map((v) => set('submit', v)) }, // not a field of an edit at all
  );
  return fc.oneof({ weight: 5, arbitrary: broken(validPatch, breakers) }, { weight: 1, arbitrary: notAnObject(validPatch) });
}

/** Bad bodies for POST /api/v1/assessments/{id}/submit of an assessment at version `current`. */
export function badSubmitPayload(current: number): fc.Arbitrary<Payload> {
  const validSubmit = fc.constantFrom<Obj>({}, { version: current });
  const breakers = fc.oneof(
    fc.oneof(notNumber, fc.constantFrom(0, -1, 1.5, String(current)), hugeNumber, fc.integer({ min: 1, max: 2 ** 31 }).filter((v) => v !== current)).map((v) => set('version', v)),
    fc.tuple(unknownKey, pollution).map(([key, v]) => set(key, v)),
    fc.constantFrom('decision', 'status', 'comment').map((key) => set(key, 'publish')),
  );
  return fc.oneof({ weight: 3, arbitrary: broken(validSubmit, breakers) }, { weight: 2, arbitrary: notAnObject(validSubmit) });
}

/** Bad bodies for POST /api/v1/assessments/{id}/review. */
export function badReviewPayload(): fc.Arbitrary<Payload> {
  const validReview = fc.oneof(
    fc.record({ decision: fc.constant('publish'), comment: fc.oneof(fc.constant(null), nastyText('Comment')) }, { requiredKeys: ['decision'] }),
    fc.record({ decision: fc.constant('return'), comment: nastyText('Please fix') }),
  ) as fc.Arbitrary<Obj>;
  const breakers = fc.oneof(
    fc.oneof(notOneOf(['publish', 'return']), notText).map((v) => set('decision', v)),
    fc.constant(drop('decision')),
    // A return must say what to change.
    fc.constantFrom(undefined, '', '   ', null).map((comment): Mutation => (value) => (comment === undefined ? drop('comment')({ ...value, decision: 'return' }) : { ...value, decision: 'return', comment })),
    fc.oneof(oversized(2001), withControl, wrongType({ null: true, string: true })).map((v) => set('comment', v)),
    fc.tuple(fc.oneof(unknownKey, fc.constantFrom('version', 'reviewer', 'state')), pollution).map(([key, v]) => set(key, v)),
  );
  return fc.oneof({ weight: 5, arbitrary: broken(validReview, breakers) }, { weight: 1, arbitrary: notAnObject(validReview) });
}
