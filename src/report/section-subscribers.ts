import { OMITTED_ASSUMPTIONS } from '../economics/index.js';
import { readerText } from './reader-text.js';
import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';
import { sharedHistogram } from './shared-histogram.js';

const HISTOGRAM_BINS = 40;

/** A field another analysis may give as plain text or as `{en, zh}`: the report's language when it has one. */
function inLang(v: unknown, lang: 'en' | 'zh'): string {
  if (v && typeof v === 'object' && lang in v) return String((v as Record<string, unknown>)[lang]);
  return String(v);
}

/**
 * The ChatGPT subscriber estimate: the article's arithmetic on the figures as
 * written, the same with vendor error, the net readings (table), a histogram
 * of the draws, what the method leaves out, a second source, and what the
 * subscriptions would have to pay for (unit economics).
 */
export function subscribersSection(ctx: ReportContext): ReportSection | null {
  const a = ctx.inputs.subscribers;
  if (!a) return null;
  const d = a.details;
  const blocks: Block[] = [];
  const store = (s: string) => d.stores.find((x) => x.store === s);
  const appStore = store('app_store');
  const googlePlay = store('google_play');
  const priceFact = ctx.fact(d.price.factId) ?? a.facts.find((f) => f.id === d.price.factId);
  const gross = d.readings.find((r) => r.id === 'gross');
  const articleSubs = d.articleFigures.find((x) => ctx.fact(x.factId)?.metric === 'subscribers');
  const articleRun = d.articleFigures.find((x) => ctx.fact(x.factId)?.metric !== 'subscribers');
  const storeFacts = d.stores.map((s) => ctx.fact(s.factId)).filter((f) => !!f);
  if (appStore && googlePlay && priceFact && gross && articleSubs && articleRun) {
    const facts = [...storeFacts, priceFact];
    const subsFn = ctx.book.derived('subscribers.point', gross.label[ctx.lang], gross.formula.subscribers, facts);
    const runFn = ctx.book.derived('run_rate.point', gross.label[ctx.lang], gross.formula.annualRunRate, storeFacts);
    blocks.push({
      t: 'p',
      content: ctx.fill('subscribers.method', {
        appStore: ctx.factNum(ctx.fact(appStore.factId)!),
        googlePlay: ctx.factNum(ctx.fact(googlePlay.factId)!),
        price: ctx.factNum(priceFact, { per: false }),
        subscribers: ctx.num(gross.point.subscribers, 'count', null, subsFn),
        articleSubscribers: ctx.factNum(ctx.fact(articleSubs.factId)!),
        runRate: ctx.num(gross.point.annualRunRate.value, 'USD', null, runFn),
        articleRunRate: ctx.factNum(ctx.fact(articleRun.factId)!, { per: false }),
      }),
    });
  }
  const g = ctx.est(a, 'subscribers.gross');
  const n = ctx.est(a, 'subscribers.net_rules');
  if (g && n) blocks.push({ t: 'p', content: ctx.fill('subscribers.uncertainty', { gross: ctx.estNum(g, a), net: ctx.estNum(n, a) }) });

  blocks.push({
    t: 'table',
    head: [ctx.T['subscribers.head.reading'], ctx.T['subscribers.head.commission'], ctx.T['subscribers.head.subscribers'], ctx.T['subscribers.head.runRate']],
    align: ['left', 'left', 'right', 'right'],
    rows: d.readings.map((r) => {
      const s = ctx.est(a, `subscribers.${r.id}`);
      const y = ctx.est(a, `run_rate.${r.id}`);
      // the bilingual wording when the analysis gives it (commissionText), else the plain one
      const texts = (r as { commissionText?: Partial<Record<string, { en: string; zh: string }>> }).commissionText ?? {};
      const commission = Object.entries(r.commission)
        .map(([k, v]) => `${k === 'app_store' ? 'App Store' : k === 'google_play' ? 'Google Play' : k} ${texts[k]?.[ctx.lang] ?? inLang(v as unknown, ctx.lang)}`)
        .join(ctx.lang === 'zh' ? '；' : '; ');
      return [
        [{ t: 'text', text: r.label[ctx.lang] }],
        [{ t: 'text', text: commission }],
        s ? [ctx.estNum(s, a)] : [{ t: 'text', text: '—' }],
        y ? [ctx.estNum(y, a, { per: false })] : [{ t: 'text', text: '—' }],
      ];
    }),
  });

  // The histogram of the draws.
  const sets = [g, n].filter((e) => !!e?.samples);
  if (sets.length) {
    const h = sharedHistogram(sets.map((e) => e!.samples!), HISTOGRAM_BINS);
    const centers = h.edges.slice(0, -1).map((x, k) => (x + h.edges[k + 1]!) / 2);
    const markers: { at: number; label: string }[] = [];
    const articleFact = articleSubs ? ctx.fact(articleSubs.factId) : undefined;
    if (articleFact) {
      const v = articleFact.figure.value;
      const k = h.edges.findIndex((x, i) => i < h.edges.length - 1 && v >= x && v < h.edges[i + 1]!);
      if (k >= 0) markers.push({ at: k, label: ctx.text('chart.subscribers.marker', { value: ctx.format(v, 'count') }) });
    }
    ctx.charts.push({
      id: 'subscribers-histogram',
      kind: 'histogram',
      title: ctx.T['chart.subscribers.title'],
      xLabel: ctx.T['chart.subscribers.x'],
      yLabel: ctx.T['chart.subscribers.y'],
      yUnit: 'percent',
      categories: centers.map((x) => ctx.format(x, 'count', null, 3)),
      series: [
        ...(g?.samples ? [{ name: ctx.T['chart.subscribers.gross'], values: h.shares[0]! }] : []),
        ...(n?.samples ? [{ name: ctx.T['chart.subscribers.net'], values: h.shares[g?.samples ? 1 : 0]! }] : []),
      ],
      markers,
    });
    const refs: Inline[] = [g, n].filter((e) => !!e).map((e) => ({ t: 'ref', fn: ctx.book.estimate(e!, a) }));
    blocks.push({ t: 'chart', chart: 'subscribers-histogram', caption: [{ t: 'text', text: ctx.T['chart.subscribers.caption'] }, ...refs] });
  }

  // What the method leaves out.
  const omitted = a.assumptions.filter((x) => OMITTED_ASSUMPTIONS.some((o) => o.id === x.id));
  if (omitted.length) {
    blocks.push({ t: 'p', content: ctx.fill('subscribers.leavesOut') });
    blocks.push({ t: 'list', items: omitted.map((x) => [{ t: 'strong', text: readerText(x.text[ctx.lang]) }, { t: 'text', text: (ctx.lang === 'zh' ? '：' : ': ') + readerText(x.rationale[ctx.lang]) }]) });
  }
  for (const c of d.crossChecks) {
    const f = ctx.fact(c.factId);
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['subscribers.crossCheck'] }, { t: 'text', text: ' ' + readerText(c.text[ctx.lang]) }, ...(f ? [{ t: 'ref' as const, fn: ctx.book.fact(f) }] : [])] });
  }

  // Unit economics: what the subscriptions would have to pay for.
  const u = ctx.inputs.unitEconomics;
  const margin = ctx.est(u, 'margin_per_user');
  const be = ctx.est(u, 'break_even_subscribers');
  const beHigh = u?.estimates.find((e) => e.id.startsWith('break_even_subscribers.alt') && /hardware/i.test(e.label.en));
  const trainRow = u?.details.inputs.find((r) => r.name === 'trainingCost');
  const trainFact = trainRow?.factId ? (ctx.fact(trainRow.factId) ?? u!.facts.find((f) => f.id === trainRow.factId)) : undefined;
  const uPrice = u?.details.inputs.find((r) => r.name === 'price');
  const uPriceFact = uPrice?.factId ? ctx.fact(uPrice.factId) : undefined;
  if (u && margin && be && beHigh && trainFact && uPriceFact) {
    blocks.push({
      t: 'p',
      content: ctx.fill('subscribers.unit', {
        price: ctx.factNum(uPriceFact, { per: false }),
        margin: ctx.estNum(margin, u),
        training: ctx.factNum(trainFact),
        months: String(u.details.amortiseMonths),
        breakEven: ctx.estNum(be, u),
        breakEvenHigh: ctx.estNum(beHigh, u),
      }),
    });
  }
  return { id: 'subscribers', title: ctx.T['subscribers.title'], blocks };
}
