import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, chartOption, renderMarkdown, reportJson, roundNumbers } from '../report/index.js';
import type { Inline, Report, ReportInputs } from '../report/index.js';
import { importFactsFile } from './facts-file.js';
import { gatherReportInputs, runReport } from './report.js';
import { withLedger } from './open-ledger.js';

let dir: string;
let inputs: ReportInputs;
const SNAPSHOTS = join(process.cwd(), 'test/snapshots');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-report-'));
  inputs = await withLedger({ db: join(dir, 'golden.db') }, (store) => gatherReportInputs(store, { seed: 'shakeout', samples: 4000 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report (golden files, numbers rounded to 2 significant figures)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`Markdown, ${lang}`, async () => {
      const md = renderMarkdown(buildReport(inputs, lang), { chartDir: 'report-charts' });
      await expect(roundNumbers(md)).toMatchFileSnapshot(join(SNAPSHOTS, `report-${lang}.md`));
    });
    it(`JSON, ${lang}`, async () => {
      const json = reportJson(buildReport(inputs, lang));
      await expect(roundNumbers(json)).toMatchFileSnapshot(join(SNAPSHOTS, `report-${lang}.json`));
    });
  }

  it('names each track-record company\'s inputs at the date in its footnote, as backtest --inputs does, in both languages', () => {
    const lines = (lang: 'en' | 'zh') => buildReport(inputs, lang).footnotes.find((f) => /^(Baichuan AI|百川智能)[:：] ?(Model: P\(out\)|模型：出局概率)$/.test(f.label))!.lines;
    const en = lines('en');
    const zh = lines('zh');
    expect(en).toContain('Its inputs at 2024-05-20 (status, median, formula; see backtest --inputs):');
    expect(en).toContainEqual(expect.stringMatching(/^cash: derived, median \$[\d.]+M; max\(0, co-baichuan-ai-funding-2023-10-round - net burn x [\d.]+ months \(from 2023-10\)\) to 2024-05$/));
    expect(en).toContain('revenue: the model\'s default, median $0 a month; no revenue figure: 0 a month');
    expect(en).toContainEqual(expect.stringMatching(/^costs: derived, median \$[\d.]+M a month; co-baichuan-ai-headcount-as-of-2023-10 x cost per head .*, moved [\d.]+ months to 2024-05-20 at the cost growth$/));
    expect(zh).toContain('营收：模型默认值，中位数每月0美元；没有营收数据：每月 0');
    expect(zh).toContainEqual(expect.stringMatching(/^支出：推算，中位数每月[\d.]+万美元；co-baichuan-ai-headcount-as-of-2023-10 × 人均成本（每年 .*），按支出增速推移 [\d.]+ 个月至 2024-05-20$/));
    expect(zh).toContainEqual(expect.stringMatching(/^支出增速：模型默认值，中位数每月[\d.]+%；默认：（1 - 人员成本占比）× 前沿算力成本月增速；人员成本持平$/));
    // a negative median keeps its sign before the currency (Stability AI's cash spent below 0 at the date)
    const stability = buildReport(inputs, 'en').footnotes.find((f) => f.label === 'Stability AI: Model: P(out)')!.lines;
    expect(stability).toContainEqual(expect.stringMatching(/^cash: derived, median -\$[\d.]+M; /));
  });

  it('is the same on a second build from the same inputs', () => {
    expect(reportJson(buildReport(inputs, 'en'))).toBe(reportJson(buildReport(inputs, 'en')));
  });

  it('cites every footnote and gives every number a footnote that exists', () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = buildReport(inputs, lang);
      const ns = new Set(r.footnotes.map((f) => f.n));
      const json = JSON.stringify(r.sections);
      const cited = [...json.matchAll(/"fn":(\d+)/g)].map((m) => Number(m[1]));
      expect(cited.length).toBeGreaterThan(50);
      for (const n of cited) expect(ns.has(n)).toBe(true);
      expect(new Set(cited).size).toBe(r.footnotes.length);
      expect(r.footnotes.map((f) => f.n)).toEqual(r.footnotes.map((_, i) => i + 1));
      expect(r.charts.map((c) => c.kind).sort()).toEqual(['bar', 'bar', 'bar', 'histogram', 'line', 'survival']);
    }
  });

  it('reproduces the article: 750k subscribers, $180M a year, 5.67x, in both languages', () => {
    const en = renderMarkdown(buildReport(inputs, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(inputs, 'zh'), { chartDir: null });
    expect(en).toMatch(/makes 750k\[\^\d+\] paying subscribers/);
    expect(en).toMatch(/\$180M\[\^\d+\] a year/);
    expect(en).toMatch(/5\.67x \(90% CI /);
    expect(zh).toMatch(/订阅用户75万\[\^\d+\]/);
    expect(zh).toMatch(/5\.67倍（90%区间 /);
    expect(zh).toContain('123.89亿元');
  });
});

