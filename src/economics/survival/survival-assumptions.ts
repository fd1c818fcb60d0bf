import { ShakeoutError, type Issue } from '../../core/index.js';

/** One assumed value: as written (a figure or a model expression), with why and from where. */
export interface AssumedValue {
  readonly value: string;
  readonly rationale: string;
  /** The rationale written in Chinese (`rationale_zh`), or null when the file gives none (the English one is shown then). */
  readonly rationaleZh: string | null;
  readonly source: string | null;
  /** The source named in Chinese (`source_zh`), or null. */
  readonly sourceZh: string | null;
  /** Ledger facts the assumption rests on ('F14'). */
  readonly facts: readonly string[];
}

/**
 * The inputs of one company, as the assumptions file gives them. Each is
 * optional: an assumption stands only for what the ledger cannot give (the
 * simulation reads the ledger first and says which assumption it used).
 */
export interface CompanyAssumptions {
  /** Any name or alias the ledger knows ('OpenAI', '月之暗面'). */
  readonly company: string;
  readonly cash: AssumedValue | null;
  /** Revenue a month unless the text gives another period. */
  readonly revenue: AssumedValue | null;
  /** Monthly growth as a fraction: "normal(0.05, 0.02)", "3%". */
  readonly revenueGrowth: AssumedValue | null;
  /** Costs a month unless the text gives another period. */
  readonly costs: AssumedValue | null;
  readonly costGrowth: AssumedValue | null;
  /** Multiplies the climate's chance of a round (default 1). */
  readonly fundability: { readonly value: number; readonly rationale: string; readonly rationaleZh: string | null } | null;
}

/** A survival assumptions file, read and checked. */
export interface SurvivalAssumptions {
  /** File name for messages and provenance. */
  readonly file: string;
  /** When the values hold ('2024-05'): the start of the simulation, and the period of FX conversions. */
  readonly asOf: string;
  readonly raiseTargetMonths: number | null;
  /** The round-size factor (a model expression such as "0.5 to 2"), or null for the default. */
  readonly roundSize: AssumedValue | null;
  readonly companies: readonly CompanyAssumptions[];
}

const INPUTS = [
  ['cash', 'cash'],
  ['revenue', 'revenue'],
  ['revenue_growth', 'revenueGrowth'],
  ['costs', 'costs'],
  ['cost_growth', 'costGrowth'],
] as const;

/**
 * Reads a parsed survival assumptions document (YAML or JSON, see
 * data/survival-assumptions.yaml): `as_of`, optional `defaults`
 * (`raise_target_months`, `round_size`) and `companies`, each with `cash`,
 * `revenue`, `revenue_growth`, `costs` and `cost_growth` given as
 * `{value, rationale, rationale_zh?, source?, source_zh?, facts?}` and an optional
 * `fundability` `{value, rationale, rationale_zh?}`. Every value needs a
 * rationale; `rationale_zh` is the same reasoning written for a Chinese
 * reader (the English one is shown in Chinese output when it is missing). All problems are
 * collected and thrown together as one ShakeoutError (status 400):
 * `survival-assumptions.yaml companies[2].cash: expected {value, rationale}, got "5B"`.
 */
