import { isCurrency, periodMonths } from '../core/index.js';
import type { Fact } from './fact.js';

/**
 * Whether two facts speak of the same thing, leaving aside whether one is
 * derived from the other: `sameThing` without its last rule. Depends only on
 * the fields `thingKey` is made of, so it holds for two buckets of
 * `sameThingIndex` when it holds for one member of each.
 */
export function sameSubject(a: Fact, b: Fact): boolean {
  if (a.entity !== b.entity || a.metric !== b.metric || !a.period || !b.period) return false;
  if (!(a.period.start <= b.period.end && b.period.start <= a.period.end)) return false;
  if ((a.period.kind === 'asof') !== (b.period.kind === 'asof')) return false;
  if (a.period.kind !== 'asof') {
    const ma = monthsOf(a);
    const mb = monthsOf(b);
    const inside = (x: Fact, y: Fact): boolean => x.period!.start >= y.period!.start && x.period!.end <= y.period!.end;
    const dated = Math.max(ma, mb) <= 1.05 && (inside(a, b) || inside(b, a));
    if (Math.abs(ma - mb) > 0.1 * Math.max(ma, mb) && !dated) return false;
  }
  if (a.scope !== null && b.scope !== null && a.scope !== b.scope) return false;
  if (a.figure.per !== b.figure.per) return false;
  const money = isCurrency(a.figure.unit) && isCurrency(b.figure.unit);
  if (!money && a.figure.unit !== b.figure.unit) return false;
  return true;
}

/** True when one of the two facts is derived from the other (they are then not two reports of one thing). */
export function derivedOneFromOther(a: Fact, b: Fact): boolean {
  return !!(a.derivedFrom?.inputs.includes(b.id) || b.derivedFrom?.inputs.includes(a.id));
}

// periodMonths is called twice per compared pair: keep its result per period object.
const months = new WeakMap<object, number>();
function monthsOf(f: Fact): number {
  const p = f.period!;
  let m = months.get(p);
  if (m === undefined) {
    m = periodMonths(p);
    months.set(p, m);
  }
  return m;
}

/**
 * What makes two facts the same thing for `sameSubject`, as one string:
 * entity, metric, period (start, end, point in time or span), scope, `per`,
 * and the unit (any currency counts as money). Facts with equal keys are the
 * same thing (unless one is derived from the other).
 */
function thingKey(f: Fact): string {
  const p = f.period!;
  const unit = isCurrency(f.figure.unit) ? '$' : f.figure.unit;
  return [f.entity, f.metric, p.start, p.end, p.kind === 'asof' ? 'asof' : 'span', f.scope ?? '\u0001', f.figure.per ?? '', unit].join('\u0000');
}

/** Facts with one `thingKey` (and one `extraKey`): indices into the facts given, ascending. */
export interface ThingBucket {
  readonly members: readonly number[];
}

/**
 * An index of facts by what they speak of, so that the pairs of facts on the
 * same thing are found without comparing every fact with every other:
 * facts with equal keys (entity, metric, period, scope, `per`, unit) form a
 * bucket, and `pairs` lists the pairs of buckets whose facts are the same
 * thing (`sameSubject`), each bucket with itself included. Two buckets are
 * compared only when they share entity and metric and their periods overlap
 * (a sweep over buckets sorted by period start), so a ledger of many facts
 * on different things costs little more than sorting it. Facts without a
 * period are in no bucket (they are the same thing as nothing).
 *
 * `extraKey` splits buckets further (economics' `groupFacts`: the price
 * year); `alsoRequire` must then hold between two buckets' first members.
 * Whether one fact is derived from another is left to the caller
 * (`derivedOneFromOther`), pair by pair.
 */
export function sameThingIndex(
  facts: readonly Fact[],
  extraKey: (f: Fact) => string = () => '',
  alsoRequire: (a: Fact, b: Fact) => boolean = () => true,
): { buckets: ThingBucket[]; pairs: [number, number][] } {
  const byKey = new Map<string, number[]>();
  facts.forEach((f, i) => {
    if (!f.period) return;
    const k = `${thingKey(f)}\u0000${extraKey(f)}`;
    const b = byKey.get(k);
    if (b) b.push(i);
    else byKey.set(k, [i]);
  });
  const buckets: ThingBucket[] = [...byKey.values()].map((members) => ({ members }));
  const pairs: [number, number][] = [];
  const bySubject = new Map<string, number[]>();
  buckets.forEach((b, i) => {
    pairs.push([i, i]);
    const f = facts[b.members[0]!]!;
    const k = `${f.entity}\u0000${f.metric}`;
    const g = bySubject.get(k);
    if (g) g.push(i);
    else bySubject.set(k, [i]);
  });
  const first = (b: number): Fact => facts[buckets[b]!.members[0]!]!;
  for (const g of bySubject.values()) {
    g.sort((x, y) => (first(x).period!.start < first(y).period!.start ? -1 : first(x).period!.start > first(y).period!.start ? 1 : x - y));
    for (let i = 0; i < g.length; i++) {
      const a = first(g[i]!);
      for (let j = i + 1; j < g.length; j++) {
        const b = first(g[j]!);
        if (b.period!.start > a.period!.end) break;
        if (sameSubject(a, b) && alsoRequire(a, b)) pairs.push(g[i]! < g[j]! ? [g[i]!, g[j]!] : [g[j]!, g[i]!]);
      }
    }
  }
  return { buckets, pairs };
}
