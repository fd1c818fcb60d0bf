import type { Quantity } from '../../core/index.js';
import type { Text } from '../analysis.js';

/** The app stores whose commission Shakeout knows, by the scope the ledger uses. */
export type AppStore = 'app_store' | 'google_play';

export const APP_STORES: readonly AppStore[] = ['app_store', 'google_play'];

/** What is being sold: auto-renewing subscriptions, or other in-app sales (one-time purchases). */
export type SaleKind = 'subscription' | 'in_app';

/**
 * One commission rule of one store, valid over a span of dates, with the
 * condition that makes it apply. Rules are data: `commissionFor` picks, among
 * the rules in force on a date whose condition holds, the lowest rate (a
 * developer pays the lowest rate it qualifies for).
 */
export interface CommissionRule {
  readonly id: string;
  readonly store: AppStore;
  /** First day in force (ISO date). */
  readonly from: string;
  /** Last day in force (ISO date), null while in force. */
  readonly until: string | null;
  /** What it applies to. */
  readonly appliesTo: readonly SaleKind[];
  /** The store's share of the price the user pays, as a fraction: 0.30. */
  readonly rate: Quantity;
  /** Conditions, all of which must hold. */
  readonly when: {
    /** The subscriber has paid for at least this many years. */
    readonly minTenureYears?: number;
    /** The developer is in the store's small-business programme (under $1M proceeds a year). */
    readonly smallBusiness?: true;
  };
  readonly text: Text;
  readonly source: { readonly publisher: string; readonly title: string; readonly url: string; readonly published: string };
}

const pct = (x: number): Quantity => ({ value: x, unit: 'percent', per: null });

const APPLE_GUIDE = {
  publisher: 'Apple',
  title: 'App Store Small Business Program; auto-renewable subscriptions (85% after one year of paid service)',
  url: 'https://developer.apple.com/app-store/small-business-program/',
  published: '2020-11-18',
};
const GOOGLE_HELP = {
  publisher: 'Google',
  title: 'Play Console Help: service fees (15% on auto-renewing subscriptions from 2022-01-01)',
  url: 'https://support.google.com/googleplay/android-developer/answer/112622',
  published: '2021-10-21',
};

/**
 * The store commission rules, dated (REFERENCES.md, "Store commission"):
 *
 * - Apple App Store: 30% standard since the store opened (2008-07-10); 15% on
 *   a subscription after one year of paid service (since 2016-06-13); 15%
 *   under the Small Business Program (since 2021-01-01; under $1M proceeds in
 *   the prior calendar year, so not OpenAI).
 * - Google Play: 30% standard; 15% on a subscription after twelve paid months
 *   (2018-01-01 to 2021-12-31); 15% on all auto-renewing subscriptions since
 *   2022-01-01; 15% on the first $1M a year of other in-app sales for enrolled
 *   developers (since 2021-07-01), 30% above.
 */
export const COMMISSION_RULES: readonly CommissionRule[] = [
  {
    id: 'apple-standard',
    store: 'app_store',
    from: '2008-07-10',
    until: null,
    appliesTo: ['subscription', 'in_app'],
    rate: pct(0.3),
    when: {},
    text: { en: 'Apple App Store: 30% standard commission', zh: '苹果App Store：标准佣金30%' },
    source: APPLE_GUIDE,
  },
  {
    id: 'apple-subscription-after-first-year',
    store: 'app_store',
    from: '2016-06-13',
    until: null,
    appliesTo: ['subscription'],
    rate: pct(0.15),
    when: { minTenureYears: 1 },
    text: { en: 'Apple App Store: 15% on a subscription after one year of paid service', zh: '苹果App Store：订阅用户连续付费满一年后佣金15%' },
    source: APPLE_GUIDE,
  },
  {
    id: 'apple-small-business',
    store: 'app_store',
    from: '2021-01-01',
    until: null,
    appliesTo: ['subscription', 'in_app'],
    rate: pct(0.15),
    when: { smallBusiness: true },
    text: {
      en: 'Apple Small Business Program: 15% for developers under $1M proceeds in the prior calendar year (a large company such as OpenAI does not qualify)',
      zh: '苹果小型企业计划：上一年收入低于100万美元的开发者佣金15%（OpenAI这样的大公司不符合条件）',
    },
    source: APPLE_GUIDE,
  },
  {
    id: 'play-standard',
    store: 'google_play',
    from: '2008-10-22',
    until: null,
    appliesTo: ['subscription', 'in_app'],
    rate: pct(0.3),
    when: {},
    text: { en: 'Google Play: 30% standard service fee', zh: 'Google Play：标准服务费30%' },
    source: GOOGLE_HELP,
  },
  {
    id: 'play-subscription-after-first-year',
    store: 'google_play',
    from: '2018-01-01',
    until: '2021-12-31',
    appliesTo: ['subscription'],
    rate: pct(0.15),
    when: { minTenureYears: 1 },
    text: { en: 'Google Play: 15% on a subscription after twelve paid months (2018 to 2021)', zh: 'Google Play：订阅满12个月后服务费15%（2018至2021年）' },
    source: GOOGLE_HELP,
  },
  {
    id: 'play-subscriptions-15',
    store: 'google_play',
    from: '2022-01-01',
    until: null,
    appliesTo: ['subscription'],
    rate: pct(0.15),
    when: {},
    text: { en: 'Google Play: 15% on all auto-renewing subscriptions since 2022-01-01', zh: 'Google Play：自2022年1月1日起所有自动续订订阅服务费15%' },
    source: GOOGLE_HELP,
  },
  {
    id: 'play-first-million',
    store: 'google_play',
    from: '2021-07-01',
    until: null,
    appliesTo: ['subscription', 'in_app'],
    rate: pct(0.15),
    when: { smallBusiness: true },
    text: { en: 'Google Play: 15% on the first $1M of earnings a year for enrolled developers', zh: 'Google Play：已登记开发者每年首100万美元收入服务费15%' },
    source: GOOGLE_HELP,
  },
];
