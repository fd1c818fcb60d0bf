import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';
import { onEachBackend } from './on-each-backend.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

interface SurvivalBody {
  analysis: { kind: string; env: { seed: string }; details: { companies: { id: string; pOutWithin: Record<string, number>; survival: number[]; band90: { lower: number[]; upper: number[] } }[]; ranking: { id: string }[] }; asOf?: { date: string } };
  chart: { series: { name: string; data: unknown[] }[] };
}

describe('the board as of a day over HTTP (trial T13, T5)', () => {
  it('answers as of 2024-05-20 with the companies that have inputs then, and lists the others with what they lack and who was out', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/survival?climate=neutral&horizon=60&asOf=2024-05-20&paths=500&seed=shakeout');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { analysis: { details: { ranking: { id: string }[]; leftOut: { id: string; lacking: string[]; text: { en: string } }[]; out: { id: string; date: string; type: string; text: { en: string; zh: string } }[]; startLines: { en: string }[] } } };
    const d = body.analysis.details;
    expect(d.ranking.length).toBeGreaterThan(2);
    // MiniMax's and Zhipu AI's figures come from prospectuses published in 2025: left out, naming what they lack
    expect(d.leftOut.map((x) => x.id).sort()).toEqual(['minimax', 'zhipu-ai']);
    for (const x of d.leftOut) expect(x.text.en).toMatch(/: not enough facts to simulate as of 2024-05-20: missing (cash|revenue)/);
    // Inflection AI was out (licence and staff to Microsoft) on 2024-03-19: beside the ranking, not in it
    expect(d.out.map((o) => [o.id, o.date, o.type])).toEqual([['inflection-ai', '2024-03-19', 'acquihire_license']]);
    expect(d.ranking.map((r) => r.id)).not.toContain('inflection-ai');
    expect(d.startLines[0]!.en).toMatch(/: Inputs as of 2024-05-20, the as-of day/);
    // only when no company can be simulated is it an error
    const none = await app.request('/api/survival?companies=MiniMax&asOf=2024-05-20&paths=100');
    expect(none.status).toBe(400);
    const err = ((await none.json()) as { error: { issues: { code: string; path: string[] }[] } }).error;
    expect(err.issues.filter((i) => i.code === 'missing_input').map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['companies.minimax.cash']));
  });
});

describe('analyses over HTTP', () => {
  it('runs the survival simulation from a URL that reproduces it, with the report\'s chart', async () => {
    const app = createApp({ store });
    const url = '/api/survival?companies=OpenAI,Anthropic&horizon=36&paths=2000&seed=7&climate=cold&lang=zh';
    const a = (await (await app.request(url)).json()) as SurvivalBody;
    expect(a.analysis.kind).toBe('survival');
    expect(a.analysis.details.companies.map((c) => c.id)).toEqual(['openai', 'anthropic']);
    expect(a.analysis.details.companies[0]!.survival).toHaveLength(37);
    expect(a.chart.series.map((s) => s.name)).toEqual(['OpenAI：90%区间', 'OpenAI：90%区间', 'Anthropic：90%区间', 'Anthropic：90%区间', 'OpenAI', 'Anthropic']);
    expect(a.analysis.details.companies[0]!.band90.upper).toHaveLength(37);
    const again = (await (await app.request(url)).json()) as SurvivalBody;
    expect(again.analysis.details.companies[0]!.pOutWithin).toEqual(a.analysis.details.companies[0]!.pOutWithin);
    const asOf = (await (await app.request('/api/survival?companies=OpenAI&paths=500&asOf=2024-05-20')).json()) as SurvivalBody;
    expect(asOf.analysis.asOf?.date).toBe('2024-05-20');
  });

  it('refuses a run over the documented limit, and an unknown company, with the field', async () => {
    const app = createApp({ store });
    const big = await app.request('/api/survival?paths=5000000');
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { issues: { path: string[]; message: string }[] } }).error.issues[0]).toMatchObject({ path: ['query', 'paths'], message: 'expected a value of at most 100000, got "5000000"' });
    // a name in the query that names no entity: a 400 on its field, as every query names it (errors.ts)
    const who = await app.request('/api/survival?companies=Anthropic,OpenAl&paths=100');
    expect(who.status).toBe(400);
    const issue = ((await who.json()) as { error: { message: string; issues: { path: string[]; got: string; suggestion: string }[] } }).error;
    expect(issue.message).toBe('query.companies: expected an entity the ledger knows (any name or alias), got "OpenAl"; did you mean "OpenAI"?');
    expect(issue.issues[0]).toMatchObject({ path: ['query', 'companies'], got: 'OpenAl', suggestion: 'OpenAI' });
  });

});

interface Listed { items: { name: string; summary: string; samples: string; url: string; options: { properties?: Record<string, unknown> } }[] }
interface Failed { error: { status: number; message: string; issues: { code: string; path: (string | number)[]; message: string }[] } }

