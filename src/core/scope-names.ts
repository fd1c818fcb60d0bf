import type { Lang } from './format-number.js';

/**
 * The names of a fact's scope in words, English and Chinese: one table for
 * the ledger's notes (the ledger re-exports `scopeName`) and for formulas on
 * Chinese pages (report/formula-zh.ts, which the dashboard's bundle takes:
 * so the table lives here, with no import of the ledger's storage).
 */
const SCOPE_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  app_store: { en: 'App Store', zh: 'App Store' },
  google_play: { en: 'Google Play', zh: 'Google Play' },
  'app_store+google_play': { en: 'App Store and Google Play', zh: 'App Store和Google Play' },
  amortised_capex_energy: { en: 'amortised hardware and energy', zh: '硬件摊销加能耗' },
  hardware_acquisition: { en: 'hardware bought outright', zh: '按购置硬件计' },
  cloud_rental: { en: 'cloud rental', zh: '按云端租用计' },
  round: { en: 'round', zh: '单轮' },
  debt: { en: 'debt', zh: '债务融资' },
  capex: { en: 'capital spending', zh: '资本开支' },
  compute: { en: 'compute', zh: '算力' },
  cloud_compute: { en: 'cloud compute', zh: '云计算' },
  wages_and_opex: { en: 'wages and opex', zh: '工资及运营开支' },
  mau: { en: 'monthly active', zh: '月活' },
  dau: { en: 'daily active', zh: '日活' },
};

/**
 * A scope by name, for prose and notes in either language: 'google_play' ->
 * 'Google Play', 'round' -> 'round' / '单轮', 'region:China' -> 'China' / '中国';
 * unknown scopes with spaces for underscores.
 */
export function scopeName(scope: string, lang: Lang): string {
  const seg = scope.match(/^segment:(.+)$/);
  if (seg) return SEGMENT_NAMES[seg[1]!]?.[lang] ?? seg[1]!.replace(/_/g, ' ');
  const region = scope.match(/^region:(.+)$/);
  if (region) return REGION_NAMES[region[1]!]?.[lang] ?? region[1]!;
  return SCOPE_NAMES[scope]?.[lang] ?? scope.replace(/_/g, ' ');
}

const SEGMENT_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  ai_production: { en: 'AI production', zh: 'AI生产' },
  ai_industry_applications: { en: 'AI industry applications', zh: 'AI行业应用' },
  generative_ai: { en: 'generative AI', zh: '生成式AI' },
};

const REGION_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  China: { en: 'China', zh: '中国' },
  World: { en: 'world', zh: '全球' },
};

/**
 * A scope's Chinese name from its English one, for a formula written in
 * English (the API's formulas are): 'round' -> '单轮', 'cloud rental' ->
 * '按云端租用计'; undefined when no scope of the tables has that name.
 *
 * @example scopeNameZhOfEn('hardware bought outright') // '按购置硬件计'
 */
export function scopeNameZhOfEn(en: string): string | undefined {
  for (const table of [SCOPE_NAMES, SEGMENT_NAMES, REGION_NAMES]) {
    for (const names of Object.values(table)) if (names.en === en) return names.zh;
  }
  return undefined;
}
