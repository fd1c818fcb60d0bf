import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../i18n.js';
import type { RunResult } from './model-run.js';
import { OutputDrivers, OutputsSummary, ResultBoundary, RunResultView } from './run-outputs.js';

/** The text of rendered HTML, tags dropped, entities of the renderer decoded. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&ndash;/g, '–').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
/** The text of each body row. */
const rows = (html: string) => (html.split('<tbody>')[1] ?? '').match(/<tr[^>]*>.*?<\/tr>/g)!.map(text);

// What POST /api/models/run answers for `x = fact("Cohere", "funding")` (an exact "$270 million") and `y = x * 2`
// with sensitivity: every draw the same, so the rank correlation is undefined and sent as null.
const EXACT_RUN: RunResult = JSON.parse(JSON.stringify({
  outputs: {
    y: { mean: 540e6, sd: 0, p5: 540e6, p25: 540e6, p50: 540e6, p75: 540e6, p95: 540e6, histogram: { edges: [540e6, 540e6], counts: [10000] }, drivers: [{ name: 'x', spearman: NaN, low: NaN, high: NaN, swing: 0 }] },
    b: 3,
  },
  sampleCount: 10000, seed: 'shakeout', facts: [],
})) as RunResult;

afterEach(() => {
  lang.value = 'en';
});

describe('the playground\'s result tables', () => {
  it('says an undefined rank correlation (null from the API) as "–" with the reason, in English and Chinese', () => {
    const drivers = (EXACT_RUN.outputs.y as { drivers: { name: string; spearman: number | null }[] }).drivers;
    expect(drivers[0]!.spearman).toBeNull();
    const en = renderToString(h(OutputDrivers, { drivers }));
    expect(text(en)).toBe('driver rank correlation x –');
    expect(en).toContain('title="Undefined: a rank correlation with a constant (an exact figure) has no value"');
    // no bar is drawn for it
    expect(en).not.toContain('<span class="bar');
    lang.value = 'zh';
    const zh = renderToString(h(OutputDrivers, { drivers }));
    expect(zh).toContain('title="无定义：与常数（确切数字）的秩相关系数没有取值"');
  });

  it('draws a defined correlation to two decimals with its bar, red when it works against the output', () => {
    const html = renderToString(h(OutputDrivers, { drivers: [{ name: 'price', spearman: 0.834 }, { name: 'churn', spearman: -0.41 }] }));
    expect(text(html)).toBe('driver rank correlation price 0.83 churn -0.41');
    expect(html).toContain('class="bar " style="width:83%;"');
    expect(html).toContain('class="bar neg" style="width:41%;"');
  });

  it('shows a constant output\'s value (the API sends a bare number) and says it is exact', () => {
    const html = renderToString(h(OutputsSummary, { outputs: Object.entries(EXACT_RUN.outputs) }));
    expect(rows(html)).toEqual(['y 540M 540M 540M 540M 0', 'b 3 exact: a constant, with no spread']);
    lang.value = 'zh';
    const zh = renderToString(h(OutputsSummary, { outputs: [['b', 3]] }));
    expect(text(zh)).toContain('b 3 确切值：常数，没有离散');
  });

  it('says a constant that is not a number (NaN, sent as null) as such', () => {
    const html = renderToString(h(OutputsSummary, { outputs: [['z', null]] }));
    expect(rows(html)).toEqual(['z – not a number']);
  });
});

describe('ResultBoundary', () => {
  function Broken(): never {
    throw new TypeError('Cannot read properties of null (reading \'toFixed\')');
  }

  // Rendering to a string does not catch (only a DOM render does, which the e2e test covers): here the
  // boundary's two steps, the error caught into its state and what it then draws.
  it('says a result it cannot draw, with the error, instead of throwing', () => {
    let caught: unknown;
    try {
      renderToString(h(Broken, null));
    } catch (e) {
      caught = e;
    }
    const boundary = new ResultBoundary({ of: EXACT_RUN, children: h(Broken, null) });
    boundary.state = ResultBoundary.getDerivedStateFromError(caught);
    const html = renderToString(h(() => boundary.render(), null));
    expect(html).toContain('data-testid="result-error"');
    expect(text(html)).toBe('The run finished, but its result could not be shown: Cannot read properties of null (reading \'toFixed\')');
  });

  it('draws its children when they draw', () => {
    const html = renderToString(h(ResultBoundary, { of: EXACT_RUN }, h(OutputsSummary, { outputs: [['b', 3]] })));
    expect(html).not.toContain('result-error');
    expect(html).toContain('data-testid="summary"');
  });
});

describe('RunResultView', () => {
  it('draws a run of an exact fact: the summary, the constant, the drivers with "–", the fact read', () => {
    const run = {
      ...EXACT_RUN,
      facts: [{ request: { entity: 'Cohere', metric: 'funding' }, fact: 'fact-1', valueText: '$270 million', source: { publisher: 'Reuters', url: null, published: '2023-06-08' }, leftAside: [] }],
    };
    const html = renderToString(h(RunResultView, { result: run, samplesUrl: null }));
    expect(rows(html.slice(0, html.indexOf('model-drivers')))).toEqual(['y 540M 540M 540M 540M 0', 'b 3 exact: a constant, with no spread']);
    expect(html).toContain('data-undefined="true"');
    expect(text(html)).toContain('fact("Cohere", "funding") → fact-1 $270 million — Reuters, 2023-06-08');
    // a constant has no section of its own (no histogram, no drivers)
    expect(html.match(/<h2 class="mono">/g)).toHaveLength(1);
  });
});
