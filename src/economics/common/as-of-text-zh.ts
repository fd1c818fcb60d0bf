import type { AsOfText } from './as-of-text-en.js';

/** 按日期运行（截至某日）的标题与说明用语，中文。键与 as-of-text-en.ts 一一对应。 */
export const AS_OF_TEXT_ZH: AsOfText = {
  date: (date) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
  header: (date, n, includeUndated) =>
    `截至${AS_OF_TEXT_ZH.date(date)}（仅计入此前发布的事实${n ? `；${includeUndated ? '另计入' : '未计入'}${n}条无发布日期的事实` : ''}）`,
  footnote: (date) => `截至${AS_OF_TEXT_ZH.date(date)}：仅计入此前发布的事实。`,
  overridesFile: (date, file, fileAsOf) =>
    `模拟以${AS_OF_TEXT_ZH.date(date)}为准（按指定日期运行），而非 ${file} 中的基准日期（${fileAsOf}）：现金扣减到该日，且只读取此前发布的事实。`,
  climateFallback: (date, market, climate, undatedLeftOut) =>
    `默认：${climate}，因为截至${AS_OF_TEXT_ZH.date(date)}，账本中没有此前发布的、同一来源连续两年的${market}年度融资数据` +
    (undatedLeftOut ? '（来源无发布日期的事实，例如内置的OWID序列，在按日期运行时不计入；可用 --include-undated 计入）' : ''),
};