describe('the checks over HTTP on a ledger edited by hand', () => {
  it('lists a stored fact that breaks the value rules (subscribers recorded as money) with the rule, in en and zh', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shakeout-value-rule-')), 'ledger.db');
    await (await openLedger({ db: path })).close();
    const d = new Database(path);
    d.prepare("update fact set unit = 'USD', value_text = '$750,000', value_en = null where id = 'F22'").run();
    d.close();
    const edited = await openLedger({ db: path });
    try {
      const body = (await (await createApp({ store: edited }).request('/api/analyses/checks')).json()) as { analysis: { details: { counts: { error: number }; flags: { check: string; severity: string; facts: string[]; title: { en: string; zh: string }; explanation: { en: string; zh: string } }[] } } };
      const flag = body.analysis.details.flags.find((f) => f.check === 'value_rule')!;
      expect(flag).toMatchObject({ severity: 'error', facts: ['F22'], title: { en: 'F22: paying subscribers recorded as something other than a count', zh: 'F22：付费订阅用户记为非数量的数值' } });
      expect(flag.explanation.en).toMatch(/expected subscribers as a count, .*got "\$750,000", read as money \(USD\)/);
      expect(flag.explanation.zh).toMatch(/读作金额（美元）。账本对新录入的这种数值会拒绝/);
      expect(body.analysis.details.counts.error).toBe(2);
    } finally {
      await edited.close();
    }
  });
});

