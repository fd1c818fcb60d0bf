import { afterEach, describe, expect, it } from 'vitest';
import { errorText, issueText } from './error-text.js';
import { lang } from './i18n.js';

// Errors as the API answers them (shapes copied from the server's responses).
const badFigure = {
  status: 400,
  message: 'invalid fact:\nvalue: expected a figure such as "12.5亿元" or "$3.6B", got "a lot of money"; expected a number at "a lot of money"',
  issues: [{ code: 'invalid_figure', path: ['value'], message: 'expected a figure such as "12.5亿元" or "$3.6B", got "a lot of money"; expected a number at "a lot of money"', got: 'a lot of money', reason: { code: 'number_expected', params: { at: 'a lot of money' } } }],
};
const badMetricAndEntity = {
  status: 400,
  message: 'invalid fact:\n…',
  issues: [
    { code: 'unknown_entity', path: ['entity'], message: 'expected a known entity such as "OpenAI" or "月之暗面", got "Zhipux"; did you mean "Zhipu"?', got: 'Zhipux', suggestion: 'Zhipu' },
    { code: 'unknown_metric', path: ['metric'], message: 'expected a metric (funding, …), got "fundng"; did you mean "funding"?', got: 'fundng', suggestion: 'funding' },
  ],
};
const CJK_OR_PLAIN = /^[^A-Za-z]*$/;

afterEach(() => {
  lang.value = 'en';
});

describe('errorText in Chinese', () => {
  it('says a refused figure, with the reader\'s reason, in Chinese', () => {
    lang.value = 'zh';
    const e = errorText(badFigure);
    expect(e.headline).toBe('请求被拒绝');
    expect(e.issues).toEqual([{ code: 'invalid_figure', path: '数值', message: '无法读取“a lot of money”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”；“a lot of money”处应为数字' }]);
  });

  it('the reader\'s ambiguity reason from the live reading (no field): the headline is the issue', () => {
    lang.value = 'zh';
    const e = errorText({
      status: 400,
      message: '"600.000 Euro" is not a figure: …',
      issues: [{
        code: 'invalid_figure', path: [], got: '600.000 Euro',
        message: '"600.000 Euro" is not a figure: expected a number …, such as "约204亿美元" or "65起"; "600.000" is ambiguous: the period may be a decimal point (600) or group thousands (600000)',
        reason: { code: 'ambiguous_point', params: { written: '600.000', asDecimal: '600', asThousands: '600000' } },
      }],
    });
    expect(e).toEqual({
      headline: '无法读取“600.000 Euro”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”；“600.000”有歧义：句点可能是小数点（600），也可能是千位分隔符（600000），其后也没有“百万”“亿”等数量级可供判断；请写成“600”或“600000”',
      issues: [],
    });
  });

  it('says the reason by its code, not by the English; an issue without one keeps the headline, never the English reason', () => {
    lang.value = 'zh';
    const issue = { code: 'invalid_figure', path: ['value'], message: 'expected a figure …, got "3 apples"; unknown word "apples" after the number', got: '3 apples' };
    expect(issueText({ ...issue, reason: { code: 'unknown_word', params: { word: 'apples' } } }))
      .toBe('无法读取“3 apples”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”；数字后的“apples”无法识别：它不是货币、数量级、期间、限定词或已知的量词');
    expect(issueText(issue)).toBe('无法读取“3 apples”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”');
  });

  it('names each field and the closest known name', () => {
    lang.value = 'zh';
    expect(errorText(badMetricAndEntity).issues).toEqual([
      { code: 'unknown_entity', path: '公司或实体', message: '未知的公司或实体“Zhipux”；是否指“Zhipu”？' },
      { code: 'unknown_metric', path: '指标', message: '未知的指标“fundng”；是否指“funding”？' },
    ]);
  });

  it('says a 404 with its suggestion, a revision conflict, too many runs and a time limit by their fields', () => {
    lang.value = 'zh';
    expect(errorText({ status: 404, message: 'no fact with id "F111"; did you mean "F11"?', issues: [{ code: 'unknown_fact', path: [], message: 'no fact with id "F111"; did you mean "F11"?', got: 'F111', suggestion: 'F11' }] }).headline)
      .toBe('没有编号为“F111”的事实；是否指“F11”？');
    expect(errorText({ status: 409, message: 'this link pins revision 4 …', issues: [{ code: 'revision_moved', path: ['query', 'revision'], message: 'expected 5, got 4', expected: '5', got: '4' }] }).issues)
      .toEqual([{ code: 'revision_moved', path: '查询参数 · 版本', message: '此链接固定的是账本第4版，而账本现为第5版，结果无法复现；去掉链接中的版本号即可查看当前结果' }]);
    expect(errorText({ status: 429, message: '4 runs are going …', issues: [{ code: 'too_many_runs', path: [], message: '4 runs are going …', expected: '4' }] }).headline)
      .toBe('同时进行的运行已达上限（4个）；请等待某个运行结束或取消一个后再试');
    expect(errorText({ status: 400, message: 'the run took longer …', issues: [{ code: 'time_limit', path: [], message: 'the run took longer …', expected: '120' }] }).headline)
      .toBe('运行超过120秒的时限，已停止；请减少样本数或路径数');
  });

  it('says a request the schema refuses by its field, type and bound', () => {
    lang.value = 'zh';
    const e = errorText({
      status: 400,
      message: 'query.limit: expected a number, got "abc"; query.samples: …',
      issues: [
        { code: 'invalid_type', path: ['query', 'limit'], message: 'expected a number, got "abc"', expected: 'number', got: 'abc' },
        { code: 'too_big', path: ['query', 'samples'], message: 'expected a value of at most 100000, got "1000000"', expected: '100000', got: '1000000' },
        { code: 'invalid_type', path: ['json', 'publisher'], message: 'expected a string, got nothing', expected: 'string' },
        { code: 'path_refused', path: ['query', 'assumptionsFile'], message: 'expected no file path …, got "/etc/passwd"' },
      ],
    });
    expect(e.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      '查询参数 · 条数上限: 应为数字，收到“abc”',
      '查询参数 · 样本数: 应不大于100000，收到“1000000”',
      '请求内容 · 发布方: 应为文本，但未提供',
      '查询参数 · assumptionsFile: 服务器不读写请求中指定的文件：请直接发送文本内容',
    ]);
  });

  it('says an error with no issues by its status, and an import\'s line and column', () => {
    lang.value = 'zh';
    expect(errorText({ status: 401, message: 'this server takes writes only with its bearer token: …', issues: [] }).headline).toBe('本服务器仅接受带访问令牌的写入');
    expect(errorText({ status: 413, message: 'request body too large', issues: [] }).headline).toBe('请求内容超过大小上限');
    const imp = errorText({ status: 400, message: '…', issues: [{ code: 'id_conflict', path: ['facts.csv line 14', 'column id'], message: 'expected a new id …' }] });
    expect(imp.issues[0]).toMatchObject({ path: '第14行 · 编号列', message: '该编号已被内容不同的事实使用；如需更正，请使用新编号并注明所更正的事实' });
    for (const i of [...errorText(badFigure).issues, ...errorText(badMetricAndEntity).issues]) expect(i.path).toMatch(CJK_OR_PLAIN);
  });

  it('keeps the English message for a code it does not know, or an issue without the field its sentence needs', () => {
    lang.value = 'zh';
    expect(issueText({ code: 'syntax', path: ['line 1', 'column 8'], message: "expected an expression after '+', got end of line" })).toBe("expected an expression after '+', got end of line");
    expect(issueText({ code: 'unknown_entity', path: ['entity'], message: 'expected a known entity …, got nothing' })).toBe('expected a known entity …, got nothing');
    expect(errorText({ status: 418, message: 'I am a teapot', issues: [] }).headline).toBe('I am a teapot');
  });
});

