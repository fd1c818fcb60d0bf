import { describe, expect, it } from 'vitest';
import { readerInlines, readerText } from './reader-text.js';

describe('readerText', () => {
  it('drops a sentence that tells the reader to run a command, in either language', () => {
    expect(readerText('If net, users paid 18-43% more. Run the analysis with --basis unknown to carry both readings.')).toBe('If net, users paid 18-43% more.');
    expect(readerText('要高出18%-43%。分析时加 --basis unknown 可同时看两种理解。')).toBe('要高出18%-43%。');
  });

  it('keeps a figure with a decimal point and a flag named in brackets: the sentence is not a command (trial T8)', () => {
    // GET /api/analyses/checks, a flag's explanation (en), as the trial's ledger gave it
    const t = 'TechCrunch ("$415 million"); Reuters ("€385 million"), about $420M; 36氪 ("约4.5亿欧元"), about $491M report the same thing (none linked by --same-as: grouped because their figures overlap) but do not all agree within their stated uncertainty. Analyses count it once, using TechCrunch by the choose rule.';
    expect(readerText(t)).toBe(t);
    // a command sentence after it still goes, and the decimal before it stays
    expect(readerText('About €4.5 billion. Link them with --same-as to count them once.')).toBe('About €4.5 billion.');
    expect(readerText('约4.5亿欧元（未用 --same-as 关联）。分析时加 --basis unknown 可同时看两种理解。')).toBe('约4.5亿欧元（未用 --same-as 关联）。');
    // a point that ends a sentence before a digit-free word still ends it
    expect(readerText('Net is 0.85 of gross. Use --basis net.')).toBe('Net is 0.85 of gross.');
  });

  it('drops a project file or a ledger event named in brackets, and keeps the letter of a subscripted variable', () => {
    expect(readerText('Net ≈ 0.70 to 0.85 of gross (REFERENCES.md); gross = net / (1 - c).')).toBe('Net ≈ 0.70 to 0.85 of gross; gross = net / (1 - c).');
    expect(readerText('净额约为总额的0.70至0.85（REFERENCES.md）；')).toBe('净额约为总额的0.70至0.85；');
    expect(readerText('首席执行官离职（事件 stability-ai-layoffs-ceo-exit）；随后')).toBe('首席执行官离职；随后');
    expect(readerText('a share s_app_store of revenue; s_app_store uniform')).toBe('a share s of revenue; s uniform');
  });

  it('leaves ordinary text alone', () => {
    const t = 'OpenAI’s valuation (F24, about $100B) is 540x its store revenue — see openai.com.';
    expect(readerText(t)).toBe(t);
  });
});

describe('readerInlines', () => {
  it('shows model-language expressions as code', () => {
    expect(readerInlines('现金 5B to 15B：估计；增速 normal(0.05, 0.02)')).toEqual([
      { t: 'text', text: '现金 ' },
      { t: 'code', text: '5B to 15B' },
      { t: 'text', text: '：估计；增速 ' },
      { t: 'code', text: 'normal(0.05, 0.02)' },
    ]);
  });

  it('leaves a range of percentages as words', () => {
    expect(readerInlines('s uniform from 0 to 25%')).toEqual([{ t: 'text', text: 's uniform from 0 to 25%' }]);
  });
});
