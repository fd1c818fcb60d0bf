import { describe, expect, it } from 'vitest';
import { analysisAsOf, asOfClimateFallbackText, asOfFootnoteText, asOfOverridesFileText } from './analysis-as-of.js';

const info = (undated: string[], includeUndated = false) => ({ asOf: '2024-05-20', includeUndated, undated, later: [], estimatedDates: 0 });

describe('analysisAsOf: the header of an as-of run in both languages', () => {
  it('counts the undated facts left out, or taken in', () => {
    expect(analysisAsOf(info(['a', 'b'])).text).toEqual({
      en: 'as of 2024-05-20 (facts published by then; 2 undated facts left out)',
      zh: '截至2024年5月20日（仅计入此前发布的事实；未计入2条无发布日期的事实）',
    });
    expect(analysisAsOf(info(['a'], true)).text).toEqual({
      en: 'as of 2024-05-20 (facts published by then; 1 undated fact taken in)',
      zh: '截至2024年5月20日（仅计入此前发布的事实；另计入1条无发布日期的事实）',
    });
    expect(analysisAsOf(info([])).text).toEqual({ en: 'as of 2024-05-20 (facts published by then)', zh: '截至2024年5月20日（仅计入此前发布的事实）' });
    expect(analysisAsOf(info(['a'])).undated).toEqual(['a']);
  });
  it('writes the footnote line and the climate fallback; the Chinese has no English words but the option name', () => {
    expect(asOfFootnoteText('2024-01-05')).toEqual({ en: 'As of 2024-01-05: only facts published by then count.', zh: '截至2024年1月5日：仅计入此前发布的事实。' });
    const c = asOfClimateFallbackText(info(['owid-x']), { en: 'US AI', zh: '美国人工智能' }, { en: 'neutral', zh: '中性' });
    expect(c.en).toContain('default: neutral, because as of 2024-05-20');
    expect(c.zh.replace('--include-undated', '').replace('OWID', '')).not.toMatch(/[A-Za-z]/);
    expect(asOfClimateFallbackText(info(['owid-x'], true), { en: 'US AI', zh: '美国人工智能' }, { en: 'neutral', zh: '中性' }).en).not.toContain('OWID');
  });
  it('names the option that takes undated facts in as the surface reads it: the flag, the request field, or none in a report (trial T13)', () => {
    const say = (hint?: 'cli' | 'api') => asOfClimateFallbackText(info(['owid-x']), { en: 'US AI', zh: '美国人工智能' }, { en: 'neutral', zh: '中性' }, hint);
    expect(say('cli').en).toMatch(/are left out of an as-of run; --include-undated takes them in\)$/);
    expect(say('cli').zh).toMatch(/；可用 --include-undated 计入）$/);
    expect(say('api').en).toMatch(/are left out of an as-of run; includeUndated=true takes them in\)$/);
    expect(say('api').zh).toMatch(/；可用 includeUndated=true 计入）$/);
    expect(say().en).toMatch(/are left out of an as-of run\)$/);
    expect(say().en + say().zh).not.toMatch(/--|includeUndated/);
    expect(asOfOverridesFileText('2024-05-20', 'a.yaml', '2024-06-01', 'api').en).toMatch(/^The simulation stands on 2024-05-20 \(asOf\), not on/);
    expect(asOfOverridesFileText('2024-05-20', 'a.yaml', '2024-06-01').en).toMatch(/^The simulation stands on 2024-05-20 \(the as-of day\), not on/);
  });
});
