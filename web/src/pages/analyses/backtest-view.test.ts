import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKTEST_RESULT } from '../../../../test/fixtures/backtest-result-2024-05-20.js';
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
    factIds: ['F1'], monthsSinceLastRound: 29, baselines: { baseRate: 0.2, monthsSinceRound: 0.3 },
    inputs: [
      { input: 'costs', status: 'derived', formula: 'F1 / (27 months x round-interval factor, at least 1.1: the round lasted the 29.64 months to the as-of date)', p50: 6.56e6 },
      { input: 'costGrowth', status: 'default', formula: 'default: (1 - staff share) x frontier compute growth a month; staff flat', p50: 0.054 },
    ],
    notes: [{ en: 'The company is going at the as-of date, 29.64 months after its latest round (F1).', zh: '截至评估日，公司仍在经营，距最近一轮融资（F1）已 29.64 个月。' }],
  }],
};

// the app layer's result as the API answers it, eight companies over every calibration bin: the view takes it as it is
const REAL: BacktestJson = BACKTEST_RESULT;

/** A table's rows by its data-testid, each as its cells' text (the head row first). */
const rows = (html: string, testid: string): string[][] => {
  const table = html.match(new RegExp(`<table[^>]*data-testid="${testid}"[^>]*>.*?</table>`, 's'))![0];
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((tr) => [...tr[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((td) => text(td[1]!)));
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

  it('says them in Chinese on a Chinese page, the formulas too (formulaZh, as the company page does)', () => {
    lang.value = 'zh';
    const inputs = text(renderToString(h(BacktestView, { b: B })).match(/<details[^>]*>.*?<\/details>/s)![0]);
    expect(inputs).toContain('评估日的输入');
    expect(inputs).toContain('F1 / （27 个月 × 融资间隔系数，至少 1.1：该轮资金撑过了距评估日的 29.64 个月）');
    expect(inputs).not.toContain('round-interval factor');
    expect(inputs).toContain('支出：656万美元/月 (推算值)');
    expect(inputs).toContain('支出增速：5.4%/月 (模型默认值)');
    expect(inputs).toContain('截至评估日，公司仍在经营');
  });

  it('shows no inputs fold for a backtest answered without them', () => {
    const { inputs: _i, notes: _n, ...bare } = B.companies[0]!;
    expect(renderToString(h(BacktestView, { b: { ...B, companies: [bare] } }))).not.toContain('forecast-inputs');
  });

  it('shows each company\'s months since its last round, the months baseline\'s input, as the CLI does', () => {
    const html = renderToString(h(BacktestView, { b: REAL }));
    const [head, ...body] = rows(html, 'backtest-companies');
    const col = head!.indexOf('months since last round');
    expect(col).toBe(3);
    expect(body.map((r) => [r[0], r[col]])).toEqual([
      ['Anthropic', '3'], ['Mistral AI', '4'], ['Adept', '13'], ['Harvey', '17'],
      ['Ayar Labs', '65'], ['Cruise', '36'], ['Graphcore', '40'], ['Baichuan AI', '6'],
    ]);
    // beside them, the months baseline's own forecast (the CLI's "months baseline" column); none for one not yet known
    const base = head!.indexOf('months baseline');
    expect(base).toBe(4);
    expect(body.map((r) => r[base])).toEqual(['48.4%', '48%', '22%', '47.2%', '100%', '35.6%', '35.1%', '–']);
    // the column says what the months are, and why a company without a dated round is not in the table
    expect(html).toMatch(/<th class="num" title="Whole months from the latest funding round to the as-of day: what the months baseline forecasts from\. A company with no dated round by then is not forecast \(it lacks an input\)\.">months since last round<\/th>/);
  });

  it('lists the companies not forecast, out before the day or lacking an input, as the CLI does, en and zh', () => {
    // leftOut as `shakeout backtest --as-of 2024-05-20 --horizon 24 --json` gives it on the bundled ledger
    const leftOut = {
      outBefore: [{ entity: 'inflection-ai', name: 'Inflection AI', nameZh: null, outcomeType: 'acquihire_license', outcomeDate: '2024-03-19' }],
      lacking: [{
        entity: 'openai', name: 'OpenAI', nameZh: 'OpenAI', lacking: ['cash', 'lastRound'], error: null,
        how: [
          { en: 'cash (a cash fact, or dated funding rounds with a burn, spend, net_loss or headcount fact)', zh: '现金（现金数据，或有日期的融资轮次加上烧钱、支出、净亏损或员工人数数据）' },
          { en: 'a dated funding round (for the months since the last round)', zh: '有日期的融资轮次（用于计算距上一轮融资的月数）' },
        ],
      }],
    };
    const b = { ...REAL, leftOut };
    const part = () => text(renderToString(h(BacktestView, { b })).match(/<div data-testid="backtest-left-out">.*?<\/div>/s)![0]);
    const en = part();
    expect(en).toContain('Not forecast');
    expect(en).toContain('Inflection AI: out before the day (acqui-hire by licence, 2024-03-19)');
    expect(en).toContain('OpenAI: lacks at the day: cash (a cash fact, or dated funding rounds with a burn, spend, net_loss or headcount fact); a dated funding round (for the months since the last round)');
    lang.value = 'zh';
    try {
      const zhText = part();
      expect(zhText).toContain('未作预测');
      expect(zhText).toContain('以授权方式被收编团队');
      expect(zhText).toContain('评估日缺少：现金（现金数据');
      expect(zhText).not.toMatch(/lacks|out before/);
    } finally {
      lang.value = 'en';
    }
    expect(renderToString(h(BacktestView, { b: REAL }))).not.toContain('backtest-left-out');
  });

  it('tabulates the calibration: each bin with its companies, mean forecast and share out, the bins the CLI prints', () => {
    const [head, ...body] = rows(renderToString(h(BacktestView, { b: REAL })), 'calibration-table');
    expect(head).toEqual(['forecast chance of being out (bin)', 'companies', 'mean forecast', 'share out']);
    expect(body).toEqual([
      ['0% – 20%', '2', '7.07%', '0%'],
      ['20% – 40%', '1', '28.6%', '100%'],
      ['40% – 60%', '1', '48.8%', '0%'],
      ['60% – 80%', '1', '67.4%', '0%'],
      ['80% – 100%', '2', '100%', '100%'],
    ]);
    // the seven scored companies, the one not yet known left out, as in the CLI's table
    expect(body.reduce((n, r) => n + Number(r[1]), 0)).toBe(REAL.companies.filter((c) => c.observed !== 'unknown').length);
  });

  it('says the months and the calibration in Chinese on a Chinese page', () => {
    lang.value = 'zh';
    const html = renderToString(h(BacktestView, { b: REAL }));
    const [head, ...body] = rows(html, 'backtest-companies');
    expect(head![3]).toBe('距上一轮融资月数');
    expect(body.map((r) => r[3])).toEqual(['3', '4', '13', '17', '65', '36', '40', '6']);
    expect(html).toContain('title="从最近一轮融资到评估日的整月数，即月数基准据以预测的输入。评估日前没有有日期融资轮次的公司缺少这一输入，不作预测。"');
    const cal = rows(html, 'calibration-table');
    expect(cal[0]).toEqual(['预测的出局概率（分组）', '公司数', '平均预测', '实际出局比例']);
    expect(cal[1]).toEqual(['0% – 20%', '2', '7.07%', '0%']);
    expect(cal[5]).toEqual(['80% – 100%', '2', '100%', '100%']);
  });

  it('shows no calibration table when no company could be scored, only the note', () => {
    const html = renderToString(h(BacktestView, { b: B }));
    expect(html).not.toContain('calibration-table');
    expect(text(html)).toContain('No company could be scored, so there is no calibration to draw.');
  });
});
