import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resample, sparkline } from './sparkline.js';
import { runCaptured } from './run-captured.js';

const cli = runCaptured;

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-health-'));
  db = join(dir, 'ledger.db');
});

describe('shakeout analyze health', () => {
  it('OpenAI: cash and costs derived from the bundled sourced facts, with their formulas and dates', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--samples', '2000', '--seed', '1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valuation +reported +\$157B/);
    expect(r.out).toMatch(/cash on hand +derived +\$5\.\d\dB/);
    expect(r.out).toMatch(/gross burn \(costs\) +derived +\$7\d\dM a month/);
    expect(r.out).toContain('input.cash = co-openai-funding-2024-10-round - net burn x 2 months (2024-10 to 2024-12)');
    expect(r.out).toMatch(/mobile store revenue run rate \(not total revenue\) +\$180M a year/);
    expect(r.out).toMatch(/revenue multiple +\d{2}(\.\d)?x/);
    expect(r.out).toContain('The revenue multiple divides a valuation of as of 2024-10 by revenue of as of 2024-06: inputs of different dates.');
  });
  it('--as-of leaves later facts aside: OpenAI as of the article (May 2024)', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--samples', '1000', '--seed', '1', '--as-of', '2024-05-20']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('As of 2024-05-20 (facts published by then; 54 undated facts left out)');
    expect(r.out).toMatch(/valuation +reported +\$9\d(\.\d)?B/);
    // the October 2024 round was not yet published: no cash to spend down
    expect(r.out).not.toContain('co-openai-funding-2024-10-round');
    expect(r.out).toContain('no cash figure: runway cannot be computed; record a cash fact');
    const bad = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--as-of', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of: expected a day written YYYY-MM-DD (2024-05-20), got "soon"');
    const month = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--as-of', '2024-05']);
    expect(month.code).toBe(2);
    expect(month.err).toContain('got "2024-05" is a month, not a day');
  });
  it('--json prints the Analysis without samples; --with-assumptions fills the gaps', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'Anthropic', '--samples', '1000', '--with-assumptions', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('health');
    expect(j.subject).toBe('anthropic');
    expect(j.estimates.every((e: { samples?: unknown }) => e.samples === undefined)).toBe(true);
    const ids = j.estimates.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['input.netBurn', 'runway', 'burn_multiple', 'default_alive.probability']));
    expect(j.details.inputs.find((x: { name: string }) => x.name === 'cash').status).toBe('derived');
    expect(j.details.inputs.find((x: { name: string }) => x.name === 'revenueGrowth').status).toBe('assumed');
    expect(j.details.inputs.find((x: { name: string }) => x.name === 'netBurn').factIds).toEqual(['F16']);
    expect(j.details.asOf).toBe('2024-05-31');
  });
  it('--save writes net burn from F16 as a derived fact, once', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'Anthropic', '--samples', '1000', '--save']);
    expect(r.code).toBe(0);
    const m = /input\.netBurn -> (\S+)/.exec(r.out);
    expect(m).not.toBeNull();
    const again = await cli(['--db', db, 'analyze', 'health', 'Anthropic', '--samples', '1000', '--save']);
    expect(again.out).toContain(`input.netBurn -> ${m![1]} (already there)`);
    const show = await cli(['--db', db, 'facts', 'show', m![1]!, '--json']);
    expect(show.code).toBe(0);
    const f = JSON.parse(show.out);
    expect(JSON.stringify(f)).toContain('F16');
    const none = await cli(['--db', db, 'analyze', 'health', 'Moonshot AI', '--samples', '500', '--save']);
    expect(none.out).toContain('Saved to the ledger: nothing to save');
  });
  it('never prints Infinity or ∞: infinite draws read "never" / "not burning" with their share', async () => {
    const own = join(dir, 'health-inf.db');
    const add = await cli(['--db', own, 'facts', 'add', '--entity', 'Anthropic', '--metric', 'revenue', '--value', '约8.5亿美元', '--period', '2024', '--source', 'Some Wire', '--published', '2024-12-01']);
    expect(add.code).toBe(0);
    const file = join(dir, 'flat.yaml');
    writeFileSync(file, [
      "as_of: '2024-05'",
      'companies:',
      '  - company: Anthropic',
      '    cash: {value: $5B, rationale: test}',
      '    revenue: {value: 15M to 60M, rationale: test}',
      "    revenue_growth: {value: 'normal(0.01, 0.02)', rationale: test}",
      '    costs: {value: 150M to 250M, rationale: test}',
      "    cost_growth: {value: '0', rationale: test}",
    ].join('\n'));
    const r = await cli(['--db', own, 'analyze', 'health', 'Anthropic', '--samples', '2000', '--assumptions', file]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Infinity|∞/);
    expect(r.out).toMatch(/months to profitability \(default alive, T\) +- +\S+ +\S+ +never/);
    expect(r.out).toMatch(/months to profitability \(default alive, T\): never in \d+(\.\d+)?% of draws \(mean not defined\)/);
    expect(r.out).toMatch(/gross burn \(costs\) +derived +\$1\d\dM a month/);
    expect(r.out).toContain('was not used: derived instead as net burn + revenue');
  });
  it('an unknown company is a usage error with a suggestion', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'OpenAl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OpenAI/);
  });
});

