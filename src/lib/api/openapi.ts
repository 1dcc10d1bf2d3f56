/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas in schemas.ts (the
 * same ones every endpoint parses its response, and every write endpoint its request body,
 * with). Components come from the `apiSchemas` registry (responses, as sent) and the
 * `apiRequestSchemas` registry (request bodies, as accepted); query parameters from each
 * read endpoint's query schema.
 */
import { z } from 'zod';
import { PAGE_LIMIT, WRITE_BODY_LIMIT, apiRequestSchemas, apiSchemas } from './schemas';
import * as s from './schemas';

/** One GET endpoint of the API as the document describes it. */
export interface EndpointSpec {
  /** The path in OpenAPI form, e.g. `/api/v1/parties/{code}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  pathParam?: { name: string; description: string };
  /** A registered schema (see `apiSchemas`). */
  response: z.ZodType;
}

const parties = 'Parties';
const instruments = 'Instruments';

/** Every endpoint, in the order the document lists them. */
export const ENDPOINTS: readonly EndpointSpec[] = [
  {
    path: '/api/v1/parties',
    operationId: 'listParties',
    summary: 'Parties, filtered like the /parties page, with their overall scores',
    tag: parties,
    query: s.PartiesQuery,
    response: s.PartyList,
  },
  {
    path: '/api/v1/parties/{code}',
    operationId: 'getPartyScorecard',
    summary: "A party's scorecard: scores by assessor, instrument and theme with coverage, and every applicable commitment with its current assessments and evidence",
    description: 'The same figures as the party’s page on the site (`/parties/{code}`), computed by the same code.',
    tag: parties,
    query: s.AsOfQuery,
    pathParam: { name: 'code', description: 'The party’s code (lower-case ISO 3166 alpha-3 for states); any case.' },
    response: s.Scorecard,
  },
  {
    path: '/api/v1/instruments',
    operationId: 'listInstruments',
    summary: 'Every instrument, with where it stands on entry into force',
    tag: instruments,
    query: s.AsOfQuery,
    response: s.InstrumentList,
  },
  {
    path: '/api/v1/instruments/{slug}',
    operationId: 'getInstrument',
    summary: 'One instrument with its parties’ actions, entry-into-force status and commitments',
    tag: instruments,
    query: s.AsOfQuery,
    pathParam: { name: 'slug', description: 'The instrument’s slug; any case.' },
    response: s.InstrumentDetail,
  },
  {
    path: '/api/v1/commitments',
    operationId: 'listCommitments',
    summary: 'Commitments, optionally of one instrument or theme',
    tag: instruments,
    query: s.CommitmentsQuery,
    response: s.CommitmentList,
  },
  {
    path: '/api/v1/assessments',
    operationId: 'listAssessments',
    summary: 'Published assessments with their evidence, oldest publication first, page by page',
    description: `Cursor pagination in a stable order (publication time, then id): follow \`nextCursor\` until it is null. No row is skipped or repeated, even while new assessments are published; those come after every row that existed before. \`limit\` is ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default}).`,
    tag: 'Assessments',
    query: s.AssessmentsQuery,
    response: s.AssessmentPage,
  },
  {
    path: '/api/v1/measures',
    operationId: 'listMeasures',
    summary: 'Published measures (laws, decrees, institutions, programmes, agreements, operations) with their steps, sources and the commitments they serve, page by page',
    description: `Filter by \`party\`, \`commitment\` (the crosswalk: measures mapped to that commitment) and \`kind\`. Cursor pagination in a stable order (publication time, then id): follow \`nextCursor\` until it is null. \`limit\` is ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default}).`,
    tag: 'Measures',
    query: s.MeasuresQuery,
    response: s.MeasurePage,
  },
  {
    path: '/api/v1/measures/{id}',
    operationId: 'getMeasure',
    summary: 'One published measure with its steps, sources and crosswalk links',
    tag: 'Measures',
    pathParam: { name: 'id', description: 'The measure’s id, e.g. `tha-emergency-decree-technology-crime-no2-2025`.' },
    response: s.MeasureDetailBody,
  },
  {
    path: '/api/v1/changes',
    operationId: 'listChanges',
    summary: 'What changed between two dates for a party or an instrument: score changes, status changes and new evidence',
    description: 'Give `party` or `instrument` (not both) and `from`; `to` defaults to today. The same report as the /changes page. Unknown codes, junk dates and `from` after `to` get a 400 naming the parameter.',
    tag: 'Assessments',
    query: s.ChangesQuery,
    response: s.Changes,
  },
  {
    path: '/api/v1/search',
    operationId: 'search',
    summary: 'Full-text search over parties, instruments, commitments, published measures, assessments and evidence, in English and Thai',
    description:
      'Every term must appear (as a substring: Thai has no spaces between words); terms shorter than 3 characters are ignored and listed in `query.ignoredTerms`. At most 8 terms of at most 64 characters, 200 characters in all; 20 results per kind and page; for assessments and evidence the best matches among the newest 2,000 matching rows (`capped`). Unknown `party`, `instrument` or `kind` is a 400 naming the parameter; any text in `q` is an answer, never an error.',
    tag: 'Search',
    query: s.SearchQuery,
    response: s.SearchResults,
  },
  {
    path: '/api/v1/indicators',
    operationId: 'listIndicators',
    summary: 'Headline indicators with their values and sources',
    tag: 'Reference',
    query: s.IndicatorsQuery,
    response: s.IndicatorList,
  },
  {
    path: '/api/v1/conferences',
    operationId: 'listConferences',
    summary: 'Conferences with their participants and outcome instruments',
    tag: 'Reference',
    response: s.ConferenceList,
  },
];

