import type { Lang } from '../core/index.js';
import { periodText, publisherName } from '../economics/index.js';

/**
 * A source's title for a reader of `lang`. The ledger records figures the
 * article cites from others with the title 'cited in ByteAILab/头部科技, AI大战，
 * 不变现，就出局'; a Chinese reader gets '（转引自ByteAILab/头部科技《AI大战，不变现，就出局》）',
 * an English one 'cited in ByteAILab/头部科技, “AI大战，不变现，就出局”'. Other titles
 * are quoted as the language quotes titles.
 */
export function sourceTitle(title: string, lang: Lang): string {
  const m = title.match(/^cited in (.+?), (.+)$/);
  if (m) return lang === 'zh' ? `（转引自${m[1]}《${m[2]}》）` : `cited in ${m[1]}, “${m[2]}”`;
  return lang === 'zh' ? `《${title}》` : `“${title}”`;
}

/** A publisher as a reader of `lang` knows it: 'IT Juzi (IT桔子)' -> 'IT桔子' in Chinese, 'IT Juzi' in English. */
export function sourcePublisher(publisher: string, lang: Lang): string {
  return publisherName(publisher, lang);
}

/** A publication date as the language writes it: '2024-05-20' -> '2024年5月20日'; English keeps ISO dates. */
export function sourceDate(date: string, lang: Lang): string {
  return lang === 'zh' ? periodText(date, 'zh') : date;
}
