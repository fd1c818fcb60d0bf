import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { openStore } from '../ledger/index.js';
import type { Fact, Store } from '../ledger/index.js';
import { extractArticle, extractionJson, reviewIds, type ArticleExtraction, type ExtractedFigure } from './extract-article.js';
import { importFactsText } from './facts-file.js';

// The seed test of issue 13: `extract` on the seed article finds every figure of F1-F24 (FIGURES.md,
// the bundled facts F1..F24 of data/article-facts.yaml) with the right value, unit and qualifier, the right
// entity and metric for at least 20 of the 24, and its review file, once the rest is fixed or removed,
// imports as facts that match the bundled ones.
const FIXTURE = join(import.meta.dirname, '../../test/fixtures/extract/zh-seed-ai-monetization-2024-05/article.md');
const IDS = Array.from({ length: 24 }, (_, i) => `F${i + 1}`);

/**
 * The figures whose entity or metric extract gets wrong, and why. Any other
 * figure must come out right; if one of these starts coming out right, move it
 * out of this list.
 */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  F23: 'entity: "每年进项仅为2亿美元" comes after "ChatGPT Plus" in its sentence (nearest mention); the article means the ChatGPT app\'s mobile revenue',
};
/** Periods extract cannot know from the sentence: the date is in an earlier sentence (自今年3月中旬以来) or the figure annualises a month. */
const PERIOD_FIXES = ['F14', 'F15', 'F23'];

let store: Store;
let result: ArticleExtraction;
let bundled: Map<string, Fact>;
const byFact = new Map<string, ExtractedFigure>();

/** The extracted figure over the bundled fact's text as written. */
function figureOf(fact: Fact): ExtractedFigure | undefined {
  const x = result.extraction;
  const at = x.text.indexOf(fact.valueText);
  if (at < 0) return undefined;
  return x.figures.find((f) => f.start < at + fact.valueText.length && at < f.end);
}

beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: true });
  result = await extractArticle(store, readFileSync(FIXTURE, 'utf8'), { name: 'article.md', source: 'ByteAILab/头部科技' });
  bundled = new Map();
  for (const id of IDS) {
    const fact = await store.getFact(id);
    bundled.set(id, fact);
    const f = figureOf(fact);
    if (f) byFact.set(id, f);
  }
});
afterAll(async () => {
  await store.close();
});

