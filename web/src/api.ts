/** The dashboard talks to the server over HTTP only: these are the shapes the API returns. */

export interface Source { id: string; publisher: string; title: string | null; url: string | null; published: string | null; publishedEstimated: boolean }
export interface Period { text: string; kind: string; start: string; end: string }
export interface Fact {
  id: string; entity: string; metric: string; valueText: string; valueTextEn: string | null;
  figure: { value: number; low: number | null; high: number | null; unit: string; per: string | null; qualifier: string; p5: number; p50: number; p95: number };
  period: Period | null; scope: string | null; basis: string; kind: string; source: Source;
  definition: string | null; notes: string | null; supersedes: string | null; supersededBy: string | null; sameAs: string | null;
  derivedFrom: { inputs: string[]; formula: string } | null; createdAt: string;
  display: { en: string; zh: string; intervalEn: string; intervalZh: string; alsoWrittenAs: string[] };
}
/** The distribution the engine samples for a fact (GET /api/facts/{id}/distribution): a point, or a histogram of its draws. */
export interface FactDistribution {
  fact: string; family: string; unit: string; per: string | null; sampleCount: number; seed: string | number;
  point: number | null; p5: number; p50: number; p95: number;
  histogram: { edges: number[]; counts: number[]; below: number; above: number } | null;
}
export interface AsOfInfo { asOf: string; includeUndated: boolean; undated: string[]; later: string[] }
export interface FactPage { total: number; items: Fact[]; nextCursor: string | null; asOf: AsOfInfo | null }
export interface Entity { id: string; nameEn: string; nameZh: string | null; aliases: string[]; kind: string; parent: string | null }
export interface Figure { text: string; value: number; unit: string; per: string | null; qualifier: string; p5: number; p95: number; display: { en: string; zh: string } }
/** One problem the API names: its code, the field, the English message, and (when the server can say them as data) what was expected, what came and the closest known name. */
export interface Issue { code: string; path: (string | number)[]; message: string; expected?: string; got?: string; suggestion?: string; reason?: Reason }

/** Why an input was refused, as data: the rule's code and its values (a refused figure's reason, a model error's rule). */
export interface Reason { code: string; params: Record<string, string>; cause?: Reason }

/** An error the API answered with: its status, message and issues (field, expected, got). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly issues: Issue[]) {
    super(message);
  }
}

/** Where the token the user gave once is kept for this tab (the write forms ask for it: token.tsx). */
export const TOKEN_KEY = 'shakeout.token';

async function call<T>(method: string, path: string, body?: unknown, token?: string, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {};
  // the token the user gave once (the fact form asks for it), for every write
  token ??= globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? undefined;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  const data = (await res.json().catch(() => null)) as { error?: { message: string; issues: Issue[] } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.message ?? `${res.status} ${res.statusText}`, data?.error?.issues ?? []);
  return data as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown, token?: string, signal?: AbortSignal) => call<T>('POST', path, body, token, signal),
  del: <T>(path: string, token?: string) => call<T>('DELETE', path, undefined, token),
};

/** A query string from the parameters that are set. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The server's OpenAPI document: its paths, and each operation's parameters. */
export interface OpenApiDoc { paths: Record<string, Record<string, { parameters?: { name: string; in: string; description?: string; schema?: { type?: string; enum?: string[]; example?: unknown } }[] }>> }

let openapi: Promise<OpenApiDoc> | null = null;

/** The OpenAPI document, fetched once: what this server offers, so a page asks only for routes that exist. */
export function openApi(): Promise<OpenApiDoc> {
  openapi ??= call<OpenApiDoc>('GET', '/api/openapi.json').catch(() => ({ paths: {} }));
  return openapi;
}

/** Whether the server documents `method path` (a path as written in the document, '/api/runs/{id}'). */
export async function offers(method: string, path: string): Promise<boolean> {
  return Boolean((await openApi()).paths[path]?.[method.toLowerCase()]);
}
