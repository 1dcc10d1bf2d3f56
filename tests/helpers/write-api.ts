/** Calling the staff write API of a test server the way a browser or a program would. */
import type { TestServer } from './server';

export interface Credentials {
  /** A `session=…` cookie (a browser), or */
  cookie?: string;
  /** an API token (a program). */
  token?: string;
}

export interface CallOptions extends Credentials {
  /** A JSON value to send, or a string sent as is. */
  body?: unknown;
  /** `Origin` to send; the server's own by default, `null` for none. */
  origin?: string | null;
  contentType?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any;
}

/** Sends one request and reads the whole answer. */
export async function callApi(server: TestServer, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
  } else if (options.contentType) {
    headers['content-type'] = options.contentType;
  }
  const response = await server.get(path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A valid new-assessment body for THA (override any field). */
export function newAssessment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    party: 'THA',
    commitment: 'BJS-1',
    status: 'limited',
    assessor: 'self_reported',
    asOf: '2026-01-15',
    narrative: 'A lead agency was named by cabinet resolution.',
    evidence: [{ url: 'https://www.mfa.go.th/en/example', title: 'Cabinet resolution', publisher: 'Cabinet Secretariat', date: '2026-01-10', grade: 'official' }],
    ...overrides,
  };
}