describe('the report in another currency', () => {
  it('a figure written as a bound converts its bound and keeps its word, never "≈" the median (en, zh; EUR, JPY)', async () => {
    const db = join(dir, 'bound.db');
    const csv = join(dir, 'sakana.csv');
    writeFileSync(csv, 'entity,metric,value_as_written,period,scope,publisher,published\nSakana AI,funding,over $479 million,2024-09,round,Nikkei,2024-09-04\n');
    const got = await withLedger({ db }, async (store) => {
      await store.addEntity({ id: 'sakana-ai', nameEn: 'Sakana AI', kind: 'company' });
      await importFactsFile(store, csv);
      return {
        eur: await gatherReportInputs(store, { seed: 's', samples: 2000, companies: ['Sakana AI'], currency: 'EUR', fxMonth: '2024-05' }),
        jpy: await gatherReportInputs(store, { seed: 's', samples: 2000, companies: ['Sakana AI'], currency: 'JPY', fxMonth: '2024-05' }),
      };
    });
    const en = renderMarkdown(buildReport(got.eur, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(got.eur, 'zh'), { chartDir: null });
    // 479e6 x 0.9251 EUR per USD (2024-05, data/fx-monthly-per-usd.csv) = €443M
    expect(en).toMatch(/over \$479M\[\^\d+\] \(over €443M at 0\.9251 EUR per USD, 2024-05; 90% CI €\d+M–€\d+M\[\^\d+\]\)/);
    expect(zh).toMatch(/超4\.79亿美元\[\^\d+\]（超4\.43亿欧元，按0\.9251欧元兑1美元（2024-05）；90%区间 [\d.]+亿欧元–[\d.]+亿欧元\[\^\d+\]）/);
    expect(en).not.toMatch(/over \$479M\[\^\d+\] ≈/);
    const ja = renderMarkdown(buildReport(got.jpy, 'en'), { chartDir: null });
    const perUsd = got.jpy.health[0]!.currency!.perUsd;
    const bound = ja.match(/over \$479M\[\^\d+\] \(over JP¥([\d.]+)B at ([\d.]+) JPY per USD, 2024-05; 90% CI/);
    expect(bound, ja.split('\n').filter((l) => l.includes('479')).join('\n')).not.toBeNull();
    expect(Number(bound![2])).toBe(Number(perUsd.toFixed(4)));
    expect(Number(bound![1])).toBeCloseTo((479e6 * perUsd) / 1e9, 0);
    // the chart's value axis names the yen its ticks are in, not US dollars (trial of session 11)
    const yen = (lang: 'en' | 'zh') => buildReport(got.jpy, lang).charts.find((c) => c.id === 'valuations')!;
    expect(yen('en')).toMatchObject({ yUnit: 'JPY', yLabel: 'Japanese yen (log scale)' });
    expect(yen('zh')).toMatchObject({ yUnit: 'JPY', yLabel: '日元（对数坐标）' });
    expect(chartOption(yen('en'), 'en')).toMatchObject({ yAxis: { name: 'Japanese yen (log scale)' } });
  });

  it('--currency EUR: health, subscribers and survival money in euros at one named rate; funding stays in dollars and says why', async () => {
    const eur = await withLedger({ db: join(dir, 'golden.db') }, (store) => gatherReportInputs(store, { seed: 'shakeout', samples: 500, currency: 'EUR', fxMonth: '2024-05' }));
    const usd = await withLedger({ db: join(dir, 'golden.db') }, (store) => gatherReportInputs(store, { seed: 'shakeout', samples: 500 }));
    expect(eur.currency).toBe('EUR');
    const val = (i: ReportInputs) => i.health.find((a) => a.details.company.id === 'openai')!.estimates.find((e) => e.id === 'input.valuation')!;
    expect(val(eur).unit).toBe('EUR');
    expect(val(eur).p50).toBeCloseTo(val(usd).p50 * 0.9251, 0); // EUR per USD, 2024-05 (data/fx-monthly-per-usd.csv)
    expect(eur.funding.details.view.currency).toBe('USD');
    const en = renderMarkdown(buildReport(eur, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(eur, 'zh'), { chartDir: null });
    // one note for the currency: the rate once, then which analyses take figures written in euros as written (health) and which convert their dollars
    const noteEn =
      'Money in euros (EUR) uses one rate, of the month asked for: USD-\\>EUR at 0.9251 EUR per USD (monthly average of 2024-05; U.S. Federal Reserve H.10 via FRED). ' +
      'Valuations and company health: figures written in euros are taken as written; figures in other currencies are converted to US dollars at the rate of their own period, then at that rate. ' +
      'The shakeout simulation and ChatGPT subscribers: computed in US dollars, then converted at that rate.';
    expect(en).toContain(noteEn);
    expect(en.match(/Money in euros/g)).toHaveLength(1);
    expect(en).toContain('Funding markets stay in US dollars');
    expect(en).toMatch(/\| OpenAI \| [^|]*€\d/);
    const noteZh =
      '金额以欧元（EUR）计，统一按指定月份的汇率换算，美元折欧元：0.9251欧元兑1美元（2024年5月月均汇率；美联储H.10汇率统计（圣路易斯联储经济数据库））。' +
      '估值与财务健康：以欧元写成的数字按原样采用；其他币种的数字先按其自身期间的汇率换算为美元，再按此汇率换算。' +
      '洗牌模拟和ChatGPT订阅用户：先按美元计算，再按此汇率换算。';
    expect(zh).toContain(noteZh);
    expect(zh.match(/金额以欧元/g)).toHaveLength(1);
    // the value axis is titled in the currency of its ticks; the funding charts stay in dollars and say so
    const chartsEn = buildReport(eur, 'en').charts;
    const chartsZh = buildReport(eur, 'zh').charts;
    const axis = (cs: typeof chartsEn, id: string) => cs.find((c) => c.id === id)!;
    expect(axis(chartsEn, 'valuations')).toMatchObject({ yUnit: 'EUR', yLabel: 'Euros (log scale)' });
    expect(axis(chartsZh, 'valuations')).toMatchObject({ yUnit: 'EUR', yLabel: '欧元（对数坐标）' });
    for (const c of chartsEn.filter((x) => x.yUnit === 'USD')) expect(c.yLabel).toContain('US dollars');
    expect(chartsEn.filter((x) => x.yUnit === 'USD').length).toBeGreaterThan(0);
    expect(latinInChinese(buildReport(eur, 'zh'), eur)).toEqual([]);
  });
});

describe('runReport', () => {
  it('writes the Markdown file and its charts beside it', async () => {
    const out = join(dir, 'out', 'report.md');
    const r = await withLedger({ db: join(dir, 'golden.db') }, (store) => runReport(store, { out, samples: 1000 }));
    expect(r.written[0]).toBe(out);
    expect(r.written.length).toBe(1 + r.report.charts.length);
    const md = readFileSync(out, 'utf8');
    for (const c of r.report.charts) {
      expect(md).toContain(`](report-charts/${c.id}.svg)`);
      expect(existsSync(join(dir, 'out', 'report-charts', `${c.id}.svg`))).toBe(true);
    }
  });

  it('escapes text from sources in Markdown and HTML: a source titled <script>alert(1)</script> shows as text', async () => {
    const db = join(dir, 'evil.db');
    await withLedger({ db }, async (store) => {
      await store.addEntity({ id: 'evil-ai', nameEn: 'Evil <img src=x onerror=alert(2)> AI', nameZh: null, aliases: ['evil'], kind: 'company', parent: null, notes: null } as never);
      await store.addFact({
        entity: 'evil-ai',
        metric: 'valuation',
        value: '$1.2B',
        period: 'as of 2024-05',
        source: { publisher: 'Pwn *Press* [x](javascript:alert(3))', title: '<script>alert(1)</script>', url: 'https://example.com/a?b="><b>x</b>', published: '2024-05-01' },
        notes: '</td><script>alert(5)</script>',
      });
    });
    const md = (await withLedger({ db }, (store) => runReport(store, { companies: ['evil', 'OpenAI'], samples: 500 }))).text;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('Evil \\<img src=x onerror=alert(2)\\> AI');
    expect(md).toContain('Pwn \\*Press\\* \\[x\\](javascript:alert(3))');
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    const html = (await withLedger({ db }, (store) => runReport(store, { companies: ['evil', 'OpenAI'], samples: 500, format: 'html' }))).text;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Evil &lt;img src=x onerror=alert(2)&gt; AI');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).not.toContain('"><b>');
  });
});

/**
 * The report's body as a reader sees it, without what is not prose: code
 * spans (model expressions, error messages, file paths, addresses) and the
 * footnotes (they quote formulas and sources' wording by design).
 */
function bodyTexts(r: Report): string[] {
  const out: string[] = [r.title, r.subtitle, r.labels.chart.replace(/\{\w+\}/g, ''), r.labels.chartNotWritten, r.labels.footnotes];
  const inl = (xs: readonly Inline[]) => {
    for (const x of xs) if (x.t === 'text' || x.t === 'strong' || x.t === 'num') out.push(x.text);
  };
  for (const s of r.sections) {
    out.push(s.title);
    for (const b of s.blocks) {
      if (b.t === 'p') inl(b.content);
      else if (b.t === 'list') b.items.forEach(inl);
      else if (b.t === 'table') {
        out.push(...b.head);
        b.rows.forEach((row) => row.forEach(inl));
      } else inl(b.caption);
    }
  }
  for (const c of r.charts) out.push(c.title, c.xLabel, c.yLabel, ...(c.y2Label ? [c.y2Label] : []), ...c.categories, ...c.series.map((s) => s.name), ...(c.markers ?? []).map((m) => m.label));
  return out;
}

/** Names of organisations and products the report's Chinese prose mentions as they are written. */
const PROPER_NAMES = ['Our World in Data', 'Quid', 'App Store', 'Google Play', 'Sensor Tower', 'Appfigures', 'Priori Data', 'CB Insights', 'Epoch AI', 'Azure', 'Kimi', 'Talkie', 'Levels.fyi', 'Glencoyne', 'Cottier', 'Carta', 'Battery Ventures', 'TechCrunch', 'Neeraj Agrawal', 'Mattermark', 'SaaStr'];

/**
 * What in a Chinese report's body is not Chinese: Latin words of prose (two
 * letters or more with a lower-case letter; acronyms such as AI or API and
 * one-letter variables such as S(t) are Chinese usage) and, anywhere,
 * internal identifiers: snake_case names, project files, command-line flags.
 * Text English by nature is taken out first: the ledger's names, publishers,
 * source titles, figures as written, fact ids, web addresses.
 */
function latinInChinese(r: Report, inputs: ReportInputs): string[] {
  const norm = (x: string) => x.replace(/\s*[（(]\s*/g, '(').replace(/\s*[）)]/g, ')');
  const natural = new Set<string>(PROPER_NAMES);
  for (const f of inputs.facts) {
    for (const x of [f.id, f.valueText, f.valueTextEn, f.source.publisher, f.source.title, f.source.url]) if (x) natural.add(norm(x));
    // a publisher named without its channel: 'The New York Times' for 'The New York Times (via vuink.com)'
    natural.add(f.source.publisher.replace(/\s*\((?:via|citing)[^)]*\)|\s*\(mirror\)/g, '').trim());
    // and the channel it came through, which a Chinese reader sees as '经The Business Times转载' / '援引Forbes'
    for (const m of f.source.publisher.matchAll(/\((?:via|citing) ([^)]*)\)/g)) natural.add(m[1]!.trim());
  }
  for (const e of inputs.entities) for (const x of [e.nameEn, ...e.aliases]) natural.add(x);
  const names = [...natural].filter((x) => x.length > 1).sort((a, b) => b.length - a.length);
  const bad: string[] = [];
  for (const raw of bodyTexts(r)) {
    // names first (a publisher may hold a web address: 'The New York Times (via vuink.com)'), then web addresses
    let s = norm(raw);
    for (const n of names) if (s.includes(n)) s = s.split(n).join(' ');
    s = s.replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|ai|net)\b(?:\/\S*)?/g, ' ');
    const internal = /\b[a-z]+_[a-z_]+\b|[\w/-]+\.(?:md|ya?ml|ts|json)\b|(?:^|\s)--[a-z]/.exec(s);
    if (internal) bad.push(`internal name "${internal[0].trim()}" in: ${raw}`);
    for (const m of s.matchAll(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g)) if (/[a-z]/.test(m[0])) bad.push(`"${m[0]}" in: ${raw}`);
  }
  return bad;
}

