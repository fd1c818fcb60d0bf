import { currencyNameZh } from '../../src/core/currency-table.js';
import type { Issue, Reason } from './api.js';
import { lang, t, tOr } from './i18n.js';

/** An error as the API answered it: {error: {status, message, issues}}, with the status of the response. */
export interface ErrorLike { readonly status: number; readonly message: string; readonly issues: readonly Issue[] }

/** An error as the page shows it: a headline, and each issue with its field. */
export interface ErrorText {
  readonly headline: string;
  readonly issues: readonly { readonly path: string; readonly message: string; readonly code: string }[];
}

/** `{name}` placeholders filled from `vars`; a placeholder with no value stays as it is written. */
function fill(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** Whose rule a reason names: the figure reader's (docs/figures.md) or the model language's (MODEL_REASONS). */
export type ReasonKind = 'figure' | 'model';

/** A currency code or a unit in the page's language: 美元 for USD, 百分比 for percent; a sign such as ¥ as it is. */
function unitWord(v: string): string {
  if (/^[A-Z]{3}$/.test(v)) return lang.value === 'zh' ? currencyNameZh(v) : v;
  return tOr(`reasonUnit_${v}`, v);
}

/**
 * The values of a reason in the page's language. Units, periods, marks,
 * qualifiers, kinds of value and tokens are said by their words; what the
 * user wrote and numbers stay as they came. An arity's `expected` is made
 * from its `min` and `max`.
 */
function reasonValues(p: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...p };
  for (const name of ['currency', 'otherCurrency', 'unit', 'otherUnit', 'mainUnit']) if (p[name] !== undefined) out[name] = unitWord(p[name]);
  for (const name of ['per', 'otherPer', 'mainPer']) if (p[name]) out[name] = tOr(`reasonPer_${p[name]}`, p[name]);
  if (p.mark !== undefined) out.mark = tOr(`reasonMark_${p.mark}`, p.mark);
  if (p.what !== undefined) out.what = tOr(`reasonWhat_${p.what}`, p.what);
  if (p.qualifiers !== undefined) out.qualifiers = p.qualifiers.split(', ').map((q) => tOr(`qualifier_${q}`, q)).join(t('reasonListSep'));
  if (p.metric !== undefined) out.metric = tOr(`metric_${p.metric}`, p.metric);
  for (const name of ['expected', 'found']) if (p[name] !== undefined) out[name] = tOr(`modelKind_${p[name]}`, p[name]);
  if (p.gotKind !== undefined) out.got = p.gotKind === 'end' || p.gotKind === 'line_end' ? t(`modelGot_${p.gotKind}`) : fill(t('modelGot_token'), { got: p.got });
  if (p.min !== undefined) {
    out.expected = fill(t(p.max === undefined ? 'modelArity_atLeast' : p.max === p.min ? 'modelArity_exactly' : 'modelArity_either'), { min: p.min, max: p.max });
  }
  return out;
}

/**
 * A reason said in the page's language: the sentence keyed by its rule
 * (`figureReason_<code>` or `modelReason_<code>` in reasons-en.ts /
 * reasons-zh.ts), filled with its values, and the reason inside it in
 * brackets; null when the table has no sentence for the rule or the reason
 * lacks a value the sentence needs (the caller then keeps the server's words).
 *
 * @example reasonText('figure', { code: 'two_currencies', params: { currency: 'HKD', otherCurrency: 'USD' } }) // zh: '同时出现了两种货币：港元和美元'
 */
export function reasonText(kind: ReasonKind, r: Reason): string | null {
  const template = tOr(`${kind}Reason_${r.code}`, '');
  if (!template) return null;
  const values = reasonValues(r.params);
  if ([...template.matchAll(/\{(\w+)\}/g)].some((m) => values[m[1]!] === undefined)) return null;
  const text = fill(template, values);
  const cause = r.cause ? reasonText(kind, r.cause) : null;
  return cause ? text + fill(t('reasonCause'), { cause }) : text;
}

