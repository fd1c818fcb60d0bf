import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { FigureParseError, ShakeoutError } from '../../core/index.js';
import { readFigure } from '../read-figure.js';
import { slug } from '../ids.js';
import type { FactRecord } from '../io/fact-record.js';
import { parseFactText } from '../io/fact-files.js';
import type { ParsedFactFile } from '../io/fact-files.js';
import type { EntitySeed, EventSeed } from '../seed-types.js';
import type { EntityKind } from '../vocabulary.js';

/**
 * Adapters from the bundled files of data/ to ledger records. Each returns
 * records with stable ids, so loading twice changes nothing.
 */

function csv(dataDir: string, file: string): { rows: Record<string, string>[]; lines: number[] } {
  // record_delimiter: a file saved with mixed line endings (\r\n and \n) still reads one row a line
  const out = parse(readFileSync(join(dataDir, file), 'utf8'), { columns: true, bom: true, trim: true, info: true, record_delimiter: ['\r\n', '\n'] }) as unknown as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return { rows: out.map((r) => r.record), lines: out.map((r) => r.info.lines) };
}

/** data/article-facts.yaml: F1..F24. */
export function articleFacts(dataDir: string): ParsedFactFile {
  return parseFactText(readFileSync(join(dataDir, 'article-facts.yaml'), 'utf8'), 'yaml', 'article-facts.yaml');
}

const OWID_PUBLISHER = 'Our World in Data (Quid via Stanford AI Index 2025)';
const OWID_DEF_AI = 'private investment in AI companies as recorded by Quid (Stanford AI Index 2025); constant 2021 USD';
const OWID_DEF_GENAI = 'private investment in generative-AI companies as recorded by Quid (Stanford AI Index 2025); constant 2021 USD';
const OWID_REGION: Readonly<Record<string, string>> = {
  China: 'china-ai-sector',
  World: 'global-ai-sector',
  'United States': 'us-ai-sector',
  Europe: 'europe-ai-sector',
};

/** The two OWID series, as reported facts on the same entities and metric (funding) as the article's. */
export function owidFacts(dataDir: string): ParsedFactFile {
  const records: FactRecord[] = [];
  const lines: number[] = [];
  const genai = csv(dataDir, 'owid-global-investment-in-generative-ai.csv');
  genai.rows.forEach((r, i) => {
    if (r['Entity'] !== 'World') return;
    records.push({
      id: `owid-genai-world-${r['Year']}`,
      entity: 'genai-startups-global',
      metric: 'funding',
      value_as_written: r['Global investment in generative AI']!,
      unit: 'USD',
      period: r['Year']!,
      kind: 'reported',
      price_year: '2021',
      publisher: OWID_PUBLISHER,
      title: 'Global investment in generative AI',
      url: 'https://ourworldindata.org/grapher/global-investment-in-generative-ai',
      published: null,
      definition: OWID_DEF_GENAI,
      note: 'owid-global-investment-in-generative-ai.csv, downloaded 2025-05-25; CC BY 4.0',
    });
    lines.push(genai.lines[i]!);
  });
  const ai = csv(dataDir, 'owid-private-investment-in-ai.csv');
  ai.rows.forEach((r, i) => {
    const entity = OWID_REGION[r['Entity']!];
    if (!entity) throw new ShakeoutError(`owid-private-investment-in-ai.csv line ${ai.lines[i]}: unknown region "${r['Entity']}"`);
    records.push({
      id: `owid-ai-${slug(r['Entity']!)}-${r['Year']}`,
      entity,
      metric: 'funding',
      value_as_written: r['Global total private investment in AI']!,
      unit: 'USD',
      period: r['Year']!,
      scope: null,
      kind: 'reported',
      price_year: '2021',
      publisher: OWID_PUBLISHER,
      title: 'Private investment in artificial intelligence',
      url: 'https://ourworldindata.org/grapher/private-investment-in-artificial-intelligence',
      published: null,
      definition: OWID_DEF_AI,
      note: 'owid-private-investment-in-ai.csv, downloaded 2025-05-25; CC BY 4.0',
    });
    lines.push(ai.lines[i]!);
  });
  return { file: 'owid-*.csv', records, lines };
}

/** data/reference-facts.csv: figures from other public sources; ids 'ref-<entity>-<metric>-<period>-<publisher>'. */
export function referenceFacts(dataDir: string): ParsedFactFile {
  const { rows, lines } = csv(dataDir, 'reference-facts.csv');
  const records = rows.map((r) => ({
    id: `ref-${slug(`${r['entity']}-${r['metric']}-${r['period']}-${r['scope'] ?? ''}-${r['publisher']}`).replace(/-+/g, '-')}`,
    ...r,
  }));
  return { file: 'reference-facts.csv', records, lines };
}

/** A row of a bundled file that could not be read, and why: it is left out of the ledger, never read as something else. */
export interface UnreadRow {
  readonly file: string;
  readonly line: number;
  readonly value: string;
  readonly reason: string;
}

/**
 * data/company-facts.csv: sourced figures on the article's eight companies,
 * ids 'co-<entity>-<metric>-<period>-<scope>' (a second row of the same is '-2', in file order). `published_estimated`
 * (yes: the page showed no date) is kept on the source. A row whose value the
 * figure reader refuses is not loaded: it is returned in `unread` with the
 * reader's reason, so the loader can say which rows are missing.
 */
