import type { Assignment, BinaryOperator, Expr, Program, RecordField } from './ast.js';
import { ModelError, modelReason, type ModelReasonCode, type Span } from './model-error.js';
import { SourceText } from './source-text.js';
import { tokenize, type Token } from './tokenize.js';

/**
 * Parses model source into a {@link Program}; throws a located
 * {@link ModelError} at the first syntax error.
 *
 * A model is statements `name = expr`, separated by line breaks or `;`, and
 * optionally a final expression (usually a record `{a, b: expr}`) naming the
 * outputs. Precedence, loosest first, as in Squiggle 0.10:
 *
 * | level       | operators          | notes                                   |
 * |-------------|--------------------|-----------------------------------------|
 * | comparison  | `< <= > >=`        | do not chain                            |
 * | range       | `to`               | `1 + 2 to 3` is `(1 + 2) to 3`; no chain|
 * | additive    | `+ -`              | left to right                           |
 * | product     | `* /`              | left to right                           |
 * | power       | `^`                | right to left: `2^3^2` is 512           |
 * | unary       | `-`                | `-2^2` is `(-2)^2` = 4, as Squiggle     |
 * | primary     | number, name, call, `( )`, `[ ]`, `{ }` |                |
 *
 * A line that ends with `=` or a binary operator continues on the next line
 * (as in Squiggle), unless that line starts a statement of its own.
 *
 * ```ts
 * parseModel('ios = 11M to 13M\n{ios}').statements[0].name; // 'ios'
 * ```
 */
export function parseModel(source: string): Program {
  const program = new Parser(source).program();
  checkDepth(program);
  return program;
}

/**
 * How deep the parser follows operands inside operands (parentheses, calls,
 * lists, a minus before a minus, powers of powers) before it refuses the
 * model: a model written by hand nests a few levels; a generated one past
 * this would run the parser out of stack. docs/limits.md.
 */
export const MAX_MODEL_NESTING = 200;

/**
 * How deep a model's expressions may be once read: each operator of a long
 * sum adds one level (`a + b + c` is `(a + b) + c`), so this bounds a sum
 * or product to about this many terms. Checking and running a model walk
 * its expressions recursively; past this they would run out of stack.
 * docs/limits.md.
 */
export const MAX_MODEL_DEPTH = 1000;

/** Refuses a program whose expressions are deeper than `MAX_MODEL_DEPTH`, at the deepest place, without recursing. */
function checkDepth(program: Program): void {
  const text = new SourceText(program.source);
  const roots: unknown[] = [...program.statements, program.result].filter((x) => x !== undefined);
  const stack: [unknown, number][] = roots.map((r) => [r, 0]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const x of node) stack.push([x, depth]);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const o = node as { kind?: unknown; span?: Span };
    const d = typeof o.kind === 'string' ? depth + 1 : depth;
    if (d > MAX_MODEL_DEPTH && o.span) {
      throw ModelError.at(
        text,
        o.span,
        'syntax',
        `the model is nested more than ${MAX_MODEL_DEPTH} levels deep here (a sum or product of about that many terms counts one level a term): split it into named parts, e.g. part1 = a + b + ... and total = part1 + part2`,
        { reason: modelReason('too_deep', { max: MAX_MODEL_DEPTH }) },
      );
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'span' && k !== 'opSpan' && typeof v === 'object' && v !== null) stack.push([v, d]);
  }
}

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

class Parser {
  private readonly tokens: Token[];
  private readonly text: SourceText;
  private pos = 0;
  /** Operands being read inside other operands, now. */
  private depth = 0;

  constructor(private readonly source: string) {
    this.text = new SourceText(source);
    this.tokens = tokenize(source);
  }

  program(): Program {
    const statements: Assignment[] = [];
    let result: Expr | undefined;
    this.skipSeparators();
    while (this.peek().kind !== 'eof') {
      if (result !== undefined) {
        throw this.error(
          this.peek(),
          `expected the end of the model after its final expression (on line ${this.text.position(result.span.start).line}), got ${describe(this.peek())}; only the last statement may be a bare expression`,
          ['expected_end_of_model', { line: this.text.position(result.span.start).line, ...got(this.peek()) }],
        );
      }
      const first = this.peek();
      if (first.kind === 'name' && first.text === 'export' && this.peek(1).kind === 'name') this.pos++;
      if (this.peek().kind === 'name' && this.peek(1).text === '=' && this.peek(1).kind === 'op') {
        statements.push(this.assignment());
      } else {
        result = this.expression();
      }
      this.endOfStatement();
      this.skipSeparators();
    }
    return { source: this.source, statements, result };
  }

