import { CURRENCY_TABLE } from './currency-table.js';
import type { Qualifier } from './figure.js';
import type { Currency, Per } from './quantity.js';

/**
 * The words the figure reader knows, in Chinese and English, as data. The
 * reader (`parse-figure.ts`) and the qualifier table (`qualifier-table.ts`,
 * `docs/qualifiers.md`) both read these lists, so they cannot drift apart.
 *
 * English words are matched case-insensitively and must end at a word
 * boundary ("m" does not match the start of "mo").
 */

/**
 * French, German and Italian qualifiers before a number ("über 500 Mio. Dollar", "rund 108 Mio. Euro", "plus de
 * 600 millions d'euros", "oltre 500 milioni"). They are in `QUALIFIER_PREFIXES` and make a text European
 * (see {@link EUROPEAN_WORDS}). "circa" is English too, so it is not one of them;
 * nor is German "fast" (almost), which an English sentence writes before numbers ("grew fast 20%").
 */
export const EUROPEAN_QUALIFIER_PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['rund', 'about'], ['etwa', 'about'], ['ca.', 'about'], ['ungefähr', 'about'], ['environ', 'about'], ['quelque', 'about'],
  ['über', 'over'], ['mehr als', 'over'], ['mindestens', 'over'], ['plus de', 'over'], ['au moins', 'over'], ['oltre', 'over'],
  ['più di', 'over'], ['almeno', 'over'],
  ['knapp', 'nearly'], ['beinahe', 'nearly'], ['près de', 'nearly'], ['presque', 'nearly'], ['quasi', 'nearly'],
  ['bis zu', 'under'], ['weniger als', 'under'], ['höchstens', 'under'], ['moins de', 'under'], ["jusqu'à", 'under'],
  ['meno di', 'under'], ['fino a', 'under'],
];

/** Words before the number that qualify it: 约, 超过, nearly, more than, ~, ≈, >, über, plus de. */
export const QUALIFIER_PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  // about
  ['约', 'about'], ['约为', 'about'], ['约有', 'about'], ['约合', 'about'], ['大约', 'about'], ['大概', 'about'],
  ['大致', 'about'], ['估计', 'about'], ['预计', 'about'],
  ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['approx.', 'about'], ['approx', 'about'],
  ['roughly', 'about'], ['circa', 'about'], ['some', 'about'], ['an estimated', 'about'], ['estimated', 'about'],
  ['~', 'about'], ['≈', 'about'],
  // over
  ['超', 'over'], ['超过', 'over'], ['超出', 'over'], ['逾', 'over'], ['多于', 'over'], ['高于', 'over'], ['大于', 'over'],
  ['至少', 'over'], ['不少于', 'over'], ['不低于', 'over'],
  ['over', 'over'], ['more than', 'over'], ['at least', 'over'], ['above', 'over'], ['greater than', 'over'],
  ['in excess of', 'over'], ['upwards of', 'over'], ['north of', 'over'], ['just over', 'over'], ['exceeding', 'over'],
  ['>', 'over'], ['>=', 'over'], ['≥', 'over'],
  // verbs of passing a figure: "topped $35 million", "surpassed $1B"
  ['topped', 'over'], ['tops', 'over'], ['topping', 'over'], ['surpassed', 'over'], ['surpasses', 'over'],
  ['surpassing', 'over'], ['exceeded', 'over'], ['exceeds', 'over'], ['passed', 'over'], ['crossed', 'over'],
  // nearly
  ['近', 'nearly'], ['将近', 'nearly'], ['接近', 'nearly'], ['逼近', 'nearly'], ['几近', 'nearly'], ['几乎', 'nearly'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'],
  ['just shy of', 'nearly'], ['not quite', 'nearly'],
  // verbs of coming close: "costs approach $1 billion", "revenue approaching $2B"
  ['approach', 'nearly'], ['approaches', 'nearly'], ['approaching', 'nearly'], ['approached', 'nearly'],
  // under
  ['不到', 'under'], ['低于', 'under'], ['不足', 'under'], ['少于', 'under'], ['小于', 'under'], ['不超过', 'under'],
  ['至多', 'under'], ['最多', 'under'],
  ['under', 'under'], ['less than', 'under'], ['below', 'under'], ['fewer than', 'under'], ['up to', 'under'],
  ['at most', 'under'], ['no more than', 'under'], ['<', 'under'], ['<=', 'under'], ['≤', 'under'],
  ...EUROPEAN_QUALIFIER_PREFIXES,
];

