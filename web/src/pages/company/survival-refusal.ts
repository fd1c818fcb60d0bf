import type { Issue } from '../../api.js';
import { lang, t, tOr } from '../../i18n.js';

/** The fill of a phrase's {placeholders}. */
const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * What the company page says, calmly, when the survival simulation cannot
 * take the company (a 400 whose issues are all `missing_input` or
 * `out_before_start`): 'Not enough facts to simulate yet: missing cash,
 * revenue growth and cost growth.' or 'Out since 2024-03-19 (acqui-hire by
 * licence, The Batch): not simulated.', the inputs in words, never field
 * names. Null for any other refusal, which the page shows as an error.
 */
export function survivalRefusalText(issues: readonly Issue[]): string | null {
  if (!issues.length || !issues.every((i) => i.code === 'missing_input' || i.code === 'out_before_start')) return null;
  const out = issues.find((i) => i.code === 'out_before_start');
  if (out) {
    // the outcome's day, type and publisher, as the issue gives them ('2024-03-19 acquihire_license The Batch')
    const [date = '', type = '', ...source] = (out.got ?? '').split(' ');
    return fill(t('survivalOut'), { date, type: tOr(`outcome_${type}`, type), source: source.join(' ') });
  }
  const inputs = [...new Set(issues.map((i) => String(i.path[2] ?? '')))].filter(Boolean).map((k) => tOr(`lackWord_${k}`, k));
  const list = new Intl.ListFormat(lang.value === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(inputs);
  return fill(t('survivalMissing'), { inputs: list });
}

/**
 * The company page's heading: the name in the page's language, and on an
 * English page the Chinese name beside it only when it differs (Chinese
 * press writes 'Mistral AI' too: not 'Mistral AI Mistral AI').
 */
export function companyHeading(entity: { nameEn: string; nameZh: string | null }): { title: string; other: string | null } {
  if (lang.value === 'zh') return { title: entity.nameZh ?? entity.nameEn, other: null };
  return { title: entity.nameEn, other: entity.nameZh && entity.nameZh.trim() !== entity.nameEn.trim() ? entity.nameZh : null };
}
