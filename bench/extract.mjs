#!/usr/bin/env node
// npm run bench (or node bench/extract.mjs after npm run build): how well
// `shakeout extract` reads the articles under test/fixtures/extract/<name>/
// (article.md|txt|html, source.yaml, expected.yaml; see the README there).
// Per article it prints:
//   recall      expected figures found (an extracted span overlaps the expected phrase)
//   value       of those found, the share read right: value (or both ends), unit, currency, qualifier
//   entity      precision: right / proposed (a proposal is an entity other than unknown),
//               and how many found figures got a proposal at all
//   metric      the same for the metric (an expected "unknown" met by no proposal is right, not counted)
//   extra       figures extracted that are not expected (the expected skipped numbers among them)
// Options: --json FILE (also write the measurements), --only NAME, --list (print every row),
//   --fixtures DIR (read the articles from DIR/<name>/ instead of test/fixtures/extract/: texts that
//   may not be committed, kept elsewhere in the same shape).
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!existsSync(join(root, 'dist', 'extract', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}
const { openLedger } = await import(join(root, 'dist', 'app', 'index.js'));
const { extractFigures, articleFormatOf } = await import(join(root, 'dist', 'extract', 'index.js'));

if (args.includes('--fixtures') && (!opt('--fixtures') || opt('--fixtures').startsWith('--'))) {
  console.error('--fixtures needs a folder: node bench/extract.mjs --fixtures DIR');
  process.exit(2);
}
const fixtures = opt('--fixtures') ? resolve(opt('--fixtures')) : join(root, 'test', 'fixtures', 'extract');
if (!existsSync(fixtures)) {
  console.error(`--fixtures ${fixtures}: no such folder (expected one folder per article with article.md|txt|html, source.yaml, expected.yaml)`);
  process.exit(2);
}
const names = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).filter((n) => !opt('--only') || n === opt('--only')).sort();

