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

/**
 * Options that advice in texts names, as each surface names them: the
 * command line's flag and the API's request field (with the value to set,
 * when it takes one). A report ('none') names neither.
 */
export const OPTION_NAMES = {
  /** Take in facts whose source gives no publication date (an as-of run). */
  includeUndated: { cli: '--include-undated', api: 'includeUndated=true' },
  /** The as-of day of a run. */
  asOf: { cli: '--as-of', api: 'asOf' },
  /** A link between two reports of one figure (`facts add`, `POST /api/facts`). */
  sameAs: { cli: '--same-as', api: 'sameAs' },
  /** The shipped survival assumptions in a health analysis. */
  withAssumptions: { cli: '--with-assumptions', api: 'assumptions=yes' },
  /** The currency asked for (US dollars). */
  currencyUsd: { cli: '--currency USD', api: 'currency=USD' },
  /** The display currency (any other than US dollars). */
  currency: { cli: '--currency CODE', api: 'currency' },
  /** The month of the display rate. */
  fxMonth: { cli: '--fx-month', api: 'fxMonth' },
} as const satisfies Record<string, { readonly cli: string; readonly api: string }>;

/** An option of {@link OPTION_NAMES}. */
export type OptionName = keyof typeof OPTION_NAMES;

/**
 * How the surface names an option: the flag ('cli'), the request field
 * ('api'), or null ('none': advice naming it is left out).
 *
 * @example optionName('includeUndated', 'api') // 'includeUndated=true'
 */
export function optionName(option: OptionName, hint: OptionHint = 'none'): string | null {
  return hint === 'none' ? null : OPTION_NAMES[option][hint];
}

/**
 * The advice to record a fact, in the surface's words, to end an error:
 * the command (`add one with: shakeout facts add --entity "ChatGPT" --metric price ...`),
 * the request (`add one with: POST /api/facts with entity "ChatGPT", metric price ...`),
 * or what to record (`record a price fact of ChatGPT`) for 'none'.
 *
 * @example addFactAdvice({ entity: 'ChatGPT', metric: 'price', more: { per: 'month' } }, 'api') // 'add one with: POST /api/facts with entity "ChatGPT", metric price, per month ...'
 */
export function addFactAdvice(fact: { readonly entity: string; readonly metric: string; readonly more?: Readonly<Record<string, string>> }, hint: OptionHint = 'none'): string {
  const more = Object.entries(fact.more ?? {});
  const plain = (v: string): boolean => /^[\w.:-]+$/.test(v);
  if (hint === 'cli') return `add one with: shakeout facts add --entity ${JSON.stringify(fact.entity)} --metric ${fact.metric}${more.map(([k, v]) => ` --${k} ${plain(v) ? v : `'${v}'`}`).join('')} ...`;
  if (hint === 'api') return `add one with: POST /api/facts with entity ${JSON.stringify(fact.entity)}, metric ${fact.metric}${more.map(([k, v]) => `, ${k} ${plain(v) ? v : JSON.stringify(v)}`).join('')} ...`;
  return `record a ${fact.metric} fact of ${fact.entity}${more.length ? ` (${more.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`;
}
