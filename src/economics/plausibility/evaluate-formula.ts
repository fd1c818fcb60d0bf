import { ShakeoutError } from '../../core/index.js';

/**
 * Evaluates a derivation formula over fact ids: numbers, ids (F18,
 * owid-ai-china-2023), + - * / x and parentheses. `value(id)` gives each
 * input's value. Throws a ShakeoutError naming the position on bad input.
 *
 * @example evaluateFormula('(F18 + F20) * 12', (id) => ({ F18: 12e6, F20: 3e6 })[id]!) // 1.8e8
 */
export function evaluateFormula(formula: string, value: (id: string) => number): number {
  const tokens = formula.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[A-Za-z][\w\-.:]*|[()+\-*/×]|\S/g) ?? [];
  let i = 0;
  const fail = (what: string): never => {
    const message = `formula "${formula}": expected ${what}, got ${tokens[i] === undefined ? 'the end' : `"${tokens[i]}"`}`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_formula', path: ['formula'], message }] });
  };
  const isMul = (t: string | undefined): boolean => t === '*' || t === '/' || t === '×' || t === 'x';
  function expr(): number {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + term() : v - term();
    return v;
  }
  function term(): number {
    let v = factor();
    while (isMul(tokens[i])) v = tokens[i++] === '/' ? v / factor() : v * factor();
    return v;
  }
  function factor(): number {
    const t = tokens[i];
    if (t === '(') {
      i++;
      const v = expr();
      if (tokens[i] !== ')') fail('")"');
      i++;
      return v;
    }
    if (t === '-') {
      i++;
      return -factor();
    }
    if (t !== undefined && /^\d/.test(t)) {
      i++;
      return Number(t);
    }
    if (t !== undefined && /^[A-Za-z]/.test(t)) {
      i++;
      return value(t);
    }
    return fail('a number, a fact id or "("');
  }
  const v = expr();
  if (i < tokens.length) fail('an operator or the end');
  return v;
}
