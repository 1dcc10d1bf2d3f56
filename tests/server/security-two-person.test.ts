/**
 * Issue 10, item 3: the two-person rule cannot be satisfied by one person. A reviewer who
 * created, edited or submitted an assessment may neither publish nor return it, over the
 * JSON API and through the forms; the feed names everyone who wrote a published assessment.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { staffSessions } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let cookies: Record<'author' | 'both' | 'reviewer', string>;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await staffSessions(db, {
    author: { email: 'author@mfa.go.th', roles: ['editor'], parties: ['THA'] },
    both: { email: 'both@mfa.go.th', roles: ['editor', 'reviewer'], parties: ['THA'] },
    reviewer: { email: 'secretariat@example.org', roles: ['reviewer'] },
  });
});
afterAll(() => stopServerWithDatabase(server, db));

const api = (who: keyof typeof cookies, method: string, path: string, body?: unknown) => callApi(server, method, path, { cookie: cookies[who], body });

function form(who: keyof typeof cookies, path: string, action: string, fields: [string, string][]) {
  return server.get(`${path}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies[who] },
    body: new URLSearchParams(fields).toString(),
  });
}

const formFields = (narrative: string): [string, string][] => [
  ['party', 'tha'],
  ['commitment', 'BJS-1'],
  ['status', 'substantial'],
  ['assessor', 'self_reported'],
  ['asOf', '2026-02-01'],
  ['narrative', narrative],
  ['narrativeTh', ''],
  ['evidenceUrl', 'https://www.mfa.go.th/en/content/b'],
  ['evidenceTitle', 'Cabinet resolution'],
  ['evidencePublisher', 'Royal Thai Government'],
  ['evidenceDate', '2026-01-20'],
  ['evidenceGrade', 'official'],
];

describe('two-person rule over the JSON API', () => {
  it('refuses to let the editor who edited and submitted another editor\'s draft publish or return it', async () => {
    const { body: draft } = await api('author', 'POST', '/api/v1/assessments', newAssessment());
    const edited = await api('both', 'PATCH', `/api/v1/assessments/${draft.id}`, { version: draft.version, narrative: 'Text the author did not write at all.' });
    expect(edited.status).toBe(200);
    const submitted = await api('both', 'POST', `/api/v1/assessments/${draft.id}/submit`, { version: edited.body.version });
    expect(submitted.status).toBe(200);
    const publish = await api('both', 'POST', `/api/v1/assessments/${draft.id}/review`, { decision: 'publish' });
    expect(publish.status).toBe(403);
    expect(publish.body.error.message).toContain('you cannot review an assessment you edited or submitted');
    const giveBack = await api('both', 'POST', `/api/v1/assessments/${draft.id}/review`, { decision: 'return', comment: 'Please redo.' });
    expect(giveBack.status).toBe(403);
    const state = await db.$client.execute({ sql: 'SELECT state FROM assessments WHERE id = ?', args: [draft.id] });
    expect(state.rows[0]!.state).toBe('submitted');
  });

  it('refuses return → edit → submit → publish by the same person, and the feed names both writers once another reviewer publishes', async () => {
    const { body: created } = await api('author', 'POST', '/api/v1/assessments', newAssessment({ submit: true, commitment: 'BJS-2', narrative: 'The author wrote this first version.' }));
    const returned = await api('reviewer', 'POST', `/api/v1/assessments/${created.id}/review`, { decision: 'return', comment: 'Add the budget.' });
    expect(returned.status).toBe(200);
    const edited = await api('both', 'PATCH', `/api/v1/assessments/${created.id}`, { version: returned.body.version, narrative: 'The second editor rewrote the whole narrative.' });
    expect(edited.status).toBe(200);
    await api('both', 'POST', `/api/v1/assessments/${created.id}/submit`, { version: edited.body.version });
    expect((await api('both', 'POST', `/api/v1/assessments/${created.id}/review`, { decision: 'publish' })).status).toBe(403);
    expect((await api('reviewer', 'POST', `/api/v1/assessments/${created.id}/review`, { decision: 'publish' })).status).toBe(200);

    const feed = await server.get('/parties/tha/feed.xml');
    const xml = new XMLParser({ ignoreAttributes: false }).parse(await feed.text());
    const entries = [xml.feed.entry].flat();
    const entry = entries.find((e: { link: { '@_href': string } }) => e.link['@_href'].endsWith(`#assessment-${created.id}`));
    expect(entry).toBeDefined();
    const authors = [entry.author].flat().map((a: { name: string }) => a.name);
    expect(authors).toEqual(['author', 'both']);
  });
});

describe('two-person rule through the forms', () => {
  it('refuses the reviewer who edited a returned assessment in the form', async () => {
    const { body: created } = await api('author', 'POST', '/api/v1/assessments', newAssessment({ submit: true, commitment: 'BJS-3' }));
    const returned = await api('reviewer', 'POST', `/api/v1/assessments/${created.id}/review`, { decision: 'return', comment: 'Name the agency.' });
    const path = `/workspace/assessments/${created.id}`;
    const saved = await form('both', path, 'assessments.update', [
      ...formFields('Rewritten in the form by the second editor.').map(([k, v]): [string, string] => (k === 'commitment' ? [k, 'BJS-3'] : [k, v])),
      ['id', String(created.id)],
      ['version', String(returned.body.version)],
      ['intent', 'submit'],
    ]);
    expect(saved.status, await saved.clone().text()).toBe(303);
    const decided = await form('both', '/workspace/review', 'review.decide', [['id', String(created.id)], ['decision', 'publish'], ['comment', '']]);
    expect(decided.status).toBe(403);
    expect(await decided.text()).toContain('you edited or submitted');
    const state = await db.$client.execute({ sql: 'SELECT state FROM assessments WHERE id = ?', args: [created.id] });
    expect(state.rows[0]!.state).toBe('submitted');
  });
});
