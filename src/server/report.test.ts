import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

const Q = 'samples=200&seed=7';

interface ReportJson {
  lang: string;
  charts: { id: string; title: string; series: { name: string; values: (number | null)[]; band?: { lower: number[] } }[] }[];
}

describe('the report over HTTP', () => {
  it('serves HTML with its charts inline under the product\'s policy, its styles allowed by hash only, and as a file when asked', async () => {
    const app = createApp({ store });
    const res = await app.request(`/api/report?format=html&lang=zh&${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<svg');
    expect(html).toContain('lang="zh');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // every style attribute and the stylesheet are allowed by their own hash
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    const attrs = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&'));
    expect(attrs.length).toBeGreaterThan(0);
    for (const a of attrs) expect(csp).toContain(hash(a));
    expect(csp).toContain(hash(html.match(/<style[^>]*>([\s\S]*?)<\/style>/)![1]!));

    const file = await app.request(`/api/report?format=html&lang=zh&${Q}&download=1`);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="shakeout-report-zh.html"');
    expect(await file.text()).toBe(html);
  });

  it('serves Markdown as one file, its charts as SVG data: URIs, and the report as data', async () => {
    const app = createApp({ store });
    const md = await app.request(`/api/report?format=md&${Q}`);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    const images = [...text.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    const json = (await (await app.request(`/api/report?format=json&${Q}`)).json()) as ReportJson;
    expect(json.lang).toBe('en');
    expect(images).toHaveLength(json.charts.length);
    for (const svg of images) expect(svg.startsWith('<svg')).toBe(true);
    expect(text).not.toContain('chart not written');
  });

  it('lists the report\'s charts and gives each as the ECharts option of the very spec the report draws, survival with its 90% bands', async () => {
    const app = createApp({ store });
    const list = (await (await app.request(`/api/charts?${Q}`)).json()) as { items: { name: string; title: string }[] };
    const json = (await (await app.request(`/api/report?format=json&${Q}`)).json()) as ReportJson;
    expect(list.items).toEqual(json.charts.map((c) => ({ name: c.id, title: c.title })));
    expect(list.items.map((c) => c.name)).toContain('survival-curves');
    for (const { name } of list.items) {
      const o = (await (await app.request(`/api/charts/${name}?${Q}`)).json()) as { title: { text: string }; series: { name: string; data: (number | null)[] }[] };
      const spec = json.charts.find((c) => c.id === name)!;
      expect(o.title.text).toBe(spec.title);
      // the spec's own series, in order, after any bands
      const lines = o.series.slice(o.series.length - spec.series.length);
      expect(lines.map((s) => [s.name, s.data])).toEqual(spec.series.map((s) => [s.name, s.values]));
    }
    const surv = (await (await app.request(`/api/charts/survival-curves?${Q}`)).json()) as { series: { name: string; stack?: string; areaStyle?: object; data: number[] }[] };
    const bands = surv.series.filter((s) => s.stack);
    const spec = json.charts.find((c) => c.id === 'survival-curves')!;
    expect(bands).toHaveLength(2 * spec.series.length);
    expect(bands[0]!.data).toEqual(spec.series[0]!.band!.lower);
    expect(bands.filter((s) => s.areaStyle)).toHaveLength(spec.series.length);
  });

  it('builds the report once for its formats and charts of one query, and again after a write', async () => {
    let calls = 0;
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...a: unknown[]) => {
          if (prop === 'listFacts') calls++;
          return (v as (...x: unknown[]) => unknown).apply(target, a);
        };
      },
    });
    const app = createApp({ store: counted, token: 't' });
    const q = 'samples=100&seed=9&lang=zh';
    expect((await app.request(`/api/report?format=json&${q}`)).status).toBe(200);
    const once = calls;
    expect(once).toBeGreaterThan(0);
    expect((await app.request(`/api/charts?${q}`)).status).toBe(200);
    expect((await app.request(`/api/charts/survival-curves?${q}`)).status).toBe(200);
    expect((await app.request(`/api/report?format=md&${q}`)).status).toBe(200);
    expect(calls).toBe(once);
    const w = await app.request('/api/entities', { method: 'POST', headers: { Authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify({ id: 'report-memo-ai', nameEn: 'Report Memo AI', kind: 'company' }) });
    expect(w.status).toBe(201);
    expect((await app.request(`/api/charts?${q}`)).status).toBe(200);
    expect(calls).toBeGreaterThan(once);
  });

  it('refuses an unknown chart with the closest name, and bad options naming the field', async () => {
    const app = createApp({ store });
    const r = await app.request(`/api/charts/survival-curve?${Q}`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^no chart "survival-curve" in this report; did you mean "survival-curves"\? \(its charts: .*survival-curves/);
    const bad = await app.request('/api/report?format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['query', 'format']);
    const big = await app.request('/api/report?samples=5000000');
    expect(big.status).toBe(400);
    const cur = await app.request(`/api/charts?${Q}&currency=XYZ`);
    expect(cur.status).toBe(400);
    expect(((await cur.json()) as { error: { message: string } }).error.message).toContain('XYZ');
  });
});
