/** The /docs/api reference says what the OpenAPI document says: every operation, parameter, answer and schema. */
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/lib/api/openapi';
import { buildApiReference, describeSchemaType } from '../../src/lib/api/openapi-reference';

const document = buildOpenApiDocument();
const reference = buildApiReference(document);
const operations = reference.tags.flatMap((t) => t.operations);

describe('API reference from the OpenAPI document', () => {
  it('lists every operation of the document once, under its tag', () => {
    const inDocument = Object.entries(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.map((op) => `${op.method} ${op.path} ${op.id}`).sort()).toEqual(inDocument.sort());
    expect(reference.tags.map((t) => t.name)).toEqual(['Parties', 'Instruments', 'Assessments', 'Measures', 'Search', 'Reference', 'Staff']);
    expect(reference.tags.find((t) => t.name === 'Staff')!.operations.every((op) => op.signedIn)).toBe(true);
  });

  it('gives each operation its parameters, body and answers', () => {
    const list = operations.find((op) => op.id === 'listAssessments')!;
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['party', 'theme', 'status', 'as_of', 'cursor', 'limit']));
    expect(list.parameters.find((p) => p.name === 'status')!.type).toContain('"complete"');
    expect(list.responses.map((r) => r.status)).toEqual(['200', '304', '400']);
    expect(list.responses[0]!.schema).toBe('AssessmentPage');
    const create = operations.find((op) => op.id === 'createAssessment')!;
    expect(create.body).toEqual({ schema: 'AssessmentCreate', required: true });
    expect(create.responses.map((r) => r.status)).toEqual(['201', '400', '401', '403', '413', '415', '429']);
  });

  it('describes every schema with its fields', () => {
    const names = Object.keys((document.components as { schemas: object }).schemas);
    expect(reference.schemas.map((s) => s.name)).toEqual(names);
    const page = reference.schemas.find((s) => s.name === 'AssessmentPage')!;
    expect(page.fields.find((f) => f.name === 'data')).toMatchObject({ type: 'Assessment[]', required: true });
  });

  it('writes types in a few words', () => {
    expect(describeSchemaType({ $ref: '#/components/schemas/Party' })).toBe('Party');
    expect(describeSchemaType({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(describeSchemaType({ type: ['string', 'null'] })).toBe('string or null');
    expect(describeSchemaType({ anyOf: [{ $ref: '#/x/Date' }, { type: 'null' }] })).toBe('Date or null');
    expect(describeSchemaType({ type: 'integer', minimum: 1, maximum: 500, default: 100 })).toBe('integer (≥ 1, ≤ 500, default 100)');
    expect(describeSchemaType({ enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(describeSchemaType({})).toBe('any');
  });
});