describe('shakeout simulate survival', () => {
  it('prints S(t), the ranking, the drivers and the inputs; deterministic under a seed', async () => {
    const args = ['--db', db, 'simulate', 'survival', '--companies', 'OpenAI,Stability AI,Baichuan AI,Inflection', '--paths', '2000', '--seed', '7', '--climate', 'cold'];
    const r = await cli(args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/company +S\(6\) +S\(12\) +S\(24\) +S\(36\) +S\(60\) +P\(out<=12m\) +P\(out<=24m\) +P\(out<=36m\) +median month out +curve 0\.\.60/);
    expect(r.out).toMatch(/Ranking by P\(survive 24 months\)/);
    expect(r.out).toMatch(/\d +OpenAI/);
    // where the inputs start, and Inflection AI out of the race (2024-03-19) before the file's 2024-05: not ranked
    expect(r.out).toMatch(/Start of the inputs:\n {2}OpenAI: Inputs as of 2024-05, the start of the simulation \(set by the shipped assumptions, data\/survival-assumptions\.yaml\): 4 later facts left aside: /);
    expect(r.out).toMatch(/Not ranked, out of the race \(by their start; one on its own latest facts, by any outcome recorded\):\n {2}Inflection AI: out since 2024-03-19 \(licence and staff to a larger company, /);
    expect(r.out).not.toMatch(/\d +Inflection AI/);
    // the reported cash of 2023-10, spent down to the file's as-of month by the reported net burn
    expect(r.out).toMatch(/Stability AI +cash +derived \(co-stability-ai-cash-as-of-2023-10 \+1\)/);
    expect(r.out).toContain('climate cold');
    expect(r.out).toContain('[survival.openai.cash]');
    expect(r.out).toContain('[survival.baichuan-ai.costPerHead]');
    const strip = (s: string) => s.replace(/simulated in \d+ ms/, '');
    expect(strip((await cli(args)).out)).toBe(strip(r.out));
  });
  it('--json, --funding-growth and --assumptions FILE', async () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, [
      "as_of: '2024-05'",
      'companies:',
      '  - company: 月之暗面',
      '    cash: {value: $2B, rationale: test}',
      '    revenue: {value: 12M to 36M a year, rationale: test}',
      "    revenue_growth: {value: '5%', rationale: test}",
      '    costs: {value: 10M to 20M, rationale: test}',
      "    cost_growth: {value: '0', rationale: test}",
    ].join('\n'));
    const r = await cli(['--db', db, 'simulate', 'survival', '--assumptions', file, '--paths', '500', '--horizon', '36', '--funding-growth', '0.7', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('survival');
    expect(j.details.climate.name).toBe('cold');
    expect(j.details.climateReason.en).toMatch(/down 30%/);
    expect(j.details.companies[0].id).toBe('moonshot-ai');
    // cash comes from Moonshot AI's $1B round of February 2024 (less net burn since), not the file's $2B
    expect(j.details.companies[0].inputs[0]).toMatchObject({ input: 'cash', status: 'derived' });
    expect(j.notes.some((n: { en: string }) => /Moonshot AI: cash is read from the ledger \(co-moonshot-ai-funding-2024-02-round - net burn x 3 months \(2024-02 to 2024-05\)\), not from the assumption "\$2B"/.test(n.en))).toBe(true);
    expect(j.details.companies[0].survival[36]).toBeGreaterThan(0.9); // about $1B against at most $20M a month
    expect(j.details.companies[0].medianMonthOut).toBeNull();
    // a year -> a month; the median of 500 draws, within 10% of the distribution's
    expect(j.details.companies[0].inputs[1].p50 / (Math.sqrt(12e6 * 36e6) / 12)).toBeCloseTo(1, 1);
  });
  it('S(t) columns once each, capped at the horizon, with P(out within 12/24/36 months) inside it', async () => {
    const header = async (h: number) => {
      const r = await cli(['--db', db, 'simulate', 'survival', '--companies', 'OpenAI', '--paths', '200', '--horizon', String(h)]);
      expect(r.code).toBe(0);
      return r.out.split('\n').find((l) => l.startsWith('company '))!.trim().split(/ {2,}/);
    };
    expect(await header(36)).toEqual(['company', 'S(6)', 'S(12)', 'S(24)', 'S(36)', 'P(out<=12m)', 'P(out<=24m)', 'P(out<=36m)', 'median month out', 'curve 0..36']);
    expect(await header(12)).toEqual(['company', 'S(6)', 'S(12)', 'P(out<=12m)', 'median month out', 'curve 0..12']);
    expect(await header(30)).toEqual(['company', 'S(6)', 'S(12)', 'S(24)', 'S(30)', 'P(out<=12m)', 'P(out<=24m)', 'median month out', 'curve 0..30']);
    expect(await header(3)).toEqual(['company', 'S(3)', 'median month out', 'curve 0..3']);
  });
  it('--climate auto derives the climate from the ledger and names the facts and the ratio', async () => {
    const r = await cli(['--db', db, 'simulate', 'survival', '--companies', 'OpenAI', '--paths', '200', '--horizon', '12', '--climate', 'auto']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/climate neutral: .*derived from the ledger \(--climate auto\): Global generative-AI startups funding 2024 \/ 2023 = owid-genai-world-2024 \(\$29\.3B\) \/ owid-genai-world-2023 \(\$25\.4B\).* \(x1\.15\): neutral/);
    expect(r.out).toMatch(/owid-genai-world-2024 +genai-startups-global +funding/); // under Facts used
    const china = await cli(['--db', db, 'simulate', 'survival', '--companies', 'OpenAI', '--paths', '200', '--horizon', '12', '--climate', 'auto', '--climate-market', 'china-ai-sector', '--json']);
    expect(JSON.parse(china.out).details.climateFactIds).toEqual(['owid-ai-china-2023', 'owid-ai-china-2024']);
  });
  it('cites the correction of a fact an assumption rests on, and says the figure changed', async () => {
    const own = join(dir, 'corrected.db');
    const fix = await cli(['--db', own, 'facts', 'correct', 'F11', '--value', '约25亿美元', '--source', 'Some Wire', '--published', '2024-12-01', '--id', 'F11-fix']);
    expect(fix.code).toBe(0);
    const file = join(dir, 'citing.yaml');
    writeFileSync(file, [
      "as_of: '2024-05'",
      'companies:',
      '  - company: Moonshot AI',
      '    revenue: {value: 0.2M to 3M, rationale: test}',
      "    revenue_growth: {value: '5%', rationale: test}",
      '    costs: {value: 25M to 70M, rationale: a company valued like F11 spends about this, facts: [F11]}',
      "    cost_growth: {value: '0', rationale: test}",
    ].join('\n'));
    const r = await cli(['--db', own, 'simulate', 'survival', '--assumptions', file, '--paths', '200', '--horizon', '12']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/F11-fix +moonshot-ai +valuation +约25亿美元/);
    expect(r.out).not.toMatch(/^F11 /m);
    expect(r.out).toContain('[F11 has since been corrected: F11-fix, 约25亿美元 (was over $2.3B); this value was set against the old figure]');
    expect(r.out).toMatch(/cites F11 \(over \$2\.3B\), since corrected by F11-fix \(约25亿美元\); the figure changed/);
  });
  it('says, under the inputs, that backtest forecasts from facts alone and may differ, when an input is a stated assumption; not when none is (trial of session 10)', async () => {
    const line = 'Inputs marked assumed are stated assumptions (data/survival-assumptions.yaml); `shakeout backtest` forecasts from facts alone, so its cash and costs for a company may differ (why: docs/backtest.md).';
    const assumed = await cli(['--db', db, 'simulate', 'survival', '--companies', 'OpenAI', '--paths', '200', '--horizon', '12']);
    expect(assumed.code).toBe(0);
    expect(assumed.out).toMatch(/OpenAI +cash +assumed/);
    // right under the inputs table
    expect(assumed.out).toMatch(new RegExp(`cost growth +assumed[^\\n]*\\n${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    const facts = await cli(['--db', db, 'simulate', 'survival', '--companies', 'MiniMax', '--paths', '200', '--horizon', '12']);
    expect(facts.code).toBe(0);
    expect(facts.out).not.toMatch(/ assumed /);
    expect(facts.out).not.toContain('backtest');
    // the JSON is the analysis, unchanged
    expect((await cli(['--db', db, 'simulate', 'survival', '--companies', 'OpenAI', '--paths', '200', '--horizon', '12', '--json'])).out).not.toContain('docs/backtest.md');
  });
  it('--ledger-companies also takes every other company the ledger has facts about, as the board does; in --json and the text (trial of session 10)', async () => {
    const help = (await cli(['simulate', 'survival', '--help'])).out;
    expect(help.replace(/\s+/g, ' ')).toMatch(/--ledger-companies with no --companies: also every other company the ledger has facts about/);
    // a company the assumptions file does not name, added with one round (the trial's Sakana AI)
    const own = join(dir, 'ledger-companies.db');
    expect((await cli(['--db', own, 'entities', 'add', '--id', 'sakana-ai', '--name', 'Sakana AI'])).code).toBe(0);
    expect((await cli(['--db', own, 'facts', 'add', '--entity', 'Sakana AI', '--metric', 'funding', '--scope', 'round', '--period', '2024-09', '--value', '$214M', '--source', 'Test Wire'])).code).toBe(0);
    const args = ['--db', own, 'simulate', 'survival', '--paths', '200', '--horizon', '12'];
    const file = JSON.parse((await cli([...args, '--json'])).out);
    expect(JSON.stringify(file.details)).not.toContain('sakana-ai');
    const r = await cli([...args, '--ledger-companies', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const all = JSON.parse(r.out);
    const seen = (j: { details: { companies: { id: string }[]; leftOut: { id: string }[]; out: { id: string }[] } }) =>
      [...j.details.companies, ...j.details.leftOut, ...j.details.out].map((c) => c.id);
    // the file's companies, then the ledger's others: simulated on their own facts or listed with what they lack
    expect(seen(all)).toEqual(expect.arrayContaining(seen(file)));
    expect(seen(all).filter((x) => !seen(file).includes(x))).toEqual(['sakana-ai']);
    // the same as the API's ledgerCompanies=true: one option of the registry
    const text = await cli([...args, '--ledger-companies']);
    expect(text.code).toBe(0);
    for (const id of seen(all).filter((x) => !seen(file).includes(x))) {
      const c = [...all.details.companies, ...all.details.leftOut, ...all.details.out].find((x: { id: string }) => x.id === id) as { name: string };
      expect(text.out).toContain(c.name);
    }
  });
  it('bad options and files are usage errors that say what was expected', async () => {
    expect((await cli(['--db', db, 'simulate', 'survival', '--climate', 'warm'])).code).toBe(2);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, "as_of: '2024-05'\ncompanies:\n  - company: OpenAI\n    cash: 5B\n");
    const r = await cli(['--db', db, 'simulate', 'survival', '--assumptions', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('companies[0].cash: expected {value, rationale}');
    const missing = await cli(['--db', db, 'simulate', 'survival', '--companies', 'TCV', '--paths', '100']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('TCV: the survival simulation needs cash (give a cash fact, or funding rounds and a burn, spend or net_loss fact');
  });
});

describe('shakeout analyze unit-economics', () => {
  it('answers how many subscribers at $19.99 pay for GPT-4 (defaults from the ledger)', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--samples', '2000']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/At \$19\.99 a month, about \d{3}k paying subscribers .* \$40\.7M training run \(GPT-4, amortised hardware capex \+ energy/);
    expect(r.out).toMatch(/750k paying subscribers .* pay it back in about \d\.\d months/);
    expect(r.out).toMatch(/GPT-4, cloud rental +\$78\.6M/);
    expect(r.out).toContain('[unit-economics.inferenceCost]');
  });
  it('takes figures with qualifiers and model expressions; --json', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--price', '19.99美元/月', '--store-share', '30%', '--inference-cost', 'about $5 a month', '--training-cost', '$100M', '--amortise-months', '24', '--samples', '1000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const be = j.estimates.find((e: { id: string }) => e.id === 'break_even_subscribers');
    expect(be.p50).toBeGreaterThan(430_000); // 100M / 24 / 8.99
    expect(be.p50).toBeLessThan(500_000);
    expect(j.details.amortiseMonths).toBe(24);
  });
  it('rejects an input that is neither a figure nor an expression', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--price', 'cheap']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/price: expected a figure .* got "cheap"/);
  });
  it('rejects a store share outside [0, 1) and a price that is not positive, naming the option (exit 2)', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--store-share', '130%']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: --store-share: expected a share of the price from 0 up to \(not including\) 100%.* got "130%"/);
    const p = await cli(['--db', db, 'analyze', 'unit-economics', '--price', '$0']);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/--price: expected an amount above 0, got "\$0"/);
    const c = await cli(['--db', db, 'analyze', 'unit-economics', '--inference-cost', '-$3']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/--inference-cost: expected an amount above 0/);
  });
  it('refuses a price with no currency rather than take it as US dollars (exit 2, trial T27)', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--price', '14.99/month']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--price: expected money with its currency, such as "\$14.99 a month", "€14.99\/month", "2 to 8 USD" or "2至8美元", got "14.99\/month", a number with no currency: it is not taken as US dollars/);
  });
  it('prints "never" and the share of draws that never pay back, never "Infinity"', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--inference-cost', '9 to 16 USD', '--samples', '2000']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Infinity');
    expect(r.out).toMatch(/would pay it back in about \d+\.\d months \(90%: \d+\.\d to never; in [\d.]+% of draws never\)/);
    expect(r.out).toMatch(/The subscribers never pay back the training run in [\d.]+% of draws/);
  });
  it('says in its formulas that an alternative training cost replaces the main one', async () => {
    const r = await cli(['--db', db, 'analyze', 'unit-economics', '--samples', '1000']);
    expect(r.out).toContain('break_even_subscribers.alt1 = training cost (GPT-4, cloud rental) / 12 / margin per paying user');
    expect(r.out).not.toMatch(/fixed costs a month \+ GPT-4/);
    const j = JSON.parse((await cli(['--db', db, 'analyze', 'unit-economics', '--samples', '1000', '--json'])).out);
    const alt = j.estimates.find((e: { id: string }) => e.id === 'break_even_subscribers.alt1');
    const margin = j.estimates.find((e: { id: string }) => e.id === 'margin_per_user');
    // 563k = $78.6M / 12 / $11.6: the cloud cost alone, not added to the main one
    expect(alt.p50).toBeGreaterThan((78.56e6 / 12 / margin.p50) * 0.97);
    expect(alt.p50).toBeLessThan((78.56e6 / 12 / margin.p50) * 1.03);
  });
});

describe('sparkline', () => {
  it('draws a curve in eight levels', () => {
    expect(sparkline([1, 0.8, 0.5, 0.2, 0])).toBe('█▇▄▂ ');
    expect(resample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
  });
});
