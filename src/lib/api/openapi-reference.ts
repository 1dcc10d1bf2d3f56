/**
 * The OpenAPI document (openapi.ts) turned into a readable reference for the /docs/api page:
 * operations grouped by tag with their parameters, request body and answers, then every
 * schema with its fields. Pure: it reads the document and nothing else, so the page always
 * says what /api/v1/openapi.json says.
 */

type Json = Record<string, unknown>;

/** One parameter of an operation. */
export interface ReferenceParameter {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description: string;
}

/** One answer an operation may give. */
export interface ReferenceResponse {
  status: string;
  description: string;
  /** The schema of the JSON body, by name, when there is one. */
  schema: string | null;
}

/** One method on one path. */
export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** Whether it needs a session cookie or bearer token. */
  signedIn: boolean;
  parameters: ReferenceParameter[];
  /** The request body's schema name, and whether the body is required. */
  body: { schema: string; required: boolean } | null;
  responses: ReferenceResponse[];
}

/** One field of a schema. */
export interface ReferenceField {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** One named schema. */
export interface ReferenceSchema {
  name: string;
  description: string;
  /** Its fields, when it is an object; otherwise its type in `type`. */
  fields: ReferenceField[];
  type: string;
}

export interface ApiReference {
  title: string;
  version: string;
  description: string;
  tags: { name: string; description: string; operations: ReferenceOperation[] }[];
  schemas: ReferenceSchema[];
}

const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The name a `$ref` points to (`#/components/schemas/Party` → `Party`). */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** A JSON Schema in a few words: `string (date)`, `Party[]`, `"a" | "b"`, `integer ≥ 1`, `string or null`. */
export function describeSchemaType(input: unknown): string {
  const schema = asObject(input);
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return [...new Set((schema[key] as unknown[]).map(describeSchemaType))].join(' or ');
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return `${describeSchemaType(schema.items)}[]`;
      const notes: string[] = [];
      if (typeof schema.format === 'string') notes.push(schema.format);
      if (typeof schema.pattern === 'string' && !schema.format) notes.push(`pattern ${schema.pattern}`);
      if (typeof schema.minimum === 'number') notes.push(`≥ ${schema.minimum}`);
      if (typeof schema.maximum === 'number') notes.push(`≤ ${schema.maximum}`);
      if (typeof schema.maxLength === 'number') notes.push(`at most ${schema.maxLength} characters`);
      if ('default' in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
      return notes.length ? `${type} (${notes.join(', ')})` : type;
    })
    .join(' or ');
}

function jsonSchemaOf(content: unknown): string | null {
  const ref = asObject(asObject(asObject(content)['application/json']).schema).$ref;
  return typeof ref === 'string' ? refName(ref) : null;
}

function operationOf(path: string, method: string, input: Json): ReferenceOperation {
  const body = asObject(input.requestBody);
  const bodySchema = jsonSchemaOf(body.content);
  return {
    id: asString(input.operationId),
    method: method.toUpperCase(),
    path,
    summary: asString(input.summary),
    description: asString(input.description),
    signedIn: Array.isArray(input.security) && input.security.length > 0,
    parameters: (Array.isArray(input.parameters) ? input.parameters : []).map((p) => {
      const param = asObject(p);
      return { name: asString(param.name), in: asString(param.in), required: param.required === true, type: describeSchemaType(param.schema), description: asString(param.description) };
    }),
    body: bodySchema ? { schema: bodySchema, required: body.required === true } : null,
    responses: Object.entries(asObject(input.responses)).map(([status, r]) => ({
      status,
      description: asString(asObject(r).description),
      schema: jsonSchemaOf(asObject(r).content),
    })),
  };
}

function schemaOf(name: string, input: Json): ReferenceSchema {
  const required = new Set(Array.isArray(input.required) ? (input.required as string[]) : []);
  const fields = Object.entries(asObject(input.properties)).map(([field, s]) => ({
    name: field,
    type: describeSchemaType(s),
    required: required.has(field),
    description: asString(asObject(s).description),
  }));
  return { name, description: asString(input.description), fields, type: describeSchemaType(input) };
}

/** The reference for an OpenAPI 3.1 document: tags in the document's order, operations in path order within each. */
export function buildApiReference(document: Json): ApiReference {
  const info = asObject(document.info);
  const tags = (Array.isArray(document.tags) ? document.tags : []).map((t) => ({
    name: asString(asObject(t).name),
    description: asString(asObject(t).description),
    operations: [] as ReferenceOperation[],
  }));
  for (const [path, item] of Object.entries(asObject(document.paths))) {
    for (const [method, op] of Object.entries(asObject(item))) {
      const operation = asObject(op);
      const tagName = asString((operation.tags as unknown[] | undefined)?.[0]);
      let tag = tags.find((t) => t.name === tagName);
      if (!tag) tags.push((tag = { name: tagName, description: '', operations: [] }));
      tag.operations.push(operationOf(path, method, operation));
    }
  }
  const schemas = Object.entries(asObject(asObject(document.components).schemas)).map(([name, s]) => schemaOf(name, asObject(s)));
  return { title: asString(info.title), version: asString(info.version), description: asString(info.description), tags, schemas };
}
