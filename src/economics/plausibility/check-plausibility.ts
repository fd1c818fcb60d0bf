import { formatValue, periodMonths, periodsOverlap } from '../../core/index.js';
import type { Per } from '../../core/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import type { Analysis, Text } from '../analysis.js';
import { evaluateFormula } from './evaluate-formula.js';
import type { FlagSeverity, PlausibilityDetails, PlausibilityFlag } from './plausibility-flag.js';

/** Per-month rates further apart than this are out of line (warning); */
export const OUT_OF_LINE_WARNING = 2;
/** ... and this far apart, probably wrong (error). */
export const OUT_OF_LINE_ERROR = 5;
/** A derived fact more than this far (relative) from its recomputed formula is flagged. */
export const DERIVATION_TOLERANCE = 0.01;

const DAYS_PER_MONTH = 30.436875;
const PER_MONTHS: Readonly<Record<Per, number>> = { day: 1 / DAYS_PER_MONTH, week: 7 / DAYS_PER_MONTH, month: 1, quarter: 3, year: 12 };
const REVENUE_METRICS = new Set(['revenue', 'subscription_revenue', 'consumer_spending']);
const STORE_SCOPES = new Set(['app_store', 'google_play', 'app_store+google_play']);
/** Metrics that are flows over a period (so a per-month rate means something). */
const FLOW_METRICS = new Set(['funding', 'revenue', 'subscription_revenue', 'downloads', 'deals', 'spend', 'burn', 'consumer_spending', 'revenue_spending_gap']);
/** Publishers whose store revenue is documented as net of store fees (REFERENCES.md). */
const NET_PUBLISHERS: Readonly<Record<string, string>> = { 'Sensor Tower': "Sensor Tower's help centre says its revenue figures are net of store fees and taxes" };

const n = (x: number, f: Fact): string => formatValue(x, f.figure.unit, 'en');
const nz = (x: number, f: Fact): string => formatValue(x, f.figure.unit, 'zh');

/** A flow fact's value per month, when it has a period that is not a point in time. */
function monthly(f: Fact): number | null {
  if (!FLOW_METRICS.has(f.metric) || !f.period || f.period.kind === 'asof') return null;
  if (f.figure.per) return f.figure.value / PER_MONTHS[f.figure.per];
  const m = periodMonths(f.period);
  const whole = Math.round(m);
  return f.figure.value / (whole >= 1 && Math.abs(m - whole) <= 0.05 * whole ? whole : m);
}

/**
 * Flags what does not add up in the ledger, each with the facts involved and why:
 *
 * - `conflict`: figures for the same entity, metric and period that disagree
 *   beyond their stated uncertainty (`store.conflicts()`), with how they differ;
 * - `mixed_periods`: a derived rate over another period than its inputs (an
 *   annual run rate from one month of revenue), and derivations over inputs
 *   whose periods differ in length;
 * - `unknown_basis`: revenue whose gross or net basis is not recorded;
 *   `disputed_basis`: store revenue recorded as gross from a publisher that
 *   documents its figures as net;
 * - `out_of_line`: the same measure of the same thing from two sources whose
 *   per-month rates differ by more than 2x (warning) or 5x (error), e.g. the
 *   article's 90M Google Play downloads in one month (F19) against Appfigures'
 *   ~130M over February to November 2024 (~13M a month, ~7x);
 * - `derivation`: a derived fact whose recorded value differs from
 *   recomputing its formula (F23: 2亿 written, (F18 + F20) x 12 = 1.8亿).
 */
