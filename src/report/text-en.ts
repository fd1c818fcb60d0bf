/**
 * Every sentence of the English report, in one place. `{name}` marks where a
 * number (with its footnote) or a name goes. text-zh.ts has the same keys and
 * the same placeholders; it is written for a Chinese reader, not translated
 * from this file word for word.
 */
export const TEXT_EN = {
  title: 'Monetize or be out: the AI shakeout, recomputed',
  subtitle: 'The figures of “AI大战，不变现，就出局” (May 2024), rebuilt from the Shakeout ledger, set beside other sources and run through the analyses. Every number links to the facts, sources and formula behind it.',
  'label.footnotes': 'Notes',
  'label.chart': 'Chart {n}: {title}',
  'label.chartNotWritten': '(chart written only with --out)',
  'label.backToText': 'back to the text',

  'intro.title': 'About this report',
  intro:
    'In May 2024 a Chinese article, “{article}”, argued that large-model companies spend far more than they earn, that investors are cooling, and that 2024 would split the industry into those who make money and those who are out. This report takes each of its figures from the Shakeout ledger, sets other sources beside them and runs the analyses the article only gestures at. A footnote after each number names the facts it rests on, with their source and date, and the formula; in the HTML version, hover over a number to see them. Ranges are 90% intervals over {samples} draws (seed {seed}). The report holds {charts} charts.',
  'findings.title': 'In brief',
  'findings.funding':
    'Generative-AI startups raised {cbi} worldwide in 2023 by CB Insights’ count (the article’s source), {growth} as much as in 2022. Quid’s count, published by Our World in Data, is higher: {owid} in dollars of 2023.',
  'findings.subscribers':
    'ChatGPT had {gross} paying subscribers through the app stores if the store revenue is what users paid, and {net} if it is what OpenAI kept after the stores’ commission.',
  'findings.openai': 'OpenAI’s valuation of {valuation} is {multiple} its mobile store revenue of {runRate} a year.',
  'findings.shakeout':
    'In the simulated shakeout ({climate} funding climate), {worst} is the likeliest to run out of cash, with {pWorst} of paths still solvent after {months} months; {best} leads with {pBest}.',
  'findings.flags': 'Of the flags the checks raise, {errors} mark a figure as probably wrong and {warnings} as needing care before use (see “What does not add up”).',

  'funding.title': 'The funding market',
  'funding.global':
    'CB Insights, which the article cites, counts {cbi2023} raised by generative-AI startups worldwide in 2023 against {cbi2022} in 2022: {growth}, which the article writes as “more than five times”. Quid’s data, published by Our World in Data from the Stanford AI Index, count {owid2023} for 2023 in constant 2021 dollars ({owid2023nominal} in dollars of 2023) and {owid2022} for 2022, a multiple of {owidGrowth}. The two series do not measure the same thing: they draw the line around “AI company” and “deal” in different places, and OWID takes inflation out. Neither is picked here; the table sets them side by side.',
  'funding.tableHead.year': 'Year',
  'funding.tableHead.cbiNominal': 'CB Insights, nominal',
  'funding.tableHead.cbi2021': 'CB Insights, 2021 dollars',
  'funding.tableHead.owidNominal': 'OWID (Quid), nominal',
  'funding.tableHead.owid2021': 'OWID (Quid), 2021 dollars',
  'chart.funding.title': 'Global generative-AI funding by year',
  'chart.funding.x': 'Year',
  'chart.funding.y': 'Funding (US dollars)',
  'chart.funding.caption': 'Global generative-AI funding as CB Insights and Quid (OWID) count it, in dollars of each year and in 2021 dollars (US CPI-U).',
  'funding.china':
    'For China the article cites unnamed “public data” for 2023: {deals} deals worth {total}, about {average} each. Quid counts {owid} of private AI investment in China for the same year, {ratio} as much; see “What does not add up” for why.',
  'funding.q1':
    'In the first quarter of 2024 IT Juzi counts {prodMoney} over {prodDeals} deals in AI production and {appMoney} over {appDeals} deals in AI industry applications. Production took {prodShare} of the money with {prodDealShare} of the deals: fewer, larger rounds, {prodAverage} each on average against {appAverage}.',
  'funding.segmentHead.segment': 'Segment, 2024 Q1',
  'funding.segmentHead.asWritten': 'As written',
  'funding.segmentHead.usd': 'US dollars',
  'funding.segmentHead.deals': 'Deals',
  'funding.segmentHead.average': 'Average deal',
  'funding.segmentHead.share': 'Share of the money',
  'segment.ai_production': 'AI production',
  'segment.ai_industry_applications': 'AI industry applications',
  'chart.china.title': 'China: AI funding in 2023 and in 2024 Q1 by segment',
  'chart.china.x': 'Market and period',
  'chart.china.y': 'Funding (US dollars)',
  'chart.china.y2': 'Average deal (US dollars)',
  'chart.china.funding': 'Funding',
  'chart.china.average': 'Average deal',
  'chart.china.cat2023public': '2023, all AI (public data)',
  'chart.china.cat2023owid': '2023, all AI (Quid/OWID)',
  'chart.china.caption': 'China’s AI funding as the article’s sources and Quid count it; yuan converted at the average rate of each period.',

  'valuations.title': 'Valuations against revenue',
  'valuations.intro':
    'The article sets the valuations of China’s “new four little dragons” beside OpenAI’s, and the losses of Anthropic and Inflection AI beside both. The table shows what the ledger holds for each: the valuation, the money raised, revenue at an annual rate and, where both are known, the revenue multiple (valuation divided by annual revenue). A dash means the ledger has no figure.',
  'valuations.head.company': 'Company',
  'valuations.head.valuation': 'Valuation',
  'valuations.head.funding': 'Funding raised',
  'valuations.head.revenue': 'Annual revenue',
  'valuations.head.multiple': 'Revenue multiple',
  'valuations.mobileOnly': '(app stores only)',
  'valuations.openai':
    'OpenAI’s valuation of {valuation} against {runRate} a year of app-store subscriptions gives a multiple of {multiple}. That is the article’s comparison, and it overstates the multiple: OpenAI also sells subscriptions on the web, API access and enterprise plans, none of which the ledger holds.',
  'valuations.inflection': 'Inflection AI raised {funding} and had almost no revenue{revenue} when it gave up its original business in March 2024.',
  'valuations.anthropic': 'Anthropic’s gap between revenue and spending, {gap} over 2024, is a net burn of about {burn} a month.',
  'valuations.missing': 'None of the four little dragons has a revenue figure in the ledger, so their multiples cannot be computed: the article compares their valuations with nothing they earn.',
  'chart.valuations.title': 'Valuation, money raised and annual revenue',
  'chart.valuations.x': 'Company',
  'chart.valuations.y': 'US dollars (log scale)',
  'chart.valuations.valuation': 'Valuation',
  'chart.valuations.funding': 'Funding raised',
  'chart.valuations.revenue': 'Annual revenue',
  'chart.valuations.caption': 'Medians of each figure as read from its wording (“over”, “nearly”); a missing bar means no figure, or revenue of zero, which a log scale cannot show.',

  'subscribers.title': 'ChatGPT’s paying subscribers',
  'subscribers.method':
    'The article’s arithmetic: in the past month ChatGPT took {appStore} in subscriptions on the App Store and {googlePlay} on Google Play (Sensor Tower). At {price} a month that makes {subscribers} paying subscribers through the stores, the article’s {articleSubscribers}, and {runRate} a year, which the article rounds to {articleRunRate}.',
  'subscribers.uncertainty':
    'Estimates of a single app’s revenue from app-intelligence vendors are off by about 30% in the median, so the same arithmetic carried with that error gives {gross}. Which revenue it is matters more: Sensor Tower says its figures are net of the stores’ fees, while the article reads them as what users paid. Read as net, with the commission the stores charged at the time, the estimate becomes {net}.',
  'subscribers.head.reading': 'Reading of the store revenue',
  'subscribers.head.commission': 'Commission',
  'subscribers.head.subscribers': 'Paying subscribers',
  'subscribers.head.runRate': 'Annual run rate (what users paid)',
  'chart.subscribers.title': 'ChatGPT subscribers through the app stores: spread of the estimate',
  'chart.subscribers.x': 'Paying subscribers',
  'chart.subscribers.y': 'Share of draws',
  'chart.subscribers.gross': 'If the revenue is what users paid',
  'chart.subscribers.net': 'If net, commission by the rules',
  'chart.subscribers.marker': 'the article: {value}',
  'chart.subscribers.caption': 'Histogram of the draws of both readings; the line marks the article’s figure.',
  'subscribers.leavesOut': 'What the method leaves out, each of which moves the count:',
  'subscribers.crossCheck': 'A second source:',
  'subscribers.unit':
    'Can subscriptions pay for the models? At {price} a month, after the store’s share and inference, a subscriber leaves {margin}. Paying for a GPT-4-class training run ({training}, Epoch AI’s main estimate) over {months} months takes {breakEven} subscribers; at the cost of buying the hardware outright it takes {breakEvenHigh}.',

  'shakeout.title': 'The shakeout',
  'shakeout.intro':
    'Month by month, each company’s cash moves with its revenue and costs, each uncertain and each growing at an uncertain rate, and with new rounds: a company looks for money when its cash falls below {target} months of costs, and closes a round with a chance set by the funding climate. The climate here is {climate}: {climateText}. The inputs are stated assumptions, not sourced facts (see “Method and assumptions”); the simulation runs {paths} paths per company over {horizon} months.',
  'shakeout.climate.cold': 'cold',
  'shakeout.climate.neutral': 'neutral',
  'shakeout.climate.hot': 'hot',
  'shakeout.climateText': 'a company that needs money closes a round in a given month with chance {chance}, and rounds are {size} their usual size',
  'chart.survival.title': 'Share of simulated paths with cash left',
  'chart.survival.x': 'Months from {asOf}',
  'chart.survival.y': 'Paths still solvent',
  'chart.survival.caption': 'Survival curves S(t): the share of paths whose cash never went below zero through month t.',
  'shakeout.head.rank': '#',
  'shakeout.head.company': 'Company',
  'shakeout.head.s12': 'Solvent at 12 months',
  'shakeout.head.s24': 'at 24 months',
  'shakeout.head.s36': 'at 36 months',
  'shakeout.head.median': 'Median month out',
  'shakeout.head.driver': 'Main risk driver',
  'shakeout.beyond': 'beyond {horizon} months',
  'shakeout.monthN': 'month {n}',
  'shakeout.driverHelps': '{input}: more of it keeps the company alive (ρ = {rho})',
  'shakeout.driverHurts': '{input}: more of it runs the cash out sooner (ρ = {rho})',
  'shakeout.reading':
    'The ranking is by the share of paths still solvent at {months} months; the driver is the input whose draws are most strongly rank-correlated with the month of running out. Read the ranking as a consequence of the assumptions: change data/survival-assumptions.yaml and run the report again.',
  'input.cash': 'cash',
  'input.revenue': 'revenue',
  'input.revenueGrowth': 'revenue growth',
  'input.costs': 'costs',
  'input.costGrowth': 'cost growth',
  'input.roundSize': 'round size',

  'flags.title': 'What does not add up',
  'flags.intro':
    'Shakeout’s checks flag what does not add up in the ledger: sources that disagree, rates mixed across periods, revenue whose basis is disputed, figures out of line with other sources, and derived figures that do not match their own formula.',
  'flags.severity.error': 'Probably wrong',
  'flags.severity.warning': 'Needs care',
  'flags.severity.info': 'Worth knowing',
  'flags.none': 'No check flags anything.',

  'method.title': 'Method and assumptions',
  'method.intro':
    'Each figure is read with its qualifier (约 about, 超 over, 近 nearly, 数 several) into a distribution; estimates are computed draw by draw ({samples} draws, seed {seed}), and ranges are the 5th to 95th percentiles. Yuan are converted at the average rate of the figure’s period and constant dollars with US CPI-U; each conversion is listed below. The same seed gives the same report.',
  'method.group.subscribers': 'ChatGPT subscribers',
  'method.group.funding': 'Funding markets',
  'method.group.health': 'Valuations and company health',
  'method.group.survival': 'The shakeout simulation',
  'method.group.unit': 'Unit economics',
  'method.conversions': 'Conversions used',

  'sources.title': 'Sources',
  'sources.intro': 'Every source the footnotes cite, with the facts taken from it.',
  'sources.facts': 'facts {ids}',
  'sources.undated': 'undated',

  'fn.formula': 'Formula: {formula}',
  'fn.fact': '{id} “{asWritten}”: {entity}, {metric}{scope}, {period}. {publisher}{title}, {date}.',
  'fn.factTitle': ', {title}',
  'fn.noPeriod': 'no period',
  'fn.assumption': 'Assumption: {text} ({rationale})',
  'fn.input': 'From {label}: {formula}',
  'fn.draws': '{samples} draws, seed {seed}; the range is the 5th to 95th percentile.',
  'fn.conversion': 'Converted: {note}',
  'fn.asWritten': 'As written: {figure}',
  'fn.survival': 'Simulated: {paths} paths over {horizon} months, seed {seed}, {climate} climate.',
  'fn.checks': 'Shakeout’s plausibility checks over the whole ledger.',
  'fn.flag': 'Flag {id}.',
  'fn.source': 'Source: {publisher}{title}, {date}.',

  'q.about': 'about {v}',
  'q.over': 'over {v}',
  'q.under': 'under {v}',
  'q.nearly': 'nearly {v}',
  'q.almost_none': 'almost none',
  'q.several': '{lo} to {hi}',
  'times': '{v} times',

  'metric.funding': 'funding',
  'metric.valuation': 'valuation',
  'metric.revenue': 'revenue',
  'metric.subscription_revenue': 'subscription revenue',
  'metric.downloads': 'downloads',
  'metric.price': 'price',
  'metric.deals': 'deals',
  'metric.spend': 'spending',
  'metric.revenue_spending_gap': 'gap between revenue and spending',
  'metric.subscribers': 'paying subscribers',
  'metric.cash': 'cash',
  'metric.burn': 'burn',
  'metric.consumer_spending': 'consumer spending',
  'metric.training_cost': 'training cost',
  'metric.growth': 'growth',
  'metric.headcount': 'headcount',
} as const;

/** The keys every language of the report has. */
export type ReportTextKey = keyof typeof TEXT_EN;
/** The report's prose in one language. */
export type ReportText = { readonly [K in ReportTextKey]: string };
