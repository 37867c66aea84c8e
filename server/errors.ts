/** Server errors that carry an HTTP status and a shared error reason. */
import { ErrorReason, type ApiError } from '../shared/protocol.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: ErrorReason,
    message: string,
    readonly issues?: ApiError['issues'],
    /** Extra headers for the response (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
    /** A specific, machine-readable refusal (ApiError.code). */
    readonly code?: string,
  ) {
    super(message);
  }
  toApiError(): ApiError {
    const retry = Number(this.headers['Retry-After']);
    return {
      reason: this.reason,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
      ...(this.code ? { code: this.code } : {}),
    };
  }
}

export class BadRequest extends HttpError {
  constructor(message: string, issues?: ApiError['issues']) {
    super(400, ErrorReason.BadRequest, message, issues);
  }
}
export class Unauthenticated extends HttpError {
  constructor(message = 'Please sign in.') {
    super(401, ErrorReason.Unauthenticated, message);
  }
}
export class Forbidden extends HttpError {
  constructor(message = 'You are not allowed to do that.') {
    super(403, ErrorReason.Forbidden, message);
  }
}
export class NotFound extends HttpError {
  constructor(message = 'Not found.') {
    super(404, ErrorReason.NotFound, message);
  }
}
export class Conflict extends HttpError {
  constructor(message: string, code?: string) {
    super(409, ErrorReason.Conflict, message, undefined, {}, code);
  }
}
export class TooManyRequests extends HttpError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, ErrorReason.TooManyRequests, message, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}

/** Turns a zod error into the `issues` list of an ApiError. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): ApiError['issues'] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Parses `input` with `schema`, throwing a 400 BadRequest that lists the problems. */
export function parseOr400<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
  what = 'request body',
): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = zodIssues(result.error);
    const first = issues?.[0];
    throw new BadRequest(`Invalid ${what}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`, issues);
  }
  return result.data;
}
