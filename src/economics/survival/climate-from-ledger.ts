import { formatCompact, isCurrency, ShakeoutError } from '../../core/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { chooseFact } from '../common/choose-fact.js';
import type { OptionHint } from '../common/option-hint.js';
import { climateFromFunding, type FundingClimate } from './funding-climate.js';

/**
 * How the climate from the ledger is named, in the hint's words (see
 * OptionHint): in its reason (en, zh), its error's start, and what to set
 * instead when the ledger has no series.
 */
const AUTO_SAID: Readonly<Record<OptionHint, { en: string; zh: string; error: string; instead: string }>> = {
  cli: { en: ' (--climate auto)', zh: '（--climate auto）', error: '--climate auto', instead: 'set --climate or --funding-growth' },
  api: { en: ' (climate=auto)', zh: '（climate=auto）', error: 'climate=auto', instead: 'set climate or fundingGrowth' },
  none: { en: '', zh: '', error: 'the climate from the ledger', instead: 'name a climate or a funding growth' },
};

/** The market `--climate auto` reads by default: generative-AI startups worldwide, the market of the article's companies. */
export const DEFAULT_CLIMATE_MARKET = 'genai-startups-global';

export interface LedgerClimate {
  readonly climate: FundingClimate;
  /** Which facts, which ratio, which climate; for the `survival.climate` assumption. */
  readonly reason: Text;
  /** This year's funding / last year's. */
  readonly growth: number;
  readonly year: number;
  /** Last year's fact, then this year's. */
  readonly facts: readonly [Fact, Fact];
  readonly market: { readonly id: string; readonly nameEn: string; readonly nameZh: string | null };
}

/**
 * The funding climate derived from the ledger: the year-on-year growth of
 * one market's funding, passed to {@link climateFromFunding}. Only two
 * figures of the same series are compared: yearly `funding` facts of the
 * market from the same publisher, in the same unit and price basis (a ratio
 * across sources mixes definitions: the article's CB Insights $3.6B against
 * OWID's constant-dollar series). The latest year that has such a pair wins;
 * on a tie, the series whose source was published last, then the longer one.
 *
 * @example
 * const c = await climateFromLedger(store); // OWID genAI 2024 / 2023
 * c.growth; // ≈ 1.15 -> neutral
 */
export async function climateFromLedger(store: Store, options: { market?: string; hint?: OptionHint } = {}): Promise<LedgerClimate> {
  const said = AUTO_SAID[options.hint ?? 'none'];
  const entity = await store.resolveEntity(options.market ?? DEFAULT_CLIMATE_MARKET);
  const facts = (await store.listFacts({ entity: entity.id, metric: 'funding' }))
    .filter((f) => f.period?.kind === 'year' && isCurrency(f.figure.unit) && f.figure.p50 > 0 && f.kind !== 'assumption');
  const candidates = new Map<string, Map<number, Fact[]>>();
  for (const f of facts) {
    const key = [f.source.publisher, f.figure.unit, f.priceYear ?? 'nominal', f.scope ?? ''].join('|');
    const byYear = candidates.get(key) ?? new Map<number, Fact[]>();
    const y = Number(f.period!.start.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), f]);
    candidates.set(key, byYear);
  }
  // Two figures of one year in one series: the one the choose rule prefers.
  const series = new Map<string, Map<number, Fact>>();
  for (const [key, byYear] of candidates) series.set(key, new Map([...byYear].map(([y, fs]) => [y, chooseFact(fs)!.chosen])));
  let best: { year: number; prev: Fact; cur: Fact; published: string; size: number } | null = null;
  for (const byYear of series.values()) {
    const years = [...byYear.keys()].sort((a, b) => b - a);
    const year = years.find((y) => byYear.has(y - 1));
    if (year === undefined) continue;
    const cur = byYear.get(year)!;
    const cand = { year, prev: byYear.get(year - 1)!, cur, published: cur.source.published ?? '', size: byYear.size };
    if (!best || cand.year > best.year || (cand.year === best.year && (cand.published > best.published || (cand.published === best.published && cand.size > best.size)))) best = cand;
  }
  const nameZh = entity.nameZh ?? entity.nameEn;
  if (!best) {
    const message = `${said.error}: the ledger has no yearly funding figures of ${entity.nameEn} from one source for two consecutive years; add them, or ${said.instead}`;
    throw new ShakeoutError(message, { issues: [{ code: 'no_funding_series', path: ['climate'], message }], status: 400 });
  }
  const { prev, cur, year } = best;
  // One series, one unit and price basis: the ratio needs no conversion.
  const growth = cur.figure.p50 / prev.figure.p50;
  const base = climateFromFunding(growth, entity.nameEn);
  const zhBase = climateFromFunding(growth, nameZh).reason.zh;
  const src = cur.source.publisher;
  const basis = cur.priceYear ? `, constant ${cur.priceYear} ${cur.figure.unit}` : '';
  const basisZh = cur.priceYear ? `，${cur.priceYear} 年不变价${cur.figure.unit === 'USD' ? '美元' : cur.figure.unit === 'CNY' ? '人民币' : cur.figure.unit}` : '';
  return {
    climate: base.climate,
    growth,
    year,
    facts: [prev, cur],
    market: { id: entity.id, nameEn: entity.nameEn, nameZh: entity.nameZh },
    reason: {
      en: `derived from the ledger${said.en}: ${entity.nameEn} funding ${year} / ${year - 1} = ${cur.id} (${shown(cur, 'en')}) / ${prev.id} (${shown(prev, 'en')}), both ${src}${basis}; ${base.reason.en}`,
      zh: `由账本推得${said.zh}：${nameZh}融资额 ${year} 年 / ${year - 1} 年 = ${cur.id}（${shown(cur, 'zh')}）/ ${prev.id}（${shown(prev, 'zh')}），均来自 ${src}${basisZh}；${zhBase}`,
    },
  };
}

/** A figure as written, or, when written as a bare number (OWID's 29317294424), in short form: $29.3B. */
function shown(f: Fact, lang: 'en' | 'zh'): string {
  const text = lang === 'en' ? (f.valueTextEn ?? f.valueText) : f.valueText;
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return text;
  const n = formatCompact(f.figure.p50, lang);
  return f.figure.unit === 'USD' ? (lang === 'en' ? `$${n}` : `${n}美元`) : `${n} ${f.figure.unit}`;
}

