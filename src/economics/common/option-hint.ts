import type { Text } from '../analysis.js';

/**
 * How advice in an analysis's text names the way to act on it, by where the
 * text is read:
 * - 'cli': the command line's flags (`--basis unknown`);
 * - 'api': the request's field and value (`basis=unknown`), which the
 *   dashboard's forms and URLs share, named with the form's label;
 * - 'none': neither (a report, or a caller that does not say): what to do,
 *   not which flag or field does it.
 *
 * The server passes 'api', so that no answer of the API names a flag.
 */
export type OptionHint = 'cli' | 'api' | 'none';

/** The hints, for a schema or a test. */
export const OPTION_HINTS: readonly OptionHint[] = ['cli', 'api', 'none'];

/** Reading store revenue as of unknown basis, to carry both readings: one sentence per hint. */
const BASIS_UNKNOWN_ADVICE: Readonly<Record<OptionHint, Text>> = {
  cli: {
    en: 'Run the analysis with --basis unknown to carry both readings.',
    zh: '分析时加 --basis unknown 可同时看两种理解。',
  },
  api: {
    en: 'Run the subscribers analysis with the basis unknown (basis=unknown) to carry both readings.',
    zh: '订阅用户分析把口径设为“未知”（basis=unknown），可同时看两种理解。',
  },
  none: {
    en: 'An analysis that reads the basis as unknown carries both readings.',
    zh: '把口径视为未知的分析会同时计算两种理解。',
  },
};

/**
 * The advice to read store revenue as of unknown basis (gross and net both
 * carried), in the surface's words.
 *
 * @example basisUnknownAdvice('api').en // 'Run the subscribers analysis with the basis unknown (basis=unknown) to carry both readings.'
 */
export function basisUnknownAdvice(hint: OptionHint = 'none'): Text {
  return BASIS_UNKNOWN_ADVICE[hint];
}