/** One write operation of the staff API as the document describes it. */
export interface WriteOperationSpec {
  path: string;
  method: 'post' | 'patch';
  operationId: string;
  summary: string;
  description?: string;
  /** A registered request schema (see `apiRequestSchemas`). */
  request: z.ZodType;
  /** Whether the operation needs a body. */
  requestRequired: boolean;
  /** The status of a successful answer. */
  success: 200 | 201;
  /** Error statuses the operation may answer beyond those every write may (400, 401, 403, 413, 415, 429). */
  errors: Partial<Record<404 | 409, string>>;
}

const idParam = { name: 'id', description: 'The assessment’s id.' };
const staff = 'Staff';

/** Every write operation, in the order the document lists them. */
export const WRITE_OPERATIONS: readonly WriteOperationSpec[] = [
  {
    path: '/api/v1/assessments',
    method: 'post',
    operationId: 'createAssessment',
    summary: 'Create an assessment (a draft, or submitted for review at once with `submit: true`)',
    description: 'For editors, for a party in their scope. Answers 201 with the assessment, its `id`, `version` (1) and `state`.',
    request: s.AssessmentCreateRequest,
    requestRequired: true,
    success: 201,
    errors: {},
  },
  {
    path: '/api/v1/assessments/{id}',
    method: 'patch',
    operationId: 'editAssessment',
    summary: 'Edit a draft or returned assessment, carrying the version you read',
    description: 'For editors, for a party in their scope. Fields left out keep their value. A stale `version` answers 409 with the current version; nothing is written.',
    request: s.AssessmentPatchRequest,
    requestRequired: true,
    success: 200,
    errors: { 404: 'No such assessment.', 409: 'The version is stale (`currentVersion` says the current one), or the assessment is no longer a draft or returned.' },
  },
  {
    path: '/api/v1/assessments/{id}/submit',
    method: 'post',
    operationId: 'submitAssessment',
    summary: 'Send a draft or returned assessment to review',
    description: 'For editors, for a party in their scope. The body is optional.',
    request: s.AssessmentSubmitRequest,
    requestRequired: false,
    success: 200,
    errors: { 404: 'No such assessment.', 409: 'The assessment is not a draft or returned, or the `version` sent is stale.' },
  },
  {
    path: '/api/v1/assessments/{id}/review',
    method: 'post',
    operationId: 'reviewAssessment',
    summary: 'Publish or return a submitted assessment',
    description: 'For reviewers, never on an assessment they wrote (two-person rule: 403). Publishing makes it public on the scorecards.',
    request: s.AssessmentReviewRequest,
    requestRequired: true,
    success: 200,
    errors: { 404: 'No such assessment.', 409: 'The assessment is not submitted.' },
  },
];

