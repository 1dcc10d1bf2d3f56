/** The OpenAPI document is generated from the same zod schemas the endpoints parse their responses with. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { STATUSES, THEMES } from '../../src/domain/vocabulary';
import { ENDPOINTS, WRITE_OPERATIONS, buildOpenApiDocument } from '../../src/lib/api/openapi';
import { AssessmentCreateRequest, AssessmentPatchRequest, AssessmentReviewRequest, PAGE_LIMIT, Score, apiRequestSchemas, apiSchemas } from '../../src/lib/api/schemas';

type Json = Record<string, any>;
const doc = buildOpenApiDocument() as Json;

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else collectRefs(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with JSON Schema 2020-12, a licence and every endpoint', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.info.license).toEqual({ name: 'CC BY 4.0', identifier: 'CC-BY-4.0' });
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set([...ENDPOINTS, ...WRITE_OPERATIONS].map((e) => e.path))].sort());
    for (const endpoint of ENDPOINTS) {
      const get = doc.paths[endpoint.path].get;
      expect(get.responses['200'].content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(get.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
      expect(get.security).toBeUndefined();
    }
  });

  it('resolves every $ref to a component', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const id = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[id], ref).toBeDefined();
    }
  });

  it('has one component per registered zod schema, with no $schema or $id left inside', () => {
    const ids = Object.keys(doc.components.schemas);
    expect(ids).toContain('Scorecard');
    expect(ids).toContain('AssessmentPage');
    expect(ids).toContain('Error');
    for (const endpoint of ENDPOINTS) expect(apiSchemas.get(endpoint.response)?.id, endpoint.path).toBeDefined();
    for (const schema of Object.values(doc.components.schemas) as Json[]) {
      expect(schema.$schema).toBeUndefined();
      expect(schema.$id).toBeUndefined();
    }
  });

  it('compiles with a strict JSON Schema 2020-12 validator', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    // Strict mode refuses unknown keywords, so the components move under $defs for this check.
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
    ajv.addSchema({ $id: 'https://monitor.test/defs', $defs: defs });
    for (const id of Object.keys(defs)) {
      expect(() => ajv.compile({ $ref: `https://monitor.test/defs#/$defs/${id}` }), id).not.toThrow();
    }
  });

  it('lists each endpoint’s query parameters from its zod query schema', () => {
    for (const endpoint of ENDPOINTS) {
      const params = doc.paths[endpoint.path].get.parameters as Json[];
      const query = params.filter((p) => p.in === 'query').map((p) => p.name);
      expect(query, endpoint.path).toEqual(Object.keys(endpoint.query?.shape ?? {}));
      for (const p of params) expect(p.description, `${endpoint.path} ${p.name}`).toBeTruthy();
      if (endpoint.pathParam) expect(params[0]).toMatchObject({ name: endpoint.pathParam.name, in: 'path', required: true });
    }
    const assessments = doc.paths['/api/v1/assessments'].get.parameters as Json[];
    const param = (name: string) => assessments.find((p) => p.name === name)!;
    expect(param('status').schema.enum).toEqual([...STATUSES]);
    expect(param('theme').schema.enum).toEqual([...THEMES]);
    expect(param('limit').schema).toMatchObject({ type: 'integer', minimum: PAGE_LIMIT.min, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default });
    expect(param('since').schema).toMatchObject({ type: 'string', format: 'date' });
    expect(param('cursor').required).toBe(false);
  });

  it('describes a response the way the zod schema parses it', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const validate = ajv.compile({ $ref: 'openapi.json#/components/schemas/Score' });
    const samples: unknown[] = [
      { score: 0.5, rated: 1, applicable: 2, coverage: 0.5, methodologyVersion: '1.0' },
      { score: null, rated: 0, applicable: 0, coverage: null, methodologyVersion: '1.0' },
      { score: 1.5, rated: 1, applicable: 2, coverage: 0.5, methodologyVersion: '1.0' },
      { score: 0.5, rated: -1, applicable: 2, coverage: 0.5, methodologyVersion: '1.0' },
      { score: 0.5, rated: 1, applicable: 2, coverage: 0.5 },
    ];
    for (const sample of samples) expect(validate(sample), JSON.stringify(sample)).toBe(Score.safeParse(sample).success);
  });

  it('describes each write operation: request body from its zod schema, sign-in, and every error status', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    for (const op of WRITE_OPERATIONS) {
      const operation = doc.paths[op.path][op.method];
      expect(operation, `${op.method} ${op.path}`).toBeDefined();
      expect(operation.tags).toEqual(['Staff']);
      expect(operation.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
      expect(operation.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${apiRequestSchemas.get(op.request)!.id}`);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining([String(op.success), '400', '401', '403', '413', '415', '429']));
      expect(operation.responses[String(op.success)].content['application/json'].schema.$ref).toBe('#/components/schemas/StaffAssessment');
      if (op.path.includes('{id}')) {
        expect(operation.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
        expect(operation.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
        expect(operation.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/ConflictError');
      }
    }
    expect(doc.paths['/api/v1/assessments/{id}/submit'].post.requestBody.required).toBe(false);
    // Request bodies are described as they are accepted: enums, required fields, no unknown keys.
    const create = doc.components.schemas.AssessmentCreate;
    expect(create.required).toEqual(['party', 'commitment', 'status', 'asOf', 'narrative', 'evidence']);
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.status.enum).toEqual([...STATUSES]);
    expect(create.properties.submit).toMatchObject({ type: 'boolean' });
    expect(doc.components.schemas.AssessmentPatch.required).toEqual(['version']);
    expect(doc.components.schemas.AssessmentReview.properties.decision.enum).toEqual(['publish', 'return']);
  });

  it('accepts and refuses request bodies as the zod schemas do (on samples JSON Schema can express)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const evidence = [{ url: 'https://example.org/a', title: 'A law', publisher: 'Gazette', grade: 'law' }];
    const base = { party: 'THA', commitment: 'BJS-1', status: 'limited', assessor: 'self_reported', asOf: '2026-01-15', narrative: 'Ten or more characters.', evidence };
    const cases: [z.ZodType, string, unknown][] = [
      [AssessmentCreateRequest, 'AssessmentCreate', base],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, submit: true }],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, submit: 'yes' }],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, status: 'done' }],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, evidence: [] }],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, extra: 1 }],
      [AssessmentCreateRequest, 'AssessmentCreate', { ...base, narrative: 'short' }],
      [AssessmentPatchRequest, 'AssessmentPatch', { version: 3, status: 'complete' }],
      [AssessmentPatchRequest, 'AssessmentPatch', { status: 'complete' }],
      [AssessmentPatchRequest, 'AssessmentPatch', { version: 1.5 }],
      [AssessmentPatchRequest, 'AssessmentPatch', { version: 0 }],
      [AssessmentReviewRequest, 'AssessmentReview', { decision: 'publish' }],
      [AssessmentReviewRequest, 'AssessmentReview', { decision: 'return', comment: 'Fix the date.' }],
      [AssessmentReviewRequest, 'AssessmentReview', { decision: 'return', comment: null }],
      [AssessmentReviewRequest, 'AssessmentReview', { decision: 'approve' }],
      [AssessmentReviewRequest, 'AssessmentReview', { decision: 'publish', comment: 'x'.repeat(2001) }],
    ];
    for (const [schema, id, sample] of cases) {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${id}`) ?? ajv.compile({ $ref: `openapi.json#/components/schemas/${id}` });
      expect(validate(sample), `${id} ${JSON.stringify(sample).slice(0, 80)}`).toBe(schema.safeParse(sample).success);
    }
  });

  it('has a route file for every path', () => {
    for (const endpoint of [...ENDPOINTS, ...WRITE_OPERATIONS]) {
      const base = resolve('src/pages', endpoint.path.slice(1).replace(/\{(\w+)\}/g, '[$1]'));
      expect(existsSync(`${base}.ts`) || existsSync(`${base}/index.ts`), endpoint.path).toBe(true);
    }
  });

  it('gives every piece of evidence its own confidence and checked day (nullable for older rows)', () => {
    const evidence = doc.components.schemas.Evidence as Json;
    expect(evidence.required).toEqual(expect.arrayContaining(['confidence', 'checkedOn']));
    expect(evidence.properties.confidence.anyOf ?? evidence.properties.confidence.type).toBeDefined();
    expect(JSON.stringify(evidence.properties.confidence)).toContain('confirmed');
    expect(JSON.stringify(evidence.properties.confidence)).toContain('null');
    expect(JSON.stringify(evidence.properties.checkedOn)).toContain('null');
    // Every response that carries evidence reaches it through this one component.
    for (const name of ['CurrentAssessment', 'Assessment', 'NewEvidence', 'ChangedEvidence']) expect(JSON.stringify(doc.components.schemas[name]), name).toContain('#/components/schemas/Evidence');
  });
});
