import { afterEach, describe, expect, it } from 'vitest';
import { FigureParseError } from '../../src/core/errors.js';
import { FIGURE_REFUSAL_CODES, FIGURE_REFUSAL_EXAMPLES, parseFigure } from '../../src/core/parse-figure.js';
import { checkModel } from '../../src/lang/check-model.js';
import { MODEL_REASONS, ModelError } from '../../src/lang/model-error.js';
import { parseModel } from '../../src/lang/parse-model.js';
import type { Issue } from './api.js';
import { errorText, issueText, modelCheckText, reasonText } from './error-text.js';
import { lang, tOr } from './i18n.js';
import { REASONS_EN } from './reasons-en.js';
import { REASONS_ZH } from './reasons-zh.js';

afterEach(() => {
  lang.value = 'en';
});

/** A text each rule of the figure reader refuses (the core's parse-figure.reasons.test.ts reaches every code with them), and a number for not_text. */
const REFUSALS = FIGURE_REFUSAL_CODES.map((code) => ({ code, text: code === 'not_text' ? (42 as unknown as string) : FIGURE_REFUSAL_EXAMPLES[code] }))
  .filter((r): r is { code: (typeof FIGURE_REFUSAL_CODES)[number]; text: string } => r.text !== null);

/** The issue the API answers a refused figure with (POST /api/figures/parse), as JSON carries it. */
function refusedIssue(text: unknown): Issue {
  try {
    parseFigure(text as string);
  } catch (e) {
    if (!(e instanceof FigureParseError)) throw e;
    return JSON.parse(JSON.stringify(e.issues[0])) as Issue;
  }
  throw new Error(`${JSON.stringify(text)} was read`);
}

/** The Chinese sentence without what the user wrote (quoted back as it came), which may be in any language. */
function withoutWritten(text: string, issue: Issue): string {
  const written = [issue.got ?? '', ...Object.values(issue.reason?.params ?? {}), ...Object.values(issue.reason?.cause?.params ?? {})];
  return written.filter((w) => w !== '').sort((a, b) => b.length - a.length).reduce((s, w) => s.split(w).join(''), text);
}

