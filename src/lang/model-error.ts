import { ShakeoutError } from '../core/index.js';
import { SourceText } from './source-text.js';

/** What kind of problem a model has; stable, for programs and tests. */
export type ModelErrorCode =
  | 'syntax'            // the text is not a model: a token or expression is missing
  | 'unknown_name'      // a variable or function that does not exist
  | 'arity'             // a function called with too few or too many arguments
  | 'type'              // a value of the wrong kind: a distribution where a number must be
  | 'invalid_argument'  // a value out of range: `0 to 10`, `normal(0, -1)`
  | 'fact';             // fact(...) could not be resolved

/** A span of the source: UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
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

  constructor(
    code: ModelErrorCode,
    detail: string,
    where: { line: number; column: number; span: Span },
    options: { suggestion?: string; cause?: unknown } = {},
  ) {
    super(`${where.line}:${where.column}: ${detail}`, {
      issues: [{ code, path: [`line ${where.line}`, `column ${where.column}`], message: detail }],
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
  }

  /** Builds the error for a span of `source`, working out line and column. */
  static at(
    source: string | SourceText,
    span: Span,
    code: ModelErrorCode,
    detail: string,
    options: { suggestion?: string; cause?: unknown } = {},
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