export function companyFacts(dataDir: string): ParsedFactFile & { unread: UnreadRow[] } {
  const file = 'company-facts.csv';
  const { rows, lines } = csv(dataDir, file);
  const records: FactRecord[] = [];
  const kept: number[] = [];
  const unread: UnreadRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const value = r['value_as_written'] ?? '';
    try {
      readFigure(value, null);
    } catch (e) {
      if (!(e instanceof FigureParseError)) throw e;
      unread.push({ file, line: lines[i]!, value, reason: e.message });
      return;
    }
    const base = `co-${slug(`${r['entity']}-${r['metric']}-${r['period']}-${r['scope'] ?? ''}`).replace(/-+/g, '-').replace(/-$/, '')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    records.push({ id: n === 1 ? base : `${base}-${n}`, ...r } as FactRecord);
    kept.push(lines[i]!);
  });
  return { file, records, lines: kept, unread };
}

/** data/company-outcomes.csv: what happened to the article's companies, one outcome per row (ids are content hashes). */
export function companyOutcomes(dataDir: string): ParsedFactFile {
  return parseFactText(readFileSync(join(dataDir, 'company-outcomes.csv'), 'utf8'), 'csv', 'company-outcomes.csv');
}

const EPOCH_COLUMNS: readonly [string, string][] = [
  ['Cloud_Cost', 'cloud_rental'],
  ['Hardware_Acquisition_Cost', 'hardware_acquisition'],
  ['Hardware_Capex_Energy_Cost', 'amortised_capex_energy'],
];

/** Developer (entity id) of an Epoch model, where the ledger knows it. */
function developerOf(model: string): string | null {
  if (/^(GPT|DALL-E|OpenAI Five|iGPT)/.test(model)) return 'openai';
  if (/^Claude/.test(model)) return 'anthropic';
  if (/^Inflection/.test(model)) return 'inflection-ai';
  if (/^GLM/.test(model)) return 'zhipu-ai';
  return null;
}

export const epochModelId = (model: string): string => `model:${slug(model)}`;

/** One entity per model of Epoch's table (kind model), under its developer when known. */
export function epochModels(dataDir: string): EntitySeed[] {
  return csv(dataDir, 'epoch-model-training-costs.csv').rows.map((r) => ({
    id: epochModelId(r['Model']!),
    nameEn: r['Model']!,
    kind: 'model' as EntityKind,
    parent: developerOf(r['Model']!),
    notes: "a model in Epoch AI's training-cost table",
  }));
}

/** Epoch's table: one training_cost fact per model and costing method (scope). Empty cells give no fact. */
export function epochFacts(dataDir: string): ParsedFactFile {
  const { rows, lines } = csv(dataDir, 'epoch-model-training-costs.csv');
  const records: FactRecord[] = [];
  const out: number[] = [];
  rows.forEach((r, i) => {
    for (const [col, scope] of EPOCH_COLUMNS) {
      const v = r[col];
      if (!v) continue;
      records.push({
        id: `epoch-${slug(r['Model']!)}-${scope}`,
        entity: epochModelId(r['Model']!),
        metric: 'training_cost',
        value_as_written: v,
        unit: 'USD',
        period: null,
        scope,
        kind: 'reported',
        price_year: '2023',
        publisher: 'Epoch AI',
        title: 'The rising costs of training frontier AI models (Cottier et al. 2024, arXiv 2405.21015), training-cost-trends model_costs.csv',
        url: 'https://github.com/epoch-research/training-cost-trends',
        published: '2024',
        definition:
          scope === 'cloud_rental'
            ? 'cost of renting the training hardware from a cloud provider'
            : scope === 'hardware_acquisition'
              ? 'cost of buying the training hardware outright'
              : 'amortised hardware capital expense plus energy over the training run (Epoch\'s main method)',
        note: 'price year 2023 USD as in the paper (inflation-adjusted with a producer price index); the table gives no training date, so no period; CC BY 4.0',
      });
      out.push(lines[i]!);
    }
  });
  return { file: 'epoch-model-training-costs.csv', records, lines: out };
}

/** data/entities.yaml as seeds. */
export function bundledEntities(dataDir: string): EntitySeed[] {
  const data = parseYaml(readFileSync(join(dataDir, 'entities.yaml'), 'utf8')) as Record<string, unknown>[];
  return data.map((e) => ({
    id: String(e['id']),
    nameEn: String(e['name_en']),
    nameZh: (e['name_zh'] as string | undefined) ?? null,
    aliases: ((e['aliases'] as unknown[] | undefined) ?? []).map(String),
    kind: e['kind'] as EntityKind,
    parent: (e['parent'] as string | undefined) ?? null,
    notes: (e['notes'] as string | undefined) ?? null,
  }));
}

/** data/events.yaml as seeds. */
export function bundledEvents(dataDir: string): EventSeed[] {
  const data = parseYaml(readFileSync(join(dataDir, 'events.yaml'), 'utf8')) as Record<string, unknown>[];
  return data.map((e) => ({
    id: String(e['id']),
    entities: (e['entities'] as unknown[]).map(String),
    period: String(e['period']),
    textZh: String(e['text_zh']),
    textEn: String(e['text_en']),
    source: {
      publisher: String(e['publisher']),
      title: (e['title'] as string | undefined) ?? null,
      url: (e['url'] as string | undefined) ?? null,
      published: e['published'] == null ? null : String(e['published']),
    },
    notes: (e['note'] as string | undefined) ?? null,
  }));
}
