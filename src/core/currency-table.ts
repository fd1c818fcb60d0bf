import type { Currency } from './quantity.js';

/**
 * What a reader calls each currency the product knows: the currencies of the
 * bundled monthly FX table (`data/fx-monthly-per-usd.csv`, Federal Reserve
 * H.10) and the dollar. One table, read by the figure reader (symbols and
 * words), the formatter (how an amount is written back) and the money
 * conversions (how a rate is named in English and Chinese).
 */
export interface CurrencyInfo {
  readonly code: Currency;
  /** English name in the singular: 'euro'. */
  readonly nameEn: string;
  /**
   * English name in the plural, as in "money in euros": yen, yuan and won are
   * invariable ('Japanese yen', not 'Japanese yens'), the krona's plural is
   * kronor and sterling's is 'pounds sterling'.
   */
  readonly pluralEn: string;
  /** Chinese name as a mainland reader writes it: '欧元'. */
  readonly nameZh: string;
  /** The symbol an English text writes before the amount ('€', 'HK$'), or the code when it has none of its own. */
  readonly symbol: string;
  /** Suffix a Chinese text writes after the amount ('欧元', '港元'). */
  readonly suffixZh: string;
  /**
   * Signs and codes the figure reader accepts before the amount, lower case
   * ('hk$', 'hkd'). `¥` alone is in no row: it is both the yuan's and the
   * yen's sign, and the reader decides it from the text (see `AMBIGUOUS_YEN_SIGN`).
   * A Chinese name here ('港币', '新台币') may take 元 after the amount as the
   * word for the unit ("新台币132.36亿元", "港币10亿元"), not as the yuan.
   */
  readonly before: readonly string[];
  /** Words and signs the figure reader accepts after the amount, lower case ('hong kong dollars', '港元', 'hkd'). */
  readonly after: readonly string[];
}

export const CURRENCY_TABLE: Readonly<Record<Currency, CurrencyInfo>> = {
  USD: {
    code: 'USD', nameEn: 'US dollar', pluralEn: 'US dollars', nameZh: '美元', symbol: '$', suffixZh: '美元',
    before: ['$', 'us$', 'u.s.$', 'usd'],
    after: [
      '美元', '美金', 'usd', 'dollars', 'dollar', 'us dollars', 'us dollar', 'u.s. dollars', 'of dollars', 'of us dollars',
      'de dollars', 'dollari', 'di dollari',
    ],
  },
  CNY: {
    code: 'CNY', nameEn: 'Chinese yuan', pluralEn: 'Chinese yuan', nameZh: '人民币', symbol: 'CN¥', suffixZh: '元',
    before: ['cn¥', 'rmb', 'cny', '人民币'],
    after: ['元', '元人民币', '人民币', 'cny', 'rmb', 'yuan', 'renminbi', 'chinese yuan', 'of yuan'],
  },
  EUR: {
    code: 'EUR', nameEn: 'euro', pluralEn: 'euros', nameZh: '欧元', symbol: '€', suffixZh: '欧元',
    before: ['€', 'eur'],
    after: ['欧元', '€', 'eur', 'euros', 'euro', 'of euros', "d'euros", "d'euro", 'di euro'],
  },
  GBP: {
    code: 'GBP', nameEn: 'pound sterling', pluralEn: 'pounds sterling', nameZh: '英镑', symbol: '£', suffixZh: '英镑',
    before: ['£', 'gbp'],
    after: ['英镑', 'gbp', 'pounds', 'pound', 'pounds sterling', 'sterling', 'british pounds', 'of pounds'],
  },
  JPY: {
    code: 'JPY', nameEn: 'Japanese yen', pluralEn: 'Japanese yen', nameZh: '日元', symbol: 'JP¥', suffixZh: '日元',
    before: ['jp¥', 'jpy'],
    after: ['日元', '日圆', '円', 'jpy', 'yen', 'japanese yen', 'of yen'],
  },
  HKD: {
    code: 'HKD', nameEn: 'Hong Kong dollar', pluralEn: 'Hong Kong dollars', nameZh: '港元', symbol: 'HK$', suffixZh: '港元',
    before: ['hk$', 'hkd', '港币', '港幣'],
    after: ['港元', '港币', '港幣', 'hkd', 'hong kong dollars', 'hong kong dollar', 'hk dollars'],
  },
  CHF: {
    code: 'CHF', nameEn: 'Swiss franc', pluralEn: 'Swiss francs', nameZh: '瑞士法郎', symbol: 'CHF ', suffixZh: '瑞士法郎',
    before: ['chf', 'sfr.', 'sfr'],
    after: ['瑞士法郎', 'chf', 'swiss francs', 'swiss franc', 'francs', 'franc'],
  },
  CAD: {
    code: 'CAD', nameEn: 'Canadian dollar', pluralEn: 'Canadian dollars', nameZh: '加元', symbol: 'C$', suffixZh: '加元',
    before: ['c$', 'ca$', 'can$', 'cad'],
    after: ['加元', '加币', '加拿大元', 'cad', 'canadian dollars', 'canadian dollar'],
  },
  AUD: {
    code: 'AUD', nameEn: 'Australian dollar', pluralEn: 'Australian dollars', nameZh: '澳元', symbol: 'A$', suffixZh: '澳元',
    before: ['a$', 'au$', 'aud'],
    after: ['澳元', '澳币', '澳大利亚元', 'aud', 'australian dollars', 'australian dollar'],
  },
  KRW: {
    code: 'KRW', nameEn: 'South Korean won', pluralEn: 'South Korean won', nameZh: '韩元', symbol: '₩', suffixZh: '韩元',
    before: ['₩', 'krw'],
    after: ['韩元', '韩币', 'krw', 'won', 'korean won', 'south korean won'],
  },
  INR: {
    code: 'INR', nameEn: 'Indian rupee', pluralEn: 'Indian rupees', nameZh: '印度卢比', symbol: '₹', suffixZh: '印度卢比',
    before: ['₹', 'inr', 'rs.', 'rs'],
    after: ['印度卢比', '卢比', 'inr', 'rupees', 'rupee', 'indian rupees', 'indian rupee'],
  },
  SGD: {
    code: 'SGD', nameEn: 'Singapore dollar', pluralEn: 'Singapore dollars', nameZh: '新加坡元', symbol: 'S$', suffixZh: '新加坡元',
    before: ['s$', 'sgd'],
    after: ['新加坡元', '新元', '新币', 'sgd', 'singapore dollars', 'singapore dollar'],
  },
  TWD: {
    code: 'TWD', nameEn: 'New Taiwan dollar', pluralEn: 'New Taiwan dollars', nameZh: '新台币', symbol: 'NT$', suffixZh: '新台币',
    before: ['nt$', 'twd', '新台币', '新台幣', '台币', '台幣'],
    after: ['新台币', '新台幣', '台币', '台幣', 'twd', 'new taiwan dollars', 'new taiwan dollar', 'taiwan dollars', 'nt dollars'],
  },
  SEK: {
    code: 'SEK', nameEn: 'Swedish krona', pluralEn: 'Swedish kronor', nameZh: '瑞典克朗', symbol: 'SEK ', suffixZh: '瑞典克朗',
    before: ['sek'],
    after: ['瑞典克朗', 'sek', 'kronor', 'krona', 'swedish kronor', 'swedish krona'],
  },
};

