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
  it('OpenAI: valuation near $100B against a mobile run rate near $0.2B, and what is missing', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--samples', '2000', '--seed', '1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valuation +reported +\$9\d(\.\d)?B/);
    expect(r.out).toMatch(/mobile store revenue run rate \(not total revenue\) +\$180M a year/);
    expect(r.out).toMatch(/revenue multiple on mobile store revenue only +\d{3}x/);
    expect(r.out).toContain('no cash figure: runway cannot be computed; record a cash fact');
    expect(r.out).toContain("it is not OpenAI's total revenue");
    expect(r.out).toMatch(/F24 +openai +valuation +近千亿/);
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
    expect(j.details.inputs.find((x: { name: string }) => x.name === 'cash').status).toBe('assumed');
    expect(j.details.inputs.find((x: { name: string }) => x.name === 'netBurn').factIds).toEqual(['F16']);
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
    const none = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--samples', '500', '--save']);
    expect(none.out).toContain('Saved to the ledger: nothing to save');
  });
  it('an unknown company is a usage error with a suggestion', async () => {
    const r = await cli(['--db', db, 'analyze', 'health', 'OpenAl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OpenAI/);
  });
});

describe('shakeout simulate survival', () => {
  it('prints S(t), the ranking, the drivers and the inputs; deterministic under a seed', async () => {
    const args = ['--db', db, 'simulate', 'survival', '--companies', 'OpenAI,Stability AI,Inflection', '--paths', '2000', '--seed', '7', '--climate', 'cold'];
    const r = await cli(args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/company +S\(6\) +S\(12\) +S\(24\) +S\(36\) +S\(60\) +P\(out<=24m\) +median month out +curve 0\.\.60/);
    expect(r.out).toMatch(/Ranking by P\(survive 24 months\)/);
    expect(r.out).toMatch(/1 +OpenAI/);
    expect(r.out).toMatch(/Stability AI +(cash|costs) [+-]0\.\d\d/);
    expect(r.out).toContain('climate cold');
    expect(r.out).toContain('[survival.inflection-ai.cash]');
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
    expect(j.details.companies[0].survival[36]).toBe(1); // $2B against at most $20M a month
    expect(j.details.companies[0].medianMonthOut).toBeNull();
    expect(j.details.companies[0].inputs[1].p50).toBeCloseTo(Math.sqrt(12e6 * 36e6) / 12, -3); // a year -> a month
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
    expect(missing.err).toContain('no survival assumptions for TCV');
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
});

describe('sparkline', () => {
  it('draws a curve in eight levels', () => {
    expect(sparkline([1, 0.8, 0.5, 0.2, 0])).toBe('█▇▄▂ ');
    expect(resample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
  });
});
