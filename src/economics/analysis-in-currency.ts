import { CURRENCY_TABLE, ShakeoutError, convertCurrency, isCurrency, latestFxMonth, parsePeriod, unknownCurrencyMessage } from '../core/index.js';
import type { Currency, FxTable } from '../core/index.js';
import type { Analysis, AnalysisCurrency, Estimate, Text } from './analysis.js';

/** The currency an option names ('eur' reads as EUR), or a 400 that lists the currencies known. */
export function toCurrency(text: string, option = 'currency'): Currency {
  const c = text.trim().toUpperCase();
  if (!isCurrency(c)) {
    const message = unknownCurrencyMessage(text);
    throw new ShakeoutError(`${option}: ${message}`, { issues: [{ code: 'invalid_currency', path: [option], message }] });
  }
  return c;
}

/** The one rate money is shown at in another currency (`displayCurrency`), with what to say about it. */
export interface DisplayCurrency extends AnalysisCurrency {
  /** For a formula: '0.8684 EUR per USD (2026-06)'. */
  readonly rate: string;
  /**
   * The note of an analysis that computed in this currency itself (health):
   * figures written in it are taken as written, the others converted to US
   * dollars at their own period's rate, then at this one rate.
   */
  readonly noteAsWritten: Text;
  /**
   * The rate both notes end with, for a document that states the rules
   * itself (the report, whose analyses follow both): 'one rate, of the latest
   * month the FX table has: USD->EUR at 0.8684 EUR per USD (monthly average
   * of 2026-06; ...)', zh '统一按汇率表中最近一个月的汇率换算，...'.
   */
  readonly atRate: Text;
}

/**
 * The one rate results are shown in another currency at: the average of
 * `month`, by default the latest month the FX table has for the currency (the
 * results describe the company as it stands, so the most recent rate is the
 * one a reader expects; pass a month to state another). Throws when the table
 * has no rate for it. `analysisInCurrency` and the health analysis (which
 * computes in the currency asked for) both take their rate here.
 *
 * @example displayCurrency('EUR', fx).rate // => '0.8684 EUR per USD (2026-06)'
 */
export function displayCurrency(to: Currency, fx: FxTable, month?: string): DisplayCurrency {
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
  const why = month === undefined ? { en: 'the latest month the FX table has', zh: '汇率表中最近一个月' } : { en: 'the month asked for', zh: '指定月份' };
  const atRate = { en: `one rate, of ${why.en}: ${c.note}`, zh: `统一按${why.zh}的汇率换算，${c.noteZh}` };
  const note = {
    en: `Money in ${info.pluralEn} (${to}): computed in US dollars and converted at ${atRate.en}.`,
    zh: `金额以${info.nameZh}计：先按美元计算，再${atRate.zh}。`,
  };
  const noteAsWritten = {
    en: `Money in ${info.pluralEn} (${to}): figures written in ${info.pluralEn} are taken as written; figures in other currencies are converted to US dollars at the rate of their own period, then at ${atRate.en}.`,
    zh: `金额以${info.nameZh}计：以${info.nameZh}写成的数字按原样采用；其他币种的数字先按其自身期间的汇率换算为美元，再${atRate.zh}。`,
  };
  return { code: to, perUsd: k, month: m, note, noteAsWritten, atRate, rate: `${Number(k.toFixed(4))} ${to} per USD (${m})` };
}

/**
 * An analysis's money results in another currency, for display. Analyses
 * compute in US dollars; this multiplies every estimate whose unit is USD
 * (its mean, sd, quantiles and draws) by one rate (`displayCurrency`). The
 * conversion is appended to each estimate's formula and to the analysis's
 * notes, and recorded in `analysis.currency`.
 *
 * Estimates already in another currency (figures kept as written) and
 * dimensionless ones (multiples, shares, counts, months) are left as they
 * are; so are amounts inside `details`, which stay in US dollars (renderers
 * multiply them by `currency.perUsd`). USD returns the analysis unchanged;
 * so does an analysis that computed in `to` itself (health, whose figures
 * written in the currency asked for are taken as written: its
 * `analysis.currency` is already `to`).
 *
 * @example analysisInCurrency(health, 'EUR', fx).estimates // net burn in euros at the 2026-06 rate
 */
export function analysisInCurrency<D>(a: Analysis<D>, to: Currency, fx: FxTable, month?: string): Analysis<D> {
  if (to === 'USD' || a.currency?.code === to) return a;
  const d = displayCurrency(to, fx, month);
  const k = d.perUsd;
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
          formula: `(${e.formula}) x ${d.rate}`,
          ...(e.samples ? { samples: e.samples.map((x) => x * k) } : {}),
        };
  const { code, perUsd, month: m, note } = d;
  return {
    ...a,
    estimates: a.estimates.map(scale),
    notes: [...a.notes, note],
    currency: { code, perUsd, month: m, note },
  };
}
