function hash(parts: readonly (string | number | null | undefined)[]): string {
  // node:crypto is loaded by the first id hashed, not by importing this module:
  // a command that hashes nothing (shakeout parse, run) does not pay for it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha1').update(parts.map((p) => (p == null ? '' : String(p))).join('\u001f')).digest('hex');
}

/** Stable id of a source: 'src-' and 12 hex digits of its publisher, title, url and date. */
export function sourceId(s: { publisher: string; title?: string | null; url?: string | null; published?: string | null }): string {
  return `src-${hash([s.publisher, s.title, s.url, s.published]).slice(0, 12)}`;
}

/** Stable id of a fact given without one: 'fact-' and 12 hex digits of what it says and who said it. */
export function contentFactId(parts: readonly (string | number | null | undefined)[]): string {
  return contentId('fact', parts);
}

/** Stable id of a record from its content: `prefix`, '-' and 12 hex digits ('outcome-1a2b3c4d5e6f'). */
export function contentId(prefix: string, parts: readonly (string | number | null | undefined)[]): string {
  return `${prefix}-${hash(parts).slice(0, 12)}`;
}

/** Lower-case slug: 'GPT-4 Turbo' -> 'gpt-4-turbo'. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Closest of `candidates` to `name` by edit distance on lower-cased text, if
 * reasonably close: within `maxDistance` edits, by default half the name's
 * length (at least 2), which suits short vocabularies (metrics, routes).
 */
export function closest(name: string, candidates: readonly string[], maxDistance?: number): string | undefined {
  const a = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(a, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= (maxDistance ?? Math.max(2, Math.ceil(a.length / 2))) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
