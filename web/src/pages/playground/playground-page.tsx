import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, offers, type ApiError } from '../../api.js';
import { lang, t } from '../../i18n.js';
import { go, href, route } from '../../router.js';
import { modelCheckText } from '../../error-text.js';
import { ErrorBox } from '../ledger/error-box.js';
import type { CheckIssue, Names } from './editor.js';
import { startRun, type RunState } from './model-run.js';
import { ResultBoundary, RunResultView } from './run-outputs.js';

/** Runs start by themselves after an edit when they ask for this many samples or fewer; above, by hand. */
export const AUTO_RUN_MAX_SAMPLES = 20_000;
const SAMPLE_CHOICES = [1_000, 10_000, 20_000, 100_000, 1_000_000];
const DEFAULT_SOURCE = 'subs = 3M to 5M          // subscribers, a 90% range\nprice = 15 to 25         // dollars a month\nrevenue = subs * price * 12\nrevenue\n';

/**
 * The playground: a model in the editor, checked as it is typed; run by hand
 * (button, Ctrl/Cmd-Enter) or by itself under a sample threshold; each
 * output's summary, histogram and drivers, the facts it read; progress and
 * cancel for long runs; a link that reproduces the run; samples as CSV.
 */
export function PlaygroundPage() {
  const p = route.value.params;
  const [source, setSource] = useState(p.get('src') ?? DEFAULT_SOURCE);
  const [samples, setSamples] = useState(Number(p.get('samples') ?? 10_000));
  const [seed, setSeed] = useState(p.get('seed') ?? 'shakeout');
  const pinned = p.get('revision');
  const [revision, setRevision] = useState<string | null>(null);
  const [names, setNames] = useState<Names>({ functions: [], entities: [], metrics: [] });
  const [examples, setExamples] = useState<{ name: string; source: string }[]>([]);
  const [issues, setIssues] = useState<CheckIssue[]>([]);
  const [state, setState] = useState<RunState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const cancelRun = useRef<(() => void) | null>(null);
  const namesRef = useRef(names);
  namesRef.current = names;
  const latest = useRef({ source, samples, seed });
  latest.current = { source, samples, seed };
  const setDocRef = useRef<((v: EditorView, s: string) => void) | null>(null);
  const sayDiagnosticsRef = useRef<((v: EditorView, i: CheckIssue[]) => void) | null>(null);

  const run = () => {
    cancelRun.current?.();
    const r = latest.current;
    cancelRun.current = startRun({ source: r.source, samples: r.samples, seed: r.seed }, setState);
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    api.get<Names>('/api/models/names').then(setNames, setLoadError);
    api.get<{ items: { name: string; source: string }[] }>('/api/models/examples').then((r) => setExamples(r.items), setLoadError);
    // the ledger's revision, for the share link (servers without it give none)
    void offers('get', '/api/revision').then((yes) => {
      if (yes) api.get<{ revision: string | number }>('/api/revision').then((r) => setRevision(String(r.revision)), () => setRevision(null));
    });
    let disposed = false;
    // CodeMirror is loaded with this page only
    void import('./editor.js').then((m) => {
      if (disposed || !host.current) return;
      setDocRef.current = m.setDoc;
      sayDiagnosticsRef.current = m.sayDiagnostics;
      view.current = m.createEditor(host.current, {
        doc: latest.current.source,
        names: () => namesRef.current,
        check: async (src) => {
          if (!src.trim()) return [];
          const r = await api.post<{ ok: boolean; issues: CheckIssue[] }>('/api/models/check', { source: src }).catch(() => ({ ok: true, issues: [] }));
          setIssues(r.issues);
          return r.issues;
        },
        onChange: setSource,
        onRun: () => runRef.current(),
        label: t('editorLabel'),
        placeholder: t('editorPlaceholder'),
      });
      if (latest.current.samples <= AUTO_RUN_MAX_SAMPLES) runRef.current();
    });
    return () => {
      disposed = true;
      cancelRun.current?.();
      view.current?.destroy();
    };
  }, []);

  // a run by itself, a moment after the last edit, when it is small and the check found nothing
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    if (samples > AUTO_RUN_MAX_SAMPLES || !source.trim()) return;
    const id = setTimeout(() => {
      void api.post<{ ok: boolean }>('/api/models/check', { source }).then((c) => c.ok && runRef.current(), () => {});
    }, 700);
    return () => clearTimeout(id);
  }, [source, samples, seed]);

  const share = useMemo(() => `${location.origin}${location.pathname}${href('playground', { src: source, seed, samples: String(samples), revision: revision ?? undefined })}`, [source, seed, samples, revision]);
  const chooseExample = (name: string) => {
    const ex = examples.find((e) => e.name === name);
    if (ex && view.current && setDocRef.current) setDocRef.current(view.current, ex.source);
  };
  const zh = lang.value === 'zh';
  // the editor's diagnostics in the language the page switched to (the line under the editor follows by itself)
  useEffect(() => {
    if (view.current && sayDiagnosticsRef.current) sayDiagnosticsRef.current(view.current, issues);
  }, [zh]);
  const result = state?.status === 'done' ? state.result : null;

  return (
    <section class="playground" data-testid="playground">
      <h1>{t('navPlayground')}</h1>
      {loadError && <ErrorBox error={loadError} />}
      <form class="filters" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <label>{t('examples')}
          <select onChange={(e) => chooseExample(e.currentTarget.value)} data-testid="examples">
            <option value="">{t('chooseExample')}</option>
            {examples.map((e) => <option value={e.name}>{e.name}</option>)}
          </select>
        </label>
        <label>{t('samples')}
          <select value={String(samples)} onChange={(e) => setSamples(Number(e.currentTarget.value))} data-testid="samples">
            {[...new Set([...SAMPLE_CHOICES, samples])].sort((a, b) => a - b).map((n) => <option value={String(n)}>{n.toLocaleString(zh ? 'zh-CN' : 'en-US')}</option>)}
          </select>
        </label>
        <label>{t('seed')}
          <input value={seed} onInput={(e) => setSeed(e.currentTarget.value)} name="seed" maxLength={100} />
        </label>
        <button type="submit" data-testid="run">{t('run')}</button>
        {state?.status === 'running' && state.cancellable && <button type="button" onClick={() => cancelRun.current?.()} data-testid="cancel">{t('cancel')}</button>}
      </form>
      <p class="muted small">{samples <= AUTO_RUN_MAX_SAMPLES ? t('autoRuns') : t('runByHand')} {t('runKeys')}</p>
      <div class="editor" ref={host} />
      <div aria-live="polite" class="small">
        {issues.length > 0 && <p class="bad" data-testid="check-issue">{issues[0]!.line}:{issues[0]!.column} {modelCheckText(issues[0]!)}</p>}
      </div>

      <div aria-live="polite" data-testid="run-status">
        {state?.status === 'running' && (
          <p>
            <progress max={state.total} value={state.done} aria-label={t('progress')} /> {t('running')}{' '}
            {state.done > 0 ? `${state.done.toLocaleString()} / ${state.total.toLocaleString()}` : ''}
          </p>
        )}
        {state?.status === 'cancelled' && <p class="muted" data-testid="cancelled">{t('cancelled')}</p>}
        {state?.status === 'failed' && <ErrorBox error={state.error} />}
      </div>

      {result && state?.status === 'done' && (
        <ResultBoundary of={result}>
          <RunResultView result={result} samplesUrl={state.samplesUrl} />
        </ResultBoundary>
      )}

      <h2>{t('shareLink')}</h2>
      {pinned && revision && pinned !== revision && <p class="asof">{t('revisionMoved')} ({pinned} → {revision})</p>}
      <p class="share">
        <input readOnly value={share} aria-label={t('shareLink')} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => go('playground', { src: source, seed, samples: String(samples), revision: revision ?? undefined }, true)}>{t('pinToUrl')}</button>
      </p>
    </section>
  );
}
