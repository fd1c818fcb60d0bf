import type { Command } from 'commander';
import {
  alsoWrittenAs, ShakeoutError, withLedger, importFactsFile, exportFactsText, formatValue, periodWithin, listConflicts, listEntities, storeAsOf,
  type Entity, type Fact, type Conflict, type FactFilter, type FactInput, type LedgerFormat, TEXT_ENCODINGS, type TextEncoding,
} from '../../app/index.js';
import { type Output, toJson } from '../output.js';
import { renderTable } from '../table.js';
import { asOfOutput } from '../render-analysis.js';

import { ledgerOptions } from '../globals.js';

/** The value of a fact for a reader: '$2.3B (over)'. */
export function factValue(f: Fact): string {
  const { value, low, high, unit, per, qualifier } = f.figure;
  // A range (or "several") is its bounds: its midpoint is no reading of the text.
  if ((qualifier === 'range' || qualifier === 'several') && low !== null && high !== null) {
    return `${formatValue(low, unit, 'en')} to ${formatValue(high, unit, 'en', per)} (${qualifier})`;
  }
  const v = formatValue(value, unit, 'en', per);
  return qualifier === 'exact' ? v : `${v} (${qualifier})`;
}

function source(f: Fact): string {
  return [f.source.publisher, f.source.published].filter(Boolean).join(', ');
}

function factsTable(facts: readonly Fact[], asked?: string): string {
  // With --period, a fact whose period only overlaps the one asked for (a
  // year's total listed for a quarter) is marked, so it is not read as the quarter's.
  const period = (f: Fact) => (f.period?.text ?? '-') + (asked && !periodWithin(asked, f.period) ? ' (overlaps)' : '');
  return renderTable(facts, [
    { header: 'id', get: (f) => f.id },
    { header: 'entity', get: (f) => f.entity, max: 24 },
    { header: 'metric', get: (f) => f.metric },
    { header: 'period', get: period },
    { header: 'as written', get: (f) => f.valueText, max: 22 },
    { header: 'value', get: factValue, align: 'right', max: 26 },
    { header: 'kind', get: (f) => f.kind },
    { header: 'source', get: source, max: 30 },
  ]);
}

function factDetail(f: Fact): string {
  const rows: [string, string][] = [
    ['id', f.id], ['entity', f.entity], ['metric', f.metric], ['as written', f.valueText + (f.valueTextEn ? `  (${f.valueTextEn})` : '')],
    ...alsoWrittenAs(f).map((a): [string, string] => ['also written as', `${a} (the source's own rendering, not used: the value is the first figure)`]),
    ['value', factValue(f)], ['unit', f.figure.unit + (f.figure.per ? ` per ${f.figure.per}` : '')],
    ['qualifier', f.figure.qualifier],
    ['p5 / p50 / p95', [f.figure.p5, f.figure.p50, f.figure.p95].map((x) => formatValue(x, f.figure.unit, 'en')).join(' / ')],
    ['period', f.period ? `${f.period.text} (${f.period.start} to ${f.period.end})` : '-'],
    ['scope', f.scope ?? '-'], ['basis', f.basis], ['kind', f.kind],
    ['price basis', f.priceYear === null ? 'nominal' : `constant ${f.priceYear} dollars`],
    ['source', [f.source.publisher, f.source.title, f.source.published, f.source.url].filter(Boolean).join(' · ')],
  ];
  if (f.definition) rows.push(['definition', f.definition]);
  if (f.derivedFrom) rows.push(['derived', `${f.derivedFrom.formula}  from ${f.derivedFrom.inputs.join(', ')}`]);
  if (f.notes) rows.push(['notes', f.notes]);
  if (f.supersedes) rows.push(['corrects', f.supersedes]);
  if (f.sameAs) rows.push(['same as', f.sameAs]);
  if (f.supersededBy) rows.push(['corrected by', f.supersededBy]);
  rows.push(['recorded', f.createdAt]);
  return renderTable(rows, [{ header: 'field', get: (r) => r[0] }, { header: 'value', get: (r) => r[1] }]);
}

