import type { Issue } from './api.js';
import { lang, t, tOr, type Key } from './i18n.js';

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

/**
 * The figure reader's reasons the add form meets most, said again in
 * Chinese. The reader (src/core/parse-figure.ts) words its reasons in English
 * only, with no code: a reason not in this list is left out of the Chinese
 * message (the headline still says what came and what is expected).
 */
const FIGURE_REASONS: readonly [RegExp, Key][] = [
  [/; expected a number at |; no number$/, 'reason_noNumber'],
  [/; "([^"]+)" is ambiguous: /, 'reason_ambiguous'],
  [/; the text is empty/, 'reason_empty'],
  [/; it names two currencies/, 'reason_twoCurrencies'],
  [/; a range goes from low to high/, 'reason_rangeOrder'],
];

function figureReason(message: string): string | null {
  for (const [re, key] of FIGURE_REASONS) {
    const m = re.exec(message);
    if (m) return fill(t(key), { got: m[1] });
  }
  return null;
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
  const code = i.code === 'invalid_type' && i.got === undefined ? 'invalid_type_nothing' : i.code;
  const template = tOr(`err_${code}`, '');
  if (!template) return i.message;
  const expected = i.code === 'invalid_type' && i.expected ? tOr(`type_${i.expected}`, i.expected) : i.expected;
  const text = fill(template, { got: i.got, expected });
  if (/\{\w+\}/.test(text)) return i.message;
  const reason = i.code === 'invalid_figure' ? figureReason(i.message) : null;
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