/**
 * `¥` (and the full-width `￥`, which NFKC turns into it) is the sign of both
 * the yuan and the yen. The figure reader takes it as CNY next to 元 or in a
 * Chinese text, as JPY next to 円 or 日元, and otherwise refuses it.
 */
export const AMBIGUOUS_YEN_SIGN = '¥';

/**
 * Currency signs and words the reader refuses with a reason rather than
 * guess: `kr` is written for the Swedish, Norwegian, Danish and Icelandic
 * crowns; the others are currencies the product has no rates for.
 */
export const UNKNOWN_CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['kr', '"kr" is written for the Swedish, Norwegian, Danish and Icelandic crowns: write SEK or "Swedish kronor" for the Swedish krona (the only crown the product has rates for)'],
  ['kr.', '"kr." is written for the Swedish, Norwegian, Danish and Icelandic crowns: write SEK or "Swedish kronor" for the Swedish krona (the only crown the product has rates for)'],
  ['kroner', '"kroner" are Norwegian or Danish crowns, which the product has no rates for'],
  ['r$', '"R$" is the Brazilian real, which the product has no rates for'],
  ['reais', 'the Brazilian real is a currency the product has no rates for'],
  ['₽', 'the Russian rouble is a currency the product has no rates for'],
  ['rubles', 'the Russian rouble is a currency the product has no rates for'],
  ['roubles', 'the Russian rouble is a currency the product has no rates for'],
  ['pesos', '"pesos" name several currencies (Mexican, Argentine, Philippine ...), none of which the product has rates for'],
  ['mx$', 'the Mexican peso is a currency the product has no rates for'],
  ['nz$', 'the New Zealand dollar is a currency the product has no rates for'],
  ['zł', 'the Polish złoty is a currency the product has no rates for'],
  ['₺', 'the Turkish lira is a currency the product has no rates for'],
  ['lira', 'the lira is a currency the product has no rates for'],
  ['dirhams', 'the dirham is a currency the product has no rates for'],
  ['riyals', 'the riyal is a currency the product has no rates for'],
  ['shekels', 'the Israeli shekel is a currency the product has no rates for'],
  ['₪', 'the Israeli shekel is a currency the product has no rates for'],
];

/** The Chinese name of a currency code, or the code itself when it is not one the product knows. */
export function currencyNameZh(code: string): string {
  return (CURRENCY_TABLE as Readonly<Record<string, CurrencyInfo>>)[code]?.nameZh ?? code;
}
