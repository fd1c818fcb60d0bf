/** A sentence of an article, with where it starts in the article's text. */
export interface Sentence {
  readonly text: string;
  /** Offset of its first character in the article's text. */
  readonly start: number;
  /** Index of its paragraph (blank lines or line ends separate paragraphs). */
  readonly paragraph: number;
  /** Its clauses, as offsets into `text`: [start, end) each. */
  readonly clauses: readonly (readonly [number, number])[];
}

/**
 * Ends a sentence: 。！？ and their halves, and an English . ! ? followed
 * by a space or the end (not the point of 19.99, not "U.S." before a lower-case word).
 */
const SENTENCE_END = /[。！？!?]+[”’"')）」』]*|\.(?=[”’"')）]*(?:\s+[^a-z\d]|\s*$))[”’"')）]*/g;
/** Ends a clause: ，；： in Chinese; ", ", "; " and ": " in English (a comma between digits groups thousands). */
const CLAUSE_END = /[，；：;:]|,(?=\s)|\s[-–—]\s/g;

/**
 * Splits an article's text into sentences and each sentence into clauses,
 * in Chinese and English punctuation. Line ends end sentences too (titles,
 * list items, table rows).
 *
 * @example splitSentences('融资约为20亿美元。OpenAI raised $6.6B, a record.')
 * // => [{ text: '融资约为20亿美元。', start: 0, ... }, { text: 'OpenAI raised $6.6B, a record.', start: 10, clauses: [[0, 19], [20, 30]] }]
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let offset = 0;
  for (const line of unwrap(text).split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') {
      paragraph++;
      continue;
    }
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    const ends: number[] = [];
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) ends.push(m.index + m[0].length);
    if (ends[ends.length - 1] !== line.length) ends.push(line.length);
    for (const end of ends) {
      const raw = line.slice(from, end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body !== '') out.push({ text: body, start: lineStart + from + lead, paragraph, clauses: clausesOf(body) });
      from = end;
    }
    paragraph++;
  }
  return out;
}

/**
 * Joins hard-wrapped lines: a line end inside a paragraph whose line is long
 * (over 60 characters) and does not end a sentence becomes a space (same
 * length, so offsets hold). Short lines (titles, list items) keep their end.
 */
function unwrap(text: string): string {
  return text.replace(/([^\n]{60,})\n(?=[^\n])/g, (all, line: string) => (/[。！？!?；;.:：”"）)]\s*$/.test(line) ? all : `${line} `));
}

function clausesOf(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(sentence); m; m = CLAUSE_END.exec(sentence)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, sentence.length]);
  return out.filter(([a, b]) => b > a);
}

/** The clause of `sentence` that holds offset `at` (an index into `sentence.clauses`). */
export function clauseAt(sentence: Sentence, at: number): number {
  const i = sentence.clauses.findIndex(([a, b]) => at >= a && at < b);
  if (i >= 0) return i;
  let best = 0;
  sentence.clauses.forEach(([a], j) => {
    if (a <= at) best = j;
  });
  return best;
}
