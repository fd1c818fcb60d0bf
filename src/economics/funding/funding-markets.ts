import { ShakeoutError } from '../../core/index.js';

/** A funding market: a region and a segment of it ('all' for the whole AI sector). */
export interface FundingMarket {
  /** Entity id of the aggregate whose funding facts measure it. */
  readonly entity: string;
  readonly region: string;
  readonly segment: string;
}

/**
 * The aggregates of the ledger that are funding markets. Company facts
 * (a round of one company) are not markets and are left out.
 */
export const FUNDING_MARKETS: readonly FundingMarket[] = [
  { entity: 'global-ai-sector', region: 'World', segment: 'all' },
  { entity: 'genai-startups-global', region: 'World', segment: 'generative_ai' },
  { entity: 'us-ai-sector', region: 'United States', segment: 'all' },
  { entity: 'europe-ai-sector', region: 'Europe', segment: 'all' },
  { entity: 'china-ai-sector', region: 'China', segment: 'all' },
  { entity: 'china-ai-production', region: 'China', segment: 'ai_production' },
  { entity: 'china-ai-industry-applications', region: 'China', segment: 'ai_industry_applications' },
];

const REGION_NAMES: Readonly<Record<string, string>> = {
  world: 'World', global: 'World', 全球: 'World', 世界: 'World',
  china: 'China', cn: 'China', 中国: 'China',
  unitedstates: 'United States', us: 'United States', usa: 'United States', 美国: 'United States',
  europe: 'Europe', eu: 'Europe', 欧洲: 'Europe',
};
const SEGMENT_NAMES: Readonly<Record<string, string>> = {
  all: 'all', total: 'all',
  generativeai: 'generative_ai', genai: 'generative_ai', generative: 'generative_ai', 生成式ai: 'generative_ai',
  aiproduction: 'ai_production', production: 'ai_production', ai生产: 'ai_production',
  aiindustryapplications: 'ai_industry_applications', industryapplications: 'ai_industry_applications', applications: 'ai_industry_applications', ai行业应用: 'ai_industry_applications',
};

const key = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s_\-'.]+/g, '');

function unknown(what: 'region' | 'segment', text: string, known: readonly string[]): never {
  const message = `unknown ${what} "${text}": expected one of ${known.join(', ')}`;
  throw new ShakeoutError(message, { issues: [{ code: `unknown_${what}`, path: [what], message }] });
}

/** Reads a region name ('china', '中国', 'US'): 'China'. Throws 400 listing the known ones. */
export function toRegion(text: string): string {
  return REGION_NAMES[key(text)] ?? unknown('region', text, [...new Set(FUNDING_MARKETS.map((m) => m.region))]);
}

/** Reads a segment name ('production', 'AI生产', 'genai'): 'ai_production'. Throws 400 listing the known ones. */
export function toSegment(text: string): string {
  return SEGMENT_NAMES[key(text)] ?? unknown('segment', text, [...new Set(FUNDING_MARKETS.map((m) => m.segment))]);
}
