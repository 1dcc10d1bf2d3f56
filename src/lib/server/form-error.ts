/**
 * Errors from workspace actions as pages show them: the HTTP status, a sentence, the form
 * field at fault and, for some, more details (the current version after a conflict).
 *
 * An ActionError carries only a code and a message across to the page that renders the
 * result (Astro re-creates it from JSON), so the field and details travel inside the message
 * as JSON. `readFormError` also understands Astro's own input-validation errors.
 */
import { ActionError, isInputError } from 'astro:actions';

type ErrorCode = ConstructorParameters<typeof ActionError>[0]['code'];

/** What a page needs to show an error beside the right field. */
export interface FormError {
  status: number;
  message: string;
  /** The field at fault (a form field name such as `narrative` or `evidence.1.url`), or null. */
  field: string | null;
  /** Every field's problem, when several are known. */
  errors: Record<string, string>;
  details: Record<string, unknown>;
  /** The refusal's stable code and parameters (src/i18n/workflow-messages.ts), when it has one. */
  code?: string | null;
  params?: Record<string, string | number> | null;
}

interface Payload {
  message: string;
  field: string | null;
  errors?: Record<string, string>;
  details?: Record<string, unknown>;
  code?: string | null;
  params?: Record<string, string | number> | null;
}

const CODES: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS' };

/** An ActionError for a page to show beside `field`. */
export function formError(status: 400 | 401 | 403 | 404 | 409 | 429, message: string, field: string | null = null, extra: { errors?: Record<string, string>; details?: Record<string, unknown>; code?: string | null; params?: Record<string, string | number> | null } = {}): ActionError {
  const payload: Payload = { message, field, ...extra };
  return new ActionError({ code: CODES[status]!, message: JSON.stringify(payload) });
}

/** The error of an action result as a FormError, or null when there is none. */
export function readFormError(error: unknown): FormError | null {
  if (!error) return null;
  if (isInputError(error)) {
    const errors: Record<string, string> = {};
    for (const [key, messages] of Object.entries(error.fields as Record<string, string[] | undefined>)) {
      if (messages?.[0]) errors[key] = messages[0];
    }
    const [field, message] = Object.entries(errors)[0] ?? [null, 'The form was not filled in correctly.'];
    return { status: 400, message: field ? `${field}: ${message}` : message, field, errors, details: {} };
  }
  if (error instanceof ActionError) {
    try {
      const payload = JSON.parse(error.message) as Payload;
      if (typeof payload.message === 'string') {
        const errors = { ...(payload.errors ?? {}) };
        if (payload.field && !errors[payload.field]) errors[payload.field] = payload.message;
        return { status: error.status, message: payload.message, field: payload.field ?? null, errors, details: payload.details ?? {}, code: payload.code ?? null, params: payload.params ?? null };
      }
    } catch {
      // Not one of ours: Astro's own (too large, wrong content type).
    }
    return { status: error.status, message: error.message || 'The request could not be carried out.', field: null, errors: {}, details: {} };
  }
  return { status: 500, message: 'Something went wrong; nothing was changed.', field: null, errors: {}, details: {} };
}
