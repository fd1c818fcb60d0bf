import type { Lang } from '../../core/index.js';
import { writtenDigits, type Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { CHOOSE_TEXT_EN, type ChooseText } from './choose-text-en.js';
import { CHOOSE_TEXT_ZH } from './choose-text-zh.js';
import { periodText } from '../plausibility/describe-fact.js';
import { isSecondHand, publisherName } from './source-hand.js';

/** Which criterion of the rule set a fact aside. */
export type ChooseCriterion = 'first_hand' | 'preference' | 'period' | 'primary_source' | 'dated' | 'kind' | 'uncertainty' | 'precision' | 'published' | 'recorded' | 'tie' | 'derived_from_used';

/** A fact the rule did not use, and why. */
export interface LeftAside {
  readonly fact: Fact;
  readonly criterion: ChooseCriterion;
  /** Why, speaking of "the one used" and "this one". */
  readonly reason: Text;
}

/** What `chooseFact` returns: the fact used and every other one with its reason. */
export interface Choice {
  readonly chosen: Fact;
  /** The others, in the rule's order (the next best first). */
  readonly others: readonly LeftAside[];
}

/** A caller's own criterion, applied before the rule's (Epoch's main method first, gross readings first...). */
export interface ChoosePreference {
  /** Lower is better. */
  readonly rank: (f: Fact) => number;
  /** Why `used` beat `other` on this criterion. */
  readonly reason: (used: Fact, other: Fact) => Text;
}

export interface ChooseOptions {
  /**
   * Facts a source states (reported, and assumptions a user entered) before
   * facts an analysis derived: a net burn saved by `--save` is not read back
   * in place of the figures it came from.
   */
  readonly firstHandFirst?: boolean;
  /** A criterion of the caller's, before the period. */
  readonly prefer?: ChoosePreference;
}

const KIND_RANK: Readonly<Record<string, number>> = { reported: 0, derived: 1, assumption: 2 };
const kindRank = (f: Fact): number => KIND_RANK[f.kind] ?? 3;
const end = (f: Fact): string => f.period?.end ?? '';
const published = (f: Fact): string => f.source.published ?? '';
/** The 90% range of a fact relative to its median: (p95 - p5) / |p50|; a point is 0, a range around 0 infinite. */
export function relativeWidth(f: Fact): number {
  const { p5, p50, p95 } = f.figure;
  const w = p95 - p5;
  if (w === 0) return 0;
  return p50 === 0 ? Infinity : w / Math.abs(p50);
}
/** How many digits a fact's figure is written to ("$73.6 million" 3, "$74 million" 2). */
export function writtenPrecision(f: Fact): number {
  return writtenDigits(f.figure.value, f.valueText);
}
const sameWidth = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

type Criterion = { readonly id: ChooseCriterion; readonly cmp: (a: Fact, b: Fact) => number };

function criteria(options: ChooseOptions): Criterion[] {
  const out: Criterion[] = [];
  if (options.firstHandFirst) out.push({ id: 'first_hand', cmp: (a, b) => Number(a.kind === 'derived') - Number(b.kind === 'derived') });
  if (options.prefer) {
    const rank = options.prefer.rank;
    out.push({ id: 'preference', cmp: (a, b) => rank(a) - rank(b) });
  }
  out.push(
    { id: 'period', cmp: (a, b) => (end(a) === end(b) ? 0 : end(a) > end(b) ? -1 : 1) },
    { id: 'primary_source', cmp: (a, b) => Number(isSecondHand(a.source.publisher)) - Number(isSecondHand(b.source.publisher)) },
    { id: 'dated', cmp: (a, b) => Number(!published(a)) - Number(!published(b)) },
    { id: 'kind', cmp: (a, b) => kindRank(a) - kindRank(b) },
    { id: 'uncertainty', cmp: (a, b) => (sameWidth(relativeWidth(a), relativeWidth(b)) ? 0 : relativeWidth(a) < relativeWidth(b) ? -1 : 1) },
    { id: 'precision', cmp: (a, b) => writtenPrecision(b) - writtenPrecision(a) },
    { id: 'published', cmp: (a, b) => (published(a) === published(b) ? 0 : published(a) > published(b) ? -1 : 1) },
    { id: 'recorded', cmp: (a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt > b.createdAt ? -1 : 1) },
  );
  return out;
}

/** A period as written in the ledger ('as of 2024-05') for English, as a Chinese reader writes it ('截至2024年5月') for Chinese. */
const periodIn = (text: string, lang: Lang): string => (lang === 'zh' ? periodText(text, 'zh') : text);

const pct = (x: number): string => (Number.isFinite(x) ? `${Number((x * 100).toPrecision(3))}%` : '∞');

function reasonIn(t: ChooseText, lang: Lang, c: ChooseCriterion, used: Fact, other: Fact): string {
  switch (c) {
    case 'first_hand':
      return t.firstHand();
    case 'period':
      return t.period(used.period ? periodIn(used.period.text, lang) : t.noPeriod, other.period ? periodIn(other.period.text, lang) : t.noPeriod);
    case 'primary_source':
      return t.primarySource(publisherName(used.source.publisher, lang), publisherName(other.source.publisher, lang));
    case 'dated':
      return t.dated(`${publisherName(used.source.publisher, lang)}${lang === 'zh' ? '，' : ', '}${published(used)}`, publisherName(other.source.publisher, lang));
    case 'kind':
      return t.kind(t.kindName[used.kind] ?? used.kind, t.kindName[other.kind] ?? other.kind);
    case 'uncertainty':
      return t.uncertainty(pct(relativeWidth(used)), pct(relativeWidth(other)));
    case 'precision':
      return t.precision(used.valueText, other.valueText);
    case 'published':
      return t.published(published(used) || t.undated, published(other) || t.undated);
    case 'recorded':
      return t.recorded(used.createdAt.replace('T', ' ').replace('Z', ''), other.createdAt.replace('T', ' ').replace('Z', ''));
    case 'derived_from_used':
      return t.derivedFromUsed();
    case 'tie':
    case 'preference':
      return t.tie();
  }
}

/**
 * The one rule that chooses among candidate facts for an input. In order:
 *
 * 1. (with `firstHandFirst`) facts a source states before facts an analysis derived;
 * 2. (with `prefer`) the caller's own criterion;
 * 3. the later period (by its end; a fact with no period last);
 * 4. a named primary source before one read at second hand ("X (via Y)",
 *    "X (citing Y)", "X (mirror)", "unidentified mirror");
 * 5. a source with a publication date before one without (an undated
 *    source cannot be placed in time: an as-of run leaves it out, and a
 *    point figure from it would otherwise win on precision over several
 *    dated reports of a range);
 * 6. reported before derived before assumed;
 * 7. the narrower 90% range relative to its median;
 * 8. the figure written to more digits ("$73.6 million" before "$74 million",
 *    which may be it rounded);
 * 9. the more recently published source;
 * 10. the more recently recorded fact (facts imported together are recorded
 *    at one time);
 * 11. the smaller id, so that the choice never depends on the input's order.
 *
 * Every fact not used is returned with the criterion that set it aside and
 * the reason in English and Chinese; a fact derived from the one used (a net
 * burn `--save`d from it) is set aside as agreeing by construction.
 * docs/ledger.md states the rule for users. Returns undefined for no facts.
 *
 * @example
 * const c = chooseFact([semafor, viaMirror]);
 * c.chosen === semafor; // same round, same period: the primary source
 * c.others[0].reason.en; // 'the one used comes from a primary source (Semafor); this one at second hand (Reuters (mirror))'
 */
export function chooseFact(facts: readonly Fact[], options: ChooseOptions = {}): Choice | undefined {
  if (!facts.length) return undefined;
  const cs = criteria(options);
  const first = (a: Fact, b: Fact): { c: ChooseCriterion; d: number } => {
    for (const c of cs) {
      const d = c.cmp(a, b);
      if (d !== 0) return { c: c.id, d };
    }
    return { c: 'tie', d: a.id < b.id ? -1 : a.id > b.id ? 1 : 0 };
  };
  const sorted = [...facts].sort((a, b) => first(a, b).d);
  const chosen = sorted[0]!;
  const others = sorted.slice(1).map((f): LeftAside => {
    const criterion: ChooseCriterion = f.derivedFrom?.inputs.includes(chosen.id) ? 'derived_from_used' : first(chosen, f).c;
    const reason: Text =
      criterion === 'preference' && options.prefer
        ? options.prefer.reason(chosen, f)
        : { en: reasonIn(CHOOSE_TEXT_EN, 'en', criterion, chosen, f), zh: reasonIn(CHOOSE_TEXT_ZH, 'zh', criterion, chosen, f) };
    return { fact: f, criterion, reason };
  });
  return { chosen, others };
}