describe('the figure reader\'s reasons in Chinese', () => {
  it('has an English and a Chinese sentence for every rule the reader refuses by', () => {
    for (const code of FIGURE_REFUSAL_CODES) {
      expect(REASONS_EN, code).toHaveProperty(`figureReason_${code}`);
      expect(REASONS_ZH[`figureReason_${code}` as keyof typeof REASONS_ZH], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says every refusal of the reader in Chinese, with its values, and no English word of its own', () => {
    lang.value = 'zh';
    expect(REFUSALS).toHaveLength(FIGURE_REFUSAL_CODES.length - 1); // all but out_of_range, a guard no text reaches
    for (const { code, text } of REFUSALS) {
      const issue = refusedIssue(text);
      expect(issue.reason?.code, String(text)).toBe(code);
      const said = reasonText('figure', issue.reason!);
      expect(said, code).not.toBeNull();
      expect(said, code).not.toMatch(/\{\w+\}/);
      expect(withoutWritten(said!, issue), `${code}: ${said}`).not.toMatch(/[A-Za-z]/);
      // the live reading of the add form: one issue with no field, said as the headline
      const headline = errorText({ status: 400, message: 'x', issues: [issue] }).headline;
      expect(headline, code).toBe(`${tOr('err_invalid_figure', '').replace('{got}', String(text))}；${said}`);
    }
  });

  it('says the values in Chinese: currencies, periods, qualifiers, marks, numbers both ways', () => {
    lang.value = 'zh';
    const said = (text: string) => reasonText('figure', refusedIssue(text).reason!);
    expect(said('HK$5 million US dollars')).toBe('同时出现了两种货币：港元和美元');
    expect(said('19.99美元/月/年')).toBe('同时写了两个期间：每月和每年');
    expect(said('超5亿以下')).toBe('限定词相互矛盾：超过与不足');
    expect(said('1,500 Mrd. €')).toBe('欧洲写法中的“1,500”有歧义：逗号可能是小数点（1.5），也可能是千位分隔符（1500）；请写成“1.5”或“1500”');
    expect(said('$5%')).toBe('百分比不能带货币');
    expect(said('$5M (20%)')).toBe('括号中的“20%”以百分比计，不是以美元计的同一数字的另一种写法');
    expect(said('$5M (about €)')).toBe('括号中的“about €”不是该数字的另一种写法（其中没有可读的数字）');
    expect(said('3 apples')).toBe('数字后的“apples”无法识别：它不是货币、数量级、期间、限定词或已知的量词');
  });

  it('keeps the English message on an English page, and the headline alone for an issue without a reason (an older server)', () => {
    const issue = refusedIssue('¥100');
    expect(issueText(issue)).toBe(issue.message);
    lang.value = 'zh';
    expect(issueText({ ...issue, reason: undefined })).toBe('无法读取“¥100”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”');
    expect(issueText({ ...issue, reason: { code: 'a_rule_not_yet_known', params: {} } })).toBe('无法读取“¥100”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”');
  });
});

/**
 * The issue of the first error the language finds in `source` (parse and
 * check, as POST /api/models/check does), as the API carries it; the compile
 * errors (invalid_argument, fact) come as src/lang/compile-model.test.ts
 * shows they are made (the compiler reaches the engine, which the web does not load).
 */
function modelIssue(source: string): Issue {
  try {
    checkModel(parseModel(source));
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return JSON.parse(JSON.stringify(e.issues[0])) as Issue;
  }
  throw new Error(`${JSON.stringify(source)} compiled`);
}

/** Compile errors as the API carries them: the issues src/lang/compile-model.test.ts checks the compiler makes. */
const COMPILE_ISSUES = {
  sd: { code: 'invalid_argument', path: ['line 1', 'column 15'], message: 'normal: the standard deviation must be larger than 0, got -1', reason: { code: 'sd_not_positive', params: { callee: 'normal', got: '-1' } } },
  to: { code: 'invalid_argument', path: ['line 1', 'column 5'], message: "'10 to 5': the low value must be less than the high value", reason: { code: 'to_low_above_high', params: { written: '10 to 5', low: '10', high: '5' } } },
  noLedger: { code: 'fact', path: ['line 1', 'column 5'], message: 'fact(...) needs the ledger, and this model was compiled without one; run it through the app (shakeout run) or pass resolveFact', reason: { code: 'fact_without_ledger', params: {} } },
  unresolved: { code: 'fact', path: ['line 1', 'column 5'], message: 'no fact for OpenAl revenue', suggestion: 'OpenAI', reason: { code: 'fact_unresolved', params: { entity: 'OpenAl', metric: 'revenue', got: 'OpenAl', suggestion: 'OpenAI' } } },
} satisfies Record<string, Issue>;

describe('the model language\'s errors in Chinese', () => {
  it('has an English and a Chinese sentence for every rule of every family', () => {
    for (const [family, codes] of Object.entries(MODEL_REASONS)) {
      for (const code of codes) {
        expect(REASONS_EN, `${family}: ${code}`).toHaveProperty(`modelReason_${code}`);
        expect(REASONS_ZH[`modelReason_${code}` as keyof typeof REASONS_ZH], code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  const said = (source: string | Issue): [string, string] => {
    const i = typeof source === 'string' ? modelIssue(source) : source;
    lang.value = 'zh';
    const zh = issueText(i);
    lang.value = 'en';
    expect(issueText(i)).toBe(i.message); // English: the server's message
    return [i.code, zh];
  };

  it('syntax: the token that came, the end of a line, the opening not closed', () => {
    expect(said('x = 1 +\ny = 2')).toEqual(['syntax', '“+”之后应为表达式，却是行尾']);
    expect(said('x = 1 +')).toEqual(['syntax', '“+”之后应为表达式，却是输入结尾']);
    expect(said('x = (1 + 2')).toEqual(['syntax', '第1行的“(”应以“)”闭合，却是输入结尾']);
    expect(said('x = 3 @')).toEqual(['syntax', '无法识别的字符“@”']);
    expect(said('x = 1 2')).toEqual(['syntax', '此处应为运算符或语句结尾，却是“2”']);
  });

  it('unknown_name: the name and the closest known one', () => {
    expect(said('revenue = 5\nrevenu * 2')).toEqual(['unknown_name', '未知的名称“revenu”；是否指“revenue”？']);
    expect(said('x = normall(1, 2)')).toEqual(['unknown_name', '未知的函数“normall”；是否指“normal”？']);
    expect(said('x = y\ny = 2')).toEqual(['unknown_name', '“y”在定义（第2行）之前就被使用；请先定义']);
  });

  it('arity: the function, the arguments it takes and got, its signature', () => {
    const [code, zh] = said('x = normal(1)');
    expect(code).toBe('arity');
    expect(zh).toMatch(/^normal 应有2个参数，实际为1个：normal\(/);
    expect(said('x = mixture(1 to 2, 3 to 4, [1])')[1]).toBe('mixture 有2个分布，却有1个权重；每个分布应有一个权重');
  });

  it('type: what the place needs and what it got, in words', () => {
    expect(said('x = [1, 2]')).toEqual(['type', '“x”应为数字或分布，却是列表']);
    expect(said('x = normal')[1]).toMatch(/^“normal”是函数，请这样调用：normal\(/);
    expect(said('x = normal("a", 1)')[1]).toBe('normal 的参数 mean 应为数字或分布，却是字符串（加引号）');
  });

  it('invalid_argument: the function and the values that break its rule', () => {
    expect(said(COMPILE_ISSUES.sd)).toEqual(['invalid_argument', 'normal：标准差应大于0，却是-1']);
    expect(said(COMPILE_ISSUES.to)).toEqual(['invalid_argument', '“10 to 5”：低值应小于高值']);
    // an engine's refusal has no rule of its own: the family's sentence
    expect(said({ ...COMPILE_ISSUES.sd, reason: { code: 'invalid_argument', params: {} } })).toEqual(['invalid_argument', '参数取值超出允许范围']);
  });

  it('fact: a model compiled without the ledger, a fact the ledger lacks', () => {
    expect(said(COMPILE_ISSUES.noLedger)).toEqual(['fact', '读取事实需要账本，而此模型是在没有账本的情况下编译的']);
    expect(said(COMPILE_ISSUES.unresolved)).toEqual(['fact', '无法从账本读取“OpenAl”的营收事实；是否指“OpenAI”？']);
  });

  it('says a check issue (the editor\'s diagnostic and the line under it) the same way', () => {
    const check = { message: "unknown name 'revenu'; did you mean 'revenue'?", suggestion: 'revenue', reason: { code: 'unknown_name', params: { name: 'revenu' } } };
    expect(modelCheckText(check)).toBe(check.message);
    lang.value = 'zh';
    expect(modelCheckText(check)).toBe('未知的名称“revenu”；是否指“revenue”？');
    expect(modelCheckText({ message: 'from an older server', suggestion: null })).toBe('from an older server');
  });
});
