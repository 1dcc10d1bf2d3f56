/**
 * The OpenAPI 3.1 document of the read API, generated from the zod schemas in schemas.ts
 * (the same ones every endpoint parses its response with). Components come from the
 * `apiSchemas` registry; query parameters from each endpoint's query schema.
 */
import { z } from 'zod';
import { PAGE_LIMIT, apiSchemas } from './schemas';
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
    path: '/api/v1/changes',
    operationId: 'listChanges',
    summary: 'What changed between two dates for a party or an instrument: score changes, status changes and new evidence',
    description: 'Give `party` or `instrument` (not both) and `from`; `to` defaults to today. The same report as the /changes page. Unknown codes, junk dates and `from` after `to` get a 400 naming the parameter.',
    tag: 'Assessments',
    query: s.ChangesQuery,
    response: s.Changes,
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
  'Cache-Control': { description: 'public, max-age=0, must-revalidate', schema: { type: 'string' } },
};

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ref(s.ApiErrorBody) } } };
}

let cached: JsonObject | undefined;

/** The OpenAPI 3.1 document (built once). */
export function buildOpenApiDocument(): JsonObject {
  if (cached) return cached;
  const generated = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const components: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
    components[id] = rest;
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

  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Bangkok Joint Statement Monitor: open data API',
      version: '1.0.0',
      summary: 'Read-only, no sign-in: parties, instruments, commitments, published assessments with evidence, scores with coverage, indicators and conferences.',
      description:
        'Every score is shown with its coverage and the methodology version; `as_of=YYYY-MM-DD` shows the data as it stood on that day. Only published assessments are ever returned. Responses carry a strong ETag and `Cache-Control: public, max-age=0, must-revalidate` (keep them, but revalidate with `If-None-Match`; a 304 costs little). `/api/v1/changes` lists what changed for a party or an instrument between two dates. Bulk CSV and JSON downloads with a data dictionary are at /data. The monitor’s own data is licensed CC BY 4.0; the sources it cites keep their own terms.',
      license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    tags: [
      { name: parties, description: 'Parties and their scorecards' },
      { name: instruments, description: 'Instruments, entry into force and commitments' },
      { name: 'Assessments', description: 'Published assessments and their evidence' },
      { name: 'Reference', description: 'Indicators and conferences' },
    ],
    paths,
    components: { schemas: components },
  };
  return cached;
}