/** Words after the number (and its unit) that qualify it: 左右, 以上, 多, or more. */
export const QUALIFIER_SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['左右', 'about'], ['上下', 'about'], ['前后', 'about'], ['量级', 'about'], ['级', 'about'], ['or so', 'about'],
  ['以上', 'over'], ['之上', 'over'], ['多', 'over'], ['余', 'over'], ['出头', 'over'], ['开外', 'over'],
  ['or more', 'over'], ['or above', 'over'], ['and up', 'over'], ['and above', 'over'], ['plus', 'over'], ['-plus', 'over'], ['+', 'over'],
  ['以下', 'under'], ['以内', 'under'], ['之内', 'under'], ['不到', 'under'], ['or less', 'under'], ['or fewer', 'under'],
];

/**
 * "Only" words (仅为 = "only"): they say the writer finds the figure small,
 * not how precise it is. They keep another qualifier ("仅超2亿" is over) and
 * otherwise read as about: "仅为2亿美元" is a rounded figure.
 */
export const ONLY_WORDS: readonly string[] = [
  '仅为', '仅有', '仅', '只有', '只', '才', 'only', 'just', 'a mere', 'mere',
];

/**
 * Words that add nothing: 为 ("is"), 达 ("reaches"), 共计 ("in all"); "a total
 * of $1.525 billion" is exact, and "reached $2 billion" is as exact as 达到20亿
 * (but "reached the $2 billion mark" is over: see {@link MARK_WORDS}).
 */
export const NOISE_WORDS: readonly string[] = [
  '为', '是', '达', '达到', '高达', '共', '共计', '合计', '总计', '已', '已经', '已达',
  'a total of', 'total of', 'totaling', 'totalling', 'totaled', 'totalled', 'reached', 'reaching', 'reaches',
];

/** Words after a figure that add nothing: "$1.5 billion in total". */
export const NOISE_SUFFIXES: readonly string[] = ['in total', 'in all', 'all told'];

/**
 * "reached the $2 billion mark", "passed the $1B milestone": a round
 * threshold the figure has reached or passed. Read as over (the figure is a
 * lower bound: writers move on to the next mark once well past one); "the"
 * before the figure is accepted only with one of these after it.
 */
export const MARK_WORDS: readonly string[] = ['mark', 'milestone', 'threshold', 'barrier'];
/** The article before a mark: "the $2 billion mark". */
export const MARK_ARTICLES: readonly string[] = ['the'];

/** Words that start a range: "between $3B and $5B", "from 3 to 5". */
export const RANGE_OPENERS: readonly string[] = ['between', 'from'];

/** Words between the two ends of a range: 3亿至5亿, 3-5亿, 300 to 500 million. */
export const RANGE_SEPARATORS: readonly string[] = ['至', '到', '-', '~', 'to'];

/** Closes a range in Chinese: 3亿至5亿美元之间. */
export const RANGE_CLOSERS: readonly string[] = ['之间'];

/**
 * Words that say "a few of a magnitude": 数亿 is a few hundred million.
 * They must be followed by a magnitude (数亿, 几十亿, several hundred million).
 */
export const SEVERAL_WORDS: readonly string[] = ['好几', '数', '几', 'several', 'a few'];

/**
 * Two neighbouring digits before a magnitude, the Chinese way of writing "two
 * or three": 两三亿 is 2亿 to 3亿, 三四十万 30万 to 40万, read as a range. Only
 * the pairs of neighbours the language uses (一两, 两三 ... 八九); 三五 ("a few")
 * and pairs of other digits are not read.
 */
export const NEIGHBOUR_DIGIT_PAIRS: readonly string[] = ['一两', '两三', '三四', '四五', '五六', '六七', '七八', '八九'];

/**
 * 十几 ("ten-odd", 11 to 19), and 二十几 ... 九十几 (20-odd ...): the tens
 * written, the units left open, read as the range from the tens to the next
 * ten (十几亿: 10亿 to 20亿).
 */
export const TENS_ODD = '十几';

/**
 * 上 directly before 百, 千, 万 or 亿 ("上百亿", "上千万"): reaching that
 * round figure, at least it: read as over (上百亿 is over 100亿).
 */
