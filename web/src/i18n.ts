import { signal } from '@preact/signals';

export type Lang = 'en' | 'zh';

/** The words of the dashboard, keyed; one table per language (the report's pattern). */
const EN = {
  appName: 'Shakeout',
  tagline: 'Will it make money before its money runs out?',
  navBoard: 'Board',
  navLedger: 'Ledger',
  switchLang: '中文',
  search: 'Search facts',
  searchHint: 'words in the figure, company, source or notes',
  entity: 'Company or entity',
  anyEntity: 'any entity',
  metric: 'Metric',
  anyMetric: 'any metric',
  asOf: 'As of',
  asOfHint: 'only facts published by this day',
  facts: 'facts',
  of: 'of',
  more: 'More',
  loading: 'Loading…',
  id: 'id',
  period: 'period',
  asWritten: 'as written',
  value: 'value',
  source: 'source',
  kind: 'kind',
  published: 'published',
  inferred: 'inferred',
  interval: '90% interval',
  qualifier: 'qualifier',
  history: 'history',
  corrects: 'corrects',
  correctedBy: 'corrected by',
  definition: 'definition',
  notes: 'notes',
  derived: 'derived from',
  close: 'Close',
  noFacts: 'No fact matches.',
  addFact: 'Add a fact',
  correctFact: 'Correct this fact',
  valueAsWritten: 'Value as the source wrote it',
  readsAs: 'reads as',
  publisher: 'Publisher',
  url: 'URL',
  title: 'Title',
  save: 'Save',
  saved: 'Saved as',
  cancel: 'Cancel',
  token: 'Bearer token (if the server asks for one)',
  undatedLeftOut: 'facts without a publication date left out',
  error: 'Error',
  errorsIn: 'What to fix',
  boardSoon: 'The board (ranking and survival curves) needs the analyses API: not built yet.',
} as const;

export type Key = keyof typeof EN;

const ZH: Record<Key, string> = {
  appName: '洗牌',
  tagline: '钱花完之前，它能赚到钱吗？',
  navBoard: '总览',
  navLedger: '事实账本',
  switchLang: 'English',
  search: '搜索事实',
  searchHint: '数字、公司、来源或备注中的词',
  entity: '公司或主体',
  anyEntity: '全部主体',
  metric: '指标',
  anyMetric: '全部指标',
  asOf: '截至',
  asOfHint: '仅计入该日及之前发布的事实',
  facts: '条事实',
  of: '/',
  more: '更多',
  loading: '加载中…',
  id: '编号',
  period: '期间',
  asWritten: '原文',
  value: '数值',
  source: '来源',
  kind: '类型',
  published: '发布日期',
  inferred: '推定',
  interval: '90% 区间',
  qualifier: '限定词',
  history: '更正记录',
  corrects: '更正了',
  correctedBy: '已被更正为',
  definition: '口径',
  notes: '备注',
  derived: '推算自',
  close: '关闭',
  noFacts: '没有符合条件的事实。',
  addFact: '添加事实',
  correctFact: '更正这条事实',
  valueAsWritten: '来源原文中的数值',
  readsAs: '读作',
  publisher: '发布方',
  url: '网址',
  title: '标题',
  save: '保存',
  saved: '已保存：',
  cancel: '取消',
  token: '访问令牌（服务器要求时填写）',
  undatedLeftOut: '条无发布日期的事实未计入',
  error: '错误',
  errorsIn: '需要修改',
  boardSoon: '总览页（排名与存活曲线）需要分析接口，尚未完成。',
};

const TABLES: Record<Lang, Record<Key, string>> = { en: EN, zh: ZH };

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem('shakeout.lang');
  if (saved === 'en' || saved === 'zh') return saved;
  return globalThis.navigator?.language?.startsWith('zh') ? 'zh' : 'en';
}

/** The language of every page; the switch in the header sets it and it is remembered. */
export const lang = signal<Lang>(initialLang());

export function setLang(l: Lang): void {
  lang.value = l;
  globalThis.localStorage?.setItem('shakeout.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

/** The word for `key` in the current language. */
export function t(key: Key): string {
  return TABLES[lang.value][key];
}
