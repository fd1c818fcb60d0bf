import type { Span } from './model-error.js';

/**
 * The syntax tree of a model. Every node keeps its span (UTF-16 offsets into
 * the source, end exclusive) so that a later error can point at it.
 */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | 'to' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'negate'; readonly arg: Expr; readonly span: Span; readonly opSpan: Span }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
      readonly opSpan: Span;
    }
  | {
      readonly kind: 'call';
      readonly callee: string;
      readonly calleeSpan: Span;
      readonly args: readonly Expr[];
      readonly span: Span;
    }
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'record'; readonly fields: readonly RecordField[]; readonly span: Span };

export interface RecordField {
  readonly name: string;
  readonly nameSpan: Span;
  /** `{a}` is short for `{a: a}`: then value is the name itself. */
  readonly value: Expr;
}

/** `name = expr` */
export interface Assignment {
  readonly kind: 'assign';
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** A parsed model: its assignments in order, and the final expression naming the outputs, if any. */
export interface Program {
  readonly source: string;
  readonly statements: readonly Assignment[];
  readonly result: Expr | undefined;
}