export async function checkPlausibility(store: Store): Promise<Analysis<PlausibilityDetails>> {
  const facts = await store.listFacts();
  const byId = new Map(facts.map((f) => [f.id, f]));
  const flags: PlausibilityFlag[] = [];
  const add = (severity: FlagSeverity, check: string, ids: string[], title: Text, explanation: Text): void => {
    flags.push({ id: `${check}:${ids.join(':')}`, severity, check, title, explanation, facts: ids });
  };

  // 1. Conflicts across sources.
  for (const c of await store.conflicts()) {
    const ratio = c.ratio >= 1 ? c.ratio : 1 / c.ratio;
    add(
      'warning',
      'conflict',
      [c.a.id, c.b.id],
      { en: `Sources disagree: ${c.entity} ${c.metric} ${c.period} (${ratio.toFixed(2)}x)`, zh: `来源不一致：${c.entity} ${c.metric} ${c.period}（相差${ratio.toFixed(2)}倍）` },
      {
        en: `${c.a.id} (${c.a.source.publisher}, "${c.a.valueText}") and ${c.b.id} (${c.b.source.publisher}, "${c.b.valueText}") do not overlap within their stated uncertainty. They differ by ${c.differences.join('; ')}. Neither is picked: say which one an analysis uses.`,
        zh: `${c.a.id}（${c.a.source.publisher}，“${c.a.valueText}”）与${c.b.id}（${c.b.source.publisher}，“${c.b.valueText}”）在各自的不确定范围内不重合。差异：${c.differences.join('；')}。不作取舍：分析须说明采用哪一个。`,
      },
    );
  }

  // 2. Rates mixed across periods, and derivations.
  for (const f of facts) {
    if (!f.derivedFrom) continue;
    const inputs = f.derivedFrom.inputs.map((i) => byId.get(i)).filter((x): x is Fact => !!x);
    const flows = inputs.filter((x) => x.period && x.period.kind !== 'asof' && !x.figure.per);
    if (f.figure.per && flows.length && f.period && f.period.kind !== 'asof') {
      const months = periodMonths(flows[0]!.period!);
      if (Math.abs(months - PER_MONTHS[f.figure.per]) > 0.05 * PER_MONTHS[f.figure.per]) {
        add(
          'warning',
          'mixed_periods',
          [f.id, ...flows.map((x) => x.id)],
          { en: `${f.id} is a rate a ${f.figure.per} made from ${months.toFixed(2)} month(s) of data`, zh: `${f.id}是由${months.toFixed(2)}个月数据推算的每${f.figure.per === 'year' ? '年' : f.figure.per}数值` },
          {
            en: `${f.id} ("${f.valueText}", ${f.figure.per === 'year' ? 'a year' : `per ${f.figure.per}`}) is ${f.derivedFrom.formula} over ${flows.map((x) => `${x.id} (${x.period!.text})`).join(', ')}: a run rate, not a measured ${f.figure.per}. Set beside the monthly figures it came from, it must not be added to or compared with them as if it were; seasonality, growth and churn over the ${f.figure.per} are assumed away.`,
            zh: `${f.id}（“${f.valueText}”）由${f.derivedFrom.formula}从${flows.map((x) => `${x.id}（${x.period!.text}）`).join('、')}推算：是年化值而非实测值，不能与其来源的月度数字相加或直接比较；季节性、增长和流失都被忽略。`,
          },
        );
      }
    }
    const lengths = inputs.filter((x) => x.period && x.period.kind !== 'asof' && FLOW_METRICS.has(x.metric)).map((x) => ({ id: x.id, m: periodMonths(x.period!) }));
    if (lengths.length >= 2) {
      const min = Math.min(...lengths.map((l) => l.m));
      const max = Math.max(...lengths.map((l) => l.m));
      if (max > 1.1 * min) {
        add(
          'warning',
          'mixed_periods',
          [f.id, ...lengths.map((l) => l.id)],
          { en: `${f.id} combines figures over periods of different length`, zh: `${f.id}合并了时段长度不同的数字` },
          {
            en: `${f.id} = ${f.derivedFrom.formula} uses ${lengths.map((l) => `${l.id} (${l.m} months)`).join(', ')}: put each per month before combining them.`,
            zh: `${f.id} = ${f.derivedFrom.formula}使用了${lengths.map((l) => `${l.id}（${l.m}个月）`).join('、')}：应先换算为每月再合并。`,
          },
        );
      }
    }
    // Recompute the formula.
    let computed: number;
    try {
      computed = evaluateFormula(f.derivedFrom.formula, (id) => {
        const x = byId.get(id);
        if (!x) throw new Error(`unknown input ${id}`);
        return x.figure.value;
      });
    } catch {
      continue;
    }
    if (!Number.isFinite(computed) || computed === 0) continue;
    const ratio = f.figure.value / computed;
    const q = f.figure.qualifier;
    const consistent = q === 'over' ? computed >= f.figure.value : q === 'under' || q === 'nearly' ? computed <= f.figure.value * (1 + DERIVATION_TOLERANCE) : Math.abs(ratio - 1) <= DERIVATION_TOLERANCE;
    if (!consistent) {
      const within = computed >= f.figure.p5 && computed <= f.figure.p95;
      add(
        'warning',
        'derivation',
        [f.id, ...inputs.map((x) => x.id)],
        { en: `${f.id} is written ${n(f.figure.value, f)} but its formula gives ${n(computed, f)}`, zh: `${f.id}写作${nz(f.figure.value, f)}，公式却得${nz(computed, f)}` },
        {
          en: `${f.id} "${f.valueText}" records ${n(f.figure.value, f)}; ${f.derivedFrom.formula} over the recorded inputs gives ${n(computed, f)} (${ratio > 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%). ${within ? 'The computed value is inside the stated uncertainty, so this is rounding;' : 'The computed value is outside the stated uncertainty;'} use the computed value in analyses and cite the written one as the source's wording.`,
          zh: `${f.id}“${f.valueText}”记为${nz(f.figure.value, f)}；按记录的输入计算${f.derivedFrom.formula}得${nz(computed, f)}（${ratio > 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%）。${within ? '计算值在所述不确定范围内，属取整；' : '计算值超出所述不确定范围；'}分析中用计算值，原文写法作为出处措辞引用。`,
        },
      );
    }
  }

  // 3. Revenue of unknown or disputed basis.
  for (const f of facts) {
    if (!REVENUE_METRICS.has(f.metric)) continue;
    const store = f.scope !== null && STORE_SCOPES.has(f.scope);
    if (f.basis === 'unknown' && f.figure.value !== 0) {
      add(
        store ? 'warning' : 'info',
        'unknown_basis',
        [f.id],
        { en: `${f.id}: ${f.metric} of unknown basis (gross or net)`, zh: `${f.id}：${f.metric}口径不明（总额或净额）` },
        {
          en: `${f.id} ("${f.valueText}", ${f.source.publisher}) does not say whether it is before or after ${store ? 'the store commission (15-30%)' : 'fees and taxes'}; analyses carry both readings. Record the basis when the source states it.`,
          zh: `${f.id}（“${f.valueText}”，${f.source.publisher}）未说明是否扣除${store ? '商店佣金（15%-30%）' : '费用和税费'}；分析会同时保留两种解读。若来源有说明，请记录口径。`,
        },
      );
    }
    const net = NET_PUBLISHERS[f.source.publisher];
    if (f.basis === 'gross' && net && f.metric !== 'consumer_spending' && store) {
      add(
        'warning',
        'disputed_basis',
        [f.id],
        { en: `${f.id}: recorded as gross, but ${f.source.publisher} reports net`, zh: `${f.id}：记为总额，但${f.source.publisher}的数据是净额` },
        {
          en: `${f.id} ("${f.valueText}") is recorded as gross (what users paid), as the article reads it, but ${net}. If net, what users paid is net / (1 - commission): 18-43% more. Run the analysis with --basis unknown to carry both readings.`,
          zh: `${f.id}（“${f.valueText}”）按文章记为总额（用户支付额），但${f.source.publisher}称其收入已扣除商店费用和税费。若为净额，用户支付额 = 净额 / (1 - 佣金率)，高出18%-43%。用 --basis unknown 同时查看两种解读。`,
        },
      );
    }
  }

  // 4. Out of line with other sources: same entity, metric and scope, per month.
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (monthly(f) === null || f.kind === 'derived') continue;
    const k = `${f.entity}\u0000${f.metric}\u0000${f.scope ?? ''}\u0000${f.figure.unit}\u0000${f.priceYear ?? ''}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  const conflictPairs = new Set(flags.filter((x) => x.check === 'conflict').map((x) => [...x.facts].sort().join('\u0000')));
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!;
        const b = g[j]!;
        if (a.source.publisher === b.source.publisher || conflictPairs.has([a.id, b.id].sort().join('\u0000'))) continue;
        // Near in time: overlapping, or within a year of each other.
        const gap = Math.max(Date.parse(a.period!.start), Date.parse(b.period!.start)) - Math.min(Date.parse(a.period!.end), Date.parse(b.period!.end));
        if (!periodsOverlap(a.period!, b.period!) && gap > 366 * 86_400_000) continue;
        const ma = monthly(a)!;
        const mb = monthly(b)!;
        if (ma <= 0 || mb <= 0) continue;
        const [hi, lo, mhi, mlo] = ma >= mb ? [a, b, ma, mb] : [b, a, mb, ma];
        const ratio = mhi / mlo;
        if (ratio < OUT_OF_LINE_WARNING) continue;
        const sev: FlagSeverity = ratio >= OUT_OF_LINE_ERROR ? 'error' : 'warning';
        const pm = (f: Fact): string => `${f.period!.text}${f.figure.per ? '' : `, ${periodMonths(f.period!)} months`}`;
        add(
          sev,
          'out_of_line',
          [hi.id, lo.id],
          {
            en: `${hi.id}: ${hi.entity} ${hi.metric}${hi.scope ? ` (${hi.scope})` : ''} is ${ratio.toFixed(1)}x ${lo.source.publisher}'s monthly rate`,
            zh: `${hi.id}：${hi.entity} ${hi.metric}${hi.scope ? `（${hi.scope}）` : ''}是${lo.source.publisher}月均值的${ratio.toFixed(1)}倍`,
          },
          {
            en: `${hi.id} (${hi.source.publisher}, "${hi.valueText}", ${pm(hi)}) is ${n(mhi, hi)} a month; ${lo.id} (${lo.source.publisher}, "${lo.valueText}", ${pm(lo)}) is ${n(mlo, lo)} a month. ${periodsOverlap(a.period!, b.period!) ? '' : 'The periods do not overlap, so part of the gap may be real change over time, or a different definition. '}A ${ratio.toFixed(1)}x gap is beyond what month-to-month change or the ~20-30% error of such estimates explains${sev === 'error' ? `: ${hi.id} is probably wrong (a misprint, another scope such as all Android stores or a cumulative total)` : ''}. Check the original source before using ${hi.id}.`,
            zh: `${hi.id}（${hi.source.publisher}，“${hi.valueText}”，${pm(hi)}）每月${nz(mhi, hi)}；${lo.id}（${lo.source.publisher}，“${lo.valueText}”，${pm(lo)}）每月${nz(mlo, lo)}。${ratio.toFixed(1)}倍的差距超出月度波动或此类估算约20%-30%误差所能解释的范围${sev === 'error' ? `：${hi.id}很可能有误（笔误、口径不同或为累计数）` : ''}。使用${hi.id}前请核对原始来源。`,
          },
        );
      }
    }
  }

  const order: Record<FlagSeverity, number> = { error: 0, warning: 1, info: 2 };
  flags.sort((x, y) => order[x.severity] - order[y.severity] || x.check.localeCompare(y.check) || x.id.localeCompare(y.id));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of flags) counts[f.severity]++;
  const involved = new Set(flags.flatMap((f) => f.facts));
  return {
    kind: 'plausibility',
    title: { en: 'Plausibility checks', zh: '合理性检查' },
    subject: null,
    estimates: [],
    facts: facts.filter((f) => involved.has(f.id)),
    assumptions: [
      {
        id: 'out-of-line-thresholds',
        text: { en: `Per-month rates of two sources more than ${OUT_OF_LINE_WARNING}x apart are out of line (warning), more than ${OUT_OF_LINE_ERROR}x probably wrong (error)`, zh: `两个来源的月均值相差超过${OUT_OF_LINE_WARNING}倍视为不一致（警告），超过${OUT_OF_LINE_ERROR}倍视为很可能有误（错误）` },
        rationale: { en: 'App-intelligence estimates carry ~20-30% error per app and monthly figures move by tens of percent; a factor of 2 is beyond both, a factor of 5 beyond any reading.', zh: '应用情报估算单个应用误差约20%-30%，月度数字也会有几十个百分点的波动；2倍超出两者之和，5倍超出任何合理解读。' },
      },
    ],
    notes: [
      {
        en: `${flags.length} flag${flags.length === 1 ? '' : 's'} over ${facts.length} current facts: ${counts.error} error, ${counts.warning} warning, ${counts.info} info.`,
        zh: `${facts.length}条当前事实中有${flags.length}处标记：错误${counts.error}，警告${counts.warning}，提示${counts.info}。`,
      },
    ],
    env: null,
    details: { flags, counts },
  };
}