const requestRef = (schema: z.ZodType) => {
  const id = apiRequestSchemas.get(schema)?.id;
  if (!id) throw new Error('schema is not registered in apiRequestSchemas');
  return { $ref: `#/components/schemas/${id}` };
};

const ref = (schema: z.ZodType) => {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error('schema is not registered in apiSchemas');
  return { $ref: `#/components/schemas/${id}` };
};

type JsonObject = Record<string, unknown>;

/** The JSON Schema of one query parameter, without the keys OpenAPI keeps on the parameter itself. */
function parameterSchema(field: z.ZodType): JsonObject {
  const { $schema: _schema, description: _description, ...schema } = z.toJSONSchema(field, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonObject;
  return schema;
}

function parametersOf(endpoint: EndpointSpec): JsonObject[] {
  const result: JsonObject[] = [];
  if (endpoint.pathParam) {
    result.push({ name: endpoint.pathParam.name, in: 'path', required: true, description: endpoint.pathParam.description, schema: { type: 'string' } });
  }
  for (const [name, field] of Object.entries(endpoint.query?.shape ?? {}) as [string, z.ZodType][]) {
    result.push({
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      description: field.description ?? describedInner(field),
      schema: parameterSchema(field),
    });
  }
  return result;
}

/** The description of an optional or defaulted field's inner schema. */
function describedInner(field: z.ZodType): string | undefined {
  const inner = (field as unknown as { unwrap?: () => z.ZodType }).unwrap?.();
  return inner?.description;
}

const cacheHeaders = {
  ETag: { description: 'A strong entity tag: the SHA-256 of the body.', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=0, must-revalidate`; for a past `as_of` (or a change report whose `to` is past) `public, max-age=31536000, immutable`', schema: { type: 'string' } },
};

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ref(s.ApiErrorBody) } } };
}

/** The answers of a write operation. */
function writeResponses(op: WriteOperationSpec): JsonObject {
  const responses: JsonObject = {
    [String(op.success)]: { description: op.success === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: ref(s.StaffAssessment) } } },
    '400': errorResponse('The body is not valid JSON or not a valid request; `error.field` names the field at fault (a dotted path), e.g. an unknown party or commitment.'),
    '401': errorResponse('Not signed in: send the session cookie or `Authorization: Bearer <token>`.'),
    '403': errorResponse('Not allowed: a cross-site request, a party outside your scope, a missing role, or reviewing your own assessment. Recorded in the audit log.'),
  };
  if (op.errors[404]) responses['404'] = errorResponse(op.errors[404]);
  if (op.errors[409]) responses['409'] = { description: op.errors[409], content: { 'application/json': { schema: ref(s.ConflictErrorBody) } } };
  responses['413'] = errorResponse(`The body is larger than ${WRITE_BODY_LIMIT} bytes.`);
  responses['415'] = errorResponse('The body is not sent as `application/json`.');
  responses['429'] = {
    ...errorResponse('Too many writes by this user; wait the number of seconds in Retry-After.'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  };
  return responses;
}

/** A component schema from zod's JSON Schema output, without the keys the document keeps elsewhere. */
function componentsOf(registry: typeof apiSchemas, io: 'input' | 'output'): Record<string, JsonObject> {
  const generated = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: (id) => `#/components/schemas/${id}` }).schemas;
  const components: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
    components[id] = rest;
  }
  return components;
}

let cached: JsonObject | undefined;

/** The OpenAPI 3.1 document (built once). */
export function buildOpenApiDocument(): JsonObject {
  if (cached) return cached;
  const components = componentsOf(apiSchemas, 'output');
  for (const [id, schema] of Object.entries(componentsOf(apiRequestSchemas, 'input'))) {
    if (components[id]) throw new Error(`request schema ${id} has the name of a response schema`);
    components[id] = schema;
  }

  const paths: Record<string, JsonObject> = {};
  for (const endpoint of ENDPOINTS) {
    const responses: JsonObject = {
      '200': { description: 'OK', headers: cacheHeaders, content: { 'application/json': { schema: ref(endpoint.response) } } },
      '304': { description: 'Not modified: the `If-None-Match` tag matches the current body.', headers: cacheHeaders },
      '400': errorResponse('A query parameter is not valid; `error.field` names it.'),
    };
    if (endpoint.pathParam) responses['404'] = errorResponse(`No such ${endpoint.pathParam.name}.`);
    paths[endpoint.path] = {
      get: {
        operationId: endpoint.operationId,
        summary: endpoint.summary,
        ...(endpoint.description ? { description: endpoint.description } : {}),
        tags: [endpoint.tag],
        parameters: parametersOf(endpoint),
        responses,
      },
    };
  }

  for (const op of WRITE_OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [staff],
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
      ...(op.path.includes('{id}') ? { parameters: [{ name: idParam.name, in: 'path', required: true, description: idParam.description, schema: { type: 'integer', minimum: 1 } }] } : {}),
      requestBody: { required: op.requestRequired, content: { 'application/json': { schema: requestRef(op.request) } } },
      responses: writeResponses(op),
    };
  }

  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Bangkok Joint Statement Monitor: open data API',
      version: '1.0.0',
      summary: 'Open data without sign-in (parties, instruments, commitments, published assessments with evidence, scores with coverage, indicators and conferences), and a write API for staff tools.',
      description:
        'The GET operations are public and need no sign-in. The write operations (tag Staff) need a staff session cookie or a personal API token (`Authorization: Bearer <token>`), a JSON body (`Content-Type: application/json`), and, from a browser, a same-origin request: a foreign `Origin` or `Sec-Fetch-Site: cross-site` answers 403. Every score is shown with its coverage and the methodology version; `as_of=YYYY-MM-DD` shows what the monitor had published by the end of that day (UTC): an assessment published later, even one dated earlier, never changes the answer for a past day. Only published assessments are ever returned. Public responses carry a strong ETag and `Cache-Control: public, max-age=0, must-revalidate` (keep them, but revalidate with `If-None-Match`; a 304 costs little); an answer for a past `as_of` never changes and carries `Cache-Control: public, max-age=31536000, immutable`. `/api/v1/changes` lists what changed for a party, an instrument, or every party and instrument between two dates: status and score changes, new and changed evidence, treaty actions. Bulk CSV and JSON downloads with a data dictionary are at /data. The monitor’s own data is licensed CC BY 4.0; the sources it cites keep their own terms.',
      license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    tags: [
      { name: parties, description: 'Parties and their scorecards' },
      { name: instruments, description: 'Instruments, entry into force and commitments' },
      { name: 'Assessments', description: 'Published assessments and their evidence' },
      { name: 'Measures', description: 'The measures register and its crosswalk to commitments' },
      { name: 'Search', description: 'Full-text search over parties, instruments, commitments, published assessments and evidence' },
      { name: 'Reference', description: 'Indicators and conferences' },
      { name: staff, description: 'Writing assessments (staff tools): create, edit, submit, review' },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token created in the workspace.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'session', description: 'The session cookie set by signing in at /login.' },
      },
    },
  };
  return cached;
}
