import { formatValue, isCurrency, safeParsePeriod } from '../core/index.js';
import type { Figure, Unit } from '../core/index.js';
import type { Entity, Metric } from '../ledger/index.js';
import { articleText, type ArticleFormat } from './article-text.js';
import { EntityNames, type EntityMention } from './entity-mentions.js';
import { findMetricWords, metricShape, type MetricMention, type MetricShape } from './metric-keywords.js';
import { findNumberSpans, SKIP_REASONS, type ReadSpan, type SkippedNumber } from './number-spans.js';
import { findPeriods, type PeriodMention, type YearSource } from './period-mentions.js';
import { clauseAt, splitSentences, type Sentence } from './split-sentences.js';

/** How a figure's entity was found. */
export type EntityHow = 'clause' | 'sentence' | 'respectively' | 'pronoun' | 'aggregate' | 'paragraph';
/** How a figure's period was found. */
export type PeriodHow = 'written' | 'relative' | 'assumed';

/** One figure found in an article, with what extract proposes for it. */
export interface ExtractedFigure {
  /** The figure as written: an exact substring of the article's text. */
  readonly text: string;
  /** Offsets of `text` in the article's plain text (`Extraction.text`). */
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  /** Offset of `text` in `sentence`. */
  readonly sentenceOffset: number;
  /** The reader's figure. */
  readonly figure: Figure;
  /** The unit of the fact: the figure's, or a currency taken from context when the text writes none (see `unsure`). */
  readonly unit: Unit;
  /** The unit to write in the review file's `unit` column (the text's default), when the text writes none. */
  readonly defaultUnit: Unit | null;
  readonly entity: { readonly id: string; readonly name: string; readonly how: EntityHow } | null;
  readonly metric: Metric | null;
  /** The word that named the metric. */
  readonly metricWord: string | null;
  readonly period: string | null;
  readonly periodHow: PeriodHow | null;
  /**
   * `assumption` for a forecast ("收入预计将超过5000万欧元", "expects revenue of
   * $50M"): the ledger records a source's projection as kind assumption with the
   * source in its note, never as reported (see `forecast`).
   */
  readonly kind: 'reported' | 'derived' | 'assumption';
  /** The word that makes the figure a forecast (预计, 将, 有望, expects, will ...), written before it in its clause; null when none. */
  readonly forecast: string | null;
  /** Why derived: "a ratio of figures the sentence gives", "the sentence works it out (推断)". */
  readonly derivedWhy: string | null;
  /**
   * For a ratio the sentence computes ("是36亿美元的5倍"): the indexes, in
   * `Extraction.figures`, of the figures it is computed from, numerator
   * first. Empty when the inputs are not in the sentence (the reviewer fills them in).
   */
  readonly inputs: readonly number[];
  /** The source the sentence cites the figure from (据Sensor Tower数据 -> Sensor Tower), if any; null for a derived figure (the writer's own). */
  readonly via: string | null;
  /** 0 to 1; see docs/extract.md. */
  readonly confidence: number;
  /** What the reading itself is unsure of (a currency not written, a number with no unit); empty when sure. */
  readonly unsure: readonly string[];
  /**
   * What a reviewer should know that is not a doubt about the reading: the
   * article's own conversion of the figure into another currency ("约合6.45亿美元",
   * kept here, not proposed as a second fact). Written to the review row's note.
   */
  readonly notes: readonly string[];
}

/** What `extractFigures` found in an article. */
export interface Extraction {
  /** The article as plain text; spans index into it. */
  readonly text: string;
  readonly format: ArticleFormat;
  readonly lang: 'zh' | 'en';
  readonly title: string | null;
  readonly published: string | null;
  readonly figures: readonly ExtractedFigure[];
  /** Numbers seen: figures read, plus numbers left out. */
  readonly numbersSeen: number;
  readonly skipped: readonly (SkippedNumber & { readonly sentence: string })[];
  /** How many numbers were left out for each reason. */
  readonly skippedByReason: Readonly<Record<string, number>>;
}

export interface ExtractOptions {
  /** The ledger's entities, found by their names and aliases. */
  readonly entities: readonly Entity[];
  readonly format?: ArticleFormat;
  /** 'auto' (the default) decides by the share of Chinese characters. */
  readonly lang?: 'zh' | 'en' | 'auto';
  /** The publication date (YYYY-MM-DD): relative periods are read against it. Default: the article's own date, if it gives one. */
  readonly published?: string | null;
}

/** The confidence factors (docs/extract.md, "Confidence"). Model-free: the same for every article. */
export const CONFIDENCE = {
  entity: { clause: 1, respectively: 0.9, sentence: 0.85, pronoun: 0.75, aggregate: 0.75, paragraph: 0.7, none: 0.3 },
  metric: { own: 1, clause: 1, sentence: 0.85, paragraph: 0.7, none: 0.3 },
  period: { written: 1, relative: 0.95, assumed: 0.8, none: 0.6 },
  unsure: 0.6,
} as const;

