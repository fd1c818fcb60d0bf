import { describe, expect, it } from 'vitest';
import { ShakeoutError, convertCurrency, cpiAnnual, fxRateFor, parsePeriod } from '../core/index.js';
import { formatFacts, parseFactText } from './io/fact-files.js';
import type { Store } from './store.js';

/** Makes a fresh store: with the bundled facts and events, or with the bundled entities only. */
export type MakeStore = (options: { bundled: boolean }) => Promise<Store>;

/** The ShakeoutError a promise rejects with (any other error is rethrown; none fails the test). */
export async function rejection(p: Promise<unknown>): Promise<ShakeoutError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ShakeoutError) return e;
    throw e;
  }
  throw new Error('expected a ShakeoutError, got none');
}

const rec = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  entity: 'Anthropic',
  metric: 'revenue',
  value_as_written: '$850M',
  period: '2024',
  publisher: 'Test Publisher',
  title: 'Test report',
  published: '2024-06-01',
  ...over,
});

/**
 * The contract every Store backend keeps. Run it against each backend
 * (sqlite/sqlite-store.test.ts, postgres/postgres-store.test.ts) with a factory of fresh stores.
 */
export function runStoreContract(backend: string, makeStore: MakeStore): void {
  describe(`Store contract: ${backend}`, () => {
    describe('bundled data', () => {
      it('holds every figure of the article, F1..F24, read and sourced', async () => {
        const s = await makeStore({ bundled: true });
        try {
          for (let i = 1; i <= 24; i++) expect((await s.getFact(`F${i}`)).id).toBe(`F${i}`);
          const f11 = await s.getFact('F11');
          expect(f11).toMatchObject({ entity: 'moonshot-ai', metric: 'valuation', valueText: '超23亿美元', kind: 'reported' });
          expect(f11.figure).toMatchObject({ value: 2.3e9, unit: 'USD', qualifier: 'over' });
          expect(f11.period).toEqual({ text: 'as of 2024-05', kind: 'asof', start: '2024-05-01', end: '2024-05-31' });
          expect(f11.source).toMatchObject({ publisher: 'ByteAILab/头部科技', title: 'AI大战，不变现，就出局', published: '2024-05-20' });
          const f3 = await s.getFact('F3');
          expect(f3.source.publisher).toBe('CB Insights');
          expect(f3.figure.value).toBeCloseTo(2.04e10, -6);
          expect((await s.getFact('F6')).figure).toMatchObject({ value: 1.2389e10, unit: 'CNY' });
          expect((await s.getFact('F6')).period?.text).toBe('2024-Q1');
          expect((await s.getFact('F24')).figure.unit).toBe('USD');
          expect((await s.getFact('F18')).basis).toBe('gross');
          expect((await s.getFact('F20')).basis).toBe('gross');
          expect((await s.getFact('F21')).figure.per).toBe('month');
          expect((await s.getFact('F22')).derivedFrom).toEqual({ inputs: ['F18', 'F20', 'F21'], formula: '(F18 + F20) / F21' });
          expect((await s.getFact('F23')).derivedFrom?.inputs).toEqual(['F18', 'F20']);
          expect((await s.getFact('F5')).kind).toBe('derived');
        } finally {
          await s.close();
        }
      });

      it('holds the OWID series in constant 2021 dollars, the reference facts and Epoch costs', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const china = await s.getFact('owid-ai-china-2023');
          expect(china).toMatchObject({ entity: 'china-ai-sector', metric: 'funding', priceYear: 2021 });
          expect(china.figure.value).toBe(8419883187);
          expect((await s.getFact('owid-genai-world-2023')).entity).toBe('genai-startups-global');
          const gpt4 = await s.listFacts({ entity: 'GPT-4', metric: 'training_cost' });
          expect(gpt4.map((f) => f.scope).sort()).toEqual(['amortised_capex_energy', 'cloud_rental', 'hardware_acquisition']);
          const ref = await s.listFacts({ entity: 'Claude' });
          expect(ref.some((f) => f.source.publisher === 'Appfigures' && f.basis === 'net')).toBe(true);
          const sources = await s.listSources();
          expect(sources.map((x) => x.publisher)).toEqual(expect.arrayContaining(['CB Insights', 'Sensor Tower', 'IT Juzi (IT桔子)', 'Epoch AI']));
        } finally {
          await s.close();
        }
      });

      it('holds the events of the article', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const events = await s.listEvents();
          expect(events.map((e) => e.id).sort()).toEqual(
            ['ai-startups-financial-pressure', 'gartner-lovelock-remark', 'inflection-ai-abandons-business', 'investors-pause-genai', 'new-four-little-dragons', 'stability-ai-layoffs-ceo-exit'],
          );
          const inflection = await s.listEvents({ entity: 'Inflection' });
          expect(inflection).toHaveLength(1);
          expect(inflection[0]!.textZh).toContain('放弃了原有的业务');
          expect(inflection[0]!.textEn).toContain('given up');
          expect((await s.listEvents({ entity: 'Blackstone' }))[0]!.id).toBe('investors-pause-genai');
        } finally {
          await s.close();
        }
      });

      it('summarises by kind, metric, entity, source and period', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const sum = await s.summary();
          expect(sum.facts.superseded).toBe(0);
          expect(sum.byKind['derived']).toBe(3);
          // the article's four, and the sourced company facts' (data/company-facts.csv)
          expect(sum.byMetric['valuation']).toBe(4 + 9);
          expect(sum.byEntity['chatgpt']).toBeGreaterThanOrEqual(5);
          expect(sum.events).toBe(6);
          expect(sum.periods?.start).toBe('2013-01-01');
          expect(sum.sources.find((x) => x.source.publisher === 'CB Insights')?.facts).toBe(2);
          expect(Object.values(sum.byKind).reduce((a, b) => a + b, 0)).toBe(sum.facts.current);
        } finally {
          await s.close();
        }
      });
    });

    describe('entities', () => {
      it('are found by any name or alias, ignoring case, spaces and hyphens', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const cases: [string, string][] = [
            ['openai', 'openai'], ['Open AI', 'openai'], ['ChatGPT', 'chatgpt'], ['chat gpt', 'chatgpt'], ['ChatGPT Plus', 'chatgpt-plus'],
            ['Claude', 'claude'], ['anthropic', 'anthropic'], ['月之暗面', 'moonshot-ai'], ['Kimi', 'moonshot-ai'], ['moonshot-ai', 'moonshot-ai'],
            ['稀宇科技', 'minimax'], ['Mini-Max', 'minimax'], ['智谱', 'zhipu-ai'], ['智谱AI', 'zhipu-ai'], ['ZHIPU AI', 'zhipu-ai'], ['百川智能', 'baichuan-ai'],
            ['inflection-ai', 'inflection-ai'], ['Stability AI', 'stability-ai'], ['中国AI领域', 'china-ai-sector'], ['生成式AI新创', 'genai-startups-global'],
            ['AI生产', 'china-ai-production'], ['AI行业应用', 'china-ai-industry-applications'], ['AI chatbot apps', 'ai-chatbot-apps'],
            ['All mobile apps', 'all-mobile-apps'], ['GPT-4', 'model:gpt-4'], ['gpt4', 'model:gpt-4'],
          ];
          for (const [name, id] of cases) expect((await s.resolveEntity(name)).id, name).toBe(id);
          const chatgpt = await s.resolveEntity('ChatGPT');
          expect(chatgpt).toMatchObject({ kind: 'product', parent: 'openai' });
          expect((await s.resolveEntity('Claude')).parent).toBe('anthropic');
          expect((await s.resolveEntity('Claude 3 Opus')).parent).toBe('anthropic');
          const all = await s.listEntities();
          expect(all.find((e) => e.id === 'moonshot-ai')).toMatchObject({ nameEn: 'Moonshot AI', nameZh: '月之暗面' });
        } finally {
          await s.close();
        }
      });

      it('unknown names get a 404 that suggests the closest', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.resolveEntity('OpenAl'));
          expect(e.status).toBe(404);
          expect(e.message).toContain('unknown entity "OpenAl"; did you mean "OpenAI"?');
        } finally {
          await s.close();
        }
      });
      it('adds a new entity, found by its names, and refuses a name that is taken', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await s.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: ['Mistral'], kind: 'company' });
          expect(e).toMatchObject({ id: 'mistral-ai', nameEn: 'Mistral AI', kind: 'company', parent: null });
          expect((await s.resolveEntity('mistral')).id).toBe('mistral-ai');
          const f = await s.addFact({ entity: 'Mistral', metric: 'funding', value: '€600M', period: '2024', source: { publisher: 'Test' } });
          expect(f.entity).toBe('mistral-ai');
          const taken = await rejection(s.addEntity({ id: 'kimi-2', nameEn: 'Kimi', kind: 'product' }));
          expect(taken.status).toBe(409);
          expect(taken.message).toContain('"Kimi" already names entity moonshot-ai');
          const bad = await rejection(s.addEntity({ id: 'X Y', nameEn: '', kind: 'planet' as never }));
          expect(bad.status).toBe(400);
          expect(bad.issues.map((i) => i.path[0])).toEqual(['id', 'nameEn', 'kind']);
          expect((await s.listEntities()).some((x) => x.id === 'X Y')).toBe(false);
        } finally {
          await s.close();
        }
      });
      it('updates an entity: ties a product to its company (its facts then count with the company\'s products), adds aliases, sets the kind', async () => {
        const s = await makeStore({ bundled: false });
        try {
          await s.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', kind: 'company' });
          await s.addEntity({ id: 'le-chat', nameEn: 'Le Chat', kind: 'company' });
          await s.addFact({ entity: 'Le Chat', metric: 'downloads', value: '100万', period: '2025-02', source: { publisher: 'Test' } });
          const e = await s.updateEntity('le chat', { parent: 'Mistral AI', aliases: ['LeChat app', 'Le Chat'], kind: 'product' });
          expect(e).toMatchObject({ id: 'le-chat', parent: 'mistral-ai', kind: 'product', aliases: ['LeChat app'] });
          expect((await s.resolveEntity('lechatapp')).id).toBe('le-chat');
          expect((await s.listFacts({ entity: 'Mistral AI', includeProducts: true })).map((f) => f.entity)).toEqual(['le-chat']);
          const cycle = await rejection(s.updateEntity('mistral-ai', { parent: 'le-chat' }));
          expect(cycle.status).toBe(400);
          const taken = await rejection(s.updateEntity('le-chat', { aliases: ['Kimi'] }));
          expect(taken.status).toBe(409);
          expect((await rejection(s.updateEntity('nobody', { kind: 'company' }))).status).toBe(404);
          expect((await rejection(s.updateEntity('le-chat', { parent: 'nobody' }))).status).toBe(404);
          expect((await rejection(s.updateEntity('le-chat', { kind: 'planet' as never }))).status).toBe(400);
          // nothing changed by the refused updates
          expect(await s.resolveEntity('le-chat')).toMatchObject({ parent: 'mistral-ai', kind: 'product', aliases: ['LeChat app'] });
          expect((await s.updateEntity('le-chat', { parent: null })).parent).toBeNull();
        } finally {
          await s.close();
        }
      });
    });

    describe('listing', () => {
      it('filters by entity (with products), metric (or alias), period and kind', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const own = (await s.listFacts({ entity: 'OpenAI' })).map((f) => f.id);
          expect(own).toContain('F24');
          expect(own.filter((id) => id !== 'F24').every((id) => id.startsWith('co-openai-'))).toBe(true);
          const withProducts = await s.listFacts({ entity: 'OpenAI', includeProducts: true });
          const ids = withProducts.map((f) => f.id);
          expect(ids).toEqual(expect.arrayContaining(['F24', 'F17', 'F18', 'F21', 'F22', 'epoch-gpt-4-cloud_rental']));
          expect((await s.listFacts({ entity: 'ChatGPT' })).every((f) => f.entity === 'chatgpt')).toBe(true);
          const funding2023 = await s.listFacts({ metric: 'financing', period: '2023' });
          expect(funding2023.map((f) => f.id)).toEqual(expect.arrayContaining(['F2', 'F3', 'owid-ai-china-2023', 'owid-genai-world-2023']));
          expect(funding2023.every((f) => f.metric === 'funding' && f.period!.start <= '2023-12-31' && f.period!.end >= '2023-01-01')).toBe(true);
          expect((await s.listFacts({ kind: 'derived' })).map((f) => f.id).sort()).toEqual(['F22', 'F23', 'F5']);
          expect((await s.listFacts({ period: '2024-Q1', entity: 'AI生产' })).map((f) => f.id).sort()).toEqual(['F6', 'F8']);
          expect((await rejection(s.listFacts({ entity: 'Nobody Inc' }))).status).toBe(404);
          expect((await rejection(s.listFacts({ metric: 'vibes' }))).status).toBe(400);
        } finally {
          await s.close();
        }
      });
    });

    describe('adding and correcting', () => {
      it('adds a fact, reads it back, and refuses the same id twice', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const f = await s.addFact({
            id: 'anthropic-rev-2024', entity: 'anthropic', metric: 'revenue', value: '约8.5亿美元', period: '2024',
            source: { publisher: 'Test', url: 'https://example.com', published: '2024-06' }, notes: 'a note',
          });
          expect(f).toMatchObject({ id: 'anthropic-rev-2024', entity: 'anthropic', kind: 'reported', basis: 'unknown', supersedes: null, supersededBy: null, notes: 'a note' });
          expect(f.figure.value).toBeCloseTo(8.5e8, 0);
          expect(f.figure.qualifier).toBe('about');
          expect(await s.getFact('anthropic-rev-2024')).toEqual(f);
          expect(Number.isNaN(Date.parse(f.createdAt))).toBe(false);
          const dup = await rejection(s.addFact({ id: 'anthropic-rev-2024', entity: 'anthropic', metric: 'revenue', value: '$1B', period: '2024', source: { publisher: 'X' } }));
          expect(dup.status).toBe(409);
          const noId = await s.addFact({ entity: 'claude', metric: 'downloads', value: '1.2M', period: '2024-05', source: { publisher: 'X' } });
          expect(noId.id).toMatch(/^fact-[0-9a-f]{12}$/);
          expect(noId.figure.unit).toBe('count');
        } finally {
          await s.close();
        }
      });

      it("refuses a figure with the reader's reason, which says what to change", async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.addFact({ entity: 'OpenAI', metric: 'funding', value: '600.000 Euro', period: '2024', source: { publisher: 'X' } }));
          const issue = e.issues.find((i) => i.code === 'invalid_figure');
          expect(issue?.message).toContain('got "600.000 Euro"; "600.000" is ambiguous');
          expect(await s.listFacts()).toEqual([]);
        } finally {
          await s.close();
        }
      });

      it('collects every issue of a bad fact', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.addFact({ entity: 'OpenAl', metric: 'vibes', value: 'n/a', period: '2024-13', basis: 'gross-ish' as never, source: { publisher: '' } }));
          expect(e.status).toBe(400);
          const codes = e.issues.map((i) => i.code);
          expect(codes).toEqual(expect.arrayContaining(['unknown_entity', 'unknown_metric', 'invalid_figure', 'invalid_period', 'invalid_basis', 'missing_source']));
          expect(e.issues.find((i) => i.code === 'invalid_figure')).toMatchObject({ path: ['value'], message: 'expected a figure such as "12.5亿元" or "$3.6B", got "n/a"; expected a number at "n/a"' });
          expect(e.issues.find((i) => i.code === 'unknown_entity')?.message).toContain('did you mean "OpenAI"?');
          expect(await s.listFacts()).toEqual([]);
        } finally {
          await s.close();
        }
      });

      it('a correction keeps its source\'s date and address when it names the same publisher, and refuses another publisher with no date', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const before = await s.getFact('F11');
          expect(before.source.published).toBeTruthy();
          // the same publisher, named alone (as `facts correct --source P` sends it, the rest null): its date and address stay
          const same = await s.correctFact('F11', { value: '超25亿美元', source: { publisher: before.source.publisher, title: null, url: null, published: null } as never });
          expect(same.source).toEqual(before.source);
          // another publisher with no date: refused, naming the field, and nothing is written
          const count = (await s.listFacts({ includeSuperseded: true })).length;
          const e = await rejection(s.correctFact(same.id, { value: '超30亿美元', source: { publisher: 'Another Outlet', title: null, url: null, published: null } as never }));
          expect(e.status).toBe(400);
          expect(e.message).toContain('names another source (Another Outlet');
          expect(e.issues?.[0]).toMatchObject({ code: 'published_required', path: ['source', 'published'] });
          expect((await s.listFacts({ includeSuperseded: true })).length).toBe(count);
          expect((await s.getFact(same.id)).supersededBy).toBeNull();
          // with its date it is taken, with its own source (no address carried over from the other outlet)
          const other = await s.correctFact(same.id, { value: '超30亿美元', source: { publisher: 'Another Outlet', title: null, url: null, published: '2024-06-02' } as never });
          expect(other.source).toMatchObject({ publisher: 'Another Outlet', url: null, published: '2024-06-02' });
          // a date alone (no publisher) is the fact's own source with that date
          const dated = await s.correctFact(other.id, { value: '超31亿美元', source: { published: '2024-06-09' } as never });
          expect(dated.source).toMatchObject({ publisher: 'Another Outlet', published: '2024-06-09' });
        } finally {
          await s.close();
        }
      });

      it('corrects by superseding: nothing is overwritten, history runs oldest to newest', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const before = await s.getFact('F11');
          const c1 = await s.correctFact('F11', { id: 'F11-fix1', value: '超25亿美元', notes: 'corrected' });
          expect(c1).toMatchObject({ supersedes: 'F11', entity: 'moonshot-ai', metric: 'valuation', notes: 'corrected' });
          expect(c1.figure.value).toBe(2.5e9);
          expect(c1.period?.text).toBe('as of 2024-05');
          const c2 = await s.correctFact('F11-fix1', { value: '超30亿美元' });
          expect(c2.supersedes).toBe('F11-fix1');
          // a correction that changes nothing is refused and does not use up the fact's one correction
          const none = await rejection(s.correctFact(c2.id, { value: '超30亿美元', entity: 'Moonshot AI', source: { publisher: c2.source.publisher } }));
          expect(none.status).toBe(400);
          expect(none.message).toContain('changes nothing');
          expect((await s.getFact(c2.id)).supersededBy).toBeNull();
          expect(await s.getFact('F11')).toEqual({ ...before, supersededBy: 'F11-fix1' });
          const current = await s.listFacts({ entity: 'Moonshot AI', metric: 'valuation' });
          expect(current.map((f) => f.id).filter((id) => !id.startsWith('co-'))).toEqual([c2.id]);
          const all = await s.listFacts({ entity: 'Moonshot AI', metric: 'valuation', includeSuperseded: true });
          expect(all.filter((f) => !f.id.startsWith('co-'))).toHaveLength(3);
          for (const id of ['F11', 'F11-fix1', c2.id]) expect((await s.history(id)).map((f) => f.id)).toEqual(['F11', 'F11-fix1', c2.id]);
          const again = await rejection(s.correctFact('F11', { value: '1美元' }));
          expect(again.status).toBe(409);
          expect(again.message).toContain('F11-fix1');
          expect((await rejection(s.getFact('F99'))).status).toBe(404);
          expect((await rejection(s.history('nope'))).status).toBe(404);
          expect((await s.summary()).facts.superseded).toBe(2);
        } finally {
          await s.close();
        }
      });
    });

    describe('import and export', () => {
      it('imports all-or-nothing, naming file, line and column of every issue', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const csv = [
            'id,entity,metric,value,period,publisher',
            'ok-1,Anthropic,revenue,$850M,2024,Test',
            'bad-1,Anthropic,revenue,n/a,2024,Test',
            'bad-2,Nobody,revenue,$1B,2024-13,Test',
          ].join('\n');
          const file = parseFactText(csv, 'csv', 'facts.csv');
          const e = await rejection(s.importFacts(file.records, file));
          expect(e.status).toBe(400);
          expect(e.message).toContain('facts.csv: 3 problems, nothing imported');
          expect(e.message).toContain('facts.csv line 3, column value: expected a figure such as "12.5亿元" or "$3.6B", got "n/a"; expected a number at "n/a"');
          expect(e.message).toContain('facts.csv line 4, column entity: expected a known entity');
          expect(e.message).toContain('facts.csv line 4, column period: expected a period such as');
          expect(e.issues).toHaveLength(3);
          expect(await s.listFacts()).toEqual([]);
        } finally {
          await s.close();
        }
      });

      it('reports shape errors: missing and unknown columns', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.importFacts([{ entity: 'Anthropic', metric: 'revenue', publisher: 'T', colour: 'red' }], { file: 'x.json' }));
          expect(e.issues.map((i) => i.code).sort()).toEqual(['missing_column', 'unknown_column']);
          expect(formatFacts([], 'json')).toBe('[]\n');
        } finally {
          await s.close();
        }
      });

      it('a dry run says what an import would add and changes nothing; a bad one fails as the real one would', async () => {
        const s = await makeStore({ bundled: false });
        try {
          await s.importFacts([rec({ id: 'a1' })]);
          const before = await s.exportFacts();
          const dry = await s.importFacts([rec({ id: 'a1' }), rec({ id: 'a2', value_as_written: '$900M' }), rec({ id: 'a2-fix', value_as_written: '$950M', supersedes: 'a2' })], { dryRun: true });
          expect(dry).toEqual({ added: ['a2', 'a2-fix'], unchanged: ['a1'], dryRun: true });
          expect(await s.exportFacts()).toEqual(before);
          const bad = await rejection(s.importFacts([rec({ id: 'a3', value_as_written: 'n/a' })], { file: 'f.json', dryRun: true }));
          expect(bad.issues[0]?.path).toEqual(['f.json record 1', 'column value_as_written']);
          expect(await s.exportFacts()).toEqual(before);
        } finally {
          await s.close();
        }
      });

      it('is idempotent, refuses a changed fact under a stored id, and takes corrections', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const first = await s.importFacts([rec({ id: 'a1' }), rec({ id: 'a2', value_as_written: '$900M' }), rec()]);
          expect(first.added).toHaveLength(3);
          const again = await s.importFacts([rec({ id: 'a1' }), rec({ id: 'a2', value_as_written: '$900M' }), rec()]);
          expect(again).toEqual({ added: [], unchanged: first.added });
          const changed = await rejection(s.importFacts([rec({ id: 'a1', value_as_written: '$1B' })], { file: 'f.json' }));
          expect(changed.issues[0]).toMatchObject({ code: 'id_conflict', path: ['f.json record 1', 'column id'] });
          // a correction and its own correction in one file, in any order
          const r = await s.importFacts([rec({ id: 'a1-fix2', value_as_written: '$1.1B', supersedes: 'a1-fix' }), rec({ id: 'a1-fix', value_as_written: '$1B', supersedes: 'a1' })]);
          expect(r.added).toEqual(['a1-fix', 'a1-fix2']);
          expect((await s.history('a1')).map((f) => f.id)).toEqual(['a1', 'a1-fix', 'a1-fix2']);
          const twice = await rejection(s.importFacts([rec({ id: 'b', supersedes: 'a1' })]));
          expect(twice.issues[0]?.code).toBe('already_superseded');
          const dangling = await rejection(s.importFacts([rec({ id: 'd', kind: 'derived', derived_from: 'zz', formula: 'zz * 2' })]));
          expect(dangling.issues[0]?.code).toBe('unknown_fact');
        } finally {
          await s.close();
        }
      });

      it('stores a same_as link, exports it and imports it back; refuses one to an unknown fact or another metric', async () => {
        const s = await makeStore({ bundled: false });
        const t = await makeStore({ bundled: false });
        try {
          const round = { entity: 'Anthropic', metric: 'funding', scope: 'round', period: '2024-01' };
          const a = await s.addFact({ ...round, id: 'r-semafor', value: '$750 million', source: { publisher: 'Semafor' } });
          const b = await s.addFact({ ...round, id: 'r-ft', value: '$750mn', source: { publisher: 'Financial Times' }, sameAs: a.id });
          expect(b.sameAs).toBe('r-semafor');
          expect(a.sameAs).toBeNull();
          expect((await s.getFact('r-ft')).sameAs).toBe('r-semafor');
          // a correction keeps the link
          expect((await s.correctFact('r-ft', { value: '$750 million' })).sameAs).toBe('r-semafor');
          const unknown = await rejection(s.addFact({ ...round, value: '$1B', source: { publisher: 'X' }, sameAs: 'nope' }));
          expect(unknown.message).toContain('same_as expected the id of a stored fact');
          const other = await rejection(s.addFact({ ...round, metric: 'valuation', value: '$18B', source: { publisher: 'X' }, sameAs: 'r-semafor' }));
          expect(other.message).toContain('expected a fact of the same entity and metric (anthropic valuation), got "r-semafor", a fact of anthropic funding');
          const self = await rejection(s.addFact({ ...round, id: 'r-self', value: '$1B', source: { publisher: 'X' }, sameAs: 'r-self' }));
          expect(self.issues[0]).toMatchObject({ code: 'self_same_as', path: ['sameAs'] });

          for (const format of ['csv', 'json', 'yaml'] as const) {
            const text = formatFacts(await s.exportFacts(), format);
            if (format === 'csv') expect(text.split('\n')[0]).toMatch(/,same_as$/);
            const file = parseFactText(text, format, `facts.${format}`);
            const r = await t.importFacts(file.records, file);
            expect(r.added.length + r.unchanged.length).toBe(3);
          }
          expect((await t.getFact('r-ft')).sameAs).toBe('r-semafor');
          expect(await t.listFacts({ includeSuperseded: true })).toEqual(await s.listFacts({ includeSuperseded: true }));
          // in a file: a link to a fact later in the same file, and a dangling link named by line and column
          const csv = ['id,entity,metric,value,period,scope,publisher,same_as', 'n-2,Anthropic,funding,$2.75bn,2024-03,round,Silicon Republic,n-1', 'n-1,Anthropic,funding,$2.75 billion,2024-03,round,Reuters,', 'n-3,Anthropic,funding,$2.75B,2024-03,round,Y,zz'].join('\n');
          const bad = parseFactText(csv, 'csv', 'links.csv');
          const e = await rejection(t.importFacts(bad.records, bad));
          expect(e.message).toContain('links.csv line 4, column same_as: expected the id of a stored fact or of a fact in this file, got "zz"');
          expect(await t.listFacts({ entity: 'Anthropic', period: '2024-03' })).toEqual([]);
          const good = parseFactText(csv.split('\n').slice(0, 3).join('\n'), 'csv', 'links.csv');
          expect((await t.importFacts(good.records, good)).added).toEqual(['n-1', 'n-2']);
          expect((await t.getFact('n-2')).sameAs).toBe('n-1');
        } finally {
          await s.close();
          await t.close();
        }
      });

      for (const format of ['csv', 'json', 'yaml'] as const) {
        it(`export then import into an empty database gives the same facts (${format})`, async () => {
          const a = await makeStore({ bundled: true });
          const b = await makeStore({ bundled: false });
          try {
            await a.correctFact('F2', { value: '约为21亿美元', notes: 'a correction, to carry history across' });
            const text = formatFacts(await a.exportFacts(), format);
            const file = parseFactText(text, format, `facts.${format}`);
            const r = await b.importFacts(file.records, file);
            expect(r.unchanged).toEqual([]);
            const all = { includeSuperseded: true };
            expect(await b.listFacts(all)).toEqual(await a.listFacts(all));
            expect(await b.exportFacts()).toEqual(await a.exportFacts());
            expect((await b.history('F2')).map((f) => f.id)).toEqual((await a.history('F2')).map((f) => f.id));
          } finally {
            await a.close();
            await b.close();
          }
        });
      }
    });

    describe('conflicts', () => {
      it('finds the article against OWID for China 2023 and generative AI 2023, saying how they differ', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const cs = await s.conflicts();
          const pair = (x: string, y: string) => cs.find((c) => (c.a.id === x && c.b.id === y) || (c.a.id === y && c.b.id === x));
          const china = pair('F2', 'owid-ai-china-2023');
          expect(china, 'China 2023').toBeDefined();
          const owidChina = china!.a.id === 'F2' ? china!.bInterval : china!.aInterval;
          expect(owidChina.p50 / 1e9).toBeCloseTo(9.47, 1);
          expect(owidChina.notes.join(' ')).toContain('CPI-U');
          const text = china!.differences.join('\n');
          expect(text).toContain('source: public data');
          expect(text).toContain('Our World in Data');
          expect(text).toContain('currency year: nominal USD vs constant 2021 USD');
          expect(text).toContain('definition:');
          const genai = pair('F3', 'owid-genai-world-2023');
          expect(genai, 'generative AI 2023').toBeDefined();
          expect(genai!.differences.join('\n')).toMatch(/source: CB Insights.* vs Our World in Data \(Quid via Stanford AI Index 2025\)/);
          // same-source series and facts in other scopes do not conflict
          expect(pair('F17', 'F19')).toBeUndefined();
          expect(cs.every((c) => c.a.entity === c.b.entity && c.a.metric === c.b.metric)).toBe(true);
        } finally {
          await s.close();
        }
      });

      it('uses tables passed in instead of the bundled ones', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const { fx, cpi } = await s.tables();
          expect(fxRateFor(fx, 'CNY', parsePeriod('2024-Q1')).perUsd).toBeCloseTo((7.1707 + 7.1935 + 7.2015) / 3, 12);
          expect(cpiAnnual(cpi, 2021)).toBeCloseTo(270.97, 3);
          // a CPI table that makes 2021 dollars worth a quarter as much in 2023 brings OWID China down to ~$2.1B: no conflict
          const cheap = { ...cpi, months: cpi.months.map((r) => (r.month.startsWith('2023-') ? { ...r, index: r.index / 4.5 } : r)) };
          const cs = await s.conflicts({ cpi: cheap });
          expect(cs.find((c) => [c.a.id, c.b.id].includes('F2') && [c.a.id, c.b.id].includes('owid-ai-china-2023'))).toBeUndefined();
        } finally {
          await s.close();
        }
      });
    });

    describe('exchange rates', () => {
      it('keeps the rates a user adds, lays them over the bundled table, and names them in conversions', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const r = await s.addFxRates([
            { month: '2026-07', currency: 'eur', per_usd: '0.91', source: 'ECB reference rate' },
            { month: '2024-02', currency: 'CNY', per_usd: 7.2, source: 'my bank' },
          ], { file: 'rates.csv', lines: [2, 3] });
          expect(r.added.map((x) => `${x.currency} ${x.month}`)).toEqual(['EUR 2026-07', 'CNY 2024-02']);
          expect((await s.listFxRates()).map((x) => `${x.currency} ${x.month} ${x.perUsd}`)).toEqual(['CNY 2024-02 7.2', 'EUR 2026-07 0.91']);
          expect(await s.listFxRates({ currency: 'EUR' })).toEqual([{ month: '2026-07', currency: 'EUR', perUsd: 0.91, source: 'ECB reference rate', origin: 'user' }]);
          const { fx } = await s.tables();
          const c = convertCurrency({ value: 91, unit: 'EUR', per: null }, 'USD', parsePeriod('2026-07'), fx);
          expect(c.quantity.value).toBeCloseTo(100, 10);
          expect(c.note).toContain('2026-07 is a user rate; ECB reference rate');
          const q1 = fxRateFor(fx, 'CNY', parsePeriod('2024-Q1'));
          expect(q1.perUsd).toBeCloseTo((7.1707 + 7.2 + 7.2015) / 3, 12);
          expect(q1.months[1]).toMatchObject({ origin: 'user', overrides: 7.1935 });
          // the same rate again changes nothing; a different one needs replace
          expect((await s.addFxRates([{ month: '2026-07', currency: 'EUR', per_usd: 0.91, source: 'ECB reference rate' }])).unchanged).toHaveLength(1);
          const e = await rejection(s.addFxRates([{ month: '2026-07', currency: 'EUR', per_usd: 0.92, source: 'ECB' }], { file: 'fx add' }));
          expect(e.status).toBe(409);
          expect(e.message).toMatch(/fx add, column per_usd: .*EUR 2026-07, which already has your rate 0.91 \(ECB reference rate\); to change it, add it again with --replace/);
          const rep = await s.addFxRates([{ month: '2026-07', currency: 'EUR', per_usd: 0.92, source: 'ECB' }], { replace: true });
          expect(rep.replaced).toEqual([{ rate: expect.objectContaining({ perUsd: 0.92 }), was: 0.91 }]);
          expect((await s.listFxRates({ currency: 'eur' }))[0]?.perUsd).toBe(0.92);
          await expect(s.listFxRates({ currency: 'XYZ' })).rejects.toThrow(/expected one of USD, CNY, EUR/);
        } finally {
          await s.close();
        }
      });

      it('imports all or nothing, naming file, line and column of every issue', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.addFxRates([
            { month: '2026-07', currency: 'EUR', per_usd: '0.91', source: 'ECB' },
            { month: '2026/08', currency: 'EUR', per_usd: '0,91', source: 'ECB' },
            { month: '2026-08', currency: 'XAU', per_usd: '0.0004', source: '' },
            { month: '2026-08', currency: 'USD', per_usd: '1', source: 'x' },
            { month: '2026-08', currency: 'GBP', per_usd: '1.27', source: 'BoE' },
            { month: '2026-07', currency: 'EUR', per_usd: '0.91', source: 'ECB' },
          ], { file: 'rates.csv', lines: [2, 3, 4, 5, 6, 7] }));
          expect(e.status).toBe(400);
          const lines = e.message.split('\n');
          expect(lines[0]).toBe('rates.csv: 7 problems, no rate stored');
          expect(lines.slice(1)).toEqual([
            'rates.csv line 3, column month: expected a month written YYYY-MM such as 2026-07, got "2026/08"',
            'rates.csv line 3, column per_usd: expected a positive number of EUR per US dollar such as 0.91, got "0,91" (write the decimal with a point: 0.91, not 0,91)',
            expect.stringMatching(/^rates.csv line 4, column currency: expected one of USD, CNY, EUR, .* \(the currencies Shakeout knows\), got "XAU"$/),
            'rates.csv line 4, column source: expected who published the rate (a central bank, a data service, a bank statement), got nothing',
            'rates.csv line 5, column currency: expected a currency other than USD: rates are per US dollar, so the dollar is 1 by definition',
            expect.stringMatching(/^rates.csv line 6, column per_usd: expected GBP per US dollar \(the bundled table has 0.7497 for 2026-06\), got 1.27, which reads as US dollars per GBP/),
            'rates.csv line 7, column month: expected each currency and month once, got EUR 2026-07 again (first at 2)',
          ]);
          expect(e.issues[0]!.path).toEqual(['rates.csv line 3', 'column month']);
          expect(await s.listFxRates()).toEqual([]);
        } finally {
          await s.close();
        }
      });
    });

    describe('revision', () => {
      it('every write that changes the ledger raises it by one; reads, refused writes, dry runs and writes of what is stored leave it', async () => {
        const s = await makeStore({ bundled: false });
        try {
          let r = await s.revision();
          expect(Number.isSafeInteger(r) && r >= 0).toBe(true);
          const bumped = async (what: () => Promise<unknown>, by: number): Promise<void> => {
            await what();
            expect(await s.revision()).toBe(r + by);
            r += by;
          };
          await bumped(() => s.listFacts(), 0);
          await bumped(() => s.summary(), 0);
          await bumped(() => s.addEntity({ id: 'acme-ai', nameEn: 'Acme AI', kind: 'company' }), 1);
          await bumped(() => s.updateEntity('Acme AI', { aliases: ['Acme'] }), 1);
          await bumped(() => s.updateEntity('Acme AI', { aliases: ['Acme'] }), 0);
          const f = await s.addFact({ entity: 'Acme AI', metric: 'revenue', value: '$10M', period: '2024', source: { publisher: 'Test Publisher', published: '2024-06-01' } });
          expect(await s.revision()).toBe(++r);
          await bumped(() => s.correctFact(f.id, { value: '$12M' }), 1);
          await bumped(() => rejection(s.addFact({ entity: 'Acme AI', metric: 'revenue', value: 'n/a', period: '2024', source: { publisher: 'Test Publisher' } })), 0);
          await bumped(() => s.importFacts([rec({ entity: 'Acme AI', period: '2023' })], { dryRun: true }), 0);
          await bumped(() => s.importFacts([rec({ entity: 'Acme AI', period: '2023' })]), 1);
          await bumped(() => s.importFacts([rec({ entity: 'Acme AI', period: '2023' })]), 0);
          await bumped(() => s.addFxRates([{ month: '2024-01', currency: 'EUR', per_usd: '0.9', source: 'test' }]), 1);
          const outcome = { entity: 'Acme AI', date: '2024-06-25', type: 'pivot', detail: 'to robots', publisher: 'Test Publisher', url: 'https://example.org/acme', published: '2024-06-25' };
          const dry = await s.importOutcomes([outcome], { dryRun: true });
          expect(dry).toMatchObject({ dryRun: true, unchanged: [] });
          expect(dry.added.map((o) => o.entity)).toEqual(['acme-ai']);
          expect(await s.listOutcomes({ entity: 'Acme AI' })).toEqual([]);
          expect(await s.revision()).toBe(r);
          await bumped(() => s.addOutcome(outcome), 1);
          await bumped(() => s.addOutcome(outcome), 0);
        } finally {
          await s.close();
        }
      });
    });

    describe('outcomes', () => {
      const stability = { entity: 'Stability AI', date: '2024-06-25', type: 'recapitalization', detail: 'about $80 million from a new investor group', publisher: 'Financial Times', url: 'https://example.org/ft', published: '2024-06-25', published_estimated: 'yes', out: 'yes' };
      it('adds, lists by entity, and adds nothing the second time', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const r = await s.importOutcomes([stability, { entity: 'Inflection', date: '2024-03-19', type: 'acquihire_license', detail: 'licence and staff to Microsoft', source: 'The Batch', title: 'Microsoft pays Inflection', url: 'https://example.org/batch', published: '2024-03-27' }], { file: 'outcomes.csv', lines: [2, 3] });
          expect(r.added.map((o) => `${o.entity} ${o.type} ${o.date}`)).toEqual(['stability-ai recapitalization 2024-06-25', 'inflection-ai acquihire_license 2024-03-19']);
          expect(r.added[0]!.id).toMatch(/^outcome-[0-9a-f]{12}$/);
          const listed = await s.listOutcomes({ entity: 'stability ai' });
          expect(listed).toEqual([{ id: r.added[0]!.id, entity: 'stability-ai', type: 'recapitalization', date: '2024-06-25', detail: 'about $80 million from a new investor group', out: true, source: expect.objectContaining({ publisher: 'Financial Times', title: null, url: 'https://example.org/ft', published: '2024-06-25', publishedEstimated: true }) }]);
          expect((await s.listOutcomes()).map((o) => o.entity)).toEqual(['inflection-ai', 'stability-ai']);
          expect((await s.listOutcomes())[0]!.source.title).toBe('Microsoft pays Inflection');
          expect((await s.listOutcomes())[0]!.out).toBeNull();
          const again = await s.addOutcome(stability);
          expect(again.added).toEqual([]);
          expect(again.unchanged.map((o) => o.id)).toEqual([r.added[0]!.id]);
          expect(await s.listOutcomes()).toHaveLength(2);
          const e = await rejection(s.addOutcome({ ...stability, out: 'no' }, { file: 'outcomes add', fieldNames: { out: '--out' } }));
          expect(e.status).toBe(409);
          expect(e.message).toContain('outcomes add, --out: expected the outcome as stored (stability-ai recapitalization 2024-06-25, out: yes), got out: no');
          await expect(s.listOutcomes({ entity: 'Stabilty' })).rejects.toThrow(/unknown entity "Stabilty"; did you mean/);
        } finally {
          await s.close();
        }
      });

      it('imports all or nothing, naming file, line and column of every issue', async () => {
        const s = await makeStore({ bundled: false });
        try {
          const e = await rejection(s.importOutcomes([
            stability,
            { ...stability, type: 'bankrupt' },
            { ...stability, date: '2024-02-30', published: '24 June 2024' },
            { ...stability, entity: 'Stabilty AI', url: 'ft.com/x', published_estimated: 'maybe', out: 'perhaps' },
            { ...stability, detail: '', colour: 'red' },
            stability,
          ], { file: 'outcomes.csv', lines: [2, 3, 4, 5, 6, 7] }));
          expect(e.status).toBe(400);
          const lines = e.message.split('\n');
          expect(lines[0]).toBe('outcomes.csv: 10 problems, no outcome stored');
          expect(lines.slice(1)).toEqual([
            'outcomes.csv line 3, column type: expected one of raised, ipo, acquihire_license, acquisition, recapitalization, pivot, leadership_exit, layoffs, restructured, shutdown, got "bankrupt"',
            'outcomes.csv line 4, column date: expected a real date written YYYY-MM-DD (or YYYY-MM) such as 2024-03-19, got "2024-02-30"',
            'outcomes.csv line 4, column published: expected a real date such as 2024-03-20, 2024-03 or 2024, got "24 June 2024"',
            expect.stringMatching(/^outcomes.csv line 5, column entity: expected an entity the ledger knows, got "Stabilty AI"; did you mean "Stability AI"\? If not, add it first: shakeout entities add --id stabilty-ai --name "Stabilty AI" \(HTTP: POST \/api\/entities .*\)$/),
            'outcomes.csv line 5, column url: expected an address starting with http:// or https://, got "ft.com/x"',
            'outcomes.csv line 5, column published_estimated: expected yes, no or nothing (yes: the date published was inferred, the page showed none), got "maybe"',
            'outcomes.csv line 5, column out: expected yes (the event put the company out of the race), no, or nothing, got "perhaps"',
            'outcomes.csv line 6, column colour: expected one of the columns entity, date, type, detail, publisher, title, url, published, published_estimated, out, got "colour"',
            expect.stringMatching(/^outcomes.csv line 6, column detail: expected what happened, in a few words .*, got nothing$/),
            'outcomes.csv line 7, column entity: expected each outcome once, got stability-ai recapitalization 2024-06-25 again (first at outcomes.csv line 2)',
          ]);
          expect(e.issues[0]!.path).toEqual(['outcomes.csv line 3', 'column type']);
          expect(await s.listOutcomes()).toEqual([]);
          expect(await s.listSources()).toEqual([]);
        } finally {
          await s.close();
        }
      });

      it('a fresh ledger holds the bundled outcomes, and loading them again adds nothing', async () => {
        const s = await makeStore({ bundled: true });
        try {
          const all = await s.listOutcomes();
          expect(all).toHaveLength(14);
          expect((await s.listOutcomes({ entity: 'Inflection AI' })).map((o) => `${o.type} ${o.date} ${o.source.publishedEstimated}`)).toEqual(['acquihire_license 2024-03-19 true']);
          expect((await s.listOutcomes({ entity: '百川' })).map((o) => o.type)).toEqual(['raised', 'pivot']);
          const sum = await s.summary();
          expect(sum.outcomes).toBe(14);
          expect(sum.sources.find((x) => x.source.url === 'https://www.deeplearning.ai/the-batch/microsoft-pays-inflection-ai-650-million-hires-most-of-its-staff/')).toMatchObject({ facts: 0, outcomes: 1 });
        } finally {
          await s.close();
        }
      });
    });
  });
}
