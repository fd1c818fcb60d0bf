import type { AsOfText } from './as-of-text-en.js';

/** 按日期运行（截至某日）的标题与说明用语，中文。键与 as-of-text-en.ts 一一对应。 */
export const AS_OF_TEXT_ZH: AsOfText = {
  date: (date) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
  header: (date, n, includeUndated) =>
    `截至${AS_OF_TEXT_ZH.date(date)}（仅计入此前发布的事实${n ? `；${includeUndated ? '另计入' : '未计入'}${n}条无发布日期的事实` : ''}）`,
  footnote: (date) => `截至${AS_OF_TEXT_ZH.date(date)}：仅计入此前发布的事实。`,
  overridesFile: (date, file, fileAsOf) =>
    `模拟以${AS_OF_TEXT_ZH.date(date)}为准（按指定日期运行），而非 ${file} 中的基准日期（${fileAsOf}）：现金扣减到该日，且只读取此前发布的事实。`,
  climateFallback: (date, market, climate, undatedLeftOut, takeIn) =>
    `默认：${climate}，因为截至${AS_OF_TEXT_ZH.date(date)}，账本中没有此前发布的、同一来源连续两年的${market}年度融资数据` +
    (undatedLeftOut ? `（来源无发布日期的事实，例如内置的OWID序列，在按日期运行时不计入${takeIn ? `；可用 ${takeIn} 计入` : ''}）` : ''),
  laterFact: (id, metric, period, value) => `${id}（${metric}，${period}，“${value}”）`,
  startFromFile: (date, file, later) =>
    `输入数据截至${date}，即模拟的起点（由${file === 'data/survival-assumptions.yaml' ? '内置假设文件' : '假设文件'} ${file} 设定）` +
    (later.length ? `：未采用${later.length}条期间更晚的事实：${later.join('；')}。` : '；没有未采用的更晚事实。'),
  startFromAsOf: (date, later) =>
    `输入数据截至${date}，即所选日期` + (later.length ? `：未采用${later.length}条期间更晚的事实：${later.join('；')}。` : '。'),
  startGiven: (date, later) =>
    `输入数据截至${date}，即所指定的日期` + (later.length ? `：未采用${later.length}条期间更晚的事实：${later.join('；')}。` : '。'),
  startLatest: (latest, file, fileAsOf) =>
    `输入数据取自该公司自己的最新事实${latest ? `（至${latest}）` : ''}` +
    (file ? `：假设文件 ${file} 未列出该公司，因此其起点（${fileAsOf}）不截断该公司的事实。` : '。'),
  input: { cash: '现金', revenue: '营收', revenueGrowth: '营收增速', costs: '支出', costGrowth: '支出增速' },
  lacking: (name, inputs, date) => `${name}：${date ? `截至${date}` : '目前'}事实不足，无法模拟：缺少${inputs.join('、')}。`,
  outcomeType: (type) => OUTCOME_ZH[type] ?? '其他结果',
  outSince: (name, date, type, publisher) => `${name}：自${date}起已出局（${type}，来源：${publisher}），不参与模拟。`,
};

/** 与报告用语一致（src/report/text-zh.ts 的 track.type.*）。 */
const OUTCOME_ZH: Readonly<Record<string, string>> = {
  raised: '融资', ipo: '上市', acquihire_license: '技术授权并被大公司挖走团队', acquisition: '被收购',
  recapitalization: '资本重组', pivot: '转型', leadership_exit: '负责人离任', layoffs: '裁员', restructured: '重组', shutdown: '关闭',
};
