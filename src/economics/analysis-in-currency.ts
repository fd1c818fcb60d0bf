import { CURRENCY_TABLE, ShakeoutError, convertCurrency, isCurrency, latestFxMonth, parsePeriod, unknownCurrencyMessage } from '../core/index.js';
import type { Currency, FxTable } from '../core/index.js';
import type { Analysis, Estimate } from './analysis.js';

/** The currency an option names ('eur' reads as EUR), or a 400 that lists the currencies known. */
export function toCurrency(text: string, option = 'currency'): Currency {
  const c = text.trim().toUpperCase();
  if (!isCurrency(c)) {
    const message = unknownCurrencyMessage(text);
    throw new ShakeoutError(`${option}: ${message}`, { issues: [{ code: 'invalid_currency', path: [option], message }] });
  }
  return c;
}

/**
 * An analysis's money results in another currency, for display. Analyses
 * compute in US dollars; this multiplies every estimate whose unit is USD
 * (its mean, sd, quantiles and draws) by one rate: the average rate of
 * `month`, by default the latest month the FX table has for the currency
 * (the results describe the company as it stands, so the most recent rate
 * is the one a reader expects; pass a month to state another). The
 * conversion is appended to each estimate's formula and to the analysis's
 * notes, and recorded in `analysis.currency`.
 *
 * Estimates already in another currency (figures kept as written) and
 * dimensionless ones (multiples, shares, counts, months) are left as they
 * are; so are amounts inside `details`, which stay in US dollars (renderers
 * multiply them by `currency.perUsd`). USD returns the analysis unchanged.
 *
 * @example analysisInCurrency(health, 'EUR', fx).estimates // net burn in euros at the 2026-06 rate
 */
export function analysisInCurrency<D>(a: Analysis<D>, to: Currency, fx: FxTable, month?: string): Analysis<D> {
  if (to === 'USD') return a;
  const m = month ?? latestFxMonth(fx, to);
  if (m === undefined) {
    const message = `no ${to} rate in the FX table "${fx.name}"; add one with: shakeout fx add --currency ${to} --month YYYY-MM --per-usd RATE --source "WHO PUBLISHED IT"`;
    throw new ShakeoutError(message, { issues: [{ code: 'fx_rate_missing', path: ['currency'], message }] });
  }
  const period = parsePeriod(m);
  if (period.kind !== 'month') {
    const message = `expected a month such as 2026-06 for the rate, got "${m}"`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_month', path: ['fxMonth'], message }] });
  }
  const c = convertCurrency({ value: 1, unit: 'USD', per: null }, to, period, fx);
  const k = c.quantity.value;
  const info = CURRENCY_TABLE[to];
  const rate = String(Number(k.toFixed(4)));
  const scale = (e: Estimate): Estimate =>
    e.unit !== 'USD'
      ? e
      : {
          ...e,
          unit: to,
          mean: e.mean * k,
          sd: e.sd * k,
          p5: e.p5 * k,
          p50: e.p50 * k,
          p95: e.p95 * k,
          formula: `(${e.formula}) x ${rate} ${to} per USD (${m})`,
          ...(e.samples ? { samples: e.samples.map((x) => x * k) } : {}),
        };
  const why = month === undefined ? { en: 'the latest month the FX table has', zh: '汇率表中最近一个月' } : { en: 'the month asked for', zh: '指定月份' };
  const note = {
    en: `Money in ${info.nameEn}s (${to}): computed in US dollars and converted at one rate, of ${why.en}: ${c.note}.`,
    zh: `金额以${info.nameZh}计：先按美元计算，再统一按${why.zh}的汇率换算，${c.noteZh}。`,
  };
  return {
    ...a,
    estimates: a.estimates.map(scale),
    notes: [...a.notes, note],
    currency: { code: to, perUsd: k, month: m, note },
  };
}
