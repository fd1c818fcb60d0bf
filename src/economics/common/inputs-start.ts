import type { Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { metricName, periodText } from '../plausibility/describe-fact.js';
import { AS_OF_TEXT_EN } from './as-of-text-en.js';
import { AS_OF_TEXT_ZH } from './as-of-text-zh.js';

/**
 * Where the date a company's inputs describe comes from:
 * - `as-of`: the as-of day (`--as-of`, the `asOf` of a request), which also
 *   leaves out what was published later;
 * - `assumptions`: the `as_of` of the survival assumptions file, for a
 *   company the file names (its assumed values hold at that date);
 * - `given`: a date asked for (`analyze health --date`), not the as-of day;
 * - `latest`: nothing sets it: the company's own latest facts.
 */
export type StartBasis = 'as-of' | 'assumptions' | 'given' | 'latest';

/** A fact left aside because its period starts after the start date. */
export interface LaterFact {
  readonly id: string;
  readonly metric: string;
  /** The period as the ledger writes it ('2024-06'). */
  readonly period: string;
  /** The value as its source wrote it. */
  readonly valueText: string;
}

/**
 * The start of a company's inputs: the date they describe (the simulation's
 * month 0), why that date, and the facts of later periods it left aside,
 * with the sentence that says so in both languages. Not the as-of day of an
 * as-of ledger (what had been published by then), which `Analysis.asOf`
 * says; the two coincide only when the as-of day sets the start.
 */
export interface InputsStart {
  /** The date the inputs describe: 'YYYY-MM' or 'YYYY-MM-DD' as set; for `latest`, the month of the latest period the inputs rest on (null when none has a period). */
  readonly date: string | null;
  readonly basis: StartBasis;
  /** The assumptions file that set the date (`assumptions`), or that was read and does not name the company (`latest`); else null. */
  readonly file: string | null;
  readonly leftAside: readonly LaterFact[];
  readonly text: Text;
}

/** The assumptions file's part in choosing a company's start: its name, its `as_of`, and whether it names the company. */
export interface StartFile {
  readonly file: string;
  readonly asOf: string;
  readonly names: boolean;
}

/**
 * The date a company's inputs should describe, the one rule health and
 * survival share: the as-of day when given; else the assumptions file's
 * `as_of` when the file names the company; else none (its own latest facts).
 * A file's date never cuts the facts of a company it does not name.
 *
 * @example startDate('2024-05-20', { file: 'a.yaml', asOf: '2024-05', names: true }) // { date: '2024-05-20', basis: 'as-of' }
 * @example startDate(null, { file: 'a.yaml', asOf: '2024-05', names: false }) // { date: null, basis: 'latest' }
 */
export function startDate(asOfDay: string | null, file: StartFile | null): { date: string | null; basis: StartBasis } {
  if (asOfDay) return { date: asOfDay, basis: 'as-of' };
  if (file?.names) return { date: file.asOf, basis: 'assumptions' };
  return { date: null, basis: 'latest' };
}

/**
 * The start as the analyses carry it, with its sentence: `date` and `basis`
 * from {@link startDate}; `latest` is the ISO end of the latest period the
 * inputs rest on (`HealthInputs.asOf`); `leftAside` the facts the date cut.
 *
 * @example inputsStart({ date: '2024-05', basis: 'assumptions' }, file, null, [f]).text.en
 * // 'Inputs as of 2024-05, the start of the simulation (set by the shipped assumptions, data/survival-assumptions.yaml): 1 later fact left aside: fact-1 (funding, 2024-06, "€600 million").'
 */
export function inputsStart(start: { date: string | null; basis: StartBasis }, file: StartFile | null, latest: string | null, leftAside: readonly Fact[]): InputsStart {
  const later = leftAside.map((f) => ({ id: f.id, metric: f.metric, period: f.period?.text ?? '', valueText: f.valueText }));
  const latestMonth = latest ? latest.slice(0, 7) : null;
  const make = (T: typeof AS_OF_TEXT_EN, lang: 'en' | 'zh'): string => {
    const facts = later.map((f) => T.laterFact(f.id, metricName(f.metric, lang), periodText(f.period, lang), f.valueText));
    // dates as the language writes them: 2024-05 / 2024年5月
    const d = (x: string | null): string | null => (x === null ? null : lang === 'zh' ? periodText(x, 'zh') : x);
    if (start.basis === 'as-of') return T.startFromAsOf(d(start.date)!, facts);
    if (start.basis === 'given') return T.startGiven(d(start.date)!, facts);
    if (start.basis === 'assumptions') return T.startFromFile(d(start.date)!, file!.file, facts);
    return T.startLatest(d(latestMonth), file && !file.names ? file.file : null, file && !file.names ? d(file.asOf) : null);
  };
  return {
    date: start.basis === 'latest' ? latestMonth : start.date,
    basis: start.basis,
    file: start.basis === 'as-of' ? null : file?.file ?? null,
    leftAside: later,
    text: { en: make(AS_OF_TEXT_EN, 'en'), zh: make(AS_OF_TEXT_ZH, 'zh') },
  };
}
