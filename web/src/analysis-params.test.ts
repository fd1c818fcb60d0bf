import { describe, expect, it } from 'vitest';
import { analysisCatalogue } from '../../src/app/index.js';
import { lang, tOr } from './i18n.js';

// The analyses page labels each option of the registry by its key param_<name> (pages/analyses/analyses-page.tsx):
// an option without one shows its internal name ("date", "startFile") on a Chinese page.
describe('every option of every analysis has a label in both languages', () => {
  for (const l of ['en', 'zh'] as const) {
    it(l, () => {
      lang.value = l;
      const missing: string[] = [];
      for (const a of analysisCatalogue()) {
        const props = Object.keys((a.options as { properties?: Record<string, unknown> }).properties ?? {});
        for (const p of [...props, 'asOf', 'samples', 'seed']) if (tOr(`param_${p}`, '') === '') missing.push(`${a.name}.${p}`);
      }
      lang.value = 'en';
      expect(missing).toEqual([]);
    });
  }
});