export function readSurvivalAssumptions(doc: unknown, file = 'survival-assumptions.yaml'): SurvivalAssumptions {
  const issues: Issue[] = [];
  const fail = (path: (string | number)[], message: string): void => {
    issues.push({ code: 'invalid_assumptions', path, message: `${file} ${formatPath(path)}: ${message}` });
  };
  if (!isObject(doc)) {
    const message = `${file}: expected a mapping with as_of and companies, got ${describe(doc)}`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_assumptions', path: [], message }], status: 400 });
  }
  const asOf = typeof doc.as_of === 'string' || typeof doc.as_of === 'number' ? String(doc.as_of) : (fail(['as_of'], `expected a period such as "2024-05", got ${describe(doc.as_of)}`), '');
  let raiseTargetMonths: number | null = null;
  let roundSize: AssumedValue | null = null;
  if (doc.defaults !== undefined) {
    if (!isObject(doc.defaults)) fail(['defaults'], `expected a mapping, got ${describe(doc.defaults)}`);
    else {
      const d = doc.defaults;
      if (d.raise_target_months !== undefined) {
        if (typeof d.raise_target_months === 'number' && d.raise_target_months >= 0) raiseTargetMonths = d.raise_target_months;
        else fail(['defaults', 'raise_target_months'], `expected a number of months >= 0, got ${describe(d.raise_target_months)}`);
      }
      if (d.round_size !== undefined) roundSize = readValue(d.round_size, ['defaults', 'round_size'], fail);
    }
  }
  const companies: CompanyAssumptions[] = [];
  if (!Array.isArray(doc.companies)) fail(['companies'], `expected a list of companies, got ${describe(doc.companies)}`);
  else {
    doc.companies.forEach((c: unknown, i: number) => {
      if (!isObject(c)) return fail(['companies', i], `expected a mapping with company and any of cash, revenue, revenue_growth, costs, cost_growth, fundability, got ${describe(c)}`);
      const company = typeof c.company === 'string' && c.company.trim() ? c.company.trim() : (fail(['companies', i, 'company'], `expected a company name, got ${describe(c.company)}`), '');
      let bad = false;
      const values = Object.fromEntries(INPUTS.map(([k, name]) => {
        if (c[k] === undefined) return [name, null];
        const v = readValue(c[k], ['companies', i, k], fail);
        if (!v) bad = true;
        return [name, v];
      })) as Record<(typeof INPUTS)[number][1], AssumedValue | null>;
      let fundability: CompanyAssumptions['fundability'] = null;
      if (c.fundability !== undefined) {
        const f = c.fundability;
        if (isObject(f) && typeof f.value === 'number' && f.value >= 0 && typeof f.rationale === 'string' && f.rationale.trim()) {
          const zh = readZh(f.rationale_zh, ['companies', i, 'fundability', 'rationale_zh'], fail);
          fundability = { value: f.value, rationale: f.rationale.trim(), rationaleZh: zh };
        } else fail(['companies', i, 'fundability'], `expected {value: a number >= 0, rationale: text, rationale_zh?: text}, got ${describe(f)}`);
      }
      const known = new Set(['company', 'fundability', 'notes', ...INPUTS.map(([k]) => k)]);
      for (const k of Object.keys(c)) if (!known.has(k)) fail(['companies', i, k], `unknown field; expected one of ${[...known].join(', ')}`);
      if (company && !bad) companies.push({ company, ...values, fundability });
    });
  }
  if (issues.length) {
    const message = issues.length === 1 ? issues[0]!.message : `${file}: ${issues.length} problems`;
    throw new ShakeoutError(message, { issues, status: 400 });
  }
  return { file, asOf, raiseTargetMonths, roundSize, companies };
}

function readValue(v: unknown, path: (string | number)[], fail: (path: (string | number)[], message: string) => void): AssumedValue | null {
  if (!isObject(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) {
    fail(path, `expected {value, rationale} with value a figure or a model expression, got ${describe(v)}`);
    return null;
  }
  if (typeof v.rationale !== 'string' || !v.rationale.trim()) {
    fail([...path, 'rationale'], 'every assumption needs a rationale (why this value)');
    return null;
  }
  const facts = v.facts === undefined ? [] : Array.isArray(v.facts) && v.facts.every((x) => typeof x === 'string') ? (v.facts as string[]) : null;
  if (facts === null) {
    fail([...path, 'facts'], `expected a list of fact ids such as [F14], got ${describe(v.facts)}`);
    return null;
  }
  const source = typeof v.source === 'string' && v.source.trim() ? v.source.trim() : null;
  const rationaleZh = readZh(v.rationale_zh, [...path, 'rationale_zh'], fail);
  const sourceZh = readZh(v.source_zh, [...path, 'source_zh'], fail);
  return { value: String(v.value), rationale: v.rationale.trim(), rationaleZh, source, sourceZh, facts };
}

/** An optional Chinese rationale: text, or nothing. */
function readZh(v: unknown, path: (string | number)[], fail: (path: (string | number)[], message: string) => void): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim()) return v.trim();
  fail(path, `expected the rationale in Chinese as text, got ${describe(v)}`);
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v) ?? String(v);
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
