/**
 * Where an offset of the source text is, as a person counts: 1-based line and
 * column, columns counted in characters (code points), not UTF-16 units, so
 * that `fact("月之暗面", …)` puts the caret under the right character.
 *
 * ```ts
 * const text = new SourceText('a = 1\nb = a +');
 * text.position(13); // { line: 2, column: 8 }
 * ```
 */
export class SourceText {
  readonly source: string;
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[];

  constructor(source: string) {
    this.source = source;
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo]!;
    return { line: lo + 1, column: codePointLength(this.source.slice(start, at)) + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.source.length : next - 1;
    return this.source.slice(start, end).replace(/\r$/, '');
  }
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