export const REACHING_WORD = '上';

/** "half a billion": one half of the magnitude word that follows (a thousand, million, billion or trillion). */
export const HALF_A_WORDS: readonly string[] = ['half a'];

/** The magnitudes "half a" takes: the words, not the abbreviations ("half a B" is not written). */
export const HALF_A_MAGNITUDES: readonly string[] = ['thousand', 'million', 'billion', 'trillion'];

/** English "tens of billions": a several-word that carries its own magnitude. */
export const SEVERAL_PLURALS: ReadonlyArray<readonly [string, number]> = [
  ['tens of', 1], ['hundreds of', 2],
];

/** Phrases that mean "almost none": the whole figure, with no number. */
export const ALMOST_NONE_PHRASES: readonly string[] = [
  '几乎没有', '几乎为零', '几乎为0', '几乎无', '接近零', '接近于零', '近乎为零', '近乎零', '趋近于零', '微乎其微',
  'almost none', 'almost nothing', 'almost no', 'almost zero', 'barely any', 'hardly any', 'near zero',
  'nearly zero', 'close to zero', 'next to nothing', 'virtually none', 'virtually nothing', 'practically nothing',
  'practically none', 'negligible',
];

/**
 * Magnitude words after an Arabic number: 3.6B, $491K, 300 million, 5bn,
 * and the Indian lakh (1e5) and crore (1e7): ₹500 crore. A hyphen may join
 * them to the number: "$1-billion", "US$1.8-million".
 */
export const ENGLISH_MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['k', 3], ['thousand', 3], ['m', 6], ['mn', 6], ['mm', 6], ['mil', 6], ['million', 6],
  ['b', 9], ['bn', 9], ['billion', 9], ['t', 12], ['tn', 12], ['trillion', 12], ['hundred', 2],
  ['lakh', 5], ['lakhs', 5], ['crore', 7], ['crores', 7],
];

/**
 * Magnitudes of French, German and Italian texts: "385 millions d'euros",
 * "1,5 Mrd. €", "€1,7 milliard", "8 milioni". A milliard is 1e9. Any of them
 * makes the text European (see {@link EUROPEAN_WORDS}).
 */
export const EUROPEAN_MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['mio.', 6], ['mio', 6], ['mln', 6], ['mln.', 6], ['millions', 6], ['millionen', 6], ['milioni', 6], ['milione', 6],
  ['mrd.', 9], ['mrd', 9], ['md', 9], ['mds', 9], ['mld', 9], ['mld.', 9], ['milliard', 9], ['milliards', 9],
  ['milliarde', 9], ['milliarden', 9], ['miliardi', 9], ['miliardo', 9], ['tsd.', 3], ['tsd', 3], ['mila', 3],
];

/**
 * In French, German and Italian, "billion" / "Billion" is 1e12 and "trillion"
 * 1e18 (the long scale): a European text that writes them is refused.
 */
export const LONG_SCALE_WORDS: readonly string[] = ['billion', 'billions', 'trillion', 'trillions', 'billionen'];

/** Plural magnitudes after "tens of" / "hundreds of". */
export const ENGLISH_PLURAL_MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['thousands', 3], ['millions', 6], ['billions', 9], ['trillions', 12],
];

/** Currency signs and codes before the number ($3.6B, US$5M, HK$4.35B, €20, RMB 5亿), from `CURRENCY_TABLE`. */
export const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, Currency]> = Object.values(CURRENCY_TABLE).flatMap((c) =>
  c.before.map((w) => [w, c.code] as const),
);

/** Currency words after the number (美元, 元 (亿元 is 亿 + 元), 港元, euros, "Hong Kong dollars", €), from `CURRENCY_TABLE`. */
export const CURRENCY_SUFFIXES: ReadonlyArray<readonly [string, Currency]> = Object.values(CURRENCY_TABLE).flatMap((c) =>
  c.after.map((w) => [w, c.code] as const),
);

/** Words that make the number a multiple: 5倍, 5x, 5×, 5 times. */
export const MULTIPLE_WORDS: readonly string[] = ['倍', 'x', '×', 'times'];

/** Words that make the number a percentage: 15%, 15 percent. 百分之十五 is read as a prefix. */
export const PERCENT_WORDS: readonly string[] = ['%', 'percent', 'per cent', 'pct'];
export const PERCENT_PREFIXES: readonly string[] = ['百分之'];

