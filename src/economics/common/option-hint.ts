import type { Text } from '../analysis.js';

/**
 * How advice in an analysis's text names the way to act on it, by where the
 * text is read:
 * - 'cli': the command line's flags (`--basis unknown`);
 * - 'api': the request's field and value (`basis=unknown`), which the
 *   dashboard's forms and URLs share, named with the form's label;
 * - 'none': neither (a report, or a caller that does not say): the text
 *   says what holds, and advice that would name a flag or a field is left
 *   out (a report's reader has no option to set).
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
  none: { en: '', zh: '' },
};

/**
 * The advice to read store revenue as of unknown basis (gross and net both
 * carried), in the surface's words: a sentence, or empty for 'none'
 * (joined with {@link withAdvice}).
 *
 * @example basisUnknownAdvice('api').en // 'Run the subscribers analysis with the basis unknown (basis=unknown) to carry both readings.'
 */
export function basisUnknownAdvice(hint: OptionHint = 'none'): Text {
  return BASIS_UNKNOWN_ADVICE[hint];
}

/**
 * A text with an advice sentence after it, when there is one: a space
 * between English sentences, none between Chinese ones.
 *
 * @example withAdvice({ en: 'It is net.', zh: '是净额。' }, basisUnknownAdvice('none')) // { en: 'It is net.', zh: '是净额。' }
 */
export function withAdvice(text: Text, advice: Text): Text {
  return { en: advice.en ? `${text.en} ${advice.en}` : text.en, zh: `${text.zh}${advice.zh}` };
}
