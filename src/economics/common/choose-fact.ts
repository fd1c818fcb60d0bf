import type { Lang } from '../../core/index.js';
import { writtenDigits, type Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { CHOOSE_TEXT_EN, type ChooseText } from './choose-text-en.js';
import { CHOOSE_TEXT_ZH } from './choose-text-zh.js';
import { periodText } from '../plausibility/describe-fact.js';
import { isSecondHand, publisherName } from './source-hand.js';

/** Which criterion of the rule set a fact aside. */
export type ChooseCriterion = 'first_hand' | 'preference' | 'period' | 'primary_source' | 'dated' | 'kind' | 'uncertainty' | 'precision' | 'published' | 'publisher' | 'tie' | 'derived_from_used';

/** A fact the rule did not use, and why. */
export interface LeftAside {
  readonly fact: Fact;
  readonly criterion: ChooseCriterion;
  /** Why, speaking of "the one used" and "this one". */
  readonly reason: Text;
  /**
   * The fact this one lost to, when it is not the one used: on `precision`, a
   * figure of the same currency and unit written to more digits, while the
   * one used is in another currency or unit (digits across them are not
   * compared).
   */
  readonly setAsideFor?: Fact;
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
/**
 * What makes the digits of two figures comparable: the same currency or unit,
 * per the same period, in the same year's money. "$73.6 million" and "$74
 * million" are; "> $500M" and "超5亿欧元" are not (their digits count
 * different things).
 */
const digitsClass = (f: Fact): string => `${f.figure.unit}|${f.figure.per ?? ''}|${f.priceYear ?? ''}`;
/** A publisher's name for ordering: as recorded, case aside (a reader can redo it by eye). */
const publisherKey = (f: Fact): string => f.source.publisher.toLowerCase();
const order = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/**
 * One criterion of the rule: `cmp` < 0 when `a` is better. With `classOf`,
 * only facts of one class are compared on it (the others fall through to the
 * next criterion).
 */
type Criterion = { readonly id: ChooseCriterion; readonly cmp: (a: Fact, b: Fact) => number; readonly classOf?: (f: Fact) => string };

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
    { id: 'precision', cmp: (a, b) => writtenPrecision(b) - writtenPrecision(a), classOf: digitsClass },
    { id: 'published', cmp: (a, b) => -order(published(a), published(b)) },
    { id: 'publisher', cmp: (a, b) => order(publisherKey(a), publisherKey(b)) },
  );
  return out;
}

/** Why a fact lost in `winner`: the criterion, and the best fact of its class on it then. */
interface Loss {
  readonly criterion: ChooseCriterion;
  readonly to: Fact;
}

/**
 * The fact the rule uses among `pool`: each criterion in turn keeps the best
 * facts (within each class, for a criterion with `classOf`), and the smaller
 * id decides among what is left. Being a process on the set, not a sort by a
 * pairwise comparison, the result never depends on the order of the input,
 * even where a criterion compares only some pairs. `losses` receives, for
 * every other fact, the criterion that set it aside and what it lost to.
 */
function winner(pool: readonly Fact[], cs: readonly Criterion[], losses?: Map<Fact, Loss>): Fact {
  let left = pool;
  for (const c of cs) {
    if (left.length === 1) break;
    const classes = new Map<string, Fact[]>();
    for (const f of left) {
      const k = c.classOf?.(f) ?? '';
      const members = classes.get(k);
      if (members) members.push(f);
      else classes.set(k, [f]);
    }
    const kept: Fact[] = [];
    for (const members of classes.values()) {
      const best = members.reduce((b, f) => (c.cmp(f, b) < 0 ? f : b));
      for (const f of members) {
        if (c.cmp(f, best) === 0) kept.push(f);
        else losses?.set(f, { criterion: c.id, to: best });
      }
    }
    left = kept;
  }
  const chosen = left.reduce((b, f) => (f.id < b.id ? f : b));
  for (const f of left) if (f !== chosen) losses?.set(f, { criterion: 'tie', to: chosen });
  return chosen;
}

