import { formulaZh } from '../../src/report/formula-zh.js';
import { lang } from './i18n.js';

export { formulaZh };

/** A formula as the API gives it, in the current language. */
export function formulaText(formula: string | null | undefined): string {
  if (!formula) return '';
  return lang.value === 'zh' ? formulaZh(formula) : formula;
}