/**
 * A problem POST /api/models/check found, in the page's language: in English
 * the server's message; in Chinese its rule's sentence with its values and
 * the closest known name, or the server's message when no sentence fits.
 *
 * @example modelCheckText({ message: "unknown name 'revenu'; did you mean 'revenue'?", suggestion: 'revenue', reason: { code: 'unknown_name', params: { name: 'revenu' } } }) // zh: '未知的名称“revenu”；是否指“revenue”？'
 */
export function modelCheckText(i: { readonly message: string; readonly suggestion?: string | null; readonly reason?: Reason }): string {
  if (lang.value === 'en' || !i.reason) return i.message;
  const said = reasonText('model', i.reason);
  if (!said) return i.message;
  return said + (i.suggestion ? fill(t('errorDidYouMean'), { suggestion: i.suggestion }) : '');
}

/** One field of a path in the page's language: 'value' 数值, 'line 14' 第14行, 'column id' id列; others as they are. */
function pathPart(p: string | number): string {
  const s = String(p);
  const line = /^(?:.* )?line (\d+)$/.exec(s);
  if (line) return fill(t('pathLine'), { n: line[1] });
  const record = /^(?:.* )?record (\d+)$/.exec(s);
  if (record) return fill(t('pathRecord'), { n: record[1] });
  const column = /^column (\w+)$/.exec(s);
  if (column) return fill(t('pathColumn'), { name: tOr(`field_${column[1]!}`, column[1]!) });
  return tOr(`field_${s}`, s);
}

/**
 * An issue in the page's language: in English the server's message; in
 * Chinese the keyed sentence for its code (`err_<code>` in i18n.ts) filled
 * with the issue's fields (what came, what was expected, the closest name),
 * or the English message when the table has no sentence for the code or the
 * issue lacks a field the sentence needs (the server's words beat a wrong guess).
 */
export function issueText(i: Issue): string {
  if (lang.value === 'en') return i.message;
  // a model's error (syntax, unknown_name, arity, type ...): its rule's sentence, then the closest name
  if (i.reason && i.code !== 'invalid_figure') return modelCheckText(i);
  const code = i.code === 'invalid_type' && i.got === undefined ? 'invalid_type_nothing' : i.code;
  const template = tOr(`err_${code}`, '');
  if (!template) return i.message;
  const expected = i.code === 'invalid_type' && i.expected ? tOr(`type_${i.expected}`, i.expected) : i.expected;
  const text = fill(template, { got: i.got, expected });
  if (/\{\w+\}/.test(text)) return i.message;
  const reason = i.code === 'invalid_figure' && i.reason ? reasonText('figure', i.reason) : null;
  const hint = i.suggestion ? fill(t('errorDidYouMean'), { suggestion: i.suggestion }) : '';
  return text + (reason ? t('clauseSep') + reason : '') + hint;
}

/**
 * An API error in the page's language. English: the server's message and the
 * issues it does not already say. Chinese: the status said in words (or the
 * one issue, when there is one with no field), then every issue translated
 * by {@link issueText}; the English message only where no translation exists.
 *
 * @example errorText({ status: 404, message: 'no fact with id "F9"', issues: [{ code: 'unknown_fact', path: [], message: '…', got: 'F9' }] }) // zh: { headline: '没有编号为“F9”的事实', issues: [] }
 */
export function errorText(e: ErrorLike): ErrorText {
  const item = (i: Issue) => ({ path: i.path.map(pathPart).join(' · '), message: issueText(i), code: i.code });
  if (lang.value === 'en') {
    return { headline: e.message, issues: e.issues.filter((i) => !e.message.includes(i.message)).map(item) };
  }
  const [only] = e.issues;
  if (e.issues.length === 1 && only && only.path.length === 0) return { headline: issueText(only), issues: [] };
  const status = tOr(`errorStatus_${e.status}`, '');
  if (e.issues.length === 0) return { headline: status || e.message, issues: [] };
  return { headline: status || t('errorStatus_400'), issues: e.issues.map(item) };
}
