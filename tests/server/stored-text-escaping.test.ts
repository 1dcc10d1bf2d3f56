/**
 * Markup in what staff type is stored as text and never runs: an assessment whose narrative
 * and evidence title carry `<script>` and `"><img onerror>` goes through the write API,
 * is published, and comes out escaped on the public scorecard (English and Thai) and
 * verbatim, as JSON strings, from the API.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, evidence } from '../../db/schema';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

const SCRIPT = '<script>alert("narrative")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const NARRATIVE = `Cabinet named a lead agency. ${SCRIPT} ${IMG} & more`;
const TITLE = `Resolution ${IMG} ${SCRIPT}`;

let server: TestServer;
let db: Database;
let id: number;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const editor = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
  const reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
  const today = new Date().toISOString().slice(0, 10);
  const created = await callApi(server, 'POST', '/api/v1/assessments', {
    cookie: await sessionCookie(db, editor),
    body: newAssessment({
      commitment: 'BJS-3',
      status: 'substantial',
      asOf: today,
      narrative: NARRATIVE,
      evidence: [{ url: 'https://www.mfa.go.th/en/escaping-test', title: TITLE, publisher: `Publisher ${SCRIPT}`, date: today, grade: 'official' }],
      submit: true,
    }),
  });
  expect(created.status).toBe(201);
  id = created.body.id;
  // The answer already holds the text exactly as typed.
  expect(created.body.narrative).toBe(NARRATIVE);
  expect(created.body.evidence[0].title).toBe(TITLE);
  const published = await callApi(server, 'POST', `/api/v1/assessments/${id}/review`, { cookie: await sessionCookie(db, reviewer), body: { decision: 'publish' } });
  expect(published.status).toBe(200);
});
afterAll(() => stopServerWithDatabase(server, db));

describe('text with markup', () => {
  it('is stored exactly as typed', async () => {
    const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
    expect(row).toMatchObject({ narrativeEn: NARRATIVE, state: 'published' });
    const [item] = await db.select().from(evidence).where(eq(evidence.assessmentId, id));
    expect(item!.title).toBe(TITLE);
  });

  it.each(['/parties/tha', '/th/parties/tha'])('is escaped on the public scorecard %s and never becomes an element', async (path) => {
    // The page of the scorecard's assessed commitments that holds this assessment.
    const response = await server.get(`${path}?assessment=${id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`id="assessment-${id}"`);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script>alert\(/);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    // The text is there, escaped, in the narrative and the evidence link.
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/<a href="https:\/\/www\.mfa\.go\.th\/en\/escaping-test"[^>]*>Resolution &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    // The page allows no inline script that is not Astro's own (hashed).
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline[^;]*script|script-src[^;]*unsafe-inline/);
  });

  it('comes out of the public API verbatim, as JSON strings, with nosniff', async () => {
    const response = await server.get('/api/v1/assessments?party=tha&limit=200');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = (await response.json()) as { data: { id: number; narrative: { en: string }; evidence: { title: string; publisher: string }[] }[] };
    const mine = page.data.find((a) => a.id === id)!;
    expect(mine.narrative.en).toBe(NARRATIVE);
    expect(mine.evidence[0]).toMatchObject({ title: TITLE, publisher: `Publisher ${SCRIPT}` });
    const scorecard = await (await server.get('/api/v1/parties/tha')).text();
    expect(JSON.stringify(JSON.parse(scorecard))).toContain(JSON.stringify(NARRATIVE).slice(1, -1));
  });
});
