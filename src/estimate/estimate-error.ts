import { ShakeoutError, type Issue } from '../core/index.js';

/**
 * An error of the Monte Carlo engine: a bad Env, a malformed Plan, or
 * parameters a distribution cannot take (`0 to 10`, `normal(0, -1)`).
 * The message says what was expected and what arrived; `issues` carries the
 * same with a code and a path such as `['plan', 'node 3']`.
 *
 * @example
 * throw new EstimateError('to_bounds', '`a to b` needs 0 < a < b, got 4 to -2', ['plan', 'node 2']);
 */
export class EstimateError extends ShakeoutError {
  readonly code: string;
  constructor(code: string, message: string, path: readonly (string | number)[] = []) {
    const issue: Issue = { code, path, message };
    super(message, { issues: [issue], status: 400 });
    this.name = 'EstimateError';
    this.code = code;
  }
}