/**
 * Chinese measure words of a count: 232笔 (deals), 65起 (deals), 20家
 * (companies), 700万人. Only these are read; any other word after a number is
 * refused, naming it.
 */
export const MEASURE_WORDS: readonly string[] = [
  '笔', '起', '家', '个', '次', '人', '位', '名', '款', '项', '件', '台', '户', '轮', '条', '张', '份', '场', '所', '座', '辆',
];

/**
 * English nouns of a count after a number ("232 deals", "7 million app
 * downloads"), kept as the figure's measure word. Only these are read; any
 * other word after a number is refused, naming it, so that "385 millions
 * d'euros" can never again be 385 of something.
 */
export const COUNT_NOUNS: readonly string[] = [
  'deals', 'deal', 'rounds', 'round', 'funding rounds', 'transactions', 'investments', 'investors', 'backers',
  'companies', 'company', 'startups', 'startup', 'start-ups', 'firms', 'firm', 'businesses', 'enterprises',
  'organizations', 'organisations', 'teams', 'unicorns',
  'people', 'persons', 'person', 'employees', 'employee', 'staff', 'staffers', 'workers', 'engineers', 'researchers',
  'developers', 'scientists', 'hires', 'jobs',
  'users', 'user', 'active users', 'monthly active users', 'weekly active users', 'daily active users', 'paying users',
  'paid users', 'registered users', 'mau', 'maus', 'dau', 'daus', 'wau',
  'customers', 'customer', 'paying customers', 'business customers', 'enterprise customers',
  'subscribers', 'subscriber', 'paying subscribers', 'paid subscribers', 'subscriptions', 'subscription',
  'paid subscriptions', 'members', 'seats', 'licenses', 'licences',
  'downloads', 'download', 'app downloads', 'installs', 'visits', 'monthly visits', 'visitors', 'unique visitors',
  'queries', 'requests', 'api calls', 'searches', 'messages', 'conversations', 'sessions', 'prompts', 'tokens',
  'gpus', 'gpu', 'chips', 'servers', 'data centers', 'data centres', 'models', 'apps', 'products', 'countries',
  'markets', 'languages', 'patents', 'papers', 'offices', 'cities', 'stores', 'orders', 'units',
];

/**
 * Chinese nouns of a count, alone or after a measure word: 700万用户,
 * 5家公司, 1200名员工. Kept with the measure word as the figure's measure word
 * (家公司). Any other Chinese word after a number is refused, naming it.
 */
export const COUNT_NOUNS_ZH: readonly string[] = [
  '用户', '付费用户', '活跃用户', '月活用户', '日活用户', '月活跃用户', '日活跃用户', '注册用户', '订阅用户', '订阅者',
  '客户', '企业客户', '付费客户', '员工', '雇员', '研究人员', '工程师', '公司', '企业', '初创企业', '创业公司', '投资者',
  '投资机构', '交易', '融资事件', '下载', '次下载', '独角兽',
];

/** Period names after "/", "a", "per", "each" or "every": 19.99美元/月, $20/mo, $20 a month. */
export const PERIOD_NAMES: ReadonlyArray<readonly [string, Per]> = [
  ['月', 'month'], ['个月', 'month'], ['年', 'year'], ['天', 'day'], ['日', 'day'], ['周', 'week'], ['星期', 'week'],
  ['季', 'quarter'], ['季度', 'quarter'],
  ['mo', 'month'], ['mon', 'month'], ['mth', 'month'], ['month', 'month'], ['yr', 'year'], ['year', 'year'],
  ['y', 'year'], ['annum', 'year'], ['day', 'day'], ['d', 'day'], ['wk', 'week'], ['week', 'week'], ['w', 'week'],
  ['qtr', 'quarter'], ['quarter', 'quarter'], ['q', 'quarter'],
];

/** Words that put a period after a figure: "/" and, in English, "a", "per", "each", "every". */
export const PER_SEPARATORS: readonly string[] = ['/', 'a', 'per', 'each', 'every'];