describe('extract on the seed article: every figure of F1-F24', () => {
  it('reads the article\'s own title and date, in Chinese', () => {
    expect(result.extraction.lang).toBe('zh');
    expect(result.extraction.published).toBe('2024-05-20');
    expect(result.extraction.title).toBe('AI大战，不变现，就出局');
  });
  for (const id of IDS) {
    it(`${id}: found, with the value, unit and qualifier of the bundled fact`, () => {
      const fact = bundled.get(id)!;
      const f = byFact.get(id);
      expect(f, `${id} "${fact.valueText}" not found`).toBeDefined();
      expect(f!.figure.value).toBeCloseTo(fact.figure.value, 6);
      expect(f!.figure.low).toEqual(fact.figure.low);
      expect(f!.figure.high).toEqual(fact.figure.high);
      expect(f!.unit).toBe(fact.figure.unit);
      expect(f!.figure.qualifier).toBe(fact.figure.qualifier);
    });
  }
  for (const id of IDS) {
    it(`${id}: ${KNOWN_MISSES[id] ? `a known miss (${KNOWN_MISSES[id]})` : 'the entity and metric of the bundled fact'}`, () => {
      const fact = bundled.get(id)!;
      const f = byFact.get(id)!;
      const right = f.entity?.id === fact.entity && f.metric === fact.metric;
      expect(right).toBe(!KNOWN_MISSES[id]);
    });
  }
  it('the entity and metric are right for at least 20 of the 24', () => {
    const right = IDS.filter((id) => byFact.get(id)?.entity?.id === bundled.get(id)!.entity && byFact.get(id)?.metric === bundled.get(id)!.metric);
    expect(right.length).toBeGreaterThanOrEqual(20);
  });
  it('counts the numbers it saw and left out, with reasons (years, the date 3月, GPT 5)', () => {
    const x = result.extraction;
    expect(x.numbersSeen).toBe(x.figures.length + x.skipped.length);
    expect(x.skippedByReason['a year']).toBeGreaterThanOrEqual(8);
    expect(x.skipped.find((k) => k.text === '5')?.reason).toMatch(/name, model or version/);
    expect(x.skipped.find((k) => k.text === '3')?.reason).toBe('a date');
    expect(x.figures.some((f) => /^20\d\d$/.test(f.text))).toBe(false);
  });
  it('says where it took a currency the text does not write (F24 近千亿: USD from 2亿美元 in its sentence) and marks it unsure', () => {
    const f = byFact.get('F24')!;
    expect(f.defaultUnit).toBe('USD');
    expect(f.unsure.join(' ')).toMatch(/no currency written: USD taken from "仅为2亿美元"/);
    expect(f.confidence).toBeLessThan(byFact.get('F11')!.confidence);
  });
  it('marks cited figures with their source and computed ones as derived (F5 from F3 and F4, F22 inferred)', () => {
    expect(byFact.get('F17')!.via).toBe('Sensor Tower');
    expect(byFact.get('F3')!.via).toBe('CBInsights');
    expect(byFact.get('F7')!.via).toBe('IT桔子');
    expect(byFact.get('F11')!.via).toBeNull();
    const f5 = byFact.get('F5')!;
    expect(f5.kind).toBe('derived');
    const figures = result.extraction.figures;
    expect(f5.inputs.map((i) => figures[i]!.text)).toEqual(['约204亿美元', '36亿美元']);
    expect(byFact.get('F22')!.kind).toBe('derived');
    expect(byFact.get('F22')!.derivedWhy).toMatch(/推断/);
  });
  it('gives each figure its sentence and span', () => {
    const f = byFact.get('F16')!;
    expect(result.extraction.text.slice(f.start, f.end)).toBe('近18亿美元');
    expect(f.sentence.slice(f.sentenceOffset, f.sentenceOffset + f.text.length)).toBe(f.text);
    expect(extractionJson(result)['figureCount']).toBe(result.extraction.figures.length);
  });
});

describe('the review file of the seed article', () => {
  it('is refused as it stands: rows with entity or metric "unknown" name their line and field, and nothing is imported', async () => {
    const before = (await store.listFacts()).length;
    const error = await importFactsText(store, result.review, 'yaml', { file: 'review.yaml' }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/review\.yaml/);
    const issues = (error as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.some((i) => /review\.yaml line \d+/.test(i.path.join(' ')) && i.path.join(' ').includes('column entity') && i.message.includes('"unknown"'))).toBe(true);
    expect((await store.listFacts()).length).toBe(before);
  });

  it('imports once the rows beyond F1-F24 are removed and the misses fixed, and the facts match the bundled ones', async () => {
    const rows = parse(result.review) as Record<string, string>[];
    const ids = reviewIds(result.extraction);
    const rowOf = new Map<string, Record<string, string>>();
    for (const id of IDS) {
      const f = byFact.get(id)!;
      const row = rows[result.extraction.figures.indexOf(f)]!;
      expect(row['id']).toBe(ids[result.extraction.figures.indexOf(f)]);
      rowOf.set(id, row);
    }
    // The reviewer's work, scripted: fix the known misses, the periods the sentence does not give,
    // and the inputs of derived figures the sentence does not name; remove every other row.
    const fact = (id: string): Fact => bundled.get(id)!;
    for (const id of Object.keys(KNOWN_MISSES)) {
      rowOf.get(id)!['entity'] = fact(id).entity;
      rowOf.get(id)!['metric'] = fact(id).metric;
    }
    for (const id of PERIOD_FIXES) rowOf.get(id)!['period'] = fact(id).period!.text;
    for (const id of IDS) {
      const row = rowOf.get(id)!;
      if (row['kind'] === 'derived' && !row['derived_from']) {
        const inputs = fact(id).derivedFrom!.inputs.map((i) => rowOf.get(i)!['id']!);
        row['derived_from'] = inputs.join(';');
        row['formula'] = fact(id).derivedFrom!.inputs.reduce((text, i, k) => text.replaceAll(i, inputs[k]!), fact(id).derivedFrom!.formula);
      }
    }
    const reviewed = stringify(IDS.map((id) => rowOf.get(id)!));
    const out = await importFactsText(store, reviewed, 'yaml', { file: 'review.yaml' });
    expect(out.added.length).toBe(24);
    for (const id of IDS) {
      const got = await store.getFact(rowOf.get(id)!['id']!);
      const want = fact(id);
      expect(got.entity, id).toBe(want.entity);
      expect(got.metric, id).toBe(want.metric);
      expect(got.figure.value, id).toBeCloseTo(want.figure.value, 6);
      expect([got.figure.low, got.figure.high], id).toEqual([want.figure.low, want.figure.high]);
      expect(got.figure.unit, id).toBe(want.figure.unit);
      expect(got.figure.qualifier, id).toBe(want.figure.qualifier);
      expect(got.period?.text, id).toBe(want.period?.text);
      // the source on every one: the source the sentence cites, else the article
      expect(got.source.publisher, id).toBe(byFact.get(id)!.via ?? 'ByteAILab/头部科技');
      expect(got.source.published, id).toBe('2024-05-20');
    }
  });
});

