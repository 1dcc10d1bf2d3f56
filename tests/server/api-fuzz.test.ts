/**
 * Property-based fuzzing of the staff write API with @fast-check/vitest: generated bad
 * requests (tests/helpers/bad-payloads.ts) to each write endpoint, sent by a signed-in
 * editor (or reviewer) who holds the right role and scope, so that only the payload is at
 * fault. Every answer must be a 4xx with a JSON error (never a 5xx, never a success), and
 * after every batch the data tables must be exactly as before.
 *
 * Two legs, the same generators, the same checks and the same count, {@link PER_ENDPOINT}
 * payloads per endpoint:
 *  - over HTTP to the built server (src/server.ts), in batches sent at once over keep-alive
 *    connections: the adapter's body handling, the middleware and the routing included;
 *  - in process to the endpoint's own route handler (the exported APIRoute the page module
 *    mounts), given a real Request, the signed-in user loaded from a seeded temp-file
 *    database and that database: every line of code that looks at the body runs exactly as
 *    in the server, and a failure points at it directly.
 * The server spends about 4 ms of CPU on each request whatever the body (sign-in look-ups and
 * Astro's pipeline), so the HTTP leg takes about three minutes on two cores.
 *
 * On a failure fast-check shrinks the batch to the smallest failing payload and prints the
 * seed to replay it.
 */
import { fc, test } from '@fast-check/vitest';
import type { APIContext, APIRoute } from 'astro';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { loadContent } from '../../db/content';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { createAssessmentRoute, patchAssessmentRoute, reviewAssessmentRoute, submitAssessmentRoute } from '../../src/lib/api/handlers/assessment-writes';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { loadAuthUser, type AuthUser } from '../../src/lib/server/auth/auth-user';
import { badCreatePayload, badPatchPayload, badReviewPayload, badSubmitPayload, validCreate, type Payload } from '../helpers/bad-payloads';
import { databaseChecksum, type DatabaseChecksum } from '../helpers/db-checksum';
import { startServer, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie, type StaffUser } from '../helpers/staff';
import { createTempDatabase } from '../helpers/temp-db';
import { newAssessment } from '../helpers/write-api';

/** Bad payloads per endpoint, on each leg. */
const PER_ENDPOINT = 10_000;
/** Sent at once over HTTP (and so one database check per batch). */
const HTTP_BATCH = 50;
/** Given to the route handler at once, in process. */
const HANDLER_BATCH = 100;
const TIMEOUT_MS = 600_000;

const PARTIES = loadContent().parties.map((p) => p.slug);

type Role = 'editor' | 'reviewer';

/** One write endpoint: its route, its generator, who sends, and what it acts on. */
interface Endpoint {
  name: string;
  method: string;
  /** The assessment acted on: `draft` (version 1, the editor's own) or `submitted` (by someone else). */
  target: 'draft' | 'submitted' | null;
  path(id: number | null): string;
  route: APIRoute;
  payloads: fc.Arbitrary<Payload>;
  as: Role;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /api/v1/assessments', method: 'POST', target: null, path: () => '/api/v1/assessments', route: createAssessmentRoute, payloads: badCreatePayload(PARTIES), as: 'editor' },
  { name: 'PATCH /api/v1/assessments/{id}', method: 'PATCH', target: 'draft', path: (id) => `/api/v1/assessments/${id}`, route: patchAssessmentRoute, payloads: badPatchPayload(PARTIES, 1), as: 'editor' },
  { name: 'POST /api/v1/assessments/{id}/submit', method: 'POST', target: 'draft', path: (id) => `/api/v1/assessments/${id}/submit`, route: submitAssessmentRoute, payloads: badSubmitPayload(1), as: 'editor' },
  { name: 'POST /api/v1/assessments/{id}/review', method: 'POST', target: 'submitted', path: (id) => `/api/v1/assessments/${id}/review`, route: reviewAssessmentRoute, payloads: badReviewPayload(), as: 'reviewer' },
];

/** A database with an editor, an author and a reviewer, a draft of the editor's and a submitted assessment of the author's. */
interface Setup {
  db: Database;
  users: Record<Role, StaffUser>;
  targets: { draft: number; submitted: number };
  baseline: DatabaseChecksum;
}

async function prepare(db: Database): Promise<Omit<Setup, 'baseline'>> {
  const editor = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
  const author = await createStaff(db, 'author@mfa.go.th', ['editor'], ['THA']);
  const reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
  const input = assessmentInputSchema.parse(newAssessment());
  const draft = (await createAssessment(db, { ...editor, name: 'Editor' } satisfies Acting, input)).id;
  const submitted = (await createAssessment(db, { ...author, name: 'Author' } satisfies Acting, input, { submit: true })).id;
  return { db, users: { editor, reviewer }, targets: { draft, submitted } };
}

function bodyOf(payload: Payload): { body: string | Uint8Array<ArrayBuffer>; contentType: string | null } {
  return payload.kind === 'json' ? { body: JSON.stringify(payload.value), contentType: 'application/json' } : payload;
}

/** Statuses seen per leg and endpoint, printed at the end. */
const tally: Record<string, Record<number, number>> = {};

