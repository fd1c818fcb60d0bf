import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ShakeoutError, unknownEntityAt, valueAt, type Issue } from '../app/index.js';

/** The body of every error response: the status, a message, and the issues (field, what was expected, what came). */
export interface ErrorBody {
  readonly error: {
    readonly status: number;
    readonly message: string;
    readonly issues: readonly Issue[];
  };
}

/** Statuses an error may carry out of the product; anything else is a 500. */
const KNOWN = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 499, 503]);

/**
 * The one place errors become responses: a ShakeoutError keeps its status
 * and issues (400 bad input, 404 unknown, with the suggestion in its message,
 * 409 conflict); Hono's own exceptions (a body over the limit: 413) keep
 * theirs; anything else is a 500 whose message names no internals.
 */
export function errorResponse(c: Context, e: unknown): Response {
  if (e instanceof ShakeoutError) {
    // an unknown name in the query is a 400 on its field (unknownEntityAt); in the path it stays the store's 404
    const atField = unknownEntityAt(e, [...new URL(c.req.url).searchParams].map(([k, v]) => [['query', k], v] as const));
    if (atField) return c.json(body(400, atField.message, atField.issues), 400);
    const status = KNOWN.has(e.status) ? e.status : 500;
    return c.json(body(status, e.message, e.issues), status as 400);
  }
  if (e instanceof HTTPException) {
    // a refusal that carries its own response (the bearer token's: status, message and issue as ErrorBody)
    if (e.res) return e.getResponse();
    const issue = bodyIssue(c, e);
    if (issue) return c.json(body(e.status, `${issue.path.at(-1)}: ${issue.message}`, [issue]), e.status);
    const message = e.message || (e.status === 413 ? 'request body too large' : 'request refused');
    return c.json(body(e.status, message, []), e.status);
  }
  console.error(e);
  return c.json(body(500, 'internal error: the server could not complete the request; it has been logged', []), 500);
}

/**
 * Hono's own refusals of a request body, said as issues: a body that is not
 * JSON (its validator's "Malformed JSON in request body") and a body of a
 * type the route does not take (zod-openapi's 415 "Unsupported Media Type").
 */
function bodyIssue(c: Context, e: HTTPException): Issue | null {
  if (e.status === 400 && /malformed json/i.test(e.message)) {
    return { code: 'invalid_json', path: ['json'], message: 'expected a request body in JSON, got text that is not JSON (strings in double quotes, fields separated by commas)' };
  }
  if (e.status === 415) {
    const got = c.req.header('content-type');
    return { code: 'unsupported_media_type', path: ['header', 'content-type'], message: `expected application/json, got ${got === undefined ? 'none' : JSON.stringify(got)}` };
  }
  return null;
}

export function body(status: number, message: string, issues: readonly Issue[]): ErrorBody {
  return { error: { status, message, issues } };
}

interface ZodLikeIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly keys?: readonly string[];
}

/**
 * The validation hook of every route: a request that does not match its
 * schema is a 400 whose issues name the field ('query.limit'), what was
 * expected and what came.
 */
export async function validationHook(
  result: { success: true } | { success: false; error: { issues: readonly ZodLikeIssue[] }; target: string },
  c: Context,
): Promise<Response | undefined> {
  if (result.success) return undefined;
  const raw = await rawInput(c, result.target);
  const issues: Issue[] = result.error.issues.map((i) => {
    const path = [result.target, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const got = valueAt(raw, i.path);
    const said = structured(i);
    return {
      code: said.code, path, message: `expected ${expected(i)}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`,
      ...(said.expected === undefined ? {} : { expected: said.expected }),
      ...(got === undefined ? {} : { got: typeof got === 'string' ? got : JSON.stringify(got) }),
    };
  });
  const message = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return c.json(body(400, message, issues), 400);
}

/**
 * An issue's code and what it expected, as data a reader in another language
 * can say again: the type ('number', 'int'), the values allowed (joined by
 * ', '), the bound; a bound on a string's length is 'too_short' or 'too_long'.
 */
function structured(i: ZodLikeIssue): { code: string; expected?: string } {
  if (i.code === 'invalid_value' && i.values) return { code: i.code, expected: i.values.map(String).join(', ') };
  if (i.code === 'too_small' && i.minimum !== undefined) return { code: i.origin === 'string' ? 'too_short' : i.code, expected: String(i.minimum) };
  if (i.code === 'too_big' && i.maximum !== undefined) return { code: i.origin === 'string' ? 'too_long' : i.code, expected: String(i.maximum) };
  if (i.code === 'unrecognized_keys' && i.keys) return { code: i.code, expected: i.keys.join(', ') };
  if (i.code === 'invalid_type' && i.expected) return { code: i.code, expected: i.expected };
  return { code: i.code };
}

function expected(i: ZodLikeIssue): string {
  if (i.code === 'invalid_value' && i.values) return `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'too_small' && i.minimum !== undefined) return i.origin === 'string' ? `at least ${i.minimum} characters` : `a value of at least ${i.minimum}`;
  if (i.code === 'too_big' && i.maximum !== undefined) return i.origin === 'string' ? `at most ${i.maximum} characters` : `a value of at most ${i.maximum}`;
  if (i.code === 'unrecognized_keys' && i.keys) return `no field ${i.keys.map((k) => JSON.stringify(k)).join(', ')} (not part of this request)`;
  if (i.code === 'invalid_type' && i.expected) return i.expected === 'number' ? 'a number' : i.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(i.expected) ? 'an' : 'a'} ${i.expected}`;
  return i.message.replace(/^Invalid input:\s*/i, '').replace(/^expected\s+/i, '');
}

async function rawInput(c: Context, target: string): Promise<unknown> {
  try {
    if (target === 'query') return c.req.query();
    if (target === 'param') return c.req.param();
    if (target === 'json') return await c.req.json();
  } catch {
    return undefined;
  }
  return undefined;
}

