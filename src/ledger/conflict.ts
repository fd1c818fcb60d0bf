import { convertCurrency, isCurrency, periodMonths, periodsOverlap, periodYear, toNominalDollars } from '../core/index.js';
import type { CpiTable, FxTable, Quantity } from '../core/index.js';
import type { Fact } from './fact.js';

/** One fact's value put in nominal US dollars of its period, with how. */
export interface NominalUsd {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Each conversion applied, naming the rate: 'CNY->USD at 7.0467 CNY/USD (2023 annual average, SAFE)'. */
  readonly notes: readonly string[];
}

/** Two current facts on the same entity, metric and period that disagree beyond their uncertainty. */
export interface Conflict {
  readonly entity: string;
  readonly metric: string;
  /** Canonical period text of the first fact. */
  readonly period: string;
  readonly a: Fact;
  readonly b: Fact;
  /** p5..p95 of each in nominal USD of the period (or in their own unit when not money). */
  readonly aInterval: NominalUsd;
  readonly bInterval: NominalUsd;
  /** b's median over a's. */
  readonly ratio: number;
  /** The ways the two facts differ: 'source: CB Insights vs Our World in Data (Quid via Stanford AI Index)'. */
  readonly differences: readonly string[];
}

/**
 * Puts a fact's p5, p50 and p95 in nominal US dollars of its period: CNY at
 * the FX table's rate for the period, constant dollars to nominal with the
 * CPI of the period's year. Non-money facts keep their unit. Throws when a
 * table lacks the rate needed.
 */
export function toNominalUsd(f: Fact, fx: FxTable, cpi: CpiTable): NominalUsd {
  const notes: string[] = [];
  let qs: Quantity[] = [f.figure.p5, f.figure.p50, f.figure.p95].map((value) => ({ value, unit: f.figure.unit, per: f.figure.per }));
  if (isCurrency(f.figure.unit) && f.period) {
    if (f.figure.unit !== 'USD') {
      const c = qs.map((q) => convertCurrency(q, 'USD', f.period!, fx));
      qs = c.map((x) => x.quantity);
      notes.push(c[0]!.note);
    }
    if (f.priceYear !== null) {
      const year = periodYear(f.period) ?? Number(f.period.end.slice(0, 4));
      const c = qs.map((q) => toNominalDollars(q, f.priceYear!, year, cpi));
      qs = c.map((x) => x.quantity);
      notes.push(c[0]!.note);
    }
  }
  return { p5: qs[0]!.value, p50: qs[1]!.value, p95: qs[2]!.value, notes };
}

function comparable(a: Fact, b: Fact): boolean {
  if (a.entity !== b.entity || a.metric !== b.metric || !a.period || !b.period) return false;
  if (!periodsOverlap(a.period, b.period)) return false;
  if ((a.period.kind === 'asof') !== (b.period.kind === 'asof')) return false;
  if (a.period.kind !== 'asof') {
    const ma = periodMonths(a.period);
    const mb = periodMonths(b.period);
    if (Math.abs(ma - mb) > 0.1 * Math.max(ma, mb)) return false;
  }
  if (a.scope !== null && b.scope !== null && a.scope !== b.scope) return false;
  if (a.figure.per !== b.figure.per) return false;
  const money = isCurrency(a.figure.unit) && isCurrency(b.figure.unit);
  if (!money && a.figure.unit !== b.figure.unit) return false;
  if (a.derivedFrom?.inputs.includes(b.id) || b.derivedFrom?.inputs.includes(a.id)) return false;
  return true;
}

const sourceName = (f: Fact): string => f.source.publisher + (f.source.title ? ` ("${f.source.title}")` : '');
const priceBasis = (f: Fact): string => (f.priceYear === null ? `nominal ${f.figure.unit}` : `constant ${f.priceYear} ${f.figure.unit}`);
const fmt = (x: number): string => (Math.abs(x) >= 1e9 ? `${(x / 1e9).toFixed(2)}B` : Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x.toPrecision(4));

/** The ways two facts on the same thing differ: source, definition, currency and currency year, scope, basis, period, kind. */
export function differences(a: Fact, b: Fact): string[] {
  const out: string[] = [];
  if (a.source.publisher !== b.source.publisher) out.push(`source: ${sourceName(a)} vs ${sourceName(b)}`);
  if ((a.definition ?? '') !== (b.definition ?? '')) {
    out.push(`definition: ${a.definition ? `"${a.definition}"` : '(not stated)'} vs ${b.definition ? `"${b.definition}"` : '(not stated)'}`);
  }
  if (a.figure.unit !== b.figure.unit) out.push(`currency: ${a.figure.unit} vs ${b.figure.unit}`);
  if (a.priceYear !== b.priceYear) out.push(`currency year: ${priceBasis(a)} vs ${priceBasis(b)}`);
  if (a.scope !== b.scope) out.push(`scope: ${a.scope ?? '(not stated)'} vs ${b.scope ?? '(not stated)'}`);
  if (a.basis !== b.basis) out.push(`basis: ${a.basis} vs ${b.basis}`);
  if (a.period?.text !== b.period?.text) out.push(`period: ${a.period?.text} vs ${b.period?.text}`);
  if (a.kind !== b.kind) out.push(`kind: ${a.kind} vs ${b.kind}`);
  if (a.figure.qualifier !== b.figure.qualifier) out.push(`qualifier: ${a.figure.qualifier} ("${a.valueText}") vs ${b.figure.qualifier} ("${b.valueText}")`);
  if (!out.length) out.push('same source, definition and currency year: one of the two is probably a mistake');
  return out;
}

/**
 * Pairs of facts on the same entity, metric and period (overlapping periods of
 * about the same length, compatible scope and unit) whose p5..p95 intervals,
 * in nominal USD of the period, do not meet. Each pair says how the facts differ.
 * Facts whose conversion needs a rate the tables lack are skipped.
 */
export function findConflicts(facts: readonly Fact[], fx: FxTable, cpi: CpiTable): Conflict[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.period) continue;
    const k = `${f.entity}\u0000${f.metric}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const out: Conflict[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const nominal = new Map<string, NominalUsd | null>();
    const get = (f: Fact): NominalUsd | null => {
      if (!nominal.has(f.id)) {
        try {
          nominal.set(f.id, toNominalUsd(f, fx, cpi));
        } catch {
          nominal.set(f.id, null);
        }
      }
      return nominal.get(f.id)!;
    };
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!;
        const b = g[j]!;
        if (!comparable(a, b)) continue;
        const ia = get(a);
        const ib = get(b);
        if (!ia || !ib) continue;
        const eps = 1e-9 * Math.max(Math.abs(ia.p95), Math.abs(ib.p95), 1);
        if (ia.p95 + eps < ib.p5 || ib.p95 + eps < ia.p5) {
          out.push({
            entity: a.entity,
            metric: a.metric,
            period: a.period!.text,
            a,
            b,
            aInterval: ia,
            bInterval: ib,
            ratio: ib.p50 / ia.p50,
            differences: [
              ...differences(a, b),
              `in nominal USD: ${fmt(ia.p5)}..${fmt(ia.p95)} vs ${fmt(ib.p5)}..${fmt(ib.p95)}`,
            ],
          });
        }
      }
    }
  }
  return out.sort((x, y) => x.entity.localeCompare(y.entity) || x.metric.localeCompare(y.metric) || x.period.localeCompare(y.period));
}
