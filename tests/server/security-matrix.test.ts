/**
 * The security matrix: every state-changing route × every kind of caller × where the
 * request comes from, each with the status it must get, against the built server. Wherever
 * a request is refused, the data tables are unchanged (see tests/helpers/db-checksum.ts for
 * what is left out: the audit log grows on refusals, by design) and the refusal is in the
 * audit log; wherever a write is allowed, it did write.
 *
 * To add a route, add one entry to ROUTES: how to build its request (with a fresh target
 * when it needs one) and the status each caller gets from the same origin. From a foreign
 * origin every route answers 403 to everyone.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { databaseChecksum } from '../helpers/db-checksum';
import { startServer, type TestServer } from '../helpers/server';
import { STAFF_PASSWORD, createStaff, sessionCookie, type StaffUser } from '../helpers/staff';
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
  contentType: string;
  body: string;
}

interface RouteCase {
  route: string;
  /** Builds the request for one cell, creating what it acts on first (so every cell starts afresh). */
  build(cell: Cell): Promise<BuiltRequest>;
  /** The status each caller gets from the same origin. */
  sameOrigin: Record<Caller, number>;
  /** Whether an allowed request changes the data tables (sign-in and sign-out only touch sessions). */
  writesData: boolean;
}

let server: TestServer;
let db: Database;
const staff = {} as Record<Exclude<Caller, 'anonymous'>, StaffUser>;
let author: Acting;

const json = (method: string, path: string, value: unknown): BuiltRequest => ({ method, path, contentType: 'application/json', body: JSON.stringify(value) });
const form = (path: string, fields: Record<string, string>): BuiltRequest => ({ method: 'POST', path, contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() });

/** A THA assessment written by someone who is none of the callers; `submit` sends it to review. */
async function freshAssessment(submit = false): Promise<number> {
  const input = assessmentInputSchema.parse(newAssessment({ narrative: `Fixture for the security matrix, ${Math.random()}.` }));
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
  // Workspace Astro actions go here, one entry each, e.g. a form post to
  // `/workspace/parties/tha?_action=assessments.create` with the action's form fields:
  //   { route: 'POST ?_action=assessments.create', build: async () => form('/workspace/parties/tha?_action=assessments.create', {...}),
  //     sameOrigin: { anonymous: …, 'editor in scope': 303, … }, writesData: true },
  // Until then, ACTION_POSTS below proves that any `?_action=` post from another site is refused.
];

/** Form posts to Astro actions (`?_action=`), refused cross-site whatever the action. */
const ACTION_POSTS: BuiltRequest[] = [
  form('/workspace?_action=assessments.create', { party: 'THA', commitment: 'BJS-1', status: 'complete' }),
  form('/workspace/review?_action=review.decide', { id: '1', decision: 'publish' }),
  json('POST', '/_actions/assessments.create', newAssessment()),
];

beforeAll(async () => {
  server = await startServer();
  db = await openDatabase({ url: server.databaseUrl, embedded: true });
  staff['editor in scope'] = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
  staff['editor out of scope'] = await createStaff(db, 'editor@mofa.gov.np', ['editor'], ['NPL']);
  staff.viewer = await createStaff(db, 'delegate@example.org', ['viewer']);
  staff.reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
  staff.admin = await createStaff(db, 'admin@example.org', ['admin']);
  const writer = await createStaff(db, 'author@mfa.go.th', ['editor'], ['THA']);
  author = { ...writer, name: 'Author' };
});
afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

async function cellFor(caller: Caller): Promise<Cell> {
  const user = caller === 'anonymous' ? null : staff[caller];
  return { caller, user, cookie: user ? await sessionCookie(db, user) : null };
}

async function send(request: BuiltRequest, cell: Cell, originKind: OriginKind): Promise<Response> {
  const headers: Record<string, string> = { ...ORIGINS[originKind](server), 'content-type': request.contentType };
  if (cell.cookie) headers.cookie = cell.cookie;
  return server.get(request.path, { method: request.method, headers, body: request.body });
}

const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;

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
    const after = await databaseChecksum(db);
    if (expected >= 400) {
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
