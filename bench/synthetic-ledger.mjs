// A synthetic ledger for load tests and benchmarks: facts as a CSV in the
// import format (FACT_COLUMNS), seeded so the same arguments give the same
// bytes. The mix is meant to look like a real ledger grown large: several
// companies (bundled entities, so no entity has to be added first), several
// metrics, periods of every shape that overlap (years, quarters, months,
// "as of" dates, spans), many facts on the same thing (entity, metric,
// period) from different outlets, some of which disagree (conflicts), some
// linked as the same figure (same_as), some corrections (supersedes: history),
// figures written in English and in Chinese.
//
// Used by bench/ledger-scale.mjs, bench/concurrent-writers.mjs and the killed
// import test (src/cli/killed-import.test.ts). Not product code: the numbers
// are made up and say nothing about any company.

/** The bundled entities the facts are about (data/entities.yaml), and whether their figures are written in Chinese. */
const ENTITIES = [
  ['openai', false], ['anthropic', false], ['inflection-ai', false], ['stability-ai', false], ['chatgpt', false],
  ['moonshot-ai', true], ['minimax', true], ['zhipu-ai', true], ['baichuan-ai', true],
];

/** Metrics with a typical size (US dollars, or a count) and the period shapes they come in. */
const METRICS = [
  { metric: 'revenue', base: 4e8, periods: ['year', 'quarter', 'month'] },
  { metric: 'funding', base: 1e9, periods: ['month', 'span'], scope: 'round' },
  { metric: 'valuation', base: 2e10, periods: ['asof'] },
  { metric: 'revenue_run_rate', base: 1e9, periods: ['asof'] },
  { metric: 'net_loss', base: 1e9, periods: ['year', 'quarter'] },
  { metric: 'headcount', base: 800, periods: ['asof'], count: true },
  { metric: 'users', base: 3e7, periods: ['month', 'quarter'], count: true, scope: 'mau' },
];

const YEARS = [2021, 2022, 2023, 2024, 2025];

/** mulberry32: a small seeded generator, enough for test data. */
export function seededRandom(seed) {
  let a = typeof seed === 'number' ? seed >>> 0 : [...String(seed)].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

function period(shape, rnd) {
  const y = YEARS[Math.floor(rnd() * YEARS.length)];
  const m = 1 + Math.floor(rnd() * 12);
  switch (shape) {
    case 'year': return { text: String(y), last: `${y}-12` };
    case 'quarter': { const q = 1 + Math.floor(rnd() * 4); return { text: `${y}-Q${q}`, last: `${y}-${pad(q * 3)}` }; }
    case 'month': return { text: `${y}-${pad(m)}`, last: `${y}-${pad(m)}` };
    case 'asof': return { text: `as of ${y}-${pad(m)}`, last: `${y}-${pad(m)}` };
    default: { const y2 = Math.min(y + 1, 2025); return { text: `${y}-${pad(m)}/${y2}-${pad(m)}`, last: `${y2}-${pad(m)}` }; }
  }
}

/** A figure as a source would write it, around `value`. */
function written(value, count, zh, rnd) {
  const hedge = rnd();
  if (count) {
    const v = Math.max(1, Math.round(value));
    if (zh) return `${hedge < 0.3 ? '超' : hedge < 0.5 ? '约' : ''}${v >= 1e4 ? `${(v / 1e4).toFixed(0)}万` : v}`;
    return `${hedge < 0.3 ? 'over ' : hedge < 0.5 ? 'about ' : ''}${v}`;
  }
  if (zh) {
    const yi = value / 1e8;
    return `${hedge < 0.3 ? '超' : hedge < 0.5 ? '近' : ''}${yi >= 10 ? yi.toFixed(0) : yi.toFixed(1)}亿${rnd() < 0.5 ? '美元' : '元'}`;
  }
  const [n, word] = value >= 1e9 ? [value / 1e9, 'billion'] : [value / 1e6, 'million'];
  const num = n >= 100 ? n.toFixed(0) : n.toFixed(1);
  return hedge < 0.25 ? `about $${num} ${word}` : hedge < 0.4 ? `nearly $${num}${word[0].toUpperCase()}` : `$${num} ${word}`;
}

const COLUMNS = ['id', 'entity', 'metric', 'value_as_written', 'period', 'scope', 'publisher', 'title', 'url', 'published', 'note', 'supersedes', 'same_as'];

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * `n` facts as CSV text (header and one line a fact), ids `${prefix}-1` to
 * `${prefix}-n`. About one fact in eight starts a new "thing" (entity,
 * metric, period), the rest report one already seen, by another outlet, within
 * 15% of its value, or (one in ten) two to four times off: a conflict. One in
 * twenty is linked same_as to an earlier fact of its thing; one in fifty
 * corrects an earlier fact (each corrected once at most).
 *
 * @param {{ n: number, seed?: number | string, prefix?: string, publishers?: number }} options
 * @returns {string}
 */
export function syntheticFactsCsv({ n, seed = 1, prefix = 'syn', publishers = 300 }) {
  const rnd = seededRandom(seed);
  const things = [];
  const corrected = new Set();
  const lines = [COLUMNS.join(',')];
  for (let i = 1; i <= n; i++) {
    let thing;
    if (things.length === 0 || rnd() < 0.125) {
      const [entity, zh] = ENTITIES[Math.floor(rnd() * ENTITIES.length)];
      const m = METRICS[Math.floor(rnd() * METRICS.length)];
      const p = period(m.periods[Math.floor(rnd() * m.periods.length)], rnd);
      thing = { entity, zh, m, p, value: m.base * Math.exp((rnd() - 0.5) * 3), ids: [] };
      things.push(thing);
    } else thing = things[Math.floor(rnd() * things.length)];
    const off = rnd() < 0.1 ? 2 + rnd() * 2 : 1 + (rnd() - 0.5) * 0.3;
    const id = `${prefix}-${i}`;
    const pub = Math.floor(rnd() * publishers);
    const [py, pm] = thing.p.last.split('-').map(Number);
    const lag = 1 + Math.floor(rnd() * 6);
    const pubMonth = pm + lag;
    const published = `${py + Math.floor((pubMonth - 1) / 12)}-${pad(((pubMonth - 1) % 12) + 1)}-${pad(1 + Math.floor(rnd() * 28))}`;
    let supersedes = '';
    let sameAs = '';
    const earlier = thing.ids.filter((x) => !corrected.has(x));
    const roll = rnd();
    if (earlier.length && roll < 0.02) {
      supersedes = earlier[Math.floor(rnd() * earlier.length)];
      corrected.add(supersedes);
    } else if (earlier.length && roll < 0.07) sameAs = earlier[Math.floor(rnd() * earlier.length)];
    thing.ids.push(id);
    const publisher = thing.zh && rnd() < 0.5 ? `财经媒体${pub}` : `Outlet ${pub}`;
    lines.push([
      id, thing.entity, thing.m.metric, written(thing.value * off, thing.m.count, thing.zh, rnd), thing.p.text, thing.m.scope ?? '',
      publisher, `${thing.entity} ${thing.m.metric} report ${i}`, `https://example.com/${prefix}/${i}`, published,
      rnd() < 0.2 ? `synthetic note ${i}, "quoted", with a comma` : '', supersedes, sameAs,
    ].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
