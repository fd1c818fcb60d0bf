import { formatCompact, formatValue } from '../../core/index.js';
import type { Text } from '../analysis.js';
import type { ForecastInputRow } from '../survival/forecast-inputs.js';

/** The forecast model's inputs by name, as a reader says them. */
export const FORECAST_INPUT_NAMES: Readonly<Record<ForecastInputRow['input'], Text>> = {
  cash: { en: 'cash', zh: '现金' },
  revenue: { en: 'revenue', zh: '营收' },
  revenueGrowth: { en: 'revenue growth', zh: '营收增速' },
  costs: { en: 'costs', zh: '支出' },
  costGrowth: { en: 'cost growth', zh: '支出增速' },
};

/** Where an input came from, as a reader says it. */
export const FORECAST_INPUT_STATUS: Readonly<Record<ForecastInputRow['status'], Text>> = {
  reported: { en: 'reported', zh: '报道' },
  derived: { en: 'derived', zh: '推算' },
  default: { en: 'the model\'s default', zh: '模型默认值' },
};

/**
 * A forecast input's median as `backtest --inputs` and the report's track
 * record show it: growth as a monthly rate, cash as an amount, revenue and
 * costs a month (US dollars: the forecast computes in them).
 *
 *   forecastInputMedian({ input: 'costs', p50: 8.27e6 }, 'en')  // '$8.27M a month'
 *   forecastInputMedian({ input: 'costs', p50: 8.27e6 }, 'zh')  // '每月827万美元'
 *   forecastInputMedian({ input: 'cash', p50: -4.91e7 }, 'en')   // '-$49.1M' (cash spent below 0)
 */
export function forecastInputMedian(row: Pick<ForecastInputRow, 'input' | 'p50'>, lang: 'en' | 'zh'): string {
  if (row.input === 'revenueGrowth' || row.input === 'costGrowth') return lang === 'zh' ? `每月${(row.p50 * 100).toFixed(1)}%` : `${(row.p50 * 100).toFixed(1)}% a month`;
  if (lang === 'zh') return `${row.input === 'cash' ? '' : '每月'}${formatValue(row.p50, 'USD', 'zh')}`;
  return `${row.p50 < 0 ? '-' : ''}$${formatCompact(Math.abs(row.p50), 'en')}${row.input === 'cash' ? '' : ' a month'}`;
}

/**
 * One input as a line of a footnote: name, status, median and formula
 * ("costs: derived, median $8.27M a month; fact-… / (27 months x …)"). The
 * formula is given as the caller shows it (the Chinese report translates it).
 */
export function forecastInputLine(row: ForecastInputRow, lang: 'en' | 'zh', formula: string = row.formula): string {
  const name = FORECAST_INPUT_NAMES[row.input][lang];
  const status = FORECAST_INPUT_STATUS[row.status][lang];
  return lang === 'zh'
    ? `${name}：${status}，中位数${forecastInputMedian(row, 'zh')}；${formula}`
    : `${name}: ${status}, median ${forecastInputMedian(row, 'en')}; ${formula}`;
}
