import { latestPublicationDay, type Outcome, type OutcomeType } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { outcomeVerdicts } from '../common/outcome-class.js';

/** What happened to a company over a backtest's window. */
export interface Observation {
  /**
   * `out`: an outcome of class out (docs/outcomes.md) within (as-of, as-of +
   * horizon]; `survived`: none, and the window has ended by `today`;
   * `unknown`: the window has not ended, or an undecided outcome falls in it.
   */
  readonly observed: 'out' | 'survived' | 'unknown';
  /** The outcome that decided it: the first out one; for a survivor its first of class in (raised, ipo) in the window, or null; for unknown the undecided one, or null. */
  readonly outcomeType: OutcomeType | null;
  readonly outcomeDate: string | null;
  /** Why, in both languages (for `unknown` above all). */
  readonly reason: Text;
}

/** A company out before the window opens: left out of the backtest. */
export interface OutBefore {
  readonly outcomeType: OutcomeType;
  readonly outcomeDate: string;
}

/**
 * The last day of a backtest's window: the as-of day plus `months` calendar
 * months ('2024-05-20' + 24 = '2026-05-20'; a day past the end of the
 * target month falls back to its last day: '2024-01-31' + 1 = '2024-02-29').
 */
export function windowEnd(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** An outcome's date as a day: a month ('2024-03') stands for its last day, as a publication date does. */
function outcomeDay(o: Outcome): string {
  return latestPublicationDay(o.date) ?? o.date;
}

/**
 * The company's first outcome of class out on or before the as-of day, or
 * null: such a company was already out when the forecast would have been
 * made, and the backtest lists it apart.
 */
export function outBefore(outcomes: readonly Outcome[], asOf: string): OutBefore | null {
  const verdict = outcomeVerdicts(outcomes);
  const before = outcomes
    .filter((o) => outcomeDay(o) <= asOf && verdict.get(o.id)!.class === 'out')
    .sort((a, b) => outcomeDay(a).localeCompare(outcomeDay(b)));
  const o = before[0];
  return o ? { outcomeType: o.type, outcomeDate: o.date } : null;
}

/**
 * What happened to a company within (asOf, asOf + horizonMonths], judged on
 * `today` (ISO day): the first out outcome in the window makes it `out`;
 * else an undecided outcome in the window (an acquisition, recapitalization
 * or pivot whose record does not say whether it put the company out) makes
 * it `unknown`, never guessed; else it `survived` if the window has ended by
 * today (with its first outcome of class in within the window, a round or a
 * listing, as its type and date, else none), and is `unknown` if not. The ledger's outcomes are taken as
 * complete: a company with nothing recorded survived.
 *
 * @example observeOutcome([], '2024-05-20', 24, '2026-12-01').observed // 'survived'
 */
export function observeOutcome(outcomes: readonly Outcome[], asOf: string, horizonMonths: number, today: string): Observation {
  const end = windowEnd(asOf, horizonMonths);
  const inWindow = outcomes
    .filter((o) => outcomeDay(o) > asOf && outcomeDay(o) <= end)
    .sort((a, b) => outcomeDay(a).localeCompare(outcomeDay(b)));
  const verdict = outcomeVerdicts(outcomes);
  const out = inWindow.find((o) => verdict.get(o.id)!.class === 'out');
  if (out) {
    return { observed: 'out', outcomeType: out.type, outcomeDate: out.date, reason: { en: `${out.type} on ${out.date}: out of the race`, zh: `${out.date} ${TYPE_ZH[out.type]}：出局` } };
  }
  const undecided = inWindow.find((o) => verdict.get(o.id)!.class === 'undecided');
  if (undecided) {
    const disagree = verdict.get(undecided.id)!.decidedBy === 'records_disagree';
    return {
      observed: 'unknown',
      outcomeType: undecided.type,
      outcomeDate: undecided.date,
      reason: disagree
        ? {
            en: `${undecided.type} on ${undecided.date} is undecided: its records disagree on whether it put the company out (mend their out column)`,
            zh: `${undecided.date} 的${TYPE_ZH[undecided.type]}尚无定论：各条记录对是否使公司出局说法不一`,
          }
        : {
            en: `${undecided.type} on ${undecided.date} is undecided: its record does not say whether it put the company out (set its out column)`,
            zh: `${undecided.date} 的${TYPE_ZH[undecided.type]}尚无定论：记录未说明是否使公司出局`,
          },
    };
  }
  if (today >= end) {
    // A survivor carries its first outcome of class in within the window (a round, a listing): why it counts as still in.
    const stillIn = inWindow.find((o) => verdict.get(o.id)!.class === 'in');
    return stillIn
      ? {
          observed: 'survived',
          outcomeType: stillIn.type,
          outcomeDate: stillIn.date,
          reason: { en: `no outcome of class out by ${end}; ${stillIn.type} on ${stillIn.date}`, zh: `截至 ${end} 没有出局记录；${stillIn.date} ${TYPE_ZH[stillIn.type]}` },
        }
      : inWindow.length
        ? { observed: 'survived', outcomeType: null, outcomeDate: null, reason: { en: `no outcome of class out by ${end}`, zh: `截至 ${end} 没有出局记录` } }
        : {
            observed: 'survived',
            outcomeType: null,
            outcomeDate: null,
            reason: {
              en: `no outcome recorded by ${end}: taken as survived, the ledger's outcomes being taken as complete up to today`,
              zh: `截至 ${end} 没有任何结果记录：视为存活（账本的结果记录视为截至今天完整）`,
            },
          };
  }
  return { observed: 'unknown', outcomeType: null, outcomeDate: null, reason: { en: `the window ends on ${end}, after today (${today}), and nothing has happened yet`, zh: `观察期到 ${end} 才结束，晚于今天（${today}），目前尚无结果` } };
}

/** Outcome types as a Chinese reader says them. */
export const TYPE_ZH: Readonly<Record<OutcomeType, string>> = {
  raised: '融资',
  ipo: '上市',
  acquihire_license: '技术授权并被挖走团队',
  acquisition: '被收购',
  recapitalization: '资本重组',
  pivot: '转型',
  leadership_exit: '高管离任',
  layoffs: '裁员',
  restructured: '重组',
  shutdown: '关闭',
};