/** Criteria in order, then the smaller id (`byId`) or not. */
function lexical(cs: readonly Criterion[], byId: boolean): (a: Fact, b: Fact) => number {
  return (a, b) => {
    for (const c of cs) {
      const d = c.cmp(a, b);
      if (d !== 0) return d;
    }
    return byId ? order(a.id, b.id) : 0;
  };
}

/**
 * Every fact in the rule's order: `winner` of them all, then `winner` of
 * what is left, and so on, in O(n log n) (a ledger may hold thousands of
 * reports of one round). Before the criterion with `classOf` it is a sort;
 * there, within each run of facts equal so far, each class is a queue (its
 * facts by that criterion, then the rest), and the queues are merged by the
 * criteria after it: the best fact a class has left is always at its head.
 * One criterion with `classOf` at most (precision).
 */
function ranked(facts: readonly Fact[], cs: readonly Criterion[]): Fact[] {
  const at = cs.findIndex((c) => c.classOf);
  if (at < 0) return [...facts].sort(lexical(cs, true));
  const classed = cs[at]!;
  const before = lexical(cs.slice(0, at), false);
  const after = lexical(cs.slice(at + 1), true);
  const inClass = lexical(cs.slice(at), true);
  const sorted = [...facts].sort(before);
  const out: Fact[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && before(sorted[i]!, sorted[j]!) === 0) j++;
    const classes = new Map<string, Fact[]>();
    for (const f of sorted.slice(i, j)) {
      const k = classed.classOf!(f);
      const members = classes.get(k);
      if (members) members.push(f);
      else classes.set(k, [f]);
    }
    const queues = [...classes.values()].map((q) => q.sort(inClass));
    const heads = queues.map(() => 0);
    for (let n = i; n < j; n++) {
      let best = -1;
      for (let q = 0; q < queues.length; q++) {
        if (heads[q]! < queues[q]!.length && (best < 0 || after(queues[q]![heads[q]!]!, queues[best]![heads[best]!]!) < 0)) best = q;
      }
      out.push(queues[best]![heads[best]!++]!);
    }
    i = j;
  }
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
    case 'publisher':
      return t.publisher(publisherName(used.source.publisher, lang), publisherName(other.source.publisher, lang));
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
 *    which may be it rounded), between figures of the same currency or unit
 *    (per the same period, in the same year's money) only: "> $500M" is not
 *    more precise than "超5亿欧元", so facts of different currencies go on to
 *    the next criterion;
 * 9. the more recently published source;
 * 10. the publisher's name in alphabetical order (case aside);
 * 11. the smaller id (made from what the fact says and who said it).
 *
 * Every step reads the facts themselves, never when they were recorded, so
 * a reader can redo the choice, and importing the same facts again (or in
 * another order) chooses the same one.
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
  const losses = new Map<Fact, Loss>();
  // `winner` says why each other fact lost; `ranked` puts them in the rule's order (it starts with `winner`'s fact)
  winner(facts, cs, losses);
  const all = ranked(facts, cs);
  const chosen = all[0]!;
  const others = all.slice(1).map((f): LeftAside => {
    const loss = losses.get(f)!;
    if (f.derivedFrom?.inputs.includes(chosen.id)) return { fact: f, criterion: 'derived_from_used', reason: text((t) => t.derivedFromUsed()) };
    if (loss.criterion === 'preference' && options.prefer) return { fact: f, criterion: loss.criterion, reason: options.prefer.reason(chosen, f) };
    if (loss.criterion === 'precision' && digitsClass(loss.to) !== digitsClass(chosen)) {
      const by = loss.to;
      return {
        fact: f,
        criterion: loss.criterion,
        setAsideFor: by,
        reason: text((t, lang) => t.precisionOther(publisherName(by.source.publisher, lang), by.valueText, f.valueText)),
      };
    }
    return { fact: f, criterion: loss.criterion, reason: text((t, lang) => reasonIn(t, lang, loss.criterion, chosen, f)) };
  });
  return { chosen, others };
}

const text = (say: (t: ChooseText, lang: Lang) => string): Text => ({ en: say(CHOOSE_TEXT_EN, 'en'), zh: say(CHOOSE_TEXT_ZH, 'zh') });
