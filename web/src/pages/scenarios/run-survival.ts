import { api, query } from '../../api.js';
import { runResult } from '../../run-events.js';

export type Month = '12' | '24' | '36';
export interface SurvivalCompany { id: string; name: string; nameZh: string | null; pOutWithin: Record<Month, number | null>; medianMonthOutText: { en: string; zh: string } }
export interface SurvivalEstimate { id: string; p5: number | null; p50: number | null; p95: number | null }
/** What GET /api/survival answers, as far as the scenarios page reads it. */
export interface Survival {
  analysis: { estimates: SurvivalEstimate[]; details: { companies: SurvivalCompany[]; paths: number; seed: string | number; horizonMonths: number } };
  chart: Record<string, unknown>;
}

/** The survival analysis's parameters: the same in every column but the climate and the assumptions text. */
export interface SurvivalParams {
  climate: string; asOf: string; paths: number; seed: string; horizon: number; lang: string;
  assumptionsText?: string | undefined;
}

/**
 * Longest path and query a GET may take. Node's HTTP server refuses a request
 * whose request line and headers pass 16 KB (431); the browser's own headers
 * take about 1 KB of that. Past it the same analysis goes as a run (POST
 * /api/runs, the text in the body).
 */
export const MAX_GET_URL = 14_000;

/**
 * Runs the survival analysis: a GET with every parameter (the bundled
 * assumptions' text fits), or, when the text makes the URL too long for the
 * server ({@link MAX_GET_URL}), the same analysis with the same options as a
 * run, followed to its result ({@link runResult}). Errors come back as the
 * server's ApiError with its issues either way.
 */
export async function runSurvival(p: SurvivalParams): Promise<Survival> {
  const url = `/api/survival${query({ ...p })}`;
  if (url.length <= MAX_GET_URL) return api.get<Survival>(url);
  const { paths, asOf, ...rest } = p;
  return runResult<Survival>({ kind: 'analysis', name: 'survival', options: { ...rest, samples: paths, ...(asOf ? { asOf } : {}) } });
}
