/**
 * The security matrix: every state-changing route × every kind of caller × where the
 * request comes from, each with the status it must get, against the built server. Wherever
 * a request is refused, the data tables are unchanged (see tests/helpers/db-checksum.ts for
 * what is left out: the audit log grows on refusals, by design) and the refusal is in the
 * audit log; wherever a write is allowed, it did write.
 *
 * To add a route, add one entry to ROUTES: how to build its request (with a fresh target
 * when it needs one) and the status each caller gets from the same origin. From a foreign
 * origin every route answers 403 to everyone. Workspace Astro actions are posted as plain
 * forms to the page that shows them (`?_action=<area>.<name>`); signed out, the page
 * answers 302 to the sign-in page, which counts as a refusal (nothing written, audited).
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import type { Role } from '../../src/domain/vocabulary';
import { previewImport } from '../../src/lib/server/assessments/csv-import';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { CLI_ACTOR, disableUser } from '../../src/lib/server/auth/users';
import { prepareTreatyImport } from '../../src/lib/server/treaty-import';
import { databaseChecksum } from '../helpers/db-checksum';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { STAFF_PASSWORD, apiToken, createStaff, sessionCookie, type StaffUser } from '../helpers/staff';
import { newAssessment } from '../helpers/write-api';

const CALLERS = ['anonymous', 'editor in scope', 'editor out of scope', 'viewer', 'reviewer', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** Where a request comes from, as the headers a browser would send. */
const ORIGINS = {
  'same origin': (server: TestServer): Record<string, string> => ({ origin: server.origin, 'sec-fetch-site': 'same-origin' }),
  'foreign origin': (): Record<string, string> => ({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
  // A browser that leaves Origin out still says where the request came from.
  'cross-site, no Origin': (): Record<string, string> => ({ 'sec-fetch-site': 'cross-site' }),
} as const;
type OriginKind = keyof typeof ORIGINS;

interface Cell {
  caller: Caller;
  user: StaffUser | null;
  /** A fresh session cookie for the caller (none for anonymous). */
  cookie: string | null;
}

interface BuiltRequest {
  method: string;
  path: string;
  /** Null for a multipart body: fetch sets the type with its boundary. */
  contentType: string | null;
  body: string | FormData;
  /** A session cookie to send instead of the caller's, for a fresh account with the caller's roles. */
  cookie?: string;
}

interface RouteCase {
  route: string;
  /** Builds the request for one cell, creating what it acts on first (so every cell starts afresh). */
  build(cell: Cell): Promise<BuiltRequest>;
  /**
   * The status each caller gets from the same origin. 302 is a refusal too: a workspace page
   * sends a signed-out browser to sign in (after the action has refused and audited the post).
   */
  sameOrigin: Record<Caller, number>;
  /** Whether an allowed request changes the data tables (sign-in and sign-out only touch sessions; an import preview writes nothing). */
  writesData: boolean;
}

let server: TestServer;
let db: Database;
const staff = {} as Record<Exclude<Caller, 'anonymous'>, StaffUser>;
let author: Acting;
/** The same author as an account, for their API tokens. */
let authorUser: StaffUser;
/** An indicator of THA's, for the indicator value form. */
let thaIndicator: string;

const json = (method: string, path: string, value: unknown): BuiltRequest => ({ method, path, contentType: 'application/json', body: JSON.stringify(value) });
const form = (path: string, fields: Record<string, string> | [string, string][]): BuiltRequest => ({
  method: 'POST',
  path,
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString(),
});
/** A plain form post to a workspace page's Astro action, as a browser with JavaScript off sends it. */
const action = (page: string, name: string, fields: Record<string, string> | [string, string][]) => form(`${page}?_action=${name}`, fields);

/** A unique suffix for names, e-mail addresses and labels made per cell. */
let serial = 0;
const unique = () => `${process.pid}-${++serial}`;

/** The workspace assessment form's fields (one piece of evidence) for THA, as the page sends them. */
function assessmentFields(overrides: Record<string, string> = {}): [string, string][] {
  const base = { party: 'tha', commitment: 'BJS-1', status: 'limited', assessor: 'self_reported', asOf: '2026-01-15', narrative: `Matrix edit ${unique()}.`, narrativeTh: '', ...overrides };
  const evidence = { evidenceUrl: 'https://www.mfa.go.th/en/matrix', evidenceTitle: 'Cabinet resolution', evidencePublisher: 'Cabinet Secretariat', evidenceDate: '2026-01-10', evidenceGrade: 'official' };
  return [...Object.entries(base), ...Object.entries(evidence)];
}

/** An account no caller is, for the administrator's actions to act on. */
const freshAccount = (roles: Role[] = ['viewer'], parties: string[] = []) => createStaff(db, `target-${unique()}@example.org`, roles, parties);

/** A fresh account with the caller's roles and scope (so that changing its password leaves the caller's alone), signed in. */
async function twinOf(cell: Cell): Promise<{ user: StaffUser; cookie: string } | null> {
  if (!cell.user) return null;
  const user = await createStaff(db, `twin-${unique()}@example.org`, cell.user.roles, cell.user.parties);
  return { user, cookie: await sessionCookie(db, user) };
}

/** A one-row import file that edits assessment `id` (version 1) of THA's BJS-3, with the digest its preview gives. */
async function importFile(id: number): Promise<{ text: string; digest: string }> {
  const header = ['assessment_id', 'version', 'party', 'commitment', 'assessor', 'status', 'as_of', 'narrative', 'evidence_1_url', 'evidence_1_title', 'evidence_1_publisher', 'evidence_1_date', 'evidence_1_grade'];
  const row = [String(id), '1', 'THA', 'BJS-3', 'self_reported', 'substantial', '2026-02-01', `Imported by the matrix ${unique()}.`, 'https://www.mfa.go.th/en/import', 'Progress report', 'Ministry of Foreign Affairs', '2026-01-20', 'official'];
  const text = `${header.join(',')}\r\n${row.join(',')}\r\n`;
  const plan = await previewImport(db, author, text);
  expect(plan.errors).toEqual([]);
  expect(plan.changes).toHaveLength(1);
  return { text, digest: plan.digest };
}

/** A UNTC status table that changes something every time: Singapore's accession on a day no earlier table gave. */
function freshTreatyTable(): string {
  const day = new Date(Date.UTC(2026, 0, 1) + ++treatyDay * 86_400_000);
  return `Singapore    ${day.getUTCDate()} ${day.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${day.getUTCFullYear()} a\n`;
}
let treatyDay = 0;

/** A pending treaty import prepared by the author (none of the callers), for the reviewers' actions. */
async function freshTreatyImport(): Promise<number> {
  return (await prepareTreatyImport(db, author, { instrumentSlug: 'un-convention-against-cybercrime', content: freshTreatyTable() })).id;
}

/** A THA assessment written by someone who is none of the callers; `submit` sends it to review. */
async function freshAssessment(submit = false, commitment = 'BJS-1'): Promise<number> {
  const input = assessmentInputSchema.parse(newAssessment({ commitment, narrative: `Fixture for the security matrix, ${unique()}.` }));
  return (await createAssessment(db, author, input, { submit })).id;
}

const ROUTES: RouteCase[] = [
  {
    route: 'POST /api/v1/assessments',
    build: async () => json('POST', '/api/v1/assessments', newAssessment()),
    sameOrigin: { anonymous: 401, 'editor in scope': 201, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'PATCH /api/v1/assessments/{id}',
    build: async () => json('PATCH', `/api/v1/assessments/${await freshAssessment()}`, { version: 1, status: 'substantial' }),
    sameOrigin: { anonymous: 401, 'editor in scope': 200, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST /api/v1/assessments/{id}/submit',
    build: async () => json('POST', `/api/v1/assessments/${await freshAssessment()}/submit`, { version: 1 }),
    sameOrigin: { anonymous: 401, 'editor in scope': 200, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST /api/v1/assessments/{id}/review',
    build: async () => json('POST', `/api/v1/assessments/${await freshAssessment(true)}/review`, { decision: 'publish' }),
    sameOrigin: { anonymous: 401, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 200, admin: 403 },
    writesData: true,
  },
  {
    // Each caller signs in as themselves; anonymous tries an account that does not exist.
    route: 'POST /login',
    build: async ({ user }) => form('/login', { email: user?.email ?? 'nobody@example.org', password: STAFF_PASSWORD }),
    sameOrigin: { anonymous: 401, 'editor in scope': 303, 'editor out of scope': 303, viewer: 303, reviewer: 303, admin: 303 },
    writesData: false,
  },
  {
    route: 'POST /logout',
    build: async () => form('/logout', {}),
    sameOrigin: { anonymous: 303, 'editor in scope': 303, 'editor out of scope': 303, viewer: 303, reviewer: 303, admin: 303 },
    writesData: false,
  },
  // Workspace Astro actions: plain form posts to the page that shows the form.
  {
    route: 'POST ?_action=assessments.create',
    build: async () => action('/workspace/parties/tha', 'assessments.create', [...assessmentFields(), ['intent', 'draft']]),
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=assessments.update',
    build: async () => {
      const id = await freshAssessment();
      return action(`/workspace/assessments/${id}`, 'assessments.update', [...assessmentFields({ status: 'substantial' }), ['id', String(id)], ['version', '1'], ['intent', 'save']]);
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=assessments.submit',
    build: async () => {
      const id = await freshAssessment();
      return action(`/workspace/assessments/${id}`, 'assessments.submit', { id: String(id), version: '1' });
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=review.decide (publish)',
    build: async () => action('/workspace/review', 'review.decide', { id: String(await freshAssessment(true)), decision: 'publish', comment: '' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 303, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=review.decide (return)',
    build: async () => action('/workspace/review', 'review.decide', { id: String(await freshAssessment(true)), decision: 'return', comment: 'Add the gazette link.' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 303, admin: 403 },
    writesData: true,
  },
  {
    // An administrator's power: a new account with the admin role, the most tempting thing to forge.
    route: 'POST ?_action=users.create',
    build: async () => action('/workspace/users', 'users.create', [['name', 'New person'], ['email', `new-${unique()}@example.org`], ['roles', 'admin'], ['parties', ''], ['password', 'mango-sticky-rice-42']]),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 303 },
    writesData: true,
  },
  {
    route: 'POST ?_action=users.setAccess',
    build: async () => action('/workspace/users', 'users.setAccess', [['email', (await freshAccount()).email], ['roles', 'admin'], ['roles', 'editor'], ['parties', 'THA']]),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 303 },
    writesData: true,
  },
  {
    route: 'POST ?_action=users.setDisabled (disable)',
    build: async () => action('/workspace/users', 'users.setDisabled', { email: (await freshAccount(['editor'], ['THA'])).email, disabled: 'true' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 303 },
    writesData: true,
  },
  {
    route: 'POST ?_action=users.setDisabled (enable)',
    build: async () => {
      const target = await freshAccount();
      await disableUser(db, target.email, CLI_ACTOR);
      return action('/workspace/users', 'users.setDisabled', { email: target.email, disabled: 'false' });
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 303 },
    writesData: true,
  },
  {
    route: 'POST ?_action=users.resetPassword',
    build: async () => action('/workspace/users', 'users.resetPassword', { email: (await freshAccount(['admin'])).email, password: 'a-password-the-forger-knows' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 303 },
    writesData: true,
  },
  {
    // Each caller changes the password of a fresh account with their roles, signed in there.
    route: 'POST ?_action=account.changePassword',
    build: async (cell) => {
      const twin = await twinOf(cell);
      const request = action('/workspace/account', 'account.changePassword', { current: STAFF_PASSWORD, password: 'a-brand-new-passphrase', confirm: 'a-brand-new-passphrase' });
      return twin ? { ...request, cookie: twin.cookie } : request;
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 303, viewer: 303, reviewer: 303, admin: 303 },
    writesData: true,
  },
  {
    // Each caller sets their own e-mail digest.
    route: 'POST ?_action=account.setDigest',
    build: async () => action('/workspace/account', 'account.setDigest', { frequency: 'weekly', locale: 'th' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 303, viewer: 303, reviewer: 303, admin: 303 },
    writesData: true,
  },
  {
    // The answer shows the new token once (200), rather than redirecting away from it.
    route: 'POST ?_action=tokens.create',
    build: async () => action('/workspace/account', 'tokens.create', { name: `matrix ${unique()}` }),
    sameOrigin: { anonymous: 302, 'editor in scope': 200, 'editor out of scope': 200, viewer: 200, reviewer: 200, admin: 200 },
    writesData: true,
  },
  {
    // A token of the caller's own (anonymous tries one of the author's).
    route: 'POST ?_action=tokens.revoke (own token)',
    build: async ({ user }) => action('/workspace/account', 'tokens.revoke', { id: (await apiToken(db, user ?? authorUser)).split('.')[0]! }),
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 303, viewer: 303, reviewer: 303, admin: 303 },
    writesData: true,
  },
  {
    // Someone else's token: nobody, an administrator included, revokes it from their account page.
    route: "POST ?_action=tokens.revoke (someone else's token)",
    build: async () => action('/workspace/account', 'tokens.revoke', { id: (await apiToken(db, authorUser)).split('.')[0]! }),
    // An admin may revoke anyone's token (issue 10: a leaked token must be stoppable).
    sameOrigin: { anonymous: 302, 'editor in scope': 404, 'editor out of scope': 404, viewer: 404, reviewer: 404, admin: 303 },
    writesData: true,
  },
  {
    route: 'POST ?_action=indicators.addValue',
    build: async () =>
      action('/workspace/parties/tha', 'indicators.addValue', {
        indicator: thaIndicator,
        periodStart: '',
        periodEnd: '2026-03-31',
        periodLabel: `Matrix ${unique()}`,
        value: '1,250',
        valueHigh: '',
        sourceUrl: 'https://www.mfa.go.th/en/q1',
        sourcePublisher: 'Ministry of Foreign Affairs',
        confidence: 'confirmed',
        note: '',
      }),
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 403, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    // Writes nothing even when allowed, but is still an editor's action: refused (and audited)
    // for everyone else and from other sites. The NPL editor's file is all out of scope: 400 with its rows' errors.
    route: 'POST ?_action=import.preview',
    build: async () => {
      const { text } = await importFile(await freshAssessment(false, 'BJS-3'));
      const body = new FormData();
      body.append('file', new Blob([text], { type: 'text/csv' }), 'tha.csv');
      return { method: 'POST', path: '/workspace/import?_action=import.preview', contentType: null, body };
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 200, 'editor out of scope': 400, viewer: 403, reviewer: 403, admin: 403 },
    writesData: false,
  },
  {
    route: 'POST ?_action=import.apply',
    build: async () => {
      const { text, digest } = await importFile(await freshAssessment(false, 'BJS-3'));
      return action('/workspace/import', 'import.apply', { content: Buffer.from(text, 'utf8').toString('base64'), digest, fileName: 'tha.csv' });
    },
    sameOrigin: { anonymous: 302, 'editor in scope': 200, 'editor out of scope': 400, viewer: 403, reviewer: 403, admin: 403 },
    writesData: true,
  },
  {
    // Treaty status is every party's reference data: editors of any scope and reviewers prepare; the review decides.
    route: 'POST ?_action=treatyImport.preview',
    build: async () => action('/workspace/treaty-import', 'treatyImport.preview', { instrument: 'un-convention-against-cybercrime', table: freshTreatyTable() }),
    sameOrigin: { anonymous: 302, 'editor in scope': 200, 'editor out of scope': 200, viewer: 403, reviewer: 200, admin: 403 },
    writesData: false,
  },
  {
    route: 'POST ?_action=treatyImport.prepare',
    build: async () => action('/workspace/treaty-import', 'treatyImport.prepare', { instrument: 'un-convention-against-cybercrime', content: freshTreatyTable(), fileName: 'untc.txt' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 303, 'editor out of scope': 303, viewer: 403, reviewer: 303, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=treatyImport.approve',
    build: async () => action('/workspace/treaty-import', 'treatyImport.approve', { id: String(await freshTreatyImport()) }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 303, admin: 403 },
    writesData: true,
  },
  {
    route: 'POST ?_action=treatyImport.reject',
    build: async () => action('/workspace/treaty-import', 'treatyImport.reject', { id: String(await freshTreatyImport()), comment: 'matrix' }),
    sameOrigin: { anonymous: 302, 'editor in scope': 403, 'editor out of scope': 403, viewer: 403, reviewer: 303, admin: 403 },
    writesData: true,
  },
];

/**
 * Beyond the matrix: an action posted to a page that does not show its form, and the RPC
 * endpoint scripts call; refused cross-site whatever the action.
 */
const ACTION_POSTS: BuiltRequest[] = [
  form('/workspace?_action=assessments.create', { party: 'THA', commitment: 'BJS-1', status: 'complete' }),
  json('POST', '/_actions/assessments.create', newAssessment()),
];

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  staff['editor in scope'] = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
  staff['editor out of scope'] = await createStaff(db, 'editor@mofa.gov.np', ['editor'], ['NPL']);
  staff.viewer = await createStaff(db, 'delegate@example.org', ['viewer']);
  staff.reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
  staff.admin = await createStaff(db, 'admin@example.org', ['admin']);
  const writer = await createStaff(db, 'author@mfa.go.th', ['editor'], ['THA']);
  authorUser = writer;
  author = { ...writer, name: 'Author' };
  thaIndicator = String((await db.$client.execute("SELECT slug FROM indicators WHERE party_slug = 'tha' ORDER BY slug LIMIT 1")).rows[0]!.slug);
});
afterAll(() => stopServerWithDatabase(server, db));

async function cellFor(caller: Caller): Promise<Cell> {
  const user = caller === 'anonymous' ? null : staff[caller];
  return { caller, user, cookie: user ? await sessionCookie(db, user) : null };
}

async function send(request: BuiltRequest, cell: Cell, originKind: OriginKind): Promise<Response> {
  const headers: Record<string, string> = { ...ORIGINS[originKind](server) };
  if (request.contentType) headers['content-type'] = request.contentType;
  const cookie = request.cookie ?? cell.cookie;
  if (cookie) headers.cookie = cookie;
  return server.get(request.path, { method: request.method, headers, body: request.body });
}

/**
 * Events the audit log records: its rows, plus the repeats of a refusal that the log keeps as
 * a count beside the window's one row (issue 10: a flood of refusals is one row per minute).
 */
const auditCount = async () => {
  const rows = (await db.select({ n: count() }).from(auditLog))[0]!.n;
  const repeats = await db.$client.execute('SELECT coalesce(sum(count) - count(*), 0) AS n FROM audit_refusal_windows');
  return rows + Number(repeats.rows[0]!.n);
};

const MATRIX = ROUTES.flatMap((route) =>
  (Object.keys(ORIGINS) as OriginKind[]).flatMap((originKind) =>
    CALLERS.map((caller) => ({ route, originKind, caller, expected: originKind === 'same origin' ? route.sameOrigin[caller] : 403 })),
  ),
);

describe('security matrix: state-changing routes × callers × origins', () => {
  it.each(MATRIX.map((m) => [`${m.route.route} · ${m.caller} · ${m.originKind} → ${m.expected}`, m] as const))('%s', async (_name, { route, originKind, caller, expected }) => {
    const cell = await cellFor(caller);
    const request = await route.build(cell);
    const before = await databaseChecksum(db);
    const auditBefore = await auditCount();
    const response = await send(request, cell, originKind);
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(expected);
    // The only redirect that refuses: a signed-out post sent to sign in, to come back to the page.
    if (expected === 302) expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(request.path).replace(/%2F/g, '/')}`);
    const after = await databaseChecksum(db);
    if (expected >= 400 || expected === 302) {
      expect(after, 'a refused request changed the data').toEqual(before);
      // Refusals are recorded: cross-site and authorisation refusals, and failed sign-ins.
      expect(await auditCount()).toBeGreaterThan(auditBefore);
    } else if (route.writesData) {
      expect(after, 'an allowed write wrote nothing').not.toEqual(before);
    }
    if (request.path.startsWith('/api/') && expected >= 400) {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual({ error: { message: expect.any(String), field: null } });
    }
  });

  it('covers every caller and origin for every route', () => {
    expect(MATRIX).toHaveLength(ROUTES.length * CALLERS.length * Object.keys(ORIGINS).length);
  });
});

describe('Astro action posts (?_action=) from another site', () => {
  const cases = ACTION_POSTS.flatMap((request) =>
    (['foreign origin', 'cross-site, no Origin'] as const).flatMap((originKind) => CALLERS.map((caller) => ({ request, originKind, caller }))),
  );
  it.each(cases.map((c) => [`POST ${c.request.path} · ${c.caller} · ${c.originKind} → 403`, c] as const))('%s', async (_name, { request, originKind, caller }) => {
    const cell = await cellFor(caller);
    const before = await databaseChecksum(db);
    const auditBefore = await auditCount();
    const response = await send(request, cell, originKind);
    await response.arrayBuffer();
    expect(response.status).toBe(403);
    expect(await databaseChecksum(db)).toEqual(before);
    expect(await auditCount()).toBe(auditBefore + 1);
  });
});
