import type { Inline } from './report-model.js';

/**
 * The end of a sentence and the space after it: 。！？!? or a full stop that
 * no letter or digit follows, so the point of "约4.5亿欧元", "openai.com" or
 * "REFERENCES.md" does not end one.
 */
const SENTENCE_END = /(?:[。!?！？]|\.(?![\p{L}\p{N}]))\s*/gu;
/** A command-line flag: `--basis`, `--same-as`. */
const FLAG = /(?:^|\s)--[a-z][\w-]*/;
/** A bracketed part with no brackets inside: "(none linked by --same-as: …)". */
const INNERMOST_BRACKETS = /[(（][^()（）]*[)）]/g;
/** A file of the project named in brackets: "(REFERENCES.md)", "（见 data/x.yaml）". */
const FILE_IN_BRACKETS = /\s?[(（][^()（）]*\b[\w./-]+\.(?:md|ya?ml|csv|json|ts)[)）]/g;
/** A ledger event named by its id in brackets: "(event stability-ai-layoffs-ceo-exit)", "（事件 …）". */
const EVENT_IN_BRACKETS = /\s?[(（](?:event|事件)\s+[a-z0-9]+(?:-[a-z0-9]+)+[)）]/g;
/** A model variable with a subscript: s_app_store reads as s. */
const SUBSCRIPTED = /\b([a-z])_[a-z0-9]+(?:_[a-z0-9]+)*\b/g;
/**
 * A model-language expression: "5B to 15B", "0.5 to 2", "normal(0.05, 0.02)".
 * Shown as code: it is the model's own notation, the same in every language.
 */
const MODEL_EXPRESSION = /\b\d[\d.,]*[kMBT]?\s+to\s+\d[\d.,]*[kMBT]?(?![\w.%])|\b(?:normal|lognormal|uniform|beta|triangular|pointMass|mixture|truncate)\([^()]*\)/g;

/**
 * Text an analysis wrote for every reader (the command line too), fitted to
 * a report: a sentence telling the reader to run a command is dropped, and so
 * is a project file or a ledger event id named in brackets (the footnotes
 * carry the sources); a subscripted model variable keeps its letter. The
 * meaning is kept: these are pointers for a user at a terminal, not content.
 *
 * @example readerText('Net ≈ 0.70 of gross (REFERENCES.md). Run with --basis unknown to see both.')
 * // 'Net ≈ 0.70 of gross.'
 */
export function readerText(text: string): string {
  return sentences(text.replace(FILE_IN_BRACKETS, '').replace(EVENT_IN_BRACKETS, ''))
    .filter((x) => !tellsToRunCommand(x))
    .join('')
    .replace(SUBSCRIPTED, '$1')
    .trim();
}

/** Text cut into sentences, each with its full stop and the space after it; joined they give the text back. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * A sentence that tells the reader to run a command: it names a flag outside
 * brackets ("Run the analysis with --basis unknown ..."). A flag named in
 * brackets explains, it does not instruct: "(none linked by --same-as: ...)".
 */
function tellsToRunCommand(sentence: string): boolean {
  let s = sentence;
  for (let prev = ''; prev !== s;) [prev, s] = [s, s.replace(INNERMOST_BRACKETS, '')];
  return FLAG.test(s);
}

/**
 * `readerText` as inlines, with model-language expressions ("5B to 15B",
 * "normal(0.05, 0.02)") as code spans: for text that states a model's
 * input (an assumption's value), not for prose, where "0.70 to 0.85" is words.
 *
 * @example readerInlines('cash 5B to 15B: a guess') // [text 'cash ', code '5B to 15B', text ': a guess']
 */
export function readerInlines(text: string): Inline[] {
  const s = readerText(text);
  const out: Inline[] = [];
  let last = 0;
  for (const m of s.matchAll(MODEL_EXPRESSION)) {
    if (m.index > last) out.push({ t: 'text', text: s.slice(last, m.index) });
    out.push({ t: 'code', text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ t: 'text', text: s.slice(last) });
  return out;
}
