import { describe, expect, it } from 'vitest';
import { readerInlines, readerText } from './reader-text.js';

describe('readerText', () => {
  it('drops a sentence that tells the reader to run a command, in either language', () => {
    expect(readerText('If net, users paid 18-43% more. Run the analysis with --basis unknown to carry both readings.')).toBe('If net, users paid 18-43% more.');
    expect(readerText('要高出18%-43%。分析时加 --basis unknown 可同时看两种理解。')).toBe('要高出18%-43%。');
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