describe('errorText in English', () => {
  it('is the server\'s message, with the issues it does not already say', () => {
    lang.value = 'en';
    expect(errorText(badFigure)).toEqual({ headline: badFigure.message, issues: [] });
    const e = errorText({ status: 400, message: 'invalid fact', issues: badMetricAndEntity.issues });
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([['company or entity', badMetricAndEntity.issues[0]!.message], ['metric', badMetricAndEntity.issues[1]!.message]]);
  });
});

describe('refusals of facts that cannot be right, and of a missing token, in Chinese (trial T15, T24, T25, T28)', () => {
  it('says each code as a Chinese sentence with what came and the bound, and no English word of its own', () => {
    lang.value = 'zh';
    const cases: [Record<string, string | string[]>, string][] = [
      [{ code: 'missing_currency', got: '500 million', expected: 'money' }, '金额须写明币种，如“5亿美元”“$500M”或“€2300万”（或在单位列中注明）；收到“500 million”，未写币种的数字不会被当作美元'],
      [{ code: 'not_a_count', got: '$500', expected: 'count' }, '该指标是计数（人数、用户数、下载量、笔数），不应是金额、百分比或倍数；收到“$500”'],
      [{ code: 'negative_value', got: '-$5B', expected: '0' }, '该指标不能为负数；收到“-$5B”'],
      [{ code: 'published_in_future', got: '2027-03-01', expected: '2026-12-02' }, '发布日期不能晚于今天（2026-12-02）；收到“2027-03-01”'],
      [{ code: 'published_before_period', got: '2022-01-01', expected: '2024-07-01' }, '已报道的数据，其来源的发布日期不能早于所报道期间的开始（2024-07-01）；收到“2022-01-01”；来源对未来期间的预测请记为假设'],
      [{ code: 'published_before_outcome', got: '2023-01-05', expected: '2024-09-01' }, '来源的发布日期不能早于事件发生之时（2024-09-01）：事件发生后才算结果，预告尚未发生的事件不算；收到“2023-01-05”'],
      [{ code: 'token_required', got: 'no Authorization header', expected: 'Bearer <token>' }, '本服务器仅接受带访问令牌的写入：请在表单的“访问令牌”栏填写令牌后重新提交'],
    ];
    for (const [fields, zh] of cases) {
      const said = issueText({ path: ['value'], message: 'the English message', ...fields } as never);
      expect(said).toBe(zh);
      expect(said.replace(/“[^”]*”/g, '').replace(/\$500M|€2300万/g, ''), String(fields.code)).toMatch(CJK_OR_PLAIN);
    }
    const row = errorText({ status: 400, message: 'mine.csv: 1 problem', issues: [{ code: 'stored_fact_differs', path: ['mine.csv line 3', 'column note'], message: '…', got: 'fact-741e0f2c1e63', expected: 'note' }] });
    expect(row.issues[0]!.message).toBe('这一行就是已存的事实fact-741e0f2c1e63，只是本列内容不同；再次导入不会修改已存事实：如需修改，请更正该事实（在此行注明所更正的事实fact-741e0f2c1e63）');
  });
});
