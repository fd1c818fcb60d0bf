import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api.js';
import { AsOfField } from '../../as-of-field.js';
import { Chart } from '../../chart.js';
import { formatInterval, formatValue } from '../../format.js';
import { lang, t, tOr } from '../../i18n.js';
import { go, href, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { changedKeys, lineOf, syntaxErrorLine, type Change } from './assumptions-text.js';
import { runSurvival, type Month, type Survival, type SurvivalCompany } from './run-survival.js';
import { CLIMATES, climateColumns, decodeColumns, encodeColumns, MAX_COLUMNS, MAX_LINK_CHARS, MIN_COLUMNS, type Climate, type Column } from './scenario-link.js';
import './scenarios.css';

/** What every column shares, so only the climate and the assumptions differ between them. */
const SHARED = { paths: 5000, seed: 'shakeout', horizon: 60 } as const;
const MONTHS: Month[] = ['12', '24', '36'];
const DEFAULT_COLUMNS: Column[] = climateColumns('cold,neutral,hot');

const pct = (x: number | null) => formatValue(x, { unit: 'percent', per: null });
/** A phrase of the tables with its {placeholders} filled. */
const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

interface Bundled { text: string; name: string }
/** A column's result: pending, the analysis, or the server's error. */
type Result = { status: 'running' } | { status: 'done'; survival: Survival } | { status: 'failed'; error: ApiError };

/** What a column runs: its climate and text (the label is only shown). */
const runKey = (c: Column) => JSON.stringify([c.climate, c.text]);

/** Scenarios: two to four columns side by side, each a funding climate or an assumption set, run with the same seed, paths and as-of date. */
export function ScenariosPage() {
  const p = route.value.params;
  const month = (MONTHS as string[]).includes(p.get('month') ?? '') ? (p.get('month') as Month) : '24';
  const asOf = p.get('asOf') ?? '';
  const zh = lang.value === 'zh';

  const [bundled, setBundled] = useState<Bundled | ApiError | null>(null);
  const [columns, setColumns] = useState<Column[] | null>(null);
  const [applied, setApplied] = useState<Column[] | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  // a link whose columns cannot be read (the reason), and the length of columns too long for a link
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState<number | null>(null);
  const texts = useRef<(HTMLTextAreaElement | null)[]>([]);

  const start = (cols: Column[]) => {
    setColumns(cols);
    setApplied(cols);
  };
  // the bundled assumptions (what an own-assumptions column starts from) and the columns of the link
  useEffect(() => {
    api.get<Bundled>('/api/assumptions').then(setBundled, (e: ApiError) => setBundled(e));
    const cols = p.get('cols');
    if (cols) {
      void decodeColumns(cols).then((r) => {
        if ('columns' in r) return start(r.columns);
        setUnreadable(r.error);
        start(DEFAULT_COLUMNS);
      });
    } else {
      // the page's first links: climates=cold,hot
      const climates = climateColumns(p.get('climates') ?? '');
      start(climates.length >= MIN_COLUMNS ? climates : DEFAULT_COLUMNS);
    }
  }, []);

  // run what is applied: every column with the same seed, paths and as-of date
  useEffect(() => {
    if (!applied) return;
    let live = true;
    setResults(applied.map(() => ({ status: 'running' })));
    applied.forEach((c, i) => {
      runSurvival({ climate: c.climate, asOf, ...SHARED, lang: lang.value, assumptionsText: c.text ?? undefined })
        .then((survival) => ({ status: 'done', survival }) as const, (error: ApiError) => ({ status: 'failed', error }) as const)
        .then((r) => live && setResults((prev) => prev.map((x, j) => (j === i ? r : x))));
    });
    return () => {
      live = false;
    };
  }, [applied?.map(runKey).join('\n'), asOf, lang.value]);

  // the columns in the link, so a reload or a shared link shows them; too long: said, never cut
  useEffect(() => {
    if (!applied) return;
    let live = true;
    void encodeColumns(applied).then((cols) => {
      if (!live) return;
      const fits = cols.length <= MAX_LINK_CHARS;
      setTooLong(fits ? null : cols.length);
      const now = route.peek().params;
      go('scenarios', { ...(fits ? { cols } : {}), month: now.get('month') ?? undefined, asOf: now.get('asOf') ?? undefined }, true);
    });
    return () => {
      live = false;
    };
  }, [applied]);

  const set = (change: { month?: string; asOf?: string }) =>
    go('scenarios', { cols: p.get('cols') ?? undefined, climates: p.get('climates') ?? undefined, month: change.month ?? month, asOf: change.asOf ?? asOf }, true);
  if (!columns || !applied) return <section class="scenarios" data-testid="scenarios"><h1>{t('navScenarios')}</h1><p class="muted">{t('loading')}</p></section>;

  const bundledText = bundled && 'text' in bundled ? bundled.text : null;
  /** Changes a column: a climate or the choice of assumptions runs every column as it stands; a text runs on Run; a label shows at once and runs nothing. */
  const edit = (i: number, change: Partial<Column>, run: boolean) => {
    const next = columns.map((c, j) => (j === i ? { ...c, ...change } : c));
    setColumns(next);
    if (run) setApplied(next);
    else if (change.label !== undefined) setApplied(applied.map((c, j) => (j === i ? { ...c, label: change.label! } : c)));
  };
  const runAll = () => setApplied(columns);
  const change = (next: Column[]) => {
    setColumns(next);
    setApplied(next);
  };
  const add = () => change([...columns, { label: '', climate: 'neutral', text: bundledText }]);
  const remove = (i: number) => change(columns.filter((_, j) => j !== i));
  const dirty = columns.some((c, i) => !applied[i] || runKey(applied[i]!) !== runKey(c)) || columns.length !== applied.length;
  const nameOf = (c: Column, i: number) => c.label.trim() || (c.text === null ? t(`climate_${c.climate}`) : fill(t('scenarioColumn'), { n: i + 1 }));
  const done = results.map((r) => (r.status === 'done' ? r.survival : null));
  const settled = results.length === applied.length && results.every((r) => r.status !== 'running');
  const companies: SurvivalCompany[] = [];
  for (const s of done) for (const c of s?.analysis.details.companies ?? []) if (!companies.some((x) => x.id === c.id)) companies.push(c);
  const companyName = (c: SurvivalCompany) => (zh && c.nameZh ? c.nameZh : c.name);
  const goToLine = (i: number, line: number) => {
    const el = texts.current[i];
    if (!el) return;
    const lines = el.value.split('\n');
    const from = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(from, from + (lines[line - 1]?.length ?? 0));
    el.scrollTop = Math.max(0, textHeight(el, from) - el.clientHeight / 3);
  };

  return (
    <section class="scenarios" data-testid="scenarios">
      <h1>{t('navScenarios')}</h1>
      <p class="muted small">{t('scenariosHint')}</p>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); runAll(); }}>
        <label>{t('chanceOut')}
          <select value={month} onChange={(e) => set({ month: e.currentTarget.value })}>
            {MONTHS.map((m) => <option value={m}>{m} {t('months')}</option>)}
          </select>
        </label>
        <AsOfField value={asOf} onChange={(v) => set({ asOf: v })} />
        <button type="submit" data-testid="run-scenarios" disabled={!dirty}>{t('run')}</button>
        <button type="button" data-testid="add-column" onClick={add} disabled={columns.length >= MAX_COLUMNS}>{t('addColumn')}</button>
      </form>
      <p class="muted small">{t('scenariosRunHint')}</p>
      {unreadable && <p class="note" role="status" data-testid="link-note">{fill(t('linkUnreadable'), { reason: unreadable })}</p>}
      {tooLong !== null && <p class="note" role="status" data-testid="link-note">{fill(t('linkTooLong'), { n: tooLong.toLocaleString(zh ? 'zh-CN' : 'en-US'), max: MAX_LINK_CHARS.toLocaleString(zh ? 'zh-CN' : 'en-US') })}</p>}
      {bundled && !('text' in bundled) && <div><p>{t('assumptionsUnavailable')}</p><ErrorBox error={bundled} /></div>}

      {settled && companies.length > 0 && (
        <>
          <div class="table-wrap">
            <table class="facts" data-testid="scenario-table">
              <thead>
                <tr><th>{t('company')}</th>{applied.map((c, i) => <th class="num">{nameOf(columns[i] ?? c, i)}</th>)}</tr>
              </thead>
              <tbody>
                {companies.map((co) => (
                  <tr>
                    <td><a href={href('company', { asOf: asOf || undefined }, [co.id])}>{companyName(co)}</a></td>
                    {done.map((s) => <PCell survival={s} company={co.id} month={month} />)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted small">{t('chanceOut')} {month} {t('months')} · {t('mcInterval')}</p>
        </>
      )}

      <h2>{t('whatDiffers')}</h2>
      {/* not "the latest facts": without an as-of day each company's inputs stand at its start (the assumptions' as_of for a company they name), said under each column */}
      <p class="small" data-testid="same-in-every">{fill(t('sameInEvery'), { seed: SHARED.seed, paths: SHARED.paths.toLocaleString(zh ? 'zh-CN' : 'en-US'), horizon: SHARED.horizon, asOf: asOf ? fill(t('asOfDay'), { date: asOf }) : t('asOfStart') })}</p>
      <ul class="scenario-differs" data-testid="what-differs">
        {applied.map((c, i) => (
          <li><strong>{nameOf(columns[i] ?? c, i)}</strong>{t('listColon')}{t('climate')} {t(`climate_${c.climate}`)}{t('listSemicolon')}<Differs text={c.text} bundled={bundledText} companies={companies} /></li>
        ))}
      </ul>

      <div class="side-by-side scenario-columns">
        {columns.map((c, i) => {
          const r = results[i];
          const stale = !applied[i] || runKey(applied[i]!) !== runKey(c);
          return (
            <article class="scenario-column" data-testid="scenario-column" aria-label={nameOf(c, i)}>
              <h2>{nameOf(c, i)}</h2>
              <div class="scenario-controls">
                <label>{t('scenarioLabel')}
                  <input type="text" value={c.label} placeholder={nameOf({ ...c, label: '' }, i)} onInput={(e) => edit(i, { label: e.currentTarget.value }, false)} data-testid="column-label" />
                </label>
                <label>{t('climate')}
                  <select value={c.climate} onChange={(e) => edit(i, { climate: e.currentTarget.value as Climate }, true)} data-testid="column-climate">
                    {CLIMATES.map((x) => <option value={x}>{t(`climate_${x}`)}</option>)}
                  </select>
                </label>
                <label class="check">
                  <input type="checkbox" checked={c.text !== null} disabled={bundledText === null && c.text === null} data-testid="own-assumptions"
                    onChange={(e) => edit(i, { text: e.currentTarget.checked ? (c.text ?? bundledText) : null }, true)} />
                  {t('ownAssumptions')}
                </label>
                <button type="button" onClick={() => remove(i)} disabled={columns.length <= MIN_COLUMNS} data-testid="remove-column">{t('removeColumn')}</button>
              </div>
              {c.text !== null && (
                <>
                  <label class="scenario-text">{t('assumptionsTextLabel')}
                    <textarea ref={(el) => { texts.current[i] = el; }} class="mono" rows={14} spellcheck={false} value={c.text} data-testid="assumptions-text"
                      onInput={(e) => edit(i, { text: e.currentTarget.value }, false)}
                      onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runAll(); } }} />
                  </label>
                  <div class="buttons">
                    <button type="button" onClick={() => edit(i, { text: bundledText }, false)} disabled={bundledText === null || c.text === bundledText}>{t('resetAssumptions')}</button>
                  </div>
                </>
              )}
              {stale && <p class="muted small" data-testid="stale">{t('scenarioEdited')}</p>}
              {!r || r.status === 'running' ? <p class="muted">{t('loading')}</p>
                : r.status === 'failed' ? <ColumnError error={r.error} text={applied[i]?.text ?? null} goTo={(line) => goToLine(i, line)} />
                : <ColumnResult survival={r.survival} name={nameOf(c, i)} companyName={companyName} />}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** How far down a textarea its text up to `end` reaches, wrapped as the textarea wraps it: a copy of its box holds that text and is measured. */
function textHeight(el: HTMLTextAreaElement, end: number): number {
  const style = getComputedStyle(el);
  const copy = document.createElement('div');
  for (const p of ['font', 'letterSpacing', 'lineHeight', 'padding', 'border', 'boxSizing', 'tabSize'] as const) copy.style[p] = style[p];
  copy.style.width = `${el.clientWidth}px`;
  copy.style.whiteSpace = 'pre-wrap';
  copy.style.overflowWrap = 'break-word';
  copy.style.position = 'absolute';
  copy.style.visibility = 'hidden';
  copy.textContent = el.value.slice(0, end);
  document.body.append(copy);
  const h = copy.scrollHeight;
  copy.remove();
  return h;
}

/** One cell of the comparison: P(out) within the month, and its Monte Carlo 90% interval under it. */
function PCell({ survival, company, month }: { survival: Survival | null; company: string; month: Month }) {
  const x = survival?.analysis.details.companies.find((c) => c.id === company);
  const e = survival?.analysis.estimates.find((y) => y.id === `survival.${company}.p_out_${month}`);
  return (
    <td class="num" title={x ? (lang.value === 'zh' ? x.medianMonthOutText.zh : x.medianMonthOutText.en) : undefined}>
      {pct(x?.pOutWithin[month] ?? null)}
      {e && <span class="interval">{formatInterval(e.p5, e.p95, { unit: 'percent', per: null })}</span>}
    </td>
  );
}

/** A column's own result: P(out) within 12, 24 and 36 months with their intervals, and its survival curves. */
function ColumnResult({ survival, name, companyName }: { survival: Survival; name: string; companyName: (c: SurvivalCompany) => string }) {
  return (
    <>
      <div class="table-wrap">
        <table class="facts" data-testid="column-table">
          <caption class="muted small">{t('pOutTitle')} · {t('mcInterval')}</caption>
          <thead><tr><th>{t('company')}</th><th class="num">{t('pOut12')}</th><th class="num">{t('pOut24')}</th><th class="num">{t('pOut36')}</th></tr></thead>
          <tbody>
            {survival.analysis.details.companies.map((c) => (
              <tr data-company={c.id}>
                <td>{companyName(c)}</td>
                {MONTHS.map((m) => <PCell survival={survival} company={c.id} month={m} />)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StartOf survival={survival} />
      <figure>
        <Chart option={survival.chart} unit="percent" label={`${t('chartLabel')} (${name})`} />
      </figure>
    </>
  );
}

type Bi = { en: string; zh: string };
/** What GET /api/survival says beside the figures: where the inputs start, and who is not simulated. */
interface StartDetails { startLines?: Bi[]; out?: { id: string; text: Bi }[]; leftOut?: { id: string; text: Bi }[] }

/** A column's inputs: where they start (the date, what set it, the later facts left aside) and the companies not simulated, in plain view. */
function StartOf({ survival }: { survival: Survival }) {
  const d = survival.analysis.details as Survival['analysis']['details'] & StartDetails;
  const say = (x: Bi) => (lang.value === 'zh' ? x.zh : x.en);
  const not = [...(d.out ?? []), ...(d.leftOut ?? [])];
  return (
    <div class="small" data-testid="column-start">
      <p><strong>{t('inputsStartTitle')}</strong></p>
      <ul>{(d.startLines ?? []).map((l) => <li>{say(l)}</li>)}</ul>
      {not.length > 0 && (
        <>
          <p><strong>{t('notSimulated')}</strong></p>
          <ul data-testid="column-not-simulated">{not.map((x) => <li>{say(x.text)}</li>)}</ul>
        </>
      )}
    </div>
  );
}

/** The server's refusal of a column, in place: its issues, and a button to the line of the column's text each one points at. */
function ColumnError({ error, text, goTo }: { error: ApiError; text: string | null; goTo: (line: number) => void }) {
  // a field's line from the path the issue names; a text that is not YAML, where the reader stopped
  const lines = text === null ? [] : error.issues
    .map((i) => ({ issue: i, line: i.code === 'invalid_yaml' ? syntaxErrorLine(text) : lineOf(text, i.path) }))
    .filter((x) => x.line !== null);
  return (
    <div data-testid="column-error">
      <ErrorBox error={error} />
      {lines.length > 0 && (
        <ul class="small">
          {lines.map(({ issue, line }) => (
            <li>{issue.code !== 'invalid_yaml' && <code>{issue.path.join(' · ')}</code>} <button type="button" class="link" onClick={() => goTo(line!)} data-testid="go-to-line">{fill(t('goToLine'), { n: line! })}</button></li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a column's assumptions are: the bundled ones, or the keys it changed (companies by the name the analysis gives them). */
function Differs({ text, bundled, companies }: { text: string | null; bundled: string | null; companies: SurvivalCompany[] }) {
  if (text === null || text === bundled) return <span>{t('bundledUnchanged')}</span>;
  // the bundled text did not load: the column's own text, compared with nothing
  if (bundled === null) return <span>{t('ownAssumptions')}</span>;
  const d = changedKeys(bundled, text);
  if ('error' in d) return <span>{t('notYaml')}</span>;
  if (!d.changes.length) return <span>{t('bundledUnchanged')}</span>;
  const company = (name: string) => {
    const c = companies.find((x) => x.name === name || x.nameZh === name);
    return c && lang.value === 'zh' && c.nameZh ? c.nameZh : name;
  };
  const key = (k: string) => tOr(`key_${k}`, k);
  // a company's field by the company's name: OpenAI · cash · value
  const shown = (ch: Change) => (ch.path[0] === 'companies' && ch.path.length > 1 ? [company(ch.path[1]!), ...ch.path.slice(2).map(key)] : ch.path.map(key)).join(' · ');
  return (
    <>
      <span>{t('changedFromBundled')}</span>
      <ul>
        {d.changes.map((ch) => (
          <li data-testid="changed-key">
            <code>{shown(ch)}</code>{t('listColon')}{ch.before === null ? t('keyAdded') : <del>{ch.before}</del>} → {ch.after === null ? t('keyRemoved') : <ins>{ch.after}</ins>}
          </li>
        ))}
      </ul>
    </>
  );
}
