import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Node } from 'yaml';

/** A key whose value differs between two assumption texts: its path (companies by name), and the value before and after (null: absent). */
export interface Change { path: string[]; before: string | null; after: string | null }

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A list's items by a stable key: a company by its name, anything else by its place ('#3'). */
function keyed(items: unknown[]): Map<string, unknown> {
  return new Map(items.map((x, i) => [isRecord(x) && typeof x.company === 'string' ? x.company : `#${i + 1}`, x]));
}

/** A value as a change shows it: a scalar as written, a mapping or list as '{…}' / '[…]'. */
function shown(x: unknown): string | null {
  if (x === undefined) return null;
  if (Array.isArray(x)) return '[…]';
  if (isRecord(x)) return '{…}';
  return String(x);
}

function compare(a: unknown, b: unknown, path: string[], out: Change[]): void {
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) compare(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = keyed(a);
    const kb = keyed(b);
    for (const k of new Set([...ka.keys(), ...kb.keys()])) compare(ka.get(k), kb.get(k), [...path, k], out);
    return;
  }
  const before = shown(a);
  const after = shown(b);
  if (before !== after) out.push({ path, before, after });
}

/**
 * The keys whose values differ between the bundled assumptions and an edited
 * copy, read as YAML (comments and layout do not count): companies are named
 * by their `company`, so a reordered list is no change. A text that is not
 * YAML gives the reader's first line of complaint instead.
 *
 * @example changedKeys(bundled, bundled.replace('5B to 15B', '2.5B to 7.5B'))
 *   // { changes: [{ path: ['companies', 'OpenAI', 'cash', 'value'], before: '5B to 15B', after: '2.5B to 7.5B' }] }
 */
export function changedKeys(base: string, edited: string): { changes: Change[] } | { error: string } {
  let a: unknown;
  let b: unknown;
  try {
    a = parse(base);
    b = parse(edited);
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
  }
  const changes: Change[] = [];
  compare(a, b, [], changes);
  return { changes };
}

/**
 * The line (1-based) of a field of an assumptions text, from the path an
 * issue of the server names (['companies', 0, 'cash', 'rationale']): the line
 * of the deepest key of the path that the text has (for a missing field, the
 * line of the mapping it is missing from). null when the text is not YAML
 * or has not even the path's first key.
 */
export function lineOf(text: string, path: readonly (string | number)[]): number | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length) return null;
  let node: Node | null = doc.contents as Node | null;
  let at: number | null = null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair || !isScalar(pair.key) || !pair.key.range) break;
      at = pair.key.range[0];
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item?.range) break;
      at = item.range[0];
      node = item;
    } else break;
  }
  return at === null ? null : counter.linePos(at).line;
}

/**
 * The line (1-based) of the first syntax error of a text that is not YAML,
 * as the same reader (yaml) finds it on the server: where the server's
 * 'invalid_yaml' issue points. null for a text that reads.
 */
export function syntaxErrorLine(text: string): number | null {
  const doc = parseDocument(text, { lineCounter: new LineCounter() });
  return doc.errors[0]?.linePos?.[0].line ?? null;
}
