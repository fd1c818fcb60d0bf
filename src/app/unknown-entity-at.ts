import { ShakeoutError, type Issue } from '../core/index.js';

/**
 * An unknown entity named in an input field, said at that field: the store's
 * 404 ("unknown entity "OpenAl"; did you mean "OpenAI"?") carries no field,
 * as it cannot know where the name came from. The edges can: the server
 * passes the query's keys (`['query', 'companies']`), the CLI its options
 * (`['--companies']`); the first field whose value, or one of whose
 * comma-separated values, is the name gets a 400 saying what was expected,
 * what came and the closest name. A name found in no field (a path, a body)
 * keeps the store's 404.
 *
 *   query.companies: expected an entity the ledger knows (any name or alias), got "OpenAl"; did you mean "OpenAI"?
 */
export function unknownEntityAt(e: unknown, fields: Iterable<readonly [path: readonly string[], value: string]>): ShakeoutError | null {
  if (!(e instanceof ShakeoutError) || e.status !== 404) return null;
  const issue = e.issues.find((i) => i.code === 'unknown_entity' && i.path.length === 0 && typeof i.got === 'string');
  if (!issue) return null;
  const got = issue.got!;
  for (const [path, value] of fields) {
    if (!value.split(',').some((v) => v.trim() === got)) continue;
    const expected = 'an entity the ledger knows';
    const message = `expected ${expected} (any name or alias), got "${got}"${issue.suggestion ? `; did you mean "${issue.suggestion}"?` : ''}`;
    const at: Issue = { code: 'unknown_entity', path: [...path], message, expected, got, ...(issue.suggestion ? { suggestion: issue.suggestion } : {}) };
    return new ShakeoutError(`${path.join('.')}: ${message}`, { status: 400, issues: [at] });
  }
  return null;
}
