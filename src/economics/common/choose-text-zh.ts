import type { ChooseText } from './choose-text-en.js';

/** 取舍规则（`chooseFact`）未采用某条事实的理由，中文。键与 choose-text-en.ts 一一对应。 */
export const CHOOSE_TEXT_ZH: ChooseText = {
  firstHand: () => '所采用的事实由来源直接给出，此条是分析推算的',
  period: (used, other) => `所采用的事实期间更晚（${used}；此条为${other}）`,
  primarySource: (used, other) => `所采用的事实来自原始来源（${used}）；此条是转载（${other}）`,
  dated: (used, other) => `所采用的事实来源注明了日期（${used}）；此条来源无日期（${other}），无法确定其时间`,
  kind: (used, other) => `所采用的事实是${used}，此条是${other}`,
  uncertainty: (used, other) => `所采用的事实更精确（90%区间宽度为中位数的${used}；此条为${other}）`,
  precision: (used, other) => `所采用的数字写得更精细（“${used}”；此条为“${other}”，可能是其四舍五入）`,
  precisionOther: (finer, finerText, other) =>
    `${finer}以相同币种和单位给出了写得更精细的数字（“${finerText}”；此条为“${other}”，可能是其四舍五入）；所采用的事实币种或单位不同，位数无从比较`,
  published: (used, other) => `所采用的事实发表得更晚（${used}；此条为${other}）`,
  publisher: (used, other) => `两者在规则的前述各项标准上都相同，按来源名称的字母顺序取前者（${used}；此条为${other}）`,
  tie: () => '两者在规则的各项标准上都相同，按编号先后取前者',
  derivedFromUsed: () => '此条由所采用的事实推算而来，二者必然一致',
  noPeriod: '无期间',
  undated: '无日期',
  kindName: { reported: '来源报道值', derived: '推算值', assumption: '假设' },
};
