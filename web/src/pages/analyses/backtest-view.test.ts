import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../i18n.js';
import { BacktestView, type BacktestJson } from './backtest-view.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

// one company as GET /api/analyses/backtest gives it (no calibration: no chart is asked for)
const B: BacktestJson = {
  asOf: '2024-05-20', horizonMonths: 24, windowEnd: '2026-05-20', paths: 1000, seed: 'shakeout',
  brier: 0.25, logLoss: 0.69, auc: null,
  baselines: { baseRate: { brier: 0, logLoss: 0.01, auc: null }, monthsSinceRound: { brier: 0, logLoss: 0.01, auc: null } },
  calibration: [],
  verdict: { en: 'The model does not beat both baselines.', zh: '模型未能同时胜过两个基准。' },
  assumptions: [],
  companies: [{
    entity: 'old-round-co', name: 'Old Round Co', nameZh: '老轮公司', pOut: 0.52, observed: 'survived', reason: { en: 'nothing happened', zh: '无事发生' },
    factIds: ['F1'], baselines: { baseRate: 0.2, monthsSinceRound: 0.3 },
    inputs: [
      { input: 'costs', status: 'derived', formula: 'F1 / (27 months x round-interval factor, at least 1.1: the round lasted the 29.64 months to the as-of date)', p50: 6.56e6 },
      { input: 'costGrowth', status: 'default', formula: 'default: (1 - staff share) x frontier compute growth a month; staff flat', p50: 0.054 },
    ],
    notes: [{ en: 'The company is going at the as-of date, 29.64 months after its latest round (F1).', zh: '截至评估日，公司仍在经营，距最近一轮融资（F1）已 29.64 个月。' }],
  }],
};

afterEach(() => {
  lang.value = 'en';
});

describe('BacktestView', () => {
  it('folds each company\'s inputs at the date under its facts: value, status, formula, then the notes', () => {
    const html = renderToString(h(BacktestView, { b: B }));
    const inputs = text(html.match(/<details[^>]*data-testid="forecast-inputs"[^>]*>.*?<\/details>/s)![0]);
    expect(inputs).toContain('its inputs at the date');
    expect(inputs).toContain('costs: $6.56M/mo (derived) F1 / (27 months x round-interval factor, at least 1.1: the round lasted the 29.64 months to the as-of date)');
    expect(inputs).toContain("cost growth: 5.4%/mo (the model's default)");
    expect(inputs).toContain('The company is going at the as-of date, 29.64 months after its latest round (F1).');
  });

  it('says them in Chinese on a Chinese page (the formula stays as written)', () => {
    lang.value = 'zh';
    const inputs = text(renderToString(h(BacktestView, { b: B })).match(/<details[^>]*>.*?<\/details>/s)![0]);
    expect(inputs).toContain('评估日的输入');
    expect(inputs).toContain('支出：656万美元/月 (推算值)');
    expect(inputs).toContain('支出增速：5.4%/月 (模型默认值)');
    expect(inputs).toContain('截至评估日，公司仍在经营');
  });

  it('shows no inputs fold for a backtest answered without them', () => {
    const { inputs: _i, notes: _n, ...bare } = B.companies[0]!;
    expect(renderToString(h(BacktestView, { b: { ...B, companies: [bare] } }))).not.toContain('forecast-inputs');
  });
});
