import type { Lang } from '../../core/index.js';

/** How a publisher as recorded says it was read at second hand: 'Bloomberg (via NDTV Profit)', 'The Register (citing Forbes)', 'Reuters (mirror)', 'unidentified mirror'. */
const SECOND_HAND = /\((?:via|citing)\s+[^()]+\)\s*$|\(mirror\)\s*$|^unidentified mirror$/i;

/**
 * Whether a fact's publisher, as recorded, marks the text as read at second
 * hand: through an aggregator or republisher ("X (via Y)"), quoted by
 * another outlet ("X (citing Y)"), or a copy of the page ("X (mirror)",
 * "unidentified mirror"). The choose rule prefers a named primary source.
 *
 * @example isSecondHand('Bloomberg (via NDTV Profit)') // => true
 * @example isSecondHand('Semafor') // => false
 */
export function isSecondHand(publisher: string): boolean {
  return SECOND_HAND.test(publisher.trim());
}

/**
 * A publisher for a reader of `lang`. A bilingual name keeps the part in the
 * reader's script ('IT Juzi (IT桔子)' -> 'IT Juzi' / 'IT桔子'). Chinese says
 * the second-hand forms in Chinese: 'Bloomberg (via NDTV Profit)' ->
 * 'Bloomberg（经NDTV Profit转载）', 'The Register (citing Forbes)' ->
 * 'The Register（援引Forbes）', 'Reuters (mirror)' -> 'Reuters（镜像页面）',
 * 'unidentified mirror' -> '来源不明的镜像页面'; other brackets become
 * full-width.
 */
export function publisherName(publisher: string, lang: Lang): string {
  const p = publisher.trim();
  const bilingual = p.match(/^(.+?)\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)$/);
  if (bilingual) return lang === 'zh' ? bilingual[2]! : bilingual[1]!;
  if (lang === 'en') return p;
  if (/^unidentified mirror$/i.test(p)) return '来源不明的镜像页面';
  const via = p.match(/^(.+?)\s*\(via\s+([^()]+)\)$/i);
  if (via) return `${via[1]}（经${via[2]}转载）`;
  const citing = p.match(/^(.+?)\s*\(citing\s+([^()]+)\)$/i);
  if (citing) return `${citing[1]}（援引${citing[2]}）`;
  const mirror = p.match(/^(.+?)\s*\(mirror\)$/i);
  if (mirror) return `${mirror[1]}（镜像页面）`;
  return p.replace(/\s+\(([^()]+)\)$/, '（$1）');
}
