import { asOfInfoOf } from '../../ledger/index.js';
import type { AsOfInfo, Store } from '../../ledger/index.js';
import type { Analysis, AnalysisAsOf, Text } from '../analysis.js';
import { AS_OF_TEXT_EN, type AsOfText } from './as-of-text-en.js';
import { AS_OF_TEXT_ZH } from './as-of-text-zh.js';
import { optionName, type OptionHint } from './option-hint.js';

/** One text of the as-of tables in both languages. */
function both(make: (T: AsOfText) => string): Text {
  return { en: make(AS_OF_TEXT_EN), zh: make(AS_OF_TEXT_ZH) };
}

/**
 * What an as-of view saw and left out, as an analysis carries it: the day,
 * the undated facts (left out, or taken in with `--include-undated`) and the
 * header in both languages.
 *
 * @example analysisAsOf(view.asOfInfo).text.en // 'as of 2024-05-20 (facts published by then; 54 undated facts left out)'
 */
export function analysisAsOf(info: AsOfInfo): AnalysisAsOf {
  return {
    date: info.asOf,
    includeUndated: info.includeUndated,
    undated: info.undated,
    estimatedDates: info.estimatedDates,
    text: both((T) => T.header(info.asOf, info.undated.length, info.includeUndated)),
  };
}

/**
 * The analysis with what the store saw stamped on it, when the store is an
 * as-of view (`asOfStore`); unchanged otherwise. The one way an analysis
 * comes to say it was run as of a day.
 */
export function withAsOf<D>(store: Store, a: Analysis<D>): Analysis<D> {
  const asOf = storeAsOf(store);
  return asOf ? { ...a, asOf } : a;
}

/** What the store saw as an as-of view, for outputs that are not analyses (a fact list, a model run); null for today's ledger. */
export function storeAsOf(store: Store): AnalysisAsOf | null {
  const info = asOfInfoOf(store);
  return info ? analysisAsOf(info) : null;
}

/** A footnote's line of an as-of run: 'As of 2024-05-20: only facts published by then count.' / '截至2024年5月20日：仅计入此前发布的事实。' */
export function asOfFootnoteText(date: string): Text {
  return both((T) => T.footnote(date));
}

/** The note of a run whose as-of day overrides an assumptions file's `as_of`, naming the option in the surface's words (`hint`). */
export function asOfOverridesFileText(date: string, file: string, fileAsOf: string, hint: OptionHint = 'none'): Text {
  return both((T) => T.overridesFile(date, file, fileAsOf, optionName('asOf', hint)));
}

/**
 * Why an as-of run's climate is the default when `--climate auto` finds no
 * funding series published by the day: the market and the climate's name in
 * each language, and whether undated facts were left out (and how to take
 * them in, in the surface's words: `hint`; a report names no option).
 */
export function asOfClimateFallbackText(info: AsOfInfo, market: Text, climate: Text, hint: OptionHint = 'none'): Text {
  const undatedLeftOut = !info.includeUndated && info.undated.length > 0;
  const takeIn = optionName('includeUndated', hint);
  return { en: AS_OF_TEXT_EN.climateFallback(info.asOf, market.en, climate.en, undatedLeftOut, takeIn), zh: AS_OF_TEXT_ZH.climateFallback(info.asOf, market.zh, climate.zh, undatedLeftOut, takeIn) };
}
