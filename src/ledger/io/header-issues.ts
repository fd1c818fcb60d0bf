import type { Issue } from '../../core/index.js';

/** Issue codes that are about a CSV file's header, not about one of its rows. */
const HEADER_CODES = new Set(['unknown_column', 'missing_column']);

/**
 * A CSV file's column problems placed on its header line: a misspelt column
 * ("sorce") is written once, on line 1, not on every row that has it (each
 * row's own line told the user to look at the wrong line). Other issues, and
 * every issue of a file without a header (JSON, YAML), are returned as they
 * came. Duplicates (the same column on every row) are kept once.
 *
 * @example atHeader([{ code: 'unknown_column', path: ['facts.csv line 2', 'column sorce'], message: '...' }], 'facts.csv', 1)
 * // => [{ code: 'unknown_column', path: ['facts.csv line 1', 'column sorce'], message: '...' }]
 */
export function atHeader(issues: readonly Issue[], file: string, headerLine: number | undefined): Issue[] {
  if (headerLine === undefined) return [...issues];
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const i of issues) {
    if (!HEADER_CODES.has(i.code)) {
      out.push(i);
      continue;
    }
    const path = [`${file} line ${headerLine}`, ...i.path.slice(1)];
    const key = JSON.stringify([i.code, path, i.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...i, path });
  }
  return out;
}