  private assignment(): Assignment {
    const nameTok = this.next();
    const eq = this.next();
    if (nameTok.text.includes('.')) {
      throw this.error(nameTok, `expected a plain variable name before '=', got '${nameTok.text}' (a name cannot contain '.')`, ['dotted_name', { name: nameTok.text }]);
    }
    const value = this.binaryOperand(eq, () => this.expression(), true, `${nameTok.text} =`);
    return {
      kind: 'assign',
      name: nameTok.text,
      nameSpan: spanOf(nameTok),
      value,
      span: { start: nameTok.start, end: value.span.end },
    };
  }

  private endOfStatement(): void {
    const t = this.peek();
    if (t.kind === 'eof' || t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) return;
    if (t.kind === 'op' && t.text === '=') {
      throw this.error(t, `expected the end of the statement, got '='; the left of '=' must be a single name`, ['assign_to_expression', {}]);
    }
    throw this.error(t, `expected an operator or the end of the statement, got ${describe(t)}`, ['expected_end_of_statement', got(t)]);
  }

  private skipSeparators(): void {
    while (this.peek().kind === 'newline' || (this.peek().kind === 'punct' && this.peek().text === ';')) this.pos++;
  }

  // expression := range (compare range)?
  private expression(): Expr {
    const left = this.range();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.pos++;
      const right = this.rangeOperand(t);
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text)) {
        throw this.error(after, `comparisons do not chain: write (a ${t.text} b) and (b ${after.text} c) as separate expressions`, ['chained_comparison', { first: t.text, second: after.text }]);
      }
      return binary(t.text as BinaryOperator, left, right, t);
    }
    return left;
  }

  // range := additive ('to' additive)?
  private range(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t.kind === 'op' && t.text === 'to') {
      this.pos++;
      const right = this.binaryOperand(t, () => this.additive());
      const after = this.peek();
      if (after.kind === 'op' && after.text === 'to') {
        throw this.error(after, `'to' does not chain: 'a to b to c' has no meaning; use parentheses`, ['chained_to', {}]);
      }
      return binary('to', left, right, t);
    }
    return left;
  }

  private rangeOperand(op: Token): Expr {
    return this.binaryOperand(op, () => this.range());
  }

  private additive(): Expr {
    let left = this.product();
    while (this.peek().kind === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const op = this.next();
      left = binary(op.text as BinaryOperator, left, this.binaryOperand(op, () => this.product()), op);
    }
    return left;
  }

  private product(): Expr {
    let left = this.power();
    while (this.peek().kind === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
      const op = this.next();
      left = binary(op.text as BinaryOperator, left, this.binaryOperand(op, () => this.power()), op);
    }
    return left;
  }

  // power := unary ('^' power)?   (right-associative)
  private power(): Expr {
    const base = this.unary();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '^') {
      this.pos++;
      return binary('^', base, this.nested(t, () => this.binaryOperand(t, () => this.power())), t);
    }
    return base;
  }

  /** Reads an operand inside another, refusing past `MAX_MODEL_NESTING` levels. */
  private nested(at: Token, parse: () => Expr): Expr {
    if (this.depth >= MAX_MODEL_NESTING) {
      throw this.error(at, `the model nests more than ${MAX_MODEL_NESTING} levels of parentheses, calls, lists or operators here: name the inner parts (x = ...) and use the names`, ['too_deep', { max: MAX_MODEL_NESTING }]);
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private unary(): Expr {
    return this.nested(this.peek(), () => this.unaryOperand());
  }

  private unaryOperand(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.pos++;
      const arg = this.binaryOperand(t, () => this.unary(), false);
      return { kind: 'negate', arg, span: { start: t.start, end: arg.span.end }, opSpan: spanOf(t) };
    }
    if (t.kind === 'op' && t.text === '+') {
      throw this.error(t, `expected an expression, got '+' (there is no unary plus)`, ['unary_plus', {}]);
    }
    return this.primary();
  }

  /**
   * The operand after a binary operator. A line break right after the
   * operator continues the expression on the next line, unless the next line
   * starts a new statement (`name =`) or the input ends: then the operand is
   * missing and the error says "got end of line".
   */
  private binaryOperand(op: Token, parse: () => Expr, continueLines = true, after = op.text): Expr {
    if (this.peek().kind === 'newline') {
      let k = this.pos;
      while (this.tokens[k]!.kind === 'newline') k++;
      const next = this.tokens[k]!;
      const startsStatement = next.kind === 'name' && this.tokens[k + 1]?.kind === 'op' && this.tokens[k + 1]?.text === '=';
      if (!continueLines || next.kind === 'eof' || startsStatement) {
        throw this.error(this.peek(), `expected an expression after '${after}', got end of line`, ['expected_expression_after', { after, ...got(this.peek()) }], op.end);
      }
      this.pos = k;
    }
    return this.operand(op, after, parse);
  }

  /** An expression after `after` (the operator or opening written before it: '+', '(', 'x =', 'name:'). */
  private operand(op: Token, after: string, parse: () => Expr = () => this.expression()): Expr {
    const t = this.peek();
    if (!startsExpression(t)) {
      throw this.error(
        t,
        `expected an expression after '${after}', got ${describe(t)}`,
        ['expected_expression_after', { after, ...got(t) }],
        t.kind === 'newline' || t.kind === 'eof' ? op.end : undefined,
      );
    }
    return parse();
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.pos++;
        return { kind: 'number', value: t.value!, text: t.text, span: spanOf(t) };
      case 'string':
        this.pos++;
        return { kind: 'string', value: t.content!, span: spanOf(t) };
      case 'name': {
        this.pos++;
        const open = this.peek();
        if (open.kind === 'punct' && open.text === '(') {
          this.pos++;
          const args = this.commaList(')', open, 'an argument');
          const close = this.tokens[this.pos - 1]!;
          return { kind: 'call', callee: t.text, calleeSpan: spanOf(t), args, span: { start: t.start, end: close.end } };
        }
        return { kind: 'name', name: t.text, span: spanOf(t) };
      }
      case 'punct':
        if (t.text === '(') {
          this.pos++;
          if (this.peek().kind === 'punct' && this.peek().text === ')') {
            throw this.error(this.peek(), `expected an expression inside '( )', got ')'`, ['expected_expression', got(this.peek())]);
          }
          const inner = this.operand(t, '(');
          this.expectClose(')', t);
          return inner;
        }
        if (t.text === '[') {
          this.pos++;
          const items = this.commaList(']', t, 'a list item');
          return { kind: 'list', items, span: { start: t.start, end: this.tokens[this.pos - 1]!.end } };
        }
        if (t.text === '{') return this.record();
        break;
      default:
        break;
    }
    throw this.error(t, `expected an expression, got ${describe(t)}`, ['expected_expression', got(t)]);
  }

  private record(): Expr {
    const open = this.next();
    const fields: RecordField[] = [];
    const seen = new Set<string>();
    while (!(this.peek().kind === 'punct' && this.peek().text === '}')) {
      const key = this.peek();
      if (key.kind !== 'name' && key.kind !== 'string') {
        throw this.error(key, `expected a field name in the record, got ${describe(key)}`, ['expected_field_name', got(key)]);
      }
      this.pos++;
      const name = key.kind === 'string' ? key.content! : key.text;
      if (seen.has(name)) throw this.error(key, `field '${name}' appears twice in the record`, ['duplicate_field', { name }]);
      seen.add(name);
      let value: Expr;
      if (this.peek().kind === 'punct' && this.peek().text === ':') {
        const colon = this.next();
        value = this.operand(colon, `${name}:`);
      } else {
        if (key.kind === 'string') {
          throw this.error(this.peek(), `expected ':' after the field name ${key.text}, got ${describe(this.peek())}`, ['expected_colon', { name, ...got(this.peek()) }]);
        }
        value = { kind: 'name', name, span: spanOf(key) };
      }
      fields.push({ name, nameSpan: spanOf(key), value });
      const sep = this.peek();
      if (sep.kind === 'punct' && sep.text === ',') {
        this.pos++;
        continue;
      }
      if (!(sep.kind === 'punct' && sep.text === '}')) {
        throw this.error(sep, `expected ',' or '}' in the record opened on line ${this.text.position(open.start).line}, got ${describe(sep)}`, [
          'expected_close',
          { close: '}', open: '{', line: this.text.position(open.start).line, ...got(sep) },
        ]);
      }
    }
    const close = this.next();
    return { kind: 'record', fields, span: { start: open.start, end: close.end } };
  }

  private commaList(close: string, open: Token, what: string): Expr[] {
    const items: Expr[] = [];
    if (this.peek().kind === 'punct' && this.peek().text === close) {
      this.pos++;
      return items;
    }
    while (true) {
      const t = this.peek();
      if (!startsExpression(t)) {
        const after = this.tokens[this.pos - 1]!;
        throw this.error(t, `expected ${what} after '${after.text}', got ${describe(t)}`, ['expected_expression_after', { after: after.text, ...got(t) }], t.kind === 'eof' ? after.end : undefined);
      }
      items.push(this.expression());
      const sep = this.peek();
      if (sep.kind === 'punct' && sep.text === ',') {
        this.pos++;
        if (this.peek().kind === 'punct' && this.peek().text === close) {
          this.pos++; // trailing comma
          return items;
        }
        continue;
      }
      if (sep.kind === 'punct' && sep.text === close) {
        this.pos++;
        return items;
      }
      throw this.error(
        sep,
        `expected ',' or '${close}' to close the '${open.text}' on line ${this.text.position(open.start).line}, got ${describe(sep)}`,
        ['expected_close', { close, open: open.text, line: this.text.position(open.start).line, ...got(sep) }],
        sep.kind === 'eof' ? this.tokens[this.pos - 1]!.end : undefined,
      );
    }
  }

  private expectClose(close: string, open: Token): void {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === close) {
      this.pos++;
      return;
    }
    throw this.error(
      t,
      `expected '${close}' to close the '${open.text}' on line ${this.text.position(open.start).line}, got ${describe(t)}`,
      ['expected_close', { close, open: open.text, line: this.text.position(open.start).line, ...got(t) }],
      t.kind === 'eof' ? this.tokens[this.pos - 1]!.end : undefined,
    );
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    this.pos = Math.min(this.pos + 1, this.tokens.length - 1);
    return t;
  }

  /** An error at a token, or at `at` (an offset) for "got end of line" errors, which point just past the operator. */
  private error(t: Token, detail: string, [code, params]: readonly [ModelReasonCode, Readonly<Record<string, string | number | undefined>>], at?: number): ModelError {
    const span = at === undefined ? spanOf(t) : { start: at, end: at + 1 };
    return ModelError.at(this.text, span, 'syntax', detail, { reason: modelReason(code, params) });
  }
}

function binary(op: BinaryOperator, left: Expr, right: Expr, opTok: Token): Expr {
  return { kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end }, opSpan: spanOf(opTok) };
}

function spanOf(t: Token): Span {
  return { start: t.start, end: Math.max(t.end, t.start + 1) };
}

function startsExpression(t: Token): boolean {
  if (t.kind === 'number' || t.kind === 'string' || t.kind === 'name') return true;
  if (t.kind === 'op') return t.text === '-' || t.text === '+'; // '+' only to say there is no unary plus
  if (t.kind === 'punct') return t.text === '(' || t.text === '[' || t.text === '{';
  return false;
}

/** What came instead, as data: `got` the token as written, `gotKind` 'end' (of input), 'line_end', or the token's kind. */
function got(t: Token): { got: string; gotKind: string } {
  return { got: t.text, gotKind: t.kind === 'eof' ? 'end' : t.kind === 'newline' ? 'line_end' : t.kind };
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'newline':
      return 'end of line';
    case 'number':
      return `number ${t.text}`;
    case 'string':
      return `string ${t.text}`;
    case 'name':
      return `name '${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