/** Per-period prefixes (and suffixes): 每月19.99美元, 19.99美元每月, "8 milioni al mese". */
export const PER_WORDS: ReadonlyArray<readonly [string, Per]> = [
  ['每月', 'month'], ['每个月', 'month'], ['每年', 'year'], ['每天', 'day'], ['每日', 'day'], ['每周', 'week'],
  ['每星期', 'week'], ['每季', 'quarter'], ['每季度', 'quarter'],
  ['monthly', 'month'], ['annually', 'year'], ['yearly', 'year'], ['daily', 'day'], ['weekly', 'week'],
  ['quarterly', 'quarter'],
];

/** Per-period words of French, German and Italian texts: "8 milioni al mese", "par mois", "pro Jahr". */
export const EUROPEAN_PER_WORDS: ReadonlyArray<readonly [string, Per]> = [
  ['al mese', 'month'], ['par mois', 'month'], ['pro monat', 'month'], ['im monat', 'month'], ['monatlich', 'month'],
  ['al giorno', 'day'], ['par jour', 'day'], ['pro tag', 'day'], ['a settimana', 'week'], ['par semaine', 'week'],
  ['pro woche', 'week'], ["all'anno", 'year'], ["l'anno", 'year'], ['par an', 'year'], ['pro jahr', 'year'],
  ['im jahr', 'year'], ['jährlich', 'year'],
];

/**
 * Run-rate words after an amount of money: "about $20M ARR" is $20M a year,
 * "$1M MRR" $1M a month. They set the period the figure is per; whether it is
 * a run rate or a year's revenue is the fact's metric.
 */
export const RUN_RATE_WORDS: ReadonlyArray<readonly [string, Per]> = [
  ['arr', 'year'], ['in arr', 'year'], ['annual recurring revenue', 'year'], ['in annual recurring revenue', 'year'],
  ['annualized', 'year'], ['annualised', 'year'], ['annualized revenue', 'year'], ['annualised revenue', 'year'],
  ['in annualized revenue', 'year'], ['in annualised revenue', 'year'], ['run rate', 'year'], ['run-rate', 'year'],
  ['annual run rate', 'year'], ['annualized run rate', 'year'], ['annualised run rate', 'year'],
  ['mrr', 'month'], ['in mrr', 'month'], ['monthly recurring revenue', 'month'],
];

/**
 * What a price is per, besides time: "$40 per seat per month", "$20/user/month",
 * 每人每月20美元. After "/", "a", "per", "each" or "every" (English) or as one
 * word (Chinese); the second element is the name kept in `Figure.perItem`.
 */
export const PER_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['seat', 'seat'], ['user', 'user'], ['member', 'member'], ['license', 'license'], ['licence', 'license'],
  ['subscriber', 'subscriber'], ['employee', 'employee'], ['head', 'person'], ['person', 'person'],
  ['customer', 'customer'], ['query', 'query'], ['request', 'request'], ['image', 'image'], ['token', 'token'],
  ['million tokens', 'million tokens'], ['1m tokens', 'million tokens'], ['1 million tokens', 'million tokens'],
  ['thousand tokens', 'thousand tokens'], ['1k tokens', 'thousand tokens'], ['1,000 tokens', 'thousand tokens'],
  ['1000 tokens', 'thousand tokens'],
  ['人', 'person'], ['用户', 'user'], ['席位', 'seat'], ['座席', 'seat'],
];
/** Chinese per-item words before or after a figure: 每人, 每用户, 每席位. */
export const PER_ITEM_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['每人', 'person'], ['每用户', 'user'], ['每个用户', 'user'], ['每位用户', 'user'], ['每席位', 'seat'],
  ['每个席位', 'seat'], ['每百万token', 'million tokens'], ['每百万tokens', 'million tokens'],
];

/**
 * Words that make a text European, where a comma before three digits is
 * ambiguous ("1,500 Mrd." may be 1.5 or 1500) and "billion" means 1e12: the
 * European magnitudes and per-period words, and these currency words.
 */
export const EUROPEAN_CURRENCY_WORDS: readonly string[] = ["d'euros", "d'euro", 'di euro', 'de dollars', 'dollari', 'di dollari'];
export const EUROPEAN_WORDS: readonly string[] = [
  ...EUROPEAN_MAGNITUDES.map(([w]) => w),
  ...EUROPEAN_PER_WORDS.map(([w]) => w),
  ...EUROPEAN_CURRENCY_WORDS,
  ...EUROPEAN_QUALIFIER_PREFIXES.map(([w]) => w),
];
