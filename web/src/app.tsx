import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lang, setLang, t } from './i18n.js';
import { route } from './router.js';

/** Each page is its own chunk, loaded the first time it opens. */
const PAGES: { id: string; label: (() => string) | null; load: () => Promise<ComponentType> }[] = [
  { id: 'board', label: () => t('navBoard'), load: () => import('./pages/board/board-page.js').then((m) => m.BoardPage) },
  { id: 'ledger', label: () => t('navLedger'), load: () => import('./pages/ledger/ledger-page.js').then((m) => m.LedgerPage) },
  { id: 'extract', label: () => t('navExtract'), load: () => import('./pages/extract/extract-page.js').then((m) => m.ExtractPage) },
  { id: 'playground', label: () => t('navPlayground'), load: () => import('./pages/playground/playground-page.js').then((m) => m.PlaygroundPage) },
  { id: 'scenarios', label: () => t('navScenarios'), load: () => import('./pages/scenarios/scenarios-page.js').then((m) => m.ScenariosPage) },
  { id: 'analyses', label: () => t('navAnalyses'), load: () => import('./pages/analyses/analyses-page.js').then((m) => m.AnalysesPage) },
  { id: 'report', label: () => t('navReport'), load: () => import('./pages/report/report-page.js').then((m) => m.ReportPage) },
  // reached from the board and from links, not from the menu
  { id: 'company', label: null, load: () => import('./pages/company/company-page.js').then((m) => m.CompanyPage) },
];
const loaded = new Map<string, ComponentType>();

function Page({ id }: { id: string }) {
  const [, setTick] = useState(0);
  const entry = PAGES.find((p) => p.id === id) ?? PAGES[0]!;
  useEffect(() => {
    if (!loaded.has(entry.id)) entry.load().then((c) => { loaded.set(entry.id, c); setTick((n) => n + 1); });
  }, [entry.id]);
  const C = loaded.get(entry.id);
  return C ? <C /> : <p class="muted">{t('loading')}</p>;
}

export function App() {
  const r = route.value;
  void lang.value; // re-render on a language switch
  return (
    <>
      <header class="top">
        <a class="brand" href="#/board">{t('appName')}</a>
        <span class="tagline">{t('tagline')}</span>
        <nav aria-label="pages">
          {PAGES.map((p) => p.label && (
            <a href={`#/${p.id}`} aria-current={r.page === p.id ? 'page' : undefined}>{p.label()}</a>
          ))}
        </nav>
        <button type="button" class="lang" onClick={() => setLang(lang.value === 'en' ? 'zh' : 'en')} data-testid="lang-switch">
          {t('switchLang')}
        </button>
      </header>
      <main>
        <Page id={r.page} />
      </main>
    </>
  );
}