function conflictText(c: Conflict): string {
  const iv = (x: Conflict['aInterval']) => `${formatValue(x.p5, 'USD', 'en')} to ${formatValue(x.p95, 'USD', 'en')} (median ${formatValue(x.p50, 'USD', 'en')})`;
  const side = (f: Fact, x: Conflict['aInterval']) =>
    `  ${f.id}  ${f.valueText}${f.priceYear !== null ? ` [constant ${f.priceYear} USD]` : ''}  — ${source(f)}\n      90% interval in nominal USD: ${iv(x)}` +
    (x.notes.length ? `\n      ${x.notes.join('; ')}` : '');
  return [
    // how far apart, as check and the dashboard say it: the larger median over the smaller
    `${c.entity} · ${c.metric} · ${c.period}: the sources disagree (${Math.max(c.ratio, 1 / c.ratio).toFixed(2)}x apart)`,
    side(c.a, c.aInterval),
    side(c.b, c.bInterval),
    '  how they differ:',
    ...c.differences.map((d) => `    - ${d}`),
    ...(c.sameAs
      ? [`  one figure (grouped as check and the analyses group it), listed once: ${c.sameAs.join(', ')}${c.overlapOnly?.length ? ` (${c.sameAs.filter((id) => !c.overlapOnly!.some((o) => o[0] === id)).join(', ')} linked by --same-as; ${c.overlapOnly.map(([x, y]) => `${x} not linked, grouped because its figure overlaps ${y}'s`).join('; ')})` : ' (linked by --same-as)'}`]
      : []),
  ].join('\n');
}

function collect(value: string, prev: string[] = []): string[] {
  return [...prev, value];
}