const PRONOUN = /(?:该公司|该企业|这家公司|此公司|(?<=^|[，；：“])公司(?!们)|其(?!他|中|实|余|次|后|它)|它(?!们)|\b(?:the company|the firm|the startup|the start-up|the group|its|it|it's)\b)/gi;
const AGGREGATE_WORDS = /(?:以上|上述|这|这些|前述)[两二三四五六七八九十几]+家|\b(?:these|the|all|those) (?:two|three|four|five|six|seven|eight|nine|ten) (?:companies|firms|startups|labs)\b/gi;
const RESPECTIVELY = /分别|\brespectively\b/gi;
const DERIVED_WORDS = /推断|推算|测算|估算|计算|换算|折合|相当于|由此可见|意味着|\b(?:implies|implying|implied|works out to|which means|that means|calculated|by our calculation|we estimate)\b/i;
/**
 * Words that make a figure after them in its clause a forecast, not what happened (docs/extract.md, "Reported,
 * derived, cited, forecast"). 将 as "will", not 将近 (nearly), 将军, nor 将 before its object (将其, 将该).
 */
const FORECAST_WORDS = /预计|预期|预测|预估|有望|料将|或将|即将|(?<![即或料])将(?![近军领其该此这之])|计划|(?<![模虚])拟|\b(?:expects?|expected|expecting|expectations?|forecasts?|forecasted|forecasting|projected|projecting|projections?|predicts?|predicted|anticipates?|anticipated|will|would|could|(?:is|are) set to|on track to|on pace to|aims? to|plans? to|planning to|guidance|outlook)\b/gi;
/** Words before a founding date: 成立于2023年, "founded in 2023". */
const FOUNDED_BEFORE = /(?:成立|创立|创办|创建|注册)(?:于|在)?\s*$|\b(?:founded|established|incorporated|set up|started)(?: in| on)?\s*$/i;
/** "may" and "might" in lower case only: May is a month. */
const FORECAST_MAY = /\b(?:may|might)\b/g;
const STOCK_METRICS: ReadonlySet<Metric> = new Set(['valuation', 'cash', 'subscribers', 'users', 'headcount', 'price', 'revenue_run_rate']);
const GENERIC_SOURCES = /^(?:公开|相关|有关|最新|官方|行业|第三方)$/;

/**
 * Reads a whole article (plain text, Markdown or HTML) and finds every figure
 * in it with the figure reader, proposing for each an entity, a metric, a
 * period, whether it is reported or derived (and cited via whom), a
 * confidence and what is unsure. See docs/extract.md for every rule.
 *
 * @example
 * const x = extractFigures('2023年中国AI领域融资总额约为20亿美元。', { entities, published: '2024-05-20' });
 * x.figures[0].text; // => '约为20亿美元'
 * x.figures[0].metric; // => 'funding'
 * x.figures[0].period; // => '2023'
 */
export function extractFigures(content: string, options: ExtractOptions): Extraction {
  const article = articleText(content, options.format ?? 'text');
  const text = article.text;
  const lang = options.lang === 'zh' || options.lang === 'en' ? options.lang : guessLang(text);
  const published = options.published ?? article.published;
  const names = new EntityNames(options.entities);
  const sentences = splitSentences(text);

  const figures: ExtractedFigure[] = [];
  const skipped: (SkippedNumber & { sentence: string })[] = [];
  let lastEntity: EntityMention | null = null;
  let lastAggregate: EntityMention | null = null;
  /** The entity last named in the paragraph: the subject of a sentence that names none (Chinese leaves it out). */
  let topic: EntityMention | null = null;
  /** English: the last subject written is a name the ledger does not know ("Google's approach ..."), so "the company" is not an earlier known one. */
  let unknownSubject = false;
  const metricsOf = sentences.map((s) => findMetricWords(s.text));
  // A day written without its year (6月11日) takes it from the publication date, else from the nearest full date of the article.
  const fullDates = sentences.flatMap((s) =>
    findPeriods(s.text, null).filter((p) => !p.relative && p.period !== null && /^\d{4}-\d{2}-\d{2}$/.test(p.period))
      .map((p) => ({ at: s.start + p.start, date: p.period!, text: s.text.slice(p.start, p.end) })),
  );
  const yearSource = (at: number): YearSource | null => {
    if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return { date: published, said: `the publication date ${published}` };
    const near = [...fullDates].sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
    return near ? { date: near.date, said: `the date ${JSON.stringify(near.text)} written in the article` } : null;
  };

  sentences.forEach((s, si) => {
    if (si > 0 && sentences[si - 1]!.paragraph !== s.paragraph) topic = null;
    const entities = names.find(s.text);
    const sentenceMetrics = metricsOf[si]!;
    const periods = findPeriods(s.text, published, (at) => yearSource(s.start + at));
    const via = viaOf(s.text);
    const viaSpan = via ? [s.text.indexOf(via), s.text.indexOf(via) + via.length] : null;
    // The cited source is not the entity, nor (English) the name a figure is compared with: "99% cheaper than AcmeChat".
    const mentions = entities.filter(
      (e) => (!viaSpan || e.end <= viaSpan[0]! || e.start >= viaSpan[1]!) && !(lang === 'en' && /\bthan\s+(?:the\s+|that\s+of\s+)?$/i.test(s.text.slice(Math.max(0, e.start - 16), e.start))),
    );
    const { spans, skipped: left } = findNumberSpans(s.text, lang, (t) => findMetricWords(t)[0]?.end ?? null);
    for (const k of left) skipped.push({ ...k, start: s.start + k.start, end: s.start + k.end, sentence: s.text });

    // "6亿欧元（约合6.45亿美元）": the bracket is the article's conversion, the same figure in another currency: one fact.
    const conversions = new Map<ReadSpan, ReadSpan>();
    for (const span of spans) {
      const main = conversionOf(s, span, spans);
      if (main) conversions.set(span, main);
    }
    const figureSpans = spans.filter((sp) => !conversions.has(sp));
    const respectively = respectivelyEntities(s, figureSpans, mentions);
    // A derived word inside such a bracket (折合, 相当于) converts; it does not work the sentence's figures out.
    const workedText = [...conversions].reduce((t, [c, m]) => t.slice(0, m.end) + ' '.repeat(c.end - m.end) + t.slice(c.end), s.text);
    const sentenceFigures: ExtractedFigure[] = [];
    const indexOf = new Map<ReadSpan, number>();
    const inputsOf = new Map<ExtractedFigure, readonly ReadSpan[]>();
    const unknown = lang === 'en' ? unknownNames(s.text, entities, via) : [];
    for (const span of spans) {
      if (conversions.has(span)) {
        skipped.push({ text: span.text, start: s.start + span.start, end: s.start + span.end, reason: SKIP_REASONS.conversion, sentence: s.text });
        continue;
      }
      const unsure: string[] = [];
      const notes: string[] = [];
      for (const [c, m] of conversions) {
        if (m !== span) continue;
        const value = formatValue(c.figure.value, c.figure.unit, 'en', c.figure.per);
        notes.push(`the article converts it: ${JSON.stringify(c.text)} (${value}${c.figure.qualifier === 'exact' ? '' : `, ${c.figure.qualifier}`}), the same figure in another currency, not a fact of its own`);
      }
      // metric: a word inside another figure ("200 million users") is that figure's, not this one's
      const metrics = sentenceMetrics.filter((m) => !spans.some((o) => o !== span && m.start >= o.start && m.end <= o.end));
      const ownWords = findMetricWords(span.text);
      let shape: MetricShape = isCurrency(span.figure.unit) ? 'money' : span.figure.unit === 'count' ? 'count' : 'ratio';
      let metricPick = pickMetric(ownWords.filter((w) => w.shape === shape), null) ?? null;
      // Money per seat, user, token ... ("$30 per user monthly", 每百万token2元): a price, whatever words are near.
      if (!metricPick && shape === 'money' && span.figure.perItem !== null) {
        metricPick = { metric: 'price', shape: 'money', word: `per ${span.figure.perItem}`, start: 0, end: span.text.length };
      }
      let metricHow: keyof typeof CONFIDENCE.metric = 'own';
      if (!metricPick) {
        // A ratio (a multiple, a percentage) takes a word of its own clause only: 增长 two clauses away is another figure's.
        const near = shape === 'ratio' ? clauseOnly(nearestMetric(s, span, metrics, shape)) : nearestMetric(s, span, metrics, shape) ?? paragraphMetric(sentences, metricsOf, si, shape);
        metricPick = near?.mention ?? null;
        metricHow = near?.how ?? 'none';
      }
      // A number with no unit: money when it has a magnitude (近千亿) and the nearest metric word is
      // money's (in the currency of the sentence's or paragraph's other money), a count when the word is
      // a count's; else left out. A plain number (0, 1, 12) is no sum of money: 从0到1 is not a figure.
      let unit: Unit = span.figure.unit;
      let defaultUnit: Unit | null = null;
      if (span.unitless) {
        const own = ownWords[0];
        const near = own ? { mention: own, how: 'own' as const } : nearestAny(s, span, metrics);
        metricPick = near?.mention ?? null;
        metricHow = near?.how ?? 'none';
        const currency = metricPick?.shape === 'money' && !span.bare ? currencyNear(s, span, spans, sentences, si, lang) : null;
        if (span.bare && metricPick?.shape !== 'count') {
          skipped.push({ text: span.text, start: s.start + span.start, end: s.start + span.end, reason: SKIP_REASONS.bare, sentence: s.text });
          continue;
        } else if (metricPick?.shape === 'money' && currency) {
          unit = defaultUnit = currency.unit;
          shape = 'money';
          unsure.push(`no currency written: ${currency.unit} taken from ${JSON.stringify(currency.from)} ${currency.where}`);
        } else if (metricPick?.shape === 'money') {
          unsure.push('no currency written and none in the sentence or paragraph: the unit is a count until a reviewer sets it');
        } else if (metricPick?.shape !== 'count') {
          skipped.push({ text: span.text, start: s.start + span.start, end: s.start + span.end, reason: SKIP_REASONS.count, sentence: s.text });
          continue;
        }
      }
      if (shape === 'count' && metricPick?.shape !== 'count' && !(span.unitless && metricPick?.shape === 'money')) {
        skipped.push({ text: span.text, start: s.start + span.start, end: s.start + span.end, reason: SKIP_REASONS.count, sentence: s.text });
        continue;
      }
      // "a staff of 60", "a team of about 60", "employs 300": a count word right before the number names what it counts.
      const namedRightBefore = metricPick !== null && metricHow !== 'own' && metricPick.end <= span.start && /^\s*$/.test(s.text.slice(metricPick.end, span.start));
      if (span.bare && metricPick?.shape === 'count' && !namedRightBefore) unsure.push('a plain number with no measure word or noun');
      // entity
      // In a Chinese sentence a name in Latin letters is a name wherever it stands ("Mistral宣布筹资"): it keeps the
      // paragraph's earlier company from being proposed for the figure.
      const latinNames = lang === 'en' ? [] : unknownNames(s.text, entities, via, true);
      const ent = chooseEntity(s, span, mentions, respectively, unknownSubject ? null : lastEntity, lastAggregate, unknownSubject ? null : topic, unknown, latinNames);
      // period
      const forecast = forecastWord(s, span);
      const per = choosePeriod(s, span, periods, metricPick?.metric ?? null, published, lang, figureSpans, forecast === null);
      if (per?.note) notes.push(per.note);
      // kind
      const derived = derivedReason(workedText, span, figureSpans);
      const derivedWhy = derived?.why ?? null;
      const conf =
        CONFIDENCE.entity[ent?.how ?? 'none'] *
        CONFIDENCE.metric[metricPick ? metricHow : 'none'] *
        CONFIDENCE.period[per?.how ?? 'none'] *
        CONFIDENCE.unsure ** unsure.length;
      const f: ExtractedFigure = {
        text: span.text,
        start: s.start + span.start,
        end: s.start + span.end,
        sentence: s.text,
        sentenceOffset: span.start,
        figure: span.figure,
        unit,
        defaultUnit,
        entity: ent ? { id: ent.mention.entity.id, name: ent.mention.name, how: ent.how } : null,
        metric: metricPick?.metric ?? null,
        metricWord: metricPick?.word ?? null,
        period: per?.period ?? null,
        periodHow: per?.how ?? null,
        kind: derivedWhy ? 'derived' : forecast ? 'assumption' : 'reported',
        forecast,
        derivedWhy,
        inputs: [],
        // A figure the writer computes is the writer's, even from cited figures.
        via: derivedWhy ? null : via,
        confidence: Math.round(conf * 100) / 100,
        unsure,
        notes,
      };
      indexOf.set(span, figures.length + sentenceFigures.length);
      if (derived?.inputs.length) inputsOf.set(f, derived.inputs);
      sentenceFigures.push(f);
    }
    for (const f of sentenceFigures) {
      const inputs = (inputsOf.get(f) ?? []).map((sp) => indexOf.get(sp));
      figures.push(inputs.length && inputs.every((i) => i !== undefined) ? { ...f, inputs: inputs as number[] } : f);
    }
    for (const e of mentions) {
      if (e.entity.kind === 'aggregate') lastAggregate = e;
      lastEntity = e;
      topic = e;
    }
    // An unknown name opening a clause (a subject) with no known name after it: the sentence is about someone the ledger does not know.
    const lastUnknownSubject = unknown.filter((u) => u.start - s.clauses[clauseAt(s, u.start)]![0] <= 2).pop();
    if (lastUnknownSubject && !mentions.some((e) => e.start > lastUnknownSubject.start)) unknownSubject = true;
    else if (mentions.length) unknownSubject = false;
  });

  const skippedByReason: Record<string, number> = {};
  for (const k of skipped) {
    const key = k.reason.startsWith(SKIP_REASONS.refused) ? SKIP_REASONS.refused : k.reason;
    skippedByReason[key] = (skippedByReason[key] ?? 0) + 1;
  }
  return {
    text, format: article.format, lang, title: article.title, published, figures,
    numbersSeen: figures.length + skipped.length, skipped, skippedByReason,
  };
}

/** 'zh' when there is at least one Chinese character for every four Latin letters (Chinese text names companies in Latin letters). */
export function guessLang(text: string): 'zh' | 'en' {
  const zh = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return zh > 0 && zh * 4 >= latin ? 'zh' : 'en';
}

const distance = (span: { start: number; end: number }, m: { start: number; end: number }, afterWeight = 1): number =>
  m.end <= span.start ? span.start - m.end : m.start >= span.end ? (m.start - span.end) * afterWeight : 0;

function pickMetric(words: readonly MetricMention[], _span: null): MetricMention | undefined {
  return words[0];
}

/** The nearest metric word of the right shape, in the figure's clause, else its sentence. */
function nearestMetric(s: Sentence, span: ReadSpan, metrics: readonly MetricMention[], shape: MetricShape): { mention: MetricMention; how: 'clause' | 'sentence' } | null {
  const fits = metrics.filter((m) => m.shape === shape && (m.end <= span.start || m.start >= span.end));
  const clause = s.clauses[clauseAt(s, span.start)]!;
  const inClause = fits.filter((m) => m.start >= clause[0] && m.end <= clause[1]);
  const best = (list: MetricMention[]): MetricMention | undefined => [...list].sort((a, b) => distance(span, a) - distance(span, b))[0];
  const c = best(inClause);
  if (c) return { mention: c, how: 'clause' };
  const t = best(fits);
  return t ? { mention: t, how: 'sentence' } : null;
}

/** The nearest metric word of any shape (for a number with no unit), in the figure's clause, else its sentence. */
function nearestAny(s: Sentence, span: ReadSpan, metrics: readonly MetricMention[]): { mention: MetricMention; how: 'clause' | 'sentence' } | null {
  const found = (['money', 'count'] as const).map((shape) => nearestMetric(s, span, metrics, shape)).filter((x) => x !== null);
  const rank = (x: { mention: MetricMention; how: 'clause' | 'sentence' }): number => (x.how === 'clause' ? 0 : 1e6) + distance(span, x.mention);
  return found.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** The currency of the nearest money figure in the sentence, else the paragraph. */
function currencyNear(
  s: Sentence, span: ReadSpan, spans: readonly ReadSpan[], sentences: readonly Sentence[], si: number, lang: 'zh' | 'en',
): { unit: Unit; from: string; where: string } | null {
  const money = spans.filter((o) => o !== span && isCurrency(o.figure.unit)).sort((a, b) => distance(span, a) - distance(span, b))[0];
  if (money) return { unit: money.figure.unit, from: money.text, where: 'in the same sentence' };
  for (let j = si - 1; j >= 0 && sentences[j]!.paragraph === s.paragraph; j--) {
    const found = findNumberSpans(sentences[j]!.text, lang, () => null).spans.filter((o) => isCurrency(o.figure.unit));
    const last = found[found.length - 1];
    if (last) return { unit: last.figure.unit, from: last.text, where: 'earlier in the paragraph' };
  }
  return null;
}

/** 分别 / respectively: the figures of each group, in order, go to the entities named before, in order. */
function respectivelyEntities(s: Sentence, spans: readonly ReadSpan[], mentions: readonly EntityMention[]): Map<ReadSpan, EntityMention> {
  const out = new Map<ReadSpan, EntityMention>();
  RESPECTIVELY.lastIndex = 0;
  let list: EntityMention[] | null = null;
  for (let m = RESPECTIVELY.exec(s.text); m; m = RESPECTIVELY.exec(s.text)) {
    const at = m.index;
    const clause = s.clauses[clauseAt(s, at)]!;
    const chinese = m[0] === '分别';
    // 分别: the figures after it in its clause; "respectively": the figures before it, after the last name.
    const lastName = mentions.filter((e) => e.end <= at).pop();
    const group = spans.filter((sp) => (chinese ? sp.start > at && sp.start < clause[1] : sp.end <= at && sp.start >= (lastName?.end ?? 0)));
    if (group.length < 2) continue;
    if (list === null) {
      const firstFigure = group[0]!.start;
      const before = mentions.filter((e) => e.end <= Math.min(at, firstFigure));
      const inClause = before.filter((e) => e.start >= clause[0]);
      list = (inClause.length >= group.length ? inClause : before).slice(-group.length);
    }
    if (list.length !== group.length) continue;
    group.forEach((sp, i) => out.set(sp, list![i]!));
  }
  return out;
}

function chooseEntity(
  s: Sentence, span: ReadSpan, mentions: readonly EntityMention[], respectively: Map<ReadSpan, EntityMention>,
  lastEntity: EntityMention | null, lastAggregate: EntityMention | null, topic: EntityMention | null,
  unknown: readonly { start: number; end: number }[],
  latinNames: readonly { start: number; end: number }[] = [],
): { mention: EntityMention; how: EntityHow } | null {
  const r = respectively.get(span);
  if (r) return { mention: r, how: 'respectively' };
  const clause = s.clauses[clauseAt(s, span.start)]!;
  const inClause = mentions.filter((e) => e.start >= clause[0] && e.end <= clause[1]);
  const beforeInClause = s.text.slice(clause[0], span.start);
  // "以上四家", "these four companies": the aggregate named in the sentence, else the last one named.
  AGGREGATE_WORDS.lastIndex = 0;
  if (AGGREGATE_WORDS.test(beforeInClause)) {
    const agg = mentions.find((e) => e.entity.kind === 'aggregate') ?? lastAggregate;
    if (agg) return { mention: agg, how: 'aggregate' };
  }
  const d = (m: { start: number; end: number }): number => distance(span, m, 1.5);
  const nearest = (list: readonly EntityMention[]): EntityMention | undefined => [...list].sort((a, b) => d(a) - d(b))[0];
  // A name the ledger does not know, nearer than any it knows (English text): propose none rather than a wrong one.
  const unknownNearer = (m: EntityMention, within: readonly [number, number] | null): boolean =>
    unknown.some((u) => (!within || (u.start >= within[0] && u.end <= within[1])) && d(u) < d(m));
  const c = nearest(inClause);
  if (c) return unknownNearer(c, clause) ? null : { mention: c, how: 'clause' };
  // "其", "该公司", "the company", "its": the sentence's subject when the sentence opens on the pronoun, else the last entity named before it.
  PRONOUN.lastIndex = 0;
  const sentenceBefore = s.text.slice(0, span.start);
  let pronounAt = -1;
  let firstPronoun = -1;
  for (let m = PRONOUN.exec(sentenceBefore); m; m = PRONOUN.exec(sentenceBefore)) {
    pronounAt = m.index;
    if (firstPronoun < 0) firstPronoun = m.index;
  }
  const opensOnPronoun = firstPronoun >= 0 && (mentions.length === 0 || firstPronoun < mentions[0]!.start);
  if (pronounAt >= clause[0]) {
    const earlier = mentions.filter((e) => e.end <= pronounAt);
    // A subject: the last name that opens a clause before the pronoun ("Acme AI, the maker of AcmeChat, said it ...",
    // "与智谱相似，MiniMax……，公司……"), else the last name before it; the one before the sentence when it opens on the pronoun.
    const subjects = earlier.filter((e) => e.start - s.clauses[clauseAt(s, e.start)]![0] <= 2);
    const ref = opensOnPronoun && lastEntity ? lastEntity : subjects[subjects.length - 1] ?? earlier[earlier.length - 1] ?? lastEntity;
    if (ref) return { mention: ref, how: 'pronoun' };
  }
  const t = nearest(mentions);
  if (t) return unknownNearer(t, null) ? null : { mention: t, how: 'sentence' };
  if (pronounAt >= 0 && lastEntity) return { mention: lastEntity, how: 'pronoun' };
  if (topic && !unknown.length && !latinNames.length) return { mention: topic, how: 'paragraph' };
  return null;
}

/** Capitalised names in an English sentence (or, with `firstWordToo`, names in Latin letters in a Chinese one) that are not the ledger's (nor the cited source, months, round names or acronyms of metrics). */
function unknownNames(text: string, known: readonly EntityMention[], via: string | null, firstWordToo = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\b(?:[A-Z]|[a-z]+[A-Z])[\w&'-]*(?:\s+[A-Z][\w&'-]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].replace(/'s$/, '').length;
    const word = m[0].replace(/'s$/, '');
    if (!firstWordToo && start === 0 && !/\s/.test(word) && !/'s\b/.test(m[0])) continue; // a sentence's first word
    if (NOT_NAMES.test(word)) continue;
    if (known.some((k) => start < k.end && k.start < end)) continue;
    if (via && via.includes(word)) continue;
    out.push({ start, end });
  }
  return out;
}
const NOT_NAMES = /^(?:Q[1-4]|H[12]|FY\d*|Series [A-Z]|AI|VC|VCs|CEO|CFO|CTO|IPO|ARR|MRR|US|U|UK|EU|GPU|GPUs|API|App Store|Google Play|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|It|Its|In|On|At|For|And|But|Or|A|An|As|By|With|From|Of|To|If|When|While|After|Before|According)$/;

function clauseOnly<T extends { how: string }>(x: T | null): T | null {
  return x?.how === 'clause' ? x : null;
}

/** The last metric word of the right shape in an earlier sentence of the paragraph: the paragraph's subject matter. */
function paragraphMetric(sentences: readonly Sentence[], metricsOf: readonly (readonly MetricMention[])[], si: number, shape: MetricShape): { mention: MetricMention; how: 'paragraph' } | null {
  for (let j = si - 1; j >= 0 && sentences[j]!.paragraph === sentences[si]!.paragraph; j--) {
    const fits = metricsOf[j]!.filter((m) => m.shape === shape);
    if (fits.length) return { mention: fits[fits.length - 1]!, how: 'paragraph' };
  }
  return null;
}

function choosePeriod(
  s: Sentence, span: ReadSpan, periods: readonly PeriodMention[], metric: Metric | null, published: string | null, lang: 'zh' | 'en',
  spans: readonly ReadSpan[] = [], reported = true,
): { period: string | null; how: PeriodHow | null; note: string | null } | null {
  const how = (p: PeriodMention): PeriodHow => (p.relative ? 'relative' : 'written');
  const shape = metric ? metricShape(metric) : undefined;
  // A growth ratio is the later period's over the earlier one's.
  if (shape === 'ratio' && periods.length >= 2) {
    const years = periods.flatMap((p) => (p.period !== null && /^\d{4}$/.test(p.period) ? [{ ...p, period: p.period }] : []));
    const latest = years.sort((a, b) => b.period.localeCompare(a.period))[0];
    if (latest) return { period: latest.period, how: how(latest), note: null };
  }
  const clause = s.clauses[clauseAt(s, span.start)]!;
  // The nearest time of the clause, else of the sentence; a time after the figure counts at 1.5 times
  // its distance in Chinese (2023年...融资) and 0.7 times in English (raised ... in 2023).
  const d = (p: PeriodMention): number => distance(span, p, lang === 'zh' ? 1.5 : 0.7);
  const nearest = (list: readonly PeriodMention[]): PeriodMention | undefined => [...list].sort((a, b) => d(a) - d(b))[0];
  // A time after the figure across "and", "which", "was", "founded" ... is another statement's ("3,000 employees and was founded in 2015").
  // A founding year (成立于2023年, "founded in 2023") dates the founding, not a figure. A time after the figure, in
  // another clause, past another figure, is that figure's ("a team of 60, expects revenue of €50M this year").
  const inClause = (p: PeriodMention): boolean => p.start >= clause[0] && p.end <= clause[1];
  const usable = periods.filter(
    (p) =>
      (p.start < span.end || !/\b(?:and|which|who|was|were|is|since|founded|launched|when)\b|[而但并且]/.test(s.text.slice(span.end, p.start))) &&
      !FOUNDED_BEFORE.test(s.text.slice(Math.max(0, p.start - 16), p.start)) &&
      !(p.start >= span.end && !inClause(p) && spans.some((o) => o !== span && o.start >= span.end && o.end <= p.start)),
  );
  const pick = nearest(usable.filter(inClause)) ?? nearest(usable);
  if (pick) {
    // A day with no year and no date to give it one (6月11日): left open, saying why; never a guessed year.
    if (pick.period === null) return { period: null, how: null, note: pick.note };
    // "当下" / "currently" for a flow (funding, revenue) says little: the publication year.
    if (pick.asOf && metric && !STOCK_METRICS.has(metric) && published) return { period: published.slice(0, 4), how: 'assumed', note: null };
    // A day with no year read as after the publication date (1月5日 on 2024-12-30): what is reported has happened, so the year before.
    if (pick.yearless && reported && published && pick.period > published) {
      const y = +pick.period.slice(0, 4) - 1;
      const period = `${y}${pick.period.slice(4)}`;
      if (safeParsePeriod(period).ok) {
        return { period, how: how(pick), note: `${JSON.stringify(pick.yearless.written)} has no year: ${y} from ${pick.yearless.said}, the year before the nearest, as a figure reported then cannot be of a later day` };
      }
    }
    return { period: pick.period, how: how(pick), note: pick.note };
  }
  if (!published) return null;
  if (metric && STOCK_METRICS.has(metric)) return { period: `as of ${published.slice(0, 7)}`, how: 'assumed', note: null };
  return { period: published.slice(0, 4), how: 'assumed', note: null };
}

/**
 * The forecast word of a figure: 预计, 将, 有望, expects, will ... before it in its
 * clause (or in the figure itself: 预计5000万欧元); null when there is none, or
 * when the figure is where a change starts ("将从3亿元增至5亿元": 3亿元 is what was).
 */
function forecastWord(s: Sentence, span: ReadSpan): string | null {
  const clause = s.clauses[clauseAt(s, span.start)]!;
  const before = s.text.slice(clause[0], span.start);
  if (/(?:\bfrom|从|由)\s*(?:(?:去年|前年|上月|上季度|\d{4}年)的?|last year's|the)?\s*$/i.test(before)) return null;
  const text = before + span.text;
  // The first of them names it: 预计 of 预计将.
  let first: { word: string; at: number } | null = null;
  for (const re of [FORECAST_WORDS, FORECAST_MAY]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (!first || m.index < first.at)) first = { word: m[0], at: m.index };
  }
  return first?.word ?? null;
}

/** Why a figure is derived: a ratio of the sentence's figures (`spans`, conversions left out), or a sentence that works it out (`text`: the sentence, its conversion brackets blanked). */
function derivedReason(text: string, span: ReadSpan, spans: readonly ReadSpan[]): { why: string; inputs: readonly ReadSpan[] } | null {
  const money = spans.filter((o) => o !== span && isCurrency(o.figure.unit));
  // "A是B的5倍", "A is 5 times B": A over B, in the order written.
  if (span.figure.unit === 'multiple' && money.length >= 2) return { why: 'a ratio of figures the sentence gives', inputs: money.length === 2 ? money : [] };
  const word = DERIVED_WORDS.exec(text);
  if (word) return { why: `the sentence works it out (${word[0]})`, inputs: [] };
  return null;
}

/**
 * What stands between a figure and its unbracketed conversion: a comma (or
 * none), then "or about", "or roughly", 约合, 折合, 相当于 ... ("about" may
 * be read into the converted figure's span, so "or" alone is enough before
 * it); in Chinese the figure's measure word may come first (58亿欧元融资，约合).
 */
const UNBRACKETED_CONVERSION = /^(?:\s*,?\s*(?:(?:or|i\.e\.,?)\s+(?:about|roughly|around|approximately|approx\.|some|nearly|almost)?|equivalent to)|[\u4e00-\u9fff]{0,4}\s*[，,、]?\s*(?:约合|折合|约折合|相当于|约相当于|合))\s*$/i;

/**
 * The figure a bracketed second reading converts: "6亿欧元（约合6.45亿美元）",
 * "€600M ($645M)", "3.85亿欧元(新台币132.36亿元)" (read together by the figure
 * reader, or a bracket that opens right after a figure, with 约合, 折合, 相当于,
 * about ... before the number); money for money, or the same unit. Or an
 * unbracketed one right after the figure ("58亿欧元，约合62亿美元", "€5.8
 * billion, or about $6.2 billion": `UNBRACKETED_CONVERSION`), money in
 * another currency only (without brackets, "相当于" also compares two sums of
 * one currency). Null for anything else.
 */
function conversionOf(s: Sentence, span: ReadSpan, spans: readonly ReadSpan[]): ReadSpan | null {
  let main = span.conversionOf ?? null;
  if (!main) {
    const opened = s.text.slice(0, span.start).trimEnd();
    const before = spans.filter((o) => o !== span && o.end <= span.start && span.start - o.end <= 8);
    if (/[（(]\s*(?:约合|合|折合|约|相当于|换算|about|or|roughly|around|approximately|approx\.?|equivalent to|~)?\s*$/i.test(opened)) main = before[before.length - 1] ?? null;
    else {
      // Unbracketed: "5.8 billion euros, or about $6.2 billion", "58亿欧元，约合62亿美元": right after a figure,
      // a conversion word, then money in another currency (the qualifier may be read into the span).
      const prev = spans.filter((o) => o !== span && o.end <= span.start).at(-1);
      // the conversion word may be read into the converted figure's span ("约合62亿美元", "about $6.2 billion")
      const gap = prev ? s.text.slice(prev.end, span.start) + (/^(?:约合|折合|约折合|相当于|约相当于|about|roughly|around|approximately)/i.exec(span.text)?.[0] ?? '') : '';
      if (prev && UNBRACKETED_CONVERSION.test(gap) && isCurrency(prev.figure.unit) && isCurrency(span.figure.unit) && prev.figure.unit !== span.figure.unit) main = prev;
    }
  }
  if (!main) return null;
  const same = isCurrency(main.figure.unit) ? isCurrency(span.figure.unit) : main.figure.unit === span.figure.unit;
  return same ? main : null;
}

/** The source a sentence cites: 据X数据, X数据显示, according to X, X estimates. */
export function viaOf(sentence: string): string | null {
  const zh =
    /据(?:第三方)?([^，。；：,]{1,30}?)(?:的)?(?:数据|统计|报道|报告|消息|估计|估算|测算|调查|研究)/.exec(sentence) ??
    /([^，。；：,]{1,40}?)(?:公布|发布|提供)?的?(?:数据|统计|报告|研究)(?:显示|表明|称|指出)/.exec(sentence);
  if (zh) {
    let who = zh[1]!.trim();
    const latin = /[A-Za-z][A-Za-z0-9&.\- ]*[A-Za-z0-9]$/.exec(who);
    if (latin) who = latin[0];
    else who = who.replace(/^(?:一级市场上|此外|另外|同时|其中|而|但|根据)/, '');
    if (GENERIC_SOURCES.test(who)) return `${who}数据`;
    return who.length > 0 ? who : null;
  }
  const en =
    /\b[Aa]ccording to (?:data from |figures from |estimates from |a report by |research firm |analytics firm )?((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*)*)/.exec(sentence) ??
    /\b((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*)*)(?:'s)? (?:data|estimates|figures|research) (?:show|shows|showed|suggest|suggests|indicate|indicates)\b/.exec(sentence) ??
    /\b(?:data|estimates|figures) from ((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*)*)/.exec(sentence) ??
    /\bper ((?:[A-Z][\w&.-]*)(?: [A-Z][\w&.-]*)*)(?:'s)? (?:data|estimates|figures|report|research)\b/.exec(sentence) ??
    /\b((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*)*) (?:estimates|estimated)\b/.exec(sentence);
  return en ? en[1]!.replace(/[.'-]+$/, '') : null;
}