/** Every answer must be a JSON 4xx (not held back by the write limit, which would mean the body was never read). */
function checkAnswer(leg: string, endpoint: Endpoint, payload: Payload, status: number, text: string): void {
  const counts = (tally[`${leg} ${endpoint.name}`] ??= {});
  counts[status] = (counts[status] ?? 0) + 1;
  const shown = () => `${status} for ${JSON.stringify(payload).slice(0, 300)}: ${text.slice(0, 200)}`;
  expect(status >= 400 && status < 500 && status !== 429, shown()).toBe(true);
  expect(JSON.parse(text), shown()).toEqual({ error: expect.objectContaining({ message: expect.any(String) }) });
}

afterAll(() => {
  for (const [key, counts] of Object.entries(tally)) console.info(`fuzz ${key}: ${JSON.stringify(counts)}`);
});

test.prop([fc.array(validCreate, { minLength: 20, maxLength: 20 })], { numRuns: 10 })(
  'the valid bodies the bad ones are built from are valid (so what is refused is the breaking change)',
  (bodies) => {
    for (const { submit: _submit, ...input } of bodies) expect(assessmentInputSchema.safeParse(input).success, JSON.stringify(input).slice(0, 300)).toBe(true);
  },
);

describe('over HTTP to the built server', () => {
  let server: TestServer;
  let setup: Setup;
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startServer();
    const db = await openDatabase({ url: server.databaseUrl, embedded: true });
    const prepared = await prepare(db);
    for (const role of ['editor', 'reviewer'] as const) cookies[role] = await sessionCookie(db, prepared.users[role]);
    setup = { ...prepared, baseline: await databaseChecksum(db) };
  });
  afterAll(async () => {
    setup?.db.$client.close();
    await server?.stop();
  });

  /** One request as a same-origin browser with the session cookie; a keep-alive connection the server closed while idle is retried once (a retry of a refused request is harmless). */
  async function send(endpoint: Endpoint, payload: Payload): Promise<{ status: number; text: string }> {
    const { body, contentType } = bodyOf(payload);
    const headers: Record<string, string> = { origin: server.origin, cookie: cookies[endpoint.as] };
    if (contentType !== null) headers['content-type'] = contentType;
    const id = endpoint.target ? setup.targets[endpoint.target] : null;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(`${server.origin}${endpoint.path(id)}`, { method: endpoint.method, headers, body });
        return { status: response.status, text: await response.text() };
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (attempt > 0 || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET')) throw error;
      }
    }
  }

  for (const endpoint of ENDPOINTS) {
    test.prop([fc.array(endpoint.payloads, { minLength: HTTP_BATCH, maxLength: HTTP_BATCH })], { numRuns: PER_ENDPOINT / HTTP_BATCH })(
      `${endpoint.name}: ${PER_ENDPOINT} bad requests, each a 4xx, nothing written`,
      async (batch) => {
        const answers = await Promise.all(batch.map((payload) => send(endpoint, payload)));
        answers.forEach(({ status, text }, i) => checkAnswer('http', endpoint, batch[i]!, status, text));
        expect(await databaseChecksum(setup.db)).toEqual(setup.baseline);
      },
      TIMEOUT_MS,
    );
  }
});

describe('in process, to each endpoint’s route handler', () => {
  let setup: Setup;
  const actors = {} as Record<Role, AuthUser>;

  beforeAll(async () => {
    const { db } = await createTempDatabase();
    await seedDatabase(db);
    const prepared = await prepare(db);
    for (const role of ['editor', 'reviewer'] as const) actors[role] = (await loadAuthUser(db, prepared.users[role].id))!;
    setup = { ...prepared, baseline: await databaseChecksum(db) };
  });
  afterAll(() => setup?.db.$client.close());

  /** Calls the route handler as Astro does after the middleware: a real Request, the signed-in user in `locals`. */
  async function call(endpoint: Endpoint, payload: Payload): Promise<{ status: number; text: string }> {
    const { body, contentType } = bodyOf(payload);
    const id = endpoint.target ? setup.targets[endpoint.target] : null;
    const url = new URL(endpoint.path(id), 'http://monitor.test');
    const headers: Record<string, string> = { origin: url.origin };
    if (contentType !== null) headers['content-type'] = contentType;
    const request = new Request(url, { method: endpoint.method, headers, body });
    const context = {
      request,
      url,
      params: id === null ? {} : { id: String(id) },
      locals: { db: setup.db, user: actors[endpoint.as], session: null, locale: 'en' },
      clientAddress: '127.0.0.1',
      redirect: () => {
        throw new Error('a write handler does not redirect');
      },
    } as unknown as APIContext;
    const response = await endpoint.route(context);
    return { status: response.status, text: await response.text() };
  }

  for (const endpoint of ENDPOINTS) {
    test.prop([fc.array(endpoint.payloads, { minLength: HANDLER_BATCH, maxLength: HANDLER_BATCH })], { numRuns: PER_ENDPOINT / HANDLER_BATCH })(
      `${endpoint.name}: ${PER_ENDPOINT} bad requests, each a 4xx, nothing written`,
      async (batch) => {
        const answers = await Promise.all(batch.map((payload) => call(endpoint, payload)));
        answers.forEach(({ status, text }, i) => checkAnswer('handler', endpoint, batch[i]!, status, text));
        expect(await databaseChecksum(setup.db)).toEqual(setup.baseline);
      },
      TIMEOUT_MS,
    );
  }
});