describe('the Chinese report', () => {
  it('has no English prose and no internal names in its body, and uses mainland words', () => {
    const r = buildReport(inputs, 'zh');
    expect(latinInChinese(r, inputs)).toEqual([]);
    const body = bodyTexts(r).join('\n');
    expect(body).toContain('初创企业');
    expect(body).not.toMatch(/新創|新创/);
  });

  it('is caught by the scan when English prose or an internal name slips in', () => {
    const r = buildReport(inputs, 'zh');
    const tampered = (text: string): Report => ({ ...r, sections: [{ id: 'x', title: '测试', blocks: [{ t: 'p', content: [{ t: 'text', text }] }] }] });
    expect(latinInChinese(tampered('收入 left out：'), inputs)).toEqual(['"left" in: 收入 left out：', '"out" in: 收入 left out：']);
    expect(latinInChinese(tampered('比例s_app_store'), inputs).length).toBeGreaterThan(0);
    expect(latinInChinese(tampered('见REFERENCES.md'), inputs).length).toBeGreaterThan(0);
    expect(latinInChinese(tampered('分析时加 --basis 可同时看'), inputs).length).toBeGreaterThan(0);
    expect(latinInChinese(tampered('OpenAI的API收入，见openai.com，Sensor Tower数据'), inputs)).toEqual([]);
  });
});