// Trial T18 (a new user's article on a European AI company): made-up texts in the shape of a Chinese and an English
// news report, with a bracketed conversion, a day without its year, a team size and a revenue forecast.
describe('the review file of a news article imports as it stands (trial T18)', () => {
  const ZH = [
    '某AI公司完成新一轮融资',
    '',
    '法国人工智能初创公司Mistral AI于6月11日宣布完成6亿欧元（约合6.45亿美元）融资，估值达到58亿欧元（折合62亿美元）。Mistral AI成立于2023年，团队规模约60人。公司今年收入预计将超过5000万欧元。',
  ].join('\n');
  const EN = [
    'Mistral AI said on June 11 it raised €600M ($645M) in a round that values it at €5.8 billion. ' +
      'The company, which has a team of about 60, expects revenue of more than €50 million this year.',
  ].join('\n');
  let s: Store;
  beforeAll(async () => {
    s = await openStore({ path: ':memory:', loadBundled: false });
    await s.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', aliases: ['Mistral'], kind: 'company' });
  });
  afterAll(async () => {
    await s.close();
  });
  for (const [lang, text] of [['zh', ZH], ['en', EN]] as const) {
    it(`${lang}: one fact per figure, a forecast as an assumption, the day given its year, and every row accepted by facts import`, async () => {
      const r = await extractArticle(s, text, { source: lang === 'zh' ? '某新闻网' : 'Some Wire', published: '2024-06-12' });
      const rows = parse(r.review) as Record<string, string>[];
      expect(rows.map((row) => [row['metric'], row['kind'], row['period']])).toEqual([
        ['funding', 'reported', '2024-06-11'],
        ['valuation', 'reported', '2024-06-11'],
        ['headcount', 'reported', 'as of 2024-06'],
        ['revenue', 'assumption', '2024'],
      ]);
      expect(rows.map((row) => row['value_as_written'])).toEqual(
        lang === 'zh' ? ['6亿欧元', '58亿欧元', '约60人', '超过5000万欧元'] : ['€600M', '€5.8 billion', 'about 60', 'more than €50 million'],
      );
      expect(rows[0]!['note']).toMatch(/the article converts it: "(约合6\.45亿美元|\$645M)"/);
      expect(rows[0]!['note']).toMatch(/"(6月11日|June 11)" has no year: 2024 from the publication date 2024-06-12/);
      expect(rows[3]!['note']).toMatch(/^forecast: the article writes "(预计|expects)" before it, a projection by (某新闻网|Some Wire)/);
      expect(rows.some((row) => row['kind'] === 'derived')).toBe(false);
      const out = await importFactsText(s, r.review, 'yaml', { file: 'review.yaml', dryRun: true });
      expect(out.added).toHaveLength(rows.length);
    });
  }
});
