import type { Assumption } from '../analysis.js';

/**
 * Median absolute error of app-intelligence revenue estimates for one app:
 * about 30% (Priori Data's published figure, REFERENCES.md). Read as a
 * lognormal error factor with median 1 whose |log| has median ln 1.3:
 * sigma = ln(1.3) / 0.6745 ≈ 0.389, a 90% interval of x0.53 to x1.90.
 */
export const VENDOR_ERROR_SIGMA = Math.log(1.3) / 0.6744897501960817;

/** The error factor on each store's revenue estimate (drawn independently per store). */
export const VENDOR_ERROR: Assumption = {
  id: 'vendor-error',
  text: {
    en: 'Each store revenue figure is an app-intelligence estimate with a per-app error of about 30% (median); the error factor is lognormal with median 1 (90%: x0.53 to x1.90), drawn independently for each store',
    zh: '各商店收入数字是应用情报机构的估算，单个应用的误差中位数约30%；误差系数取中位数为1的对数正态分布（90%区间：0.53至1.90倍），各商店独立抽取',
  },
  rationale: {
    en: "Vendors estimate per-app revenue from panels of connected developer accounts and chart ranks; Priori Data publishes a median error of about 30% on revenue (20% on downloads). The figures are exact as written, but what they measure is not: a 90% interval shows that.",
    zh: '应用情报机构根据接入的开发者账户样本和榜单排名估算单个应用收入；Priori Data公布的收入误差中位数约30%（下载量约20%）。数字写得精确，但所测之物并不精确，90%区间正是为此而列。',
  },
  value: { text: '约30%', spec: { family: 'lognormal', mu: 0, sigma: VENDOR_ERROR_SIGMA }, unit: 'multiple', per: null },
};

/** What the article's arithmetic leaves out, each with why it matters. */
export const OMITTED_ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'one-monthly-plan',
    text: { en: 'Every store payment is one month of one plan at the listed price', zh: '每笔商店付款都是按标价支付的一个月单一套餐' },
    rationale: {
      en: 'The article divides revenue by one price. Other plans (team, other tiers) or in-app purchases that are not the subscription would make the count wrong.',
      zh: '文章用一个价格去除收入；若有其他套餐（团队版、其他档位）或非订阅的应用内购买，人数就会算错。',
    },
  },
  {
    id: 'no-annual-plans',
    text: { en: 'No annual plans: no payment covers more than one month', zh: '没有年付套餐：没有一笔付款覆盖超过一个月' },
    rationale: {
      en: 'An annual plan is booked in the month it is paid; a month with many annual payments overstates the monthly run rate and the subscriber count.',
      zh: '年付套餐在付款当月一次入账；年付集中的月份会高估月收入和订阅人数。',
    },
  },
  {
    id: 'regional-prices',
    text: { en: 'Everyone pays the US price ($19.99); regional price tiers are ignored', zh: '所有人都付美国价格（19.99美元），忽略地区价格档位' },
    rationale: {
      en: 'Stores set a price tier per country; where the local price is lower, the same revenue means more subscribers, and the reverse.',
      zh: '商店按国家设定价格档位；当地价格较低时，同样的收入意味着更多订阅用户，反之亦然。',
    },
  },
  {
    id: 'vat-in-prices',
    text: { en: 'Prices and revenue exclude VAT', zh: '价格与收入均不含增值税' },
    rationale: {
      en: 'Outside the US, store prices include VAT or GST (often 15-25%); a gross figure that includes tax overstates what subscriptions bring in, and the subscriber count if divided by a pre-tax price.',
      zh: '美国以外的商店价格含增值税或消费税（常为15%-25%）；含税的总额会高估订阅收入，用税前价格去除还会高估人数。',
    },
  },
  {
    id: 'trials-refunds',
    text: { en: 'No free trials, discounts or refunds', zh: '没有免费试用、折扣或退款' },
    rationale: {
      en: 'Trial users pay nothing and refunds reduce revenue after the fact; both make revenue / price differ from the number of people with an active plan.',
      zh: '试用用户不付费，退款事后冲减收入；两者都让“收入/价格”不等于有效订阅人数。',
    },
  },
  {
    id: 'web-subscriptions',
    text: { en: 'Only subscriptions bought through the app stores are counted; web subscriptions are not', zh: '只计通过应用商店购买的订阅，不含网页订阅' },
    rationale: {
      en: 'Many users subscribe on the web (openai.com), which never touches a store: the result is store subscribers, a lower bound on all paying subscribers.',
      zh: '许多用户在网页（openai.com）订阅，不经过应用商店：结果只是商店订阅人数，是全部付费用户的下限。',
    },
  },
];