describe('a report about the user\'s companies (Mistral AI and Perplexity, from press figures in euros and dollars)', () => {
  let db: string;
  let userInputs: ReportInputs;
  const ASSUMPTIONS = join(process.cwd(), 'test/fixtures/survival-assumptions-perplexity.yaml');
  beforeAll(async () => {
    db = join(dir, 'user.db');
    await withLedger({ db }, async (store) => {
      await store.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: ['Mistral'], kind: 'company', parent: null, notes: null } as never);
      await store.addEntity({ id: 'perplexity', nameEn: 'Perplexity', nameZh: null, aliases: ['Perplexity AI'], kind: 'company', parent: null, notes: null } as never);
      await importFactsFile(store, join(process.cwd(), 'test/fixtures/new-companies.csv'));
    });
    userInputs = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Mistral AI', 'Perplexity AI'], assumptions: ASSUMPTIONS, samples: 1000 }));
  });

  it('takes its title, introduction and summary from their figures, never the article\'s prose', () => {
    const en = renderMarkdown(buildReport(userInputs, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(userInputs, 'zh'), { chartDir: null });
    expect(en.split('\n')[0]).toBe('# Mistral AI and Perplexity: will they make money before their money runs out?');
    expect(zh.split('\n')[0]).toBe('# Mistral AI和Perplexity：钱烧完之前，能赚到钱吗？');
    expect(en).toMatch(/This report is about Mistral AI and Perplexity\. It takes every figure the Shakeout ledger holds on them, 8 facts from 5 sources published from 2023-12-11 to 2024-06-11/);
    expect(en).toMatch(/- \*\*Perplexity\*\*: .*valued at \$520M\[\^\d+\]; annual revenue \$20M\[\^\d+\]/);
    expect(en).toMatch(/- \*\*Mistral AI\*\*: /);
    expect(zh).toMatch(/- \*\*Perplexity\*\*：.*估值5\.2亿美元\[\^\d+\]；年化收入2000万美元/);
    for (const md of [en, zh]) {
      expect(md).not.toMatch(/four little dragons|四小龙|AI大战|ByteAILab|OpenAI|ChatGPT|CB Insights|IT桔子/);
      expect(md).not.toMatch(/## (The funding market|资本市场|ChatGPT)/);
    }
  });

  it('simulates the companies the assumptions file covers and says why the others are left out, in each language', () => {
    const en = renderMarkdown(buildReport(userInputs, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(userInputs, 'zh'), { chartDir: null });
    expect(userInputs.survival?.details.companies.map((c) => c.id)).toEqual(['perplexity']);
    expect(en).toContain('## The shakeout');
    expect(en).toMatch(/\| 1 \| Perplexity \|/);
    // what it lacks, in words (trial T14): the file does not name it, so its own latest facts are read
    expect(en).toContain('- Mistral AI: its facts so far do not give its cash, revenue, revenue growth, costs, and cost growth, which the simulation needs');
    expect(zh).toContain('- Mistral AI：目前的事实没有给出模拟所需的现金、收入、收入增速、支出和支出增速');
    // where the simulated company's inputs start, in plain view
    expect(en).toContain(`- **Perplexity**: Inputs as of 2024-06, the start of the simulation (set by the assumptions file \`${ASSUMPTIONS}\`); no later fact left aside.`);
    expect(en).toMatch(/- \*\*Perplexity\*\*: .*\d+%\[\^\d+\] of simulated paths still solvent after 24 months/);
  });

  it('simulates the others when the simulation refuses one company\'s inputs, and says why', async () => {
    const file = join(dir, 'bad-mistral.yaml');
    const bad = '  - company: Mistral AI\n    cash: { value: $500M a month, rationale: a rate where an amount belongs }\n' + ['revenue', 'costs'].map((k) => `    ${k}: { value: 1M to 2M, rationale: r }\n`).join('') + ['revenue_growth', 'cost_growth'].map((k) => `    ${k}: { value: normal(0.01, 0.01), rationale: r }\n`).join('');
    writeFileSync(file, readFileSync(ASSUMPTIONS, 'utf8') + bad);
    const some = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Mistral AI', 'Perplexity'], assumptions: file, samples: 200 }));
    expect(some.survival?.details.companies.map((c) => c.id)).toEqual(['perplexity']);
    expect(some.leftOut?.filter((x) => x.analysis === 'survival')).toEqual([{ company: 'mistral-ai', analysis: 'survival', reason: 'failed', detail: expect.stringMatching(/cash is an amount on hand/) }]);
    expect(renderMarkdown(buildReport(some, 'zh'), { chartDir: null })).toMatch(/- Mistral AI：模拟无法使用它的输入，报错为`[^`]*cash is an amount on hand/);
  });

  it('reads the latest facts of a company the shipped assumptions do not name: Mistral AI\'s June 2024 round, not "raised $415M" (trial T7)', async () => {
    const shipped = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Mistral AI', 'Perplexity'], samples: 200 }));
    const m = shipped.health.find((a) => a.details.company.id === 'mistral-ai')!;
    expect(m.details.start).toMatchObject({ basis: 'latest', date: '2024-06', leftAside: [] });
    const funding = m.details.inputs.find((r) => r.name === 'funding')!;
    expect(funding.factIds).toHaveLength(2); // €385M of 2023-12 and €600M of 2024-06
    const valuation = m.facts.filter((f) => m.details.inputs.find((r) => r.name === 'valuation')!.factIds.includes(f.id));
    expect(valuation.map((f) => f.valueText)).toEqual(['€5.8 billion']);
    const en = renderMarkdown(buildReport(shipped, 'en'), { chartDir: null });
    // nothing was left aside, so the introduction may say it takes every figure
    expect(en).toContain('It takes every figure the Shakeout ledger holds on them');
    expect(en).not.toContain('Figures left aside');
  });

  it('keeps the shakeout section when no company can be simulated, saying why', async () => {
    const none = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Mistral AI', 'Perplexity'], samples: 200 }));
    expect(none.survival).toBeNull();
    const en = renderMarkdown(buildReport(none, 'en'), { chartDir: null });
    expect(en).toContain('**None of the 2 companies of this report could be simulated here:**');
    expect(en).toMatch(/- Perplexity: its facts so far do not give its [a-z, ]+, which the simulation needs/);
    expect(none.leftOut?.find((x) => x.company === 'perplexity')).toMatchObject({ reason: 'lacking', start: null });
    // the difference from the backtest, which forecasts such a company from its fallbacks
    expect(en).toContain('The backtest’s forecast model (`shakeout backtest`, `docs/backtest.md`) is another model: it fills what the facts lack with fallbacks');
    expect(renderMarkdown(buildReport(none, 'zh'), { chartDir: null })).toContain('本报告中的2家公司都无法在此参与模拟：');
  });

  it('says "the one company", not "none of the companies", when the report is about one company it cannot simulate', async () => {
    const one = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Perplexity'], samples: 200 }));
    expect(one.survival).toBeNull();
    const en = renderMarkdown(buildReport(one, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(one, 'zh'), { chartDir: null });
    expect(en).toContain('**The one company of this report could not be simulated here:**');
    expect(en).not.toContain('None of the');
    expect(zh).toContain('**本报告中的这家公司无法在此参与模拟：**');
    expect(zh).not.toContain('公司都无法');
    expect(zh).toContain('回测的预测模型（`shakeout backtest`，见`docs/backtest.md`）是另一个模型');
    expect(latinInChinese(buildReport(one, 'zh'), one)).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`matches its golden file, ${lang} (numbers rounded to 2 significant figures)`, async () => {
      const md = renderMarkdown(buildReport(userInputs, lang), { chartDir: 'report-charts' });
      await expect(roundNumbers(md.replaceAll(ASSUMPTIONS, 'test/fixtures/survival-assumptions-perplexity.yaml'))).toMatchFileSnapshot(join(SNAPSHOTS, `report-companies-${lang}.md`));
    });
  }

  it('has no English prose and no internal names in the body of its Chinese version', () => {
    expect(latinInChinese(buildReport(userInputs, 'zh'), userInputs)).toEqual([]);
  });

  it('speaks of one company as one', async () => {
    const one = await withLedger({ db }, (store) => gatherReportInputs(store, { companies: ['Perplexity'], samples: 200 }));
    expect(buildReport(one, 'en').title).toBe('Perplexity: will it make money before its money runs out?');
  });

  it('counts one fact, one source and one day as one (trial of session 11)', async () => {
    const soloDb = join(dir, 'solo.db');
    const csv = join(dir, 'solo.csv');
    writeFileSync(csv, 'entity,metric,value_as_written,period,scope,publisher,published\nSolo AI,funding,$20 million,2024-03,round,Example News,2024-04-02\n');
    const solo = await withLedger({ db: soloDb }, async (store) => {
      await store.addEntity({ id: 'solo-ai', nameEn: 'Solo AI', kind: 'company' });
      await importFactsFile(store, csv);
      return gatherReportInputs(store, { seed: 's', samples: 200, companies: ['Solo AI'] });
    });
    const en = renderMarkdown(buildReport(solo, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(solo, 'zh'), { chartDir: null });
    expect(en).toContain('What the Shakeout ledger holds on Solo AI, 1 sourced figure, run through its analyses.');
    expect(en).toContain('It takes every figure the Shakeout ledger holds on it, 1 fact from 1 source published on 2024-04-02, and runs');
    expect(en).toContain('on this company’s figures');
    expect(en).not.toMatch(/\b1 (sourced figures|facts|sources)\b|holds on them|these companies’|from 2024-04-02 to 2024-04-02/);
    expect(zh).toContain('报告取出证据账本中关于它的全部数字（1条事实，来自1个来源，发布于2024年4月2日）');
    expect(zh).toContain('在这家公司的数字中');
  });

  it('is the article\'s report again when the companies asked for are the article\'s', async () => {
    const same = await withLedger({ db: join(dir, 'golden.db') }, (store) => gatherReportInputs(store, { companies: ['Moonshot AI', 'MiniMax', 'Zhipu AI', 'Baichuan AI', 'OpenAI', 'Anthropic', 'Inflection AI'], samples: 200 }));
    expect(same.companies).toBeNull();
    expect(buildReport(same, 'en').title).toBe(buildReport(inputs, 'en').title);
  });
});