const store = await openLedger({ db: ':memory:' });
const entities = await store.listEntities();
const entityId = async (name) => {
  try {
    return (await store.resolveEntity(name)).id;
  } catch {
    return null;
  }
};
const close = (a, b) => (a === null || a === undefined ? b === null || b === undefined : b !== null && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const unitOf = (f) => (f.unit === 'count' || f.unit === 'percent' || f.unit === 'multiple' ? { unit: f.unit, currency: null } : { unit: 'money', currency: f.unit });

const results = [];
for (const name of names) {
  const dir = join(fixtures, name);
  const file = readdirSync(dir).find((f) => /^article\.(md|txt|html?)$/.test(f));
  if (!file || !existsSync(join(dir, 'expected.yaml'))) continue;
  const content = readFileSync(join(dir, file), 'utf8');
  const source = existsSync(join(dir, 'source.yaml')) ? parse(readFileSync(join(dir, 'source.yaml'), 'utf8')) ?? {} : {};
  const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8'));
  const published = /^\d{4}-\d{2}-\d{2}$/.test(String(source.published ?? '')) ? String(source.published) : /^\d{4}-\d{2}$/.test(String(source.published ?? '')) ? `${source.published}-15` : null;
  const x = extractFigures(content, { entities, format: articleFormatOf(file, content), lang: source.lang ?? 'auto', published });
  const used = new Set();
  const rows = [];
  for (const e of expected.figures ?? []) {
    // where the expected phrase is in the extractor's plain text
    let at = -1;
    for (let k = 0; k < (e.occurrence ?? 1); k++) at = x.text.indexOf(e.text, at + 1);
    const end = at + e.text.length;
    const f = at < 0 ? undefined : x.figures.find((g, i) => !used.has(i) && g.start < end && at < g.end);
    if (f) used.add(x.figures.indexOf(f));
    const row = { text: e.text, found: !!f, located: at >= 0 };
    if (f) {
      const u = unitOf(f);
      const lowHigh = e.low !== undefined ? close(e.low, f.figure.low) && close(e.high, f.figure.high) : close(e.value, f.figure.value);
      row.valueRight = lowHigh && u.unit === e.unit && (u.currency ?? null) === (e.currency ?? null) && f.figure.qualifier === e.qualifier;
      row.got = `${f.text} = ${f.figure.value} ${f.unit} ${f.figure.qualifier}`;
      const want = await entityId(e.entity);
      row.entityProposed = f.entity !== null;
      row.entityRight = f.entity !== null && want !== null && f.entity.id === want;
      row.entity = `${f.entity?.id ?? 'unknown'} (want ${want ?? e.entity})`;
      row.metricProposed = f.metric !== null;
      row.metricRight = e.metric === 'unknown' ? f.metric === null : f.metric === e.metric;
      row.metric = `${f.metric ?? 'unknown'} (want ${e.metric})`;
      row.expectedMetricUnknown = e.metric === 'unknown';
    }
    rows.push(row);
  }
  const extras = x.figures.filter((_, i) => !used.has(i));
  const skippedTexts = (expected.skipped ?? []).map((s) => String(s.text ?? s));
  const extraSkipped = extras.filter((g) => skippedTexts.some((t) => g.text.includes(t) || t.includes(g.text)));
  const found = rows.filter((r) => r.found);
  const eProp = found.filter((r) => r.entityProposed);
  const mProp = found.filter((r) => r.metricProposed);
  const mScored = found.filter((r) => r.metricProposed || !r.expectedMetricUnknown);
  results.push({
    name, lang: x.lang, expected: rows.length, found: found.length,
    recall: found.length / (rows.length || 1),
    valueRight: found.filter((r) => r.valueRight).length,
    entityProposed: eProp.length, entityRight: eProp.filter((r) => r.entityRight).length,
    entityPrecision: eProp.length ? eProp.filter((r) => r.entityRight).length / eProp.length : null,
    metricProposed: mProp.length, metricRight: mProp.filter((r) => r.metricRight).length,
    metricPrecision: mProp.length ? mProp.filter((r) => r.metricRight).length / mProp.length : null,
    metricAccuracy: mScored.length ? found.filter((r) => r.metricRight).length / found.length : null,
    extras: extras.length, extraSkipped: extraSkipped.map((g) => g.text),
    numbersSeen: x.numbersSeen, skipped: x.skipped.length,
    rows, extraTexts: extras.map((g) => g.text),
  });
}
await store.close();

const pct = (x) => (x === null ? '   -' : `${(x * 100).toFixed(0).padStart(3)}%`);
console.log(`extract: recall of figures, precision of entity and metric (${opt('--fixtures') ? fixtures : 'test/fixtures/extract'})`);
console.log('article                          lang  recall          value    entity precision   metric precision   extra');
for (const r of results) {
  console.log(
    `${r.name.padEnd(32)} ${r.lang.padEnd(4)}  ${pct(r.recall)} ${`${r.found}/${r.expected}`.padEnd(8)}  ${`${r.valueRight}/${r.found}`.padEnd(7)}  ` +
      `${pct(r.entityPrecision)} ${`${r.entityRight}/${r.entityProposed}`.padEnd(11)}  ${pct(r.metricPrecision)} ${`${r.metricRight}/${r.metricProposed}`.padEnd(11)}  ${r.extras}` +
      (r.extraSkipped.length ? ` (${r.extraSkipped.length} expected skipped: ${r.extraSkipped.join(', ')})` : ''),
  );
  if (args.includes('--list')) {
    for (const row of r.rows) {
      console.log(`   ${row.found ? (row.valueRight ? 'ok ' : 'VAL') : 'MISS'} ${row.text}${row.found ? `  ->  ${row.got} | entity ${row.entityRight ? 'ok' : row.entity} | metric ${row.metricRight ? 'ok' : row.metric}` : row.located ? '' : ' (not in the text)'}`);
    }
    if (r.extraTexts.length) console.log(`   extra: ${r.extraTexts.join(' · ')}`);
  }
}
const sum = (k) => results.reduce((a, r) => a + r[k], 0);
console.log(
  `all: recall ${pct(sum('found') / (sum('expected') || 1))} (${sum('found')}/${sum('expected')}), value ${sum('valueRight')}/${sum('found')}, ` +
    `entity precision ${pct(sum('entityRight') / (sum('entityProposed') || 1))} (${sum('entityRight')}/${sum('entityProposed')}), ` +
    `metric precision ${pct(sum('metricRight') / (sum('metricProposed') || 1))} (${sum('metricRight')}/${sum('metricProposed')})`,
);
if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(results, null, 2));