describe('every analysis of the registry over HTTP', () => {
  it('names no command-line flag in its advice: the checks and the subscribers say basis=unknown, the default climate says climate=auto (trial: dashboard texts)', async () => {
    const app = createApp({ store });
    const checks = (await (await app.request('/api/analyses/checks')).json()) as { analysis: { details: { flags: { check: string; explanation: { en: string; zh: string } }[] } } };
    const disputed = checks.analysis.details.flags.find((f) => f.check === 'disputed_basis')!;
    expect(disputed.explanation.en).toContain('(basis=unknown)');
    expect(disputed.explanation.zh).toContain('（basis=unknown）');
    const subscribers = (await (await app.request('/api/analyses/subscribers?product=ChatGPT&samples=200')).json()) as { analysis: { notes: { en: string; zh: string }[] } };
    expect(subscribers.analysis.notes.some((n) => n.en.includes('(basis=unknown)'))).toBe(true);
    // the default climate's reason, whether or not the client asks for the hint
    for (const url of ['/api/survival?companies=OpenAI&horizon=12&paths=100', '/api/analyses/survival?companies=OpenAI&horizon=12&samples=100&climateHint=true']) {
      const survival = (await (await app.request(url)).json()) as { analysis: { details: { climateReason: { en: string; zh: string } } } };
      expect(survival.analysis.details.climateReason.en).toMatch(/^default: neutral \(the funding climate "from the ledger", climate=auto,/);
    }
    // the climate from the ledger names the request's value too
    const auto = (await (await app.request('/api/survival?companies=OpenAI&horizon=12&paths=100&climate=auto')).json()) as { analysis: { details: { climateReason: { en: string; zh: string } } } };
    expect(auto.analysis.details.climateReason.en).toMatch(/^derived from the ledger \(climate=auto\): /);
    expect(auto.analysis.details.climateReason.zh).toMatch(/^由账本推得（climate=auto）：/);
    const texts = JSON.stringify([checks.analysis.details.flags.map((f) => f.explanation), subscribers.analysis.notes, auto.analysis.details.climateReason]);
    expect(texts).not.toMatch(/--basis|--climate|--funding-growth/);
  });
  it('names no command-line flag in as-of notes, group notes, health\'s advice or its errors: the request\'s fields instead (trial T13)', async () => {
    const app = createApp({ store });
    const get = async (url: string) => {
      const res = await app.request(url);
      return { status: res.status, text: await res.text() };
    };
    // health: the advice on growth names the request's fields
    const health = await get('/api/analyses/health?company=Moonshot%20AI&samples=200');
    expect(health.status).toBe(200);
    expect(health.text).toContain('revenue_growth in assumptionsText, or assumptions=yes for the shipped ones');
    // survival as of a day, climate from the ledger with no series by then: undated facts taken in by includeUndated=true
    const survival = await get('/api/survival?companies=Anthropic&horizon=12&paths=100&climate=auto&climateMarket=us-ai-sector&asOf=2024-05-20');
    expect(survival.text).toContain('includeUndated=true takes them in');
    // a display rate's month without a display currency, constant dollars in another currency: the fields, not the flags
    const fx = await get('/api/analyses/health?company=OpenAI&samples=200&fxMonth=2024-05');
    expect(fx.status).toBe(400);
    expect(fx.text).toContain('fxMonth: expected it with currency (another currency than USD)');
    const constant = await get('/api/analyses/funding?currency=CNY&constantYear=2021');
    expect(constant.status).toBe(400);
    expect(constant.text).toContain('need currency=USD');
    // a product with no store revenue: the request that adds it
    const none = await get('/api/analyses/subscribers?product=Claude&samples=200');
    expect(none.status).toBe(404);
    expect(none.text).toContain('add one with: POST /api/facts with entity');
    for (const t of [health.text, survival.text, fx.text, constant.text, none.text]) expect(t).not.toMatch(/ --[a-z]|shakeout facts add/);
  });
  it('lists the analyses with their options\' schemas', async () => {
    const app = createApp({ store });
    const r = (await (await app.request('/api/analyses')).json()) as Listed;
    expect(r.items.map((i) => i.name)).toEqual(['subscribers', 'funding', 'health', 'survival', 'unit-economics', 'checks', 'backtest']);
    expect(r.items.find((i) => i.name === 'survival')).toMatchObject({ samples: 'paths', url: '/api/analyses/survival' });
    expect(Object.keys(r.items.find((i) => i.name === 'unit-economics')!.options.properties!)).toContain('inferenceCost');
  });

  it('answers each analysis from a URL, the same numbers for the same URL', async () => {
    const app = createApp({ store });
    const urls: Record<string, string> = {
      subscribers: '/api/analyses/subscribers?product=ChatGPT&basis=unknown&samples=1000&seed=3',
      funding: '/api/analyses/funding?region=China',
      health: '/api/analyses/health?company=Zhipu%20AI&samples=1000&seed=3&asOf=2024-05-20',
      survival: '/api/analyses/survival?companies=OpenAI&samples=500&horizon=24&lang=zh',
      'unit-economics': '/api/analyses/unit-economics?price=%2419.99%20a%20month&samples=1000&currency=EUR',
      checks: '/api/analyses/checks',
      backtest: '/api/analyses/backtest?asOf=2024-05-20&companies=Inflection%20AI,Anthropic&samples=300&today=2026-06-01',
    };
    for (const [name, url] of Object.entries(urls)) {
      const res = await app.request(url);
      expect(res.status, `${name}: ${url}`).toBe(200);
      const body = (await res.json()) as { analysis?: { kind: string; env: unknown; asOf?: { date: string } }; backtest?: { asOf: string; companies: { pOut: number }[] }; chart?: object };
      if (name === 'backtest') {
        expect(body.backtest!.asOf).toBe('2024-05-20');
        const again = (await (await app.request(url)).json()) as typeof body;
        expect(again.backtest!.companies).toEqual(body.backtest!.companies);
      } else {
        expect(body.analysis!.kind).toBe(name === 'checks' ? 'plausibility' : name);
      }
      if (name === 'health') expect(body.analysis!.asOf?.date).toBe('2024-05-20');
      if (name === 'survival') expect(body.chart).toBeDefined();
      if (name === 'subscribers') expect(body.analysis!.env).toEqual({ sampleCount: 1000, seed: '3' });
    }
  });

  it('refuses a file path in a request (400 naming the field), an unknown option, too many samples, and a backtest without its day', async () => {
    const app = createApp({ store });
    const path = await app.request('/api/analyses/survival?assumptionsFile=/etc/passwd');
    expect(path.status).toBe(400);
    expect(((await path.json()) as Failed).error.issues[0]).toMatchObject({ code: 'path_refused', path: ['query', 'assumptionsFile'] });
    const out = await app.request('/api/survival?out=/tmp/x.md');
    expect(((await out.json()) as Failed).error.issues[0]).toMatchObject({ code: 'path_refused', path: ['query', 'out'] });
    const unknown = await app.request('/api/analyses/funding?regoin=China');
    expect(unknown.status).toBe(400);
    const u = (await unknown.json()) as Failed;
    expect(u.error.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['query', 'regoin'], expected: 'regoin', got: 'China' });
    expect(u.error.message).toMatch(/got "regoin"; did you mean "region"\?/);
    const big = await app.request('/api/analyses/health?company=OpenAI&samples=300000');
    expect(((await big.json()) as Failed).error.issues[0]).toMatchObject({ path: ['query', 'samples'], message: 'expected a value of at most 200000, got "300000"' });
    const noDay = await app.request('/api/analyses/backtest?samples=100');
    expect(noDay.status).toBe(400);
    expect(((await noDay.json()) as Failed).error.issues[0]!.path).toEqual(['asOf']);
    const which = await app.request('/api/analyses/helth');
    expect(which.status).toBe(404);
    expect(((await which.json()) as Failed).error.message).toMatch(/did you mean/);
  });

  it('takes survival assumptions as text in the query, and says where a bad one is wrong', async () => {
    const app = createApp({ store });
    const bad = await app.request(`/api/analyses/survival?samples=100&assumptionsText=${encodeURIComponent('companies: [unclosed')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Failed).error.issues[0]).toMatchObject({ code: 'invalid_yaml', path: ['options.assumptionsText'] });
  });
});

/** An analysis read from the ledger, on every backend. */
onEachBackend('an analysis over HTTP', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => store.close());

  it('gives a company\'s health with its inputs and their facts', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/companies/Zhipu%20AI/health?samples=1000&seed=1');
    expect(res.status).toBe(200);
    const h = (await res.json()) as { analysis: { kind: string; subject: string; facts: { id: string }[]; estimates: { id: string; p50: number }[] } };
    expect(h.analysis.kind).toBe('health');
    expect(h.analysis.subject).toBe('zhipu-ai');
    expect(h.analysis.facts.length).toBeGreaterThan(0);
    expect(h.analysis.estimates.length).toBeGreaterThan(0);
  });
});