export function registerFacts(program: Command, io: Output): void {
  const facts = program.command('facts').description('the evidence ledger: every figure with its source');

  facts
    .command('list')
    .description('list current facts')
    .option('--entity <name>', 'entity, by any name or alias (月之暗面, Moonshot AI, kimi)')
    .option('--metric <metric>', 'metric (funding, valuation, revenue, ...)')
    .option('--period <period>', 'facts whose period overlaps this one (2023, 2024-Q1, 2024-05)')
    .option('--kind <kind>', 'reported, derived or assumption')
    .option('--products', "with --entity, include facts about the entity's products")
    .option('--all', 'include superseded facts')
    .option('--json', 'print JSON')
    .action(async (opts: { entity?: string; metric?: string; period?: string; kind?: string; products?: boolean; all?: boolean; json?: boolean }, cmd: Command) => {
      const filter: FactFilter = {
        entity: opts.entity, metric: opts.metric, period: opts.period, kind: opts.kind as FactFilter['kind'],
        includeProducts: opts.products, includeSuperseded: opts.all,
      };
      const { list, asOf } = await withLedger(ledgerOptions(cmd), async (s) => ({ list: await s.listFacts(filter), asOf: storeAsOf(s) }));
      io.out(asOfOutput(asOf, opts.json, 'facts', list, () => list.length ? factsTable(list, opts.period) + `\n${list.length} fact${list.length === 1 ? '' : 's'}` + (opts.period && list.some((f) => !periodWithin(opts.period!, f.period)) ? `; (overlaps): the fact's period is longer than ${opts.period} or only partly inside it` : '') : 'no facts match'));
    });

  facts
    .command('show')
    .description('one fact in full, with its source and derivation')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { f, asOf } = await withLedger(ledgerOptions(cmd), async (s) => ({ f: await s.getFact(id), asOf: storeAsOf(s) }));
      io.out(asOfOutput(asOf, opts.json, 'fact', f, () => factDetail(f)));
    });

  facts
    .command('history')
    .description('the corrections of a fact, oldest first')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { chain, asOf } = await withLedger(ledgerOptions(cmd), async (s) => ({ chain: await s.history(id), asOf: storeAsOf(s) }));
      io.out(asOfOutput(asOf, opts.json, 'history', chain, () => renderTable(chain, [
        { header: 'id', get: (f) => f.id },
        { header: 'as written', get: (f) => f.valueText },
        { header: 'value', get: factValue, align: 'right' },
        { header: 'source', get: source, max: 30 },
        { header: 'recorded', get: (f) => f.createdAt },
        { header: 'status', get: (f) => (f.supersededBy ? `corrected by ${f.supersededBy}` : 'current') },
      ])));
    });

  const addOptions = (c: Command) =>
    c
      .option('--entity <name>', 'entity, by any name or alias')
      .option('--metric <metric>', 'metric: funding, valuation, revenue, ...')
      .option('--value <text>', 'the figure as written: "超23亿美元", "nearly $1.8B"')
      .option('--period <period>', '2023, 2024-Q1, 2024-05, 2024-02/2024-11, "as of 2024-05"')
      .option('--source <publisher>', 'who published it')
      .option('--title <title>', 'title of the source')
      .option('--url <url>', 'address of the source')
      .option('--published <date>', 'date the source was published')
      .option('--scope <scope>', 'store, region or segment: app_store, region:China')
      .option('--basis <basis>', 'gross, net or unknown')
      .option('--kind <kind>', 'reported, derived or assumption')
      .option('--unit <unit>', 'unit when the text names none: USD, CNY, EUR')
      .option('--per <per>', 'period of a rate when the text names none: day, week, month, quarter, year')
      .option('--price-year <year>', 'money in constant dollars of this year')
      .option('--definition <text>', 'what exactly is counted')
      .option('--notes <text>', 'notes')
      .option('--derived-from <id>', 'for a derived fact: an input fact (repeat)', collect)
      .option('--formula <text>', 'for a derived fact: the formula over its inputs')
      .option('--id <id>', 'id to give the fact (default: generated)')
      .option('--same-as <id>', 'a fact of the same entity and metric that reports the same thing (one round, another outlet): the two are counted once')
      .option('--json', 'print JSON');

  type AddOpts = Record<string, string | string[] | boolean | undefined>;
  const toInput = (o: AddOpts, base: Partial<FactInput> = {}): Partial<FactInput> => {
    const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
    const input: Record<string, unknown> = { ...base };
    if (s('entity')) input.entity = s('entity');
    if (s('metric')) input.metric = s('metric');
    if (s('value')) input.value = s('value');
    if (s('period')) input.period = s('period');
    if (s('scope')) input.scope = s('scope');
    if (s('basis')) input.basis = s('basis');
    if (s('kind')) input.kind = s('kind');
    if (s('unit')) input.defaultUnit = s('unit')!.toUpperCase();
    if (s('per')) input.per = s('per');
    if (s('priceYear')) input.priceYear = Number(s('priceYear'));
    if (s('definition')) input.definition = s('definition');
    if (s('notes')) input.notes = s('notes');
    if (s('id')) input.id = s('id');
    if (s('sameAs')) input.sameAs = s('sameAs');
    if (s('source')) input.source = { publisher: s('source'), title: s('title') ?? null, url: s('url') ?? null, published: s('published') ?? null };
    // a correction may give the source's date or address alone: the fact's own source, with that field given anew
    else if (s('title') || s('url') || s('published')) input.source = { publisher: undefined, title: s('title'), url: s('url'), published: s('published') };
    if (Array.isArray(o.derivedFrom) || s('formula')) {
      input.derivedFrom = { inputs: (o.derivedFrom as string[] | undefined) ?? [], formula: s('formula') ?? '' };
      input.kind ??= 'derived';
    }
    return input as Partial<FactInput>;
  };

  addOptions(facts.command('add').description('record a new fact'))
    .action(async (opts: AddOpts, cmd: Command) => {
      const input = toInput(opts) as FactInput;
      const f = await withLedger(ledgerOptions(cmd, { writes: 'facts add' }), (s) => s.addFact(input));
      io.out(opts.json ? toJson(f) : `added ${f.id}\n` + factDetail(f));
    });

  addOptions(facts.command('correct').description('record a correction: a new fact that supersedes ID (nothing is overwritten)').argument('<id>'))
    .action(async (id: string, opts: AddOpts, cmd: Command) => {
      const f = await withLedger(ledgerOptions(cmd, { writes: 'facts correct' }), (s) => s.correctFact(id, toInput(opts)));
      io.out(opts.json ? toJson(f) : `added ${f.id}, which corrects ${id}\n` + factDetail(f));
    });

  facts
    .command('import')
    .description('import facts from a CSV, JSON or YAML file, all or nothing')
    .argument('<file>')
    .option('--format <format>', 'csv, json or yaml (default: from the extension)')
    .option('--encoding <encoding>', 'the file\'s encoding when it is not UTF-8: latin1 (Windows-1252) or utf16le')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { format?: LedgerFormat; encoding?: string; json?: boolean }, cmd: Command) => {
      const encoding = opts.encoding?.toLowerCase().replace(/[-_]/g, '');
      if (encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
        throw new ShakeoutError(`--encoding: expected ${TEXT_ENCODINGS.join(', ')}, got "${opts.encoding}"`, { status: 400, issues: [{ code: 'unknown_encoding', path: ['encoding'], message: `expected ${TEXT_ENCODINGS.join(', ')}` }] });
      }
      const r = await withLedger(ledgerOptions(cmd, { writes: 'facts import' }), (s) => importFactsFile(s, file, opts.format, encoding as TextEncoding | undefined));
      io.out(opts.json ? toJson(r) : `imported ${file}: ${r.added.length} added, ${r.unchanged.length} already present`);
    });

  facts
    .command('export')
    .description('export every fact, corrections included, as CSV, JSON or YAML')
    .option('--format <format>', 'csv, json or yaml', 'csv')
    .option('--current', 'only current facts (drops the history of corrections)')
    .action(async (opts: { format: LedgerFormat; current?: boolean }, cmd: Command) => {
      const text = await withLedger(ledgerOptions(cmd), (s) => exportFactsText(s, opts.format, { includeSuperseded: !opts.current }));
      io.out(text);
    });

  facts
    .command('conflicts')
    .description('figures for the same entity, metric and period that disagree beyond their uncertainty')
    .option('--entity <name>', 'only the conflicts of this entity, by any name or alias (月之暗面, Moonshot AI, kimi)')
    .option('--json', 'print JSON')
    .action(async (opts: { entity?: string; json?: boolean }, cmd: Command) => {
      const { conflicts: list, uncompared, omitted, asOf } = await withLedger(ledgerOptions(cmd), async (s) => ({
        ...(await listConflicts(s, { ...(opts.entity !== undefined ? { entity: opts.entity } : {}) })),
        asOf: storeAsOf(s),
      }));
      const more = omitted.map((o) => `${o.total - o.listed} more conflicts of ${o.entity} ${o.metric} not listed: ${o.total} found, the first ${o.listed} listed (the limit per entity and metric, docs/limits.md)`).join('\n');
      if (opts.json) {
        if (more) io.err(more);
        return io.out(asOfOutput(asOf, true, 'conflicts', list, () => ''));
      }
      const left = uncompared.length
        ? `\n\nnot compared (${uncompared.length}): a table lacks a rate they need\n` + uncompared.map((u) => `  ${u.fact.id} ${u.fact.entity} ${u.fact.metric} ${u.fact.period?.text ?? ''} "${u.fact.valueText}": ${u.reason}`).join('\n')
        : '';
      io.out(asOfOutput(asOf, false, 'conflicts', list, () => (list.length ? list.map(conflictText).join('\n\n') + `\n\n${list.length} conflict${list.length === 1 ? '' : 's'}` : 'no conflicts') + (more ? `\n${more}` : '') + left));
    });
}

