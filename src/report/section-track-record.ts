import { forecastInputLine, type BacktestResult, type BacktestScores } from '../economics/index.js';
import { formulaZh } from './formula-zh.js';
import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';
import { climateName } from './section-shakeout.js';
import type { ReportTextKey } from './text-en.js';

/**
 * The track record: the forecast model run on the ledger as it stood at the
 * backtest's date, each company's P(out) beside what happened, the
 * calibration chart, and the scores against the two baselines. Null when the
 * report has no backtest.
 */
export function trackRecordSection(ctx: ReportContext): ReportSection | null {
  const r = ctx.inputs.trackRecord;
  if (!r) return null;
  const T = ctx.T as Record<string, string>;
  const blocks: Block[] = [];
  blocks.push({ t: 'p', content: ctx.fill('track.intro', { asOf: r.asOf, horizon: String(r.horizonMonths), end: r.windowEnd }) });

  const fnOf = (c: BacktestResult['companies'][number]): number =>
    ctx.book.derived(
      `track:${c.entity}`,
      `${ctx.name(c.entity)}: ${ctx.T['track.head.pOut']}`,
      `1 - S(${r.horizonMonths})`,
      c.factIds.map((id) => ctx.fact(id)).filter((f) => !!f),
      [
        ctx.text('track.fn', { asOf: r.asOf, paths: ctx.format(r.paths, 'count'), seed: String(r.seed), climate: climateName(ctx, r.climate.name) }),
        // its inputs at the date, as `backtest --inputs` gives them: status, median, formula
        ...(c.inputs.length ? [ctx.text('track.fn.inputs', { asOf: r.asOf })] : []),
        ...c.inputs.map((x) => forecastInputLine(x, ctx.lang, ctx.lang === 'zh' ? formulaZh(x.formula) : x.formula)),
      ],
      r.assumptions,
    );
  const pct = (x: number | null, fn?: number): Inline[] => (x === null ? [{ t: 'text', text: '—' }] : fn === undefined ? [{ t: 'text', text: ctx.format(x, 'percent', null, 2) }] : [ctx.num(x, 'percent', null, fn, ctx.format(x, 'percent', null, 2))]);

  if (r.calibration.length) {
    ctx.charts.push({
      id: 'track-record-calibration',
      kind: 'bar',
      title: ctx.T['track.chart.title'],
      xLabel: ctx.T['track.chart.x'],
      yLabel: ctx.T['track.chart.y'],
      yUnit: 'percent',
      categories: r.calibration.map((b) => `${ctx.format(b.low, 'percent', null, 2)}–${ctx.format(b.high, 'percent', null, 2)}`),
      series: [
        { name: ctx.T['track.chart.predicted'], values: r.calibration.map((b) => b.meanPredicted) },
        { name: ctx.T['track.chart.observed'], values: r.calibration.map((b) => b.observedShare) },
      ],
    });
    blocks.push({ t: 'chart', chart: 'track-record-calibration', caption: [{ t: 'text', text: ctx.T['track.chart.caption'] }] });
  }

  if (r.companies.length) {
    blocks.push({
      t: 'table',
      head: [ctx.T['track.head.company'], ctx.T['track.head.pOut'], ctx.T['track.head.baseRate'], ctx.T['track.head.months'], ctx.T['track.head.since'], ctx.T['track.head.observed']],
      align: ['left', 'right', 'right', 'right', 'right', 'left'],
      rows: r.companies.map((c) => {
        const what = T[`track.observed.${c.observed}`] ?? c.observed;
        const outcome = c.outcomeType && c.outcomeDate ? `${what}（${ctx.text('track.outcome', { type: T[`track.type.${c.outcomeType}`] ?? c.outcomeType, date: c.outcomeDate })}）` : what;
        return [
          [{ t: 'text', text: ctx.name(c.entity) }],
          pct(c.pOut, fnOf(c)),
          pct(c.baselines.baseRate),
          pct(c.baselines.monthsSinceRound),
          [{ t: 'text', text: ctx.format(c.monthsSinceLastRound, 'count') }],
          [{ t: 'text', text: ctx.lang === 'zh' ? outcome : outcome.replace('（', ' (').replace('）', ')') }],
        ];
      }),
    });
    const unknown = r.companies.filter((c) => c.observed === 'unknown');
    if (unknown.length) {
      blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['track.unknown'] }] });
      blocks.push({ t: 'list', items: unknown.map((c) => ctx.fill('track.item', { name: ctx.name(c.entity), what: c.reason[ctx.lang] })) });
    }
  }

  const row = (key: ReportTextKey, s: BacktestScores): Inline[][] => [
    [{ t: 'text', text: ctx.T[key] }],
    [{ t: 'text', text: s.brier === null ? '—' : s.brier.toFixed(3) }],
    [{ t: 'text', text: s.logLoss === null ? '—' : s.logLoss.toFixed(3) }],
    [{ t: 'text', text: s.auc === null ? '—' : s.auc.toFixed(2) }],
    [{ t: 'text', text: ctx.format(s.pairs, 'count') }],
  ];
  blocks.push({
    t: 'table',
    head: [ctx.T['track.scores.forecaster'], ctx.T['track.scores.brier'], ctx.T['track.scores.logLoss'], ctx.T['track.scores.auc'], ctx.T['track.scores.pairs']],
    align: ['left', 'right', 'right', 'right', 'right'],
    rows: [
      row('track.forecaster.model', { brier: r.brier, logLoss: r.logLoss, auc: r.auc, pairs: r.pairs }),
      row('track.forecaster.baseRate', r.baselines.baseRate),
      row('track.forecaster.months', r.baselines.monthsSinceRound),
    ],
  });
  blocks.push({ t: 'p', content: ctx.fill('track.scores.note') });
  const n = String(r.scored);
  const verdict: Inline[] = r.beatsBothOnBrier === null
    ? ctx.fill(r.scored === 0 ? 'track.verdict.none' : 'track.verdict.noBaselines', { n })
    : ctx.fill(r.beatsBothOnBrier ? 'track.verdict.beats' : 'track.verdict.not', { n });
  if (r.scored > 0 && r.out === 0) verdict.push({ t: 'text', text: ctx.lang === 'zh' ? '' : ' ' }, ...ctx.fill('track.noOut'));
  blocks.push({ t: 'p', content: verdict });

  if (r.leftOut.outBefore.length) {
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.text('track.leftOut.before', { asOf: r.asOf }) }] });
    blocks.push({
      t: 'list',
      items: r.leftOut.outBefore.map((o) => ctx.fill('track.item', { name: ctx.name(o.entity), what: ctx.text('track.outcome', { type: T[`track.type.${o.outcomeType}`] ?? o.outcomeType, date: o.outcomeDate }) })),
    });
  }
  if (r.leftOut.lacking.length) {
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.text('track.leftOut.lacking', { asOf: r.asOf }) }] });
    blocks.push({
      t: 'list',
      items: r.leftOut.lacking.map((l) =>
        l.error
          ? ctx.fill('track.leftOut.error', { name: ctx.name(l.entity), detail: { t: 'code', text: l.error } })
          : ctx.fill('track.item', { name: ctx.name(l.entity), what: l.how.map((h) => h[ctx.lang]).join(ctx.lang === 'zh' ? '；' : '; ') })),
    });
  }
  return { id: 'track-record', title: ctx.T['track.title'], blocks };
}
