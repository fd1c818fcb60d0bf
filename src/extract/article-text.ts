import { Parser } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';

/** How an article is written. */
export type ArticleFormat = 'text' | 'markdown' | 'html';

/** An article reduced to plain text, with what its head says about it. */
export interface ArticleText {
  /** The text read for figures: no markup, no links' addresses, no images. Spans are offsets into it. */
  readonly text: string;
  readonly format: ArticleFormat;
  /** The title the article gives itself (front matter, <title>, first heading), if any. */
  readonly title: string | null;
  /** The publication date the article gives itself (front matter `date`, HTML meta), YYYY-MM-DD, if any. */
  readonly published: string | null;
}

/** The format a file name implies (.html/.htm, .md/.markdown, else text), or a sniff of the content. */
export function articleFormatOf(name: string | null, content: string): ArticleFormat {
  const lower = (name ?? '').toLowerCase();
  if (/\.x?html?$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.txt$/.test(lower)) return 'text';
  const head = content.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(p|div|article|body)[\s>]/.test(head)) return 'html';
  if (head.startsWith('---\n') || /^#{1,6} /m.test(content.slice(0, 2000))) return 'markdown';
  return 'text';
}

const DATE_RE = /(\d{4})-(\d{2})-(\d{2})/;
const day = (v: unknown): string | null => {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
  return m ? m[0] : null;
};

/**
 * Reads an article as plain text. HTML goes through htmlparser2 (scripts,
 * styles and the head left out, block elements end a paragraph, entities
 * decoded); Markdown loses its front matter (kept as title and date), images,
 * link addresses, heading marks, emphasis and rules; plain text is kept as is
 * (line ends normalised).
 *
 * @example articleText('---\ntitle: T\ndate: 2024-05-20\n---\n# Hi\n![x](http://a/b.png)见[这里](http://x)。', 'markdown')
 * // => { text: 'Hi\n\n见这里。', title: 'T', published: '2024-05-20', format: 'markdown' }
 */
export function articleText(content: string, format: ArticleFormat): ArticleText {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'html') return htmlText(text);
  if (format === 'markdown') return markdownText(text);
  return { text, format, title: null, published: null };
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'header', 'footer', 'aside', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'figcaption', 'hr', 'dd', 'dt', 'main', 'nav', 'td', 'th',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'button', 'form']);

function htmlText(html: string): ArticleText {
  let out = '';
  let skipping = 0;
  let inTitle = false;
  let inH1 = false;
  let title = '';
  let h1 = '';
  let published: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') inH1 = true;
        if (name === 'meta') {
          const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? '').toLowerCase();
          if (published === null && /(published_time|^date$|datepublished|pubdate|publish_date)/.test(key)) published = day(attrs['content']);
        }
        if (name === 'time' && published === null && attrs['datetime']) published = day(attrs['datetime']);
        if (SKIPPED_TAGS.has(name)) skipping++;
        if (BLOCK_TAGS.has(name)) out += '\n\n';
      },
      ontext(t) {
        if (inTitle) title += t;
        if (skipping > 0) return;
        if (inH1) h1 += t;
        out += t;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        if (BLOCK_TAGS.has(name)) out += '\n\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = out
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const t = (h1.trim() || title.trim()).replace(/\s+/g, ' ');
  return { text, format: 'html', title: t || null, published };
}

function markdownText(md: string): ArticleText {
  let body = md;
  let title: string | null = null;
  let published: string | null = null;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (front) {
    body = md.slice(front[0].length);
    try {
      const meta = parseYaml(front[1]!) as Record<string, unknown> | null;
      if (meta && typeof meta === 'object') {
        if (typeof meta['title'] === 'string') title = meta['title'];
        published = day(meta['date'] ?? meta['published']);
      }
    } catch {
      // front matter that is not YAML is dropped like the rest of the markup
    }
  }
  const lines = body.split('\n').map((line) => {
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      title ??= heading[1]!;
      return heading[1]!;
    }
    return line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  });
  const text = lines
    .join('\n')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/(\*\*|__|\*|`)(?=\S)([^*`\n]*?\S)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, format: 'markdown', title, published };
}
