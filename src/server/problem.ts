/**
 * Errors at the HTTP edge: everything that goes wrong becomes one `application/problem+json`
 * answer (RFC 9457) with a plain `detail` and, for bad input, the bad field. Never a stack.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldProblem {
  /** Where the bad value is, e.g. `data.mood` or `data.redLines[0].text`. */
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

/** Problem kinds the API answers with; each has a stable `type` documented on /api/docs. */
export type ProblemKind =
  | 'validation'
  | 'malformed-json'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'unauthenticated'
  | 'csrf'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'outreach-locked'
  | 'profile-required'
  | 'too-many-attempts'
  | 'invalid-credentials'
  | 'registration-refused'
  | 'limit-reached'
  | 'unknown-host'
  | 'busy'
  | 'unavailable'
  | 'internal';

const TITLES: Record<ProblemKind, [number, string]> = {
  validation: [400, 'Invalid request'],
  'malformed-json': [400, 'Malformed JSON'],
  'unsupported-media-type': [415, 'Unsupported media type'],
  'body-too-large': [413, 'Request body too large'],
  unauthenticated: [401, 'Not logged in'],
  csrf: [403, 'Request refused'],
  'not-found': [404, 'Not found'],
  'method-not-allowed': [405, 'Method not allowed'],
  conflict: [409, 'Conflict'],
  'outreach-locked': [423, 'Outreach is locked'],
  'profile-required': [409, 'Profile required'],
  'too-many-attempts': [429, 'Too many attempts'],
  'invalid-credentials': [401, 'Could not log in'],
  'registration-refused': [400, 'Could not create the account'],
  'limit-reached': [409, 'Limit reached'],
  'unknown-host': [421, 'Unknown host'],
  busy: [503, 'Busy, try again shortly'],
  unavailable: [503, 'Service unavailable'],
  internal: [500, 'Something went wrong'],
};

/** Thrown anywhere in a handler; the app's error handler turns it into problem+json. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  readonly title: string;
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    const [status, title] = TITLES[kind];
    this.status = status;
    this.title = title;
  }
}

/** The body for a problem kind. */
export function problemBody(kind: ProblemKind, detail: string, errors?: FieldProblem[]): ProblemBody {
  const [status, title] = TITLES[kind];
  const body: ProblemBody = { type: `/api/docs#problem-${kind}`, title, status, detail };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

/**
 * Answers a problem.
 *
 * @example
 * return problem(c, new HttpProblem('not-found', 'No check-in with this id.'));
 */
export function problem(c: Context, p: HttpProblem): Response {
  const body = problemBody(p.kind, p.detail, p.errors);
  c.header('Content-Type', 'application/problem+json; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(p.headers ?? {})) c.header(name, value);
  return c.body(JSON.stringify(body), p.status as ContentfulStatusCode);
}

/** Every problem kind with its status and title (for the OpenAPI document and the docs page). */
export function problemCatalogue(): { kind: ProblemKind; status: number; title: string }[] {
  return (Object.entries(TITLES) as [ProblemKind, [number, string]][]).map(([kind, [status, title]]) => ({
    kind,
    status,
    title,
  }));
}
