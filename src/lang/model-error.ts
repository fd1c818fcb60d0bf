import { ShakeoutError, type Reason } from '../core/index.js';
import { SourceText } from './source-text.js';

/** What kind of problem a model has; stable, for programs and tests. */
export type ModelErrorCode =
  | 'syntax'            // the text is not a model: a token or expression is missing
  | 'unknown_name'      // a variable or function that does not exist
  | 'arity'             // a function called with too few or too many arguments
  | 'type'              // a value of the wrong kind: a distribution where a number must be
  | 'invalid_argument'  // a value out of range: `0 to 10`, `normal(0, -1)`
  | 'fact';             // fact(...) could not be resolved

/**
 * The rules a model breaks, by family: the `code` of a ModelError's
 * `reasonCode` (and of its issue's `reason`) is one of its family's, with the
 * values its sentence says as `params` (the name, the expected arity, the
 * function's signature ...), so the playground can say the error in the
 * page's language. A rule with no code of its own carries its family's code
 * ('syntax', 'invalid_argument') and no params.
 */
export const MODEL_REASONS = {
  syntax: [
    'syntax', 'unexpected_character', 'unclosed_comment', 'unsupported_operator', 'ambiguous_number', 'bad_number', 'unclosed_string', 'unknown_escape',
    'expected_expression', 'expected_expression_after', 'expected_end_of_statement', 'expected_end_of_model', 'assign_to_expression', 'dotted_name',
    'chained_comparison', 'chained_to', 'unary_plus', 'too_deep', 'expected_field_name', 'duplicate_field', 'expected_colon', 'expected_close',
  ],
  unknown_name: ['unknown_name', 'unknown_function', 'used_before_defined'],
  arity: ['arity', 'mixture_no_components', 'mixture_weight_count'],
  type: [
    'type', 'wrong_kind', 'wrong_kind_variable', 'wrong_kind_output', 'wrong_kind_result', 'wrong_kind_operator', 'wrong_kind_list', 'wrong_kind_argument',
    'wrong_kind_expression', 'function_as_value', 'variable_as_function', 'record_not_final', 'not_constant'],
  invalid_argument: ['invalid_argument', 'to_low_above_high', 'to_not_positive', 'bounds_order', 'nothing_left', 'rho_range', 'correlate_same', 'probability_range', 'weight_negative', 'weights_zero',
    'sd_not_positive', 'sigma_not_positive', 'uniform_order', 'beta_not_positive', 'triangular_order', 'value_not_finite'],
  fact: ['fact', 'fact_without_ledger', 'fact_unresolved'],
} as const satisfies Record<ModelErrorCode, readonly string[]>;

/** The code of a rule a model breaks: one of {@link MODEL_REASONS}. */
export type ModelReasonCode = (typeof MODEL_REASONS)[ModelErrorCode][number];

/** A reason as data, its values as text: `modelReason('arity', { callee: 'normal', expected: 2, got: 1 })`. */
export function modelReason(code: ModelReasonCode, params: Readonly<Record<string, string | number | undefined>> = {}): Reason {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) text[k] = String(v);
  return { code, params: text };
}

/** A span of the source: UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a ModelError may carry besides its code and message. */
export interface ModelErrorOptions {
  /** The closest known name, for an unknown one. */
  readonly suggestion?: string;
  readonly cause?: unknown;
  /** The rule broken, with its values ({@link modelReason}); default: the family's code, no values. */
  readonly reason?: Reason;
}

/**
 * A problem with a model, at a place in its source. `message` reads
 * `3:12: expected an expression after '+', got end of line`; `format(source)`
 * adds the file name, the line and a caret under the place:
 *
 * ```text
 * model.sq:3:12: expected an expression after '+', got end of line
 *   3 | subs = ios +
 *     |             ^
 * ```
 */
export class ModelError extends ShakeoutError {
  readonly code: ModelErrorCode;
  /** 1-based line and column (in characters) of the start of the place. */
  readonly line: number;
  readonly column: number;
  /** The place as UTF-16 offsets into the source. */
  readonly span: Span;
  /** The message without its location. */
  readonly detail: string;
  /** For an unknown name: the closest known name, if one is close enough. */
  readonly suggestion: string | undefined;
  /** The rule broken, as data (see {@link MODEL_REASONS}); also the `reason` of the error's issue. */
  readonly reasonCode: Reason;

  constructor(
    code: ModelErrorCode,
    detail: string,
    where: { line: number; column: number; span: Span },
    options: ModelErrorOptions = {},
  ) {
    const reason = options.reason ?? { code, params: {} };
    super(`${where.line}:${where.column}: ${detail}`, {
      issues: [{
        code,
        path: [`line ${where.line}`, `column ${where.column}`],
        message: detail,
        ...(options.suggestion !== undefined ? { suggestion: options.suggestion } : {}),
        reason,
      }],
      status: 400,
      cause: options.cause,
    });
    this.name = 'ModelError';
    this.code = code;
    this.line = where.line;
    this.column = where.column;
    this.span = where.span;
    this.detail = detail;
    this.suggestion = options.suggestion;
    this.reasonCode = reason;
  }

  /** Builds the error for a span of `source`, working out line and column. */
  static at(
    source: string | SourceText,
    span: Span,
    code: ModelErrorCode,
    detail: string,
    options: ModelErrorOptions = {},
  ): ModelError {
    const text = typeof source === 'string' ? new SourceText(source) : source;
    return new ModelError(code, detail, { ...text.position(span.start), span }, options);
  }

  /** `file:line:column: detail`, then the line and a caret (or ^~~~) under the place. */
  format(source: string, fileName = 'model.sq'): string {
    const text = new SourceText(source);
    const lineText = text.lineText(this.line).replace(/\t/g, ' ');
    const gutter = String(this.line);
    const chars = [...lineText];
    const pad = displayWidth(chars.slice(0, this.column - 1).join(''));
    const endPos = text.position(this.span.end);
    const lastCol = endPos.line === this.line ? endPos.column : chars.length + 1;
    const marked = displayWidth(chars.slice(this.column - 1, lastCol - 1).join(''));
    const marker = '^' + '~'.repeat(Math.max(0, marked - 1));
    return [
      `${fileName}:${this.line}:${this.column}: ${this.detail}`,
      `  ${gutter} | ${lineText}`,
      `  ${' '.repeat(gutter.length)} | ${' '.repeat(pad)}${marker}`,
    ].join('\n');
  }
}

/** Terminal columns a text takes: East Asian wide and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