export function registerEntities(program: Command, io: Output): void {
  const entities = program.command('entities').description('companies, products and aggregates the facts are about');
  entities
    .command('list')
    .option('--kind <kind>', 'only this kind: company, product, model or aggregate')
    .option('--with-facts', 'only the entities a fact is about, directly or through a product or model of theirs (not an investor named only)')
    .option('--json', 'print JSON')
    .action(async (opts: { kind?: string; withFacts?: boolean; json?: boolean }, cmd: Command) => {
      const list = await withLedger(ledgerOptions(cmd), (s) => listEntities(s, { ...(opts.kind !== undefined ? { kind: opts.kind } : {}), ...(opts.withFacts ? { withFacts: true } : {}) }, ['--kind']));
      if (opts.json) return io.out(toJson(list));
      io.out(renderTable(list, [
        { header: 'id', get: (e) => e.id, max: 28 },
        { header: 'name', get: (e) => e.nameEn, max: 34 },
        { header: '中文', get: (e) => e.nameZh ?? '' },
        { header: 'kind', get: (e) => e.kind },
        { header: 'part of', get: (e) => e.parent ?? '' },
        { header: 'aliases', get: (e) => e.aliases.join(', '), max: 40 },
      ]) + `\n${list.length} entities`);
    });
  entities
    .command('add')
    .description('add a company, product, model or aggregate so facts can be recorded about it')
    .requiredOption('--id <id>', 'lower-case id: mistral-ai')
    .requiredOption('--name <name>', 'English name: "Mistral AI"')
    .option('--name-zh <name>', 'Chinese name')
    .option('--alias <name>', 'another name it goes by (repeat)', collect)
    .option('--kind <kind>', 'company, product, model or aggregate', 'company')
    .option('--parent <entity>', 'the entity it belongs to (a product of a company)')
    .option('--notes <text>', 'notes')
    .option('--json', 'print JSON')
    .action(async (opts: { id: string; name: string; nameZh?: string; alias?: string[]; kind: string; parent?: string; notes?: string; json?: boolean }, cmd: Command) => {
      const e = await withLedger(ledgerOptions(cmd, { writes: 'entities add' }), (s) => s.addEntity({
        id: opts.id, nameEn: opts.name, nameZh: opts.nameZh ?? null, aliases: opts.alias ?? [],
        kind: opts.kind as Entity['kind'], parent: opts.parent ?? null, notes: opts.notes ?? null,
      }));
      io.out(opts.json ? toJson(e) : `added entity ${e.id} (${e.nameEn}${e.nameZh ? ' / ' + e.nameZh : ''})`);
    });
  entities
    .command('update')
    .description('tie an entity to its owner (a product or model to its company), add aliases, or set its kind')
    .argument('<entity>', 'the entity, by any name or alias')
    .option('--parent <entity>', 'the entity it belongs to ("none" unties it)')
    .option('--alias <name>', 'another name it goes by (repeat)', collect)
    .option('--kind <kind>', 'company, product, model or aggregate')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { parent?: string; alias?: string[]; kind?: string; json?: boolean }, cmd: Command) => {
      if (opts.parent === undefined && !opts.alias?.length && opts.kind === undefined) {
        throw new ShakeoutError('entities update: nothing to change; give --parent, --alias or --kind', { status: 400, issues: [{ code: 'nothing_to_change', path: [], message: 'give --parent, --alias or --kind' }] });
      }
      const e = await withLedger(ledgerOptions(cmd, { writes: 'entities update' }), (s) => s.updateEntity(name, {
        ...(opts.parent !== undefined ? { parent: opts.parent.toLowerCase() === 'none' ? null : opts.parent } : {}),
        ...(opts.alias?.length ? { aliases: opts.alias } : {}),
        ...(opts.kind !== undefined ? { kind: opts.kind as Entity['kind'] } : {}),
      }));
      io.out(opts.json ? toJson(e) : `updated entity ${e.id} (${e.nameEn}): kind ${e.kind}, part of ${e.parent ?? 'nothing'}, aliases ${e.aliases.length ? e.aliases.join(', ') : 'none'}`);
    });
}
