import { periodText } from '../economics/index.js';
import type { FundingRow } from '../economics/index.js';
import { dedupeRefs } from './dedupe-refs.js';
import { conversionLines, shownNum } from './funding-cell.js';
import type { ReportContext } from './report-context.js';
import type { Block, ChartSeries, Inline, ReportSection } from './report-model.js';

const isOwid = (r: FundingRow): boolean => r.source.startsWith('Our World in Data');
const isCbi = (r: FundingRow): boolean => r.source === 'CB Insights';

/**
 * The funding market: global generative-AI funding by year, CB Insights and
 * OWID side by side in nominal and 2021 dollars (table and line chart), and
 * China in 2023 and 2024 Q1 by segment with deal sizes (table and bar chart).
 */
export function fundingSection(ctx: ReportContext): ReportSection {
  const a = ctx.inputs.funding;
  const a21 = ctx.inputs.funding2021;
  const blocks: Block[] = [];
  const rows = a.details.rows;
  const genai = rows.filter((r) => r.region === 'World' && r.segment === 'generative_ai' && r.funding);
  const cbi = genai.filter(isCbi).sort((x, y) => x.period.localeCompare(y.period));
  const owid = genai.filter(isOwid);
  const row21 = (r: FundingRow | undefined): FundingRow | undefined => (r && a21 ? a21.details.rows.find((x) => x.funding?.factId === r.funding!.factId) : undefined);

  // Global generative AI: the paragraph.
  const c23 = cbi.at(-1);
  const c22 = cbi.at(-2);
  const o23 = c23 ? owid.find((r) => r.period === c23.period) : undefined;
  const o22 = c22 ? owid.find((r) => r.period === c22.period) : undefined;
  const growthCbi = a.estimates.find((e) => e.id.startsWith('growth.genai-startups-global.') && c23 && e.inputs.some((i) => i.id === c23.funding!.factId));
  const growthOwid = a.estimates.find((e) => e.id.startsWith('growth.genai-startups-global.') && o23 && e.inputs.some((i) => i.id === o23.funding!.factId));
  const f = (r: FundingRow | undefined) => (r ? ctx.fact(r.funding!.factId) : undefined);
  if (c23 && c22 && o23 && o22 && growthCbi && growthOwid) {
    blocks.push({
      t: 'p',
      content: ctx.fill('funding.global', {
        cbi2023: ctx.factNum(f(c23)!),
        cbi2022: ctx.factNum(f(c22)!),
        growth: ctx.estNum(growthCbi, a),
        owid2023: ctx.factNum(f(o23)!),
        owid2023nominal: shownNum(ctx, o23),
        owid2022: ctx.factNum(f(o22)!),
        owidGrowth: ctx.estNum(growthOwid, a),
      }),
    });
  }

  // The table and chart by year.
  const years = [...new Set(genai.map((r) => r.period))].filter((p) => /^\d{4}$/.test(p)).sort();
  const first = cbi.length ? String(Math.min(Number(cbi[0]!.period) - 3, 2019)) : '2019';
  const shownYears = years.filter((y) => y >= first);
  if (shownYears.length) {
    const at = (list: FundingRow[], y: string) => list.find((r) => r.period === y);
    blocks.push({
      t: 'table',
      head: [ctx.T['funding.tableHead.year'], ctx.T['funding.tableHead.cbiNominal'], ctx.T['funding.tableHead.cbi2021'], ctx.T['funding.tableHead.owidNominal'], ctx.T['funding.tableHead.owid2021']],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: shownYears.map((y) => [
        [{ t: 'text', text: y }],
        shownNum(ctx, at(cbi, y)),
        shownNum(ctx, row21(at(cbi, y))),
        shownNum(ctx, at(owid, y)),
        shownNum(ctx, row21(at(owid, y))),
      ]),
    });
    const val = (r: FundingRow | undefined): number | null => r?.funding?.shown?.value ?? null;
    const series: ChartSeries[] = [
      { name: ctx.T['funding.tableHead.cbiNominal'], values: shownYears.map((y) => val(at(cbi, y))) },
      { name: ctx.T['funding.tableHead.cbi2021'], values: shownYears.map((y) => val(row21(at(cbi, y)))), dashed: true },
      { name: ctx.T['funding.tableHead.owidNominal'], values: shownYears.map((y) => val(at(owid, y))) },
      { name: ctx.T['funding.tableHead.owid2021'], values: shownYears.map((y) => val(row21(at(owid, y)))), dashed: true },
    ].filter((s) => s.values.some((v) => v !== null));
    ctx.charts.push({
      id: 'funding-by-year',
      kind: 'line',
      title: ctx.T['chart.funding.title'],
      xLabel: ctx.T['chart.funding.x'],
      yLabel: ctx.T['chart.funding.y'],
      yUnit: 'USD',
      categories: shownYears,
      series,
    });
    const refs: Inline[] = [...cbi, ...owid.filter((r) => shownYears.includes(r.period))].flatMap((r) => {
      const fact = f(r);
      return fact ? [{ t: 'ref' as const, fn: ctx.book.fact(fact, conversionLines(ctx, r)) }] : [];
    });
    blocks.push({ t: 'chart', chart: 'funding-by-year', caption: [{ t: 'text', text: ctx.T['chart.funding.caption'] }, ...dedupeRefs(refs)] });
  }

  // China, 2023.
  const china23 = rows.filter((r) => r.region === 'China' && r.segment === 'all' && r.period === '2023');
  const pub = china23.find((r) => !isOwid(r) && r.funding && r.deals);
  const owidCn = china23.find((r) => isOwid(r) && r.funding);
  const avg23 = pub ? a.estimates.find((e) => e.id.startsWith('average_deal.china.2023')) : undefined;
  const cmp = pub && owidCn ? a.details.comparisons.find((c) => [c.a, c.b].includes(pub.funding!.factId) && [c.a, c.b].includes(owidCn.funding!.factId)) : undefined;
  if (pub && owidCn && avg23 && cmp) {
    const pubF = f(pub)!;
    const owF = f(owidCn)!;
    const pubUsd = cmp.a === pubF.id ? cmp.aNominalUsd : cmp.bNominalUsd;
    const owUsd = cmp.a === owF.id ? cmp.aNominalUsd : cmp.bNominalUsd;
    const ratio = owUsd / pubUsd;
    const ratioLabel = ctx.lang === 'zh' ? `${periodText(pub.period, 'zh')}中国AI融资：Quid（OWID）与文章所引“公开数据”之比（均为名义美元）` : `China AI funding ${pub.period}: Quid (OWID) over the article's "public data" (both in nominal USD)`;
    const ratioFn = ctx.book.derived(`ratio:${owF.id}:${pubF.id}`, ratioLabel, `${owF.id} / ${pubF.id}`, [owF, pubF], [cmp.explanation[ctx.lang]]);
    blocks.push({
      t: 'p',
      content: ctx.fill('funding.china', {
        deals: ctx.factNum(ctx.fact(pub.deals!.factId)!),
        total: ctx.factNum(pubF),
        average: ctx.estNum(avg23, a),
        owid: shownNum(ctx, owidCn),
        ratio: ctx.num(ratio, 'multiple', null, ratioFn, ctx.text('times', { v: ctx.format(ratio, 'count', null, 2) })),
      }),
    });
  }

  // China, 2024 Q1 by segment.
  const segs = rows.filter((r) => r.region === 'China' && r.segment !== 'all' && r.funding && r.deals && r.period.includes('Q'));
  const q1 = segs.length ? segs.filter((r) => r.period === segs.map((x) => x.period).sort().at(-1)) : [];
  const prod = q1.find((r) => r.segment === 'ai_production');
  const app = q1.find((r) => r.segment === 'ai_industry_applications');
  const e = (id: string) => a.estimates.find((x) => x.id === id);
  if (prod && app) {
    const p = prod.period;
    const need = [e(`share.ai_production.${p}`), e(`deal_share.ai_production.${p}`), e(`average_deal.ai_production.${p}.cny`), e(`average_deal.ai_industry_applications.${p}.cny`)];
    if (need.every(Boolean)) {
      blocks.push({
        t: 'p',
        content: ctx.fill('funding.q1', {
          prodMoney: ctx.factNum(f(prod)!),
          prodDeals: ctx.factNum(ctx.fact(prod.deals!.factId)!),
          appMoney: ctx.factNum(f(app)!),
          appDeals: ctx.factNum(ctx.fact(app.deals!.factId)!),
          prodShare: ctx.estNum(need[0]!, a),
          prodDealShare: ctx.estNum(need[1]!, a),
          prodAverage: ctx.estNum(need[2]!, a),
          appAverage: ctx.estNum(need[3]!, a),
        }),
      });
    }
    const segName = (s: string): string => (ctx.T as Record<string, string>)[`segment.${s}`] ?? s;
    blocks.push({
      t: 'table',
      head: [ctx.T['funding.segmentHead.segment'], ctx.T['funding.segmentHead.asWritten'], ctx.T['funding.segmentHead.usd'], ctx.T['funding.segmentHead.deals'], ctx.T['funding.segmentHead.average'], ctx.T['funding.segmentHead.share']],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      rows: [prod, app].map((r) => {
        const avgC = e(`average_deal.${r.segment}.${r.period}.cny`);
        const avgU = e(`average_deal.${r.segment}.${r.period}`);
        const share = e(`share.${r.segment}.${r.period}`);
        const avg: Inline[] = [];
        if (avgC) avg.push(ctx.estNum(avgC, a));
        if (avgU) avg.push({ t: 'text', text: avg.length ? ' / ' : '' }, ctx.estNum(avgU, a));
        return [
          [{ t: 'text', text: segName(r.segment) }],
          [ctx.factNum(f(r)!)],
          shownNum(ctx, r),
          [ctx.factNum(ctx.fact(r.deals!.factId)!)],
          avg.length ? avg : [{ t: 'text', text: '—' }],
          share ? [ctx.estNum(share, a)] : [{ t: 'text', text: '—' }],
        ];
      }),
    });
  }

  // The China chart: 2023 both sources, 2024 Q1 segments.
  const cats: string[] = [];
  const money: (number | null)[] = [];
  const avgs: (number | null)[] = [];
  const refs: Inline[] = [];
  const addBar = (label: string, r: FundingRow | undefined): void => {
    if (!r?.funding?.shown) return;
    cats.push(label);
    money.push(r.funding.shown.value);
    avgs.push(r.averageDeal?.value ?? null);
    const fact = f(r);
    if (fact) refs.push({ t: 'ref', fn: ctx.book.fact(fact, conversionLines(ctx, r)) });
  };
  addBar(ctx.T['chart.china.cat2023public'], pub);
  addBar(ctx.T['chart.china.cat2023owid'], owidCn);
  const q1Label = (r: FundingRow): string => {
    const seg = (ctx.T as Record<string, string>)[`segment.${r.segment}`] ?? r.segment;
    return ctx.lang === 'zh' ? `${periodText(r.period, 'zh')}${seg}` : `${periodText(r.period, 'en')}, ${seg}`;
  };
  if (prod) addBar(q1Label(prod), prod);
  if (app) addBar(q1Label(app), app);
  if (cats.length) {
    ctx.charts.push({
      id: 'china-funding',
      kind: 'bar',
      title: ctx.T['chart.china.title'],
      xLabel: ctx.T['chart.china.x'],
      yLabel: ctx.T['chart.china.y'],
      yUnit: 'USD',
      y2Label: ctx.T['chart.china.y2'],
      y2Unit: 'USD',
      categories: cats,
      series: [
        { name: ctx.T['chart.china.funding'], values: money },
        { name: ctx.T['chart.china.average'], values: avgs, axis: 1 },
      ],
    });
    blocks.push({ t: 'chart', chart: 'china-funding', caption: [{ t: 'text', text: ctx.T['chart.china.caption'] }, ...dedupeRefs(refs)] });
  }
  return { id: 'funding', title: ctx.T['funding.title'], blocks };
}
