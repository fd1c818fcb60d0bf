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
  /** Chinese name as a mainland reader writes it: '欧元'. */
  readonly nameZh: string;
  /** The symbol an English text writes before the amount ('€', 'HK$'), or the code when it has none of its own. */
  readonly symbol: string;
  /** Suffix a Chinese text writes after the amount ('欧元', '港元'). */
  readonly suffixZh: string;
}

export const CURRENCY_TABLE: Readonly<Record<Currency, CurrencyInfo>> = {
  USD: { code: 'USD', nameEn: 'US dollar', nameZh: '美元', symbol: '$', suffixZh: '美元' },
  CNY: { code: 'CNY', nameEn: 'Chinese yuan', nameZh: '人民币', symbol: '¥', suffixZh: '元' },
  EUR: { code: 'EUR', nameEn: 'euro', nameZh: '欧元', symbol: '€', suffixZh: '欧元' },
  GBP: { code: 'GBP', nameEn: 'pound sterling', nameZh: '英镑', symbol: '£', suffixZh: '英镑' },
  JPY: { code: 'JPY', nameEn: 'Japanese yen', nameZh: '日元', symbol: 'JP¥', suffixZh: '日元' },
  HKD: { code: 'HKD', nameEn: 'Hong Kong dollar', nameZh: '港元', symbol: 'HK$', suffixZh: '港元' },
  CHF: { code: 'CHF', nameEn: 'Swiss franc', nameZh: '瑞士法郎', symbol: 'CHF ', suffixZh: '瑞士法郎' },
  CAD: { code: 'CAD', nameEn: 'Canadian dollar', nameZh: '加元', symbol: 'C$', suffixZh: '加元' },
  AUD: { code: 'AUD', nameEn: 'Australian dollar', nameZh: '澳元', symbol: 'A$', suffixZh: '澳元' },
  KRW: { code: 'KRW', nameEn: 'South Korean won', nameZh: '韩元', symbol: '₩', suffixZh: '韩元' },
  INR: { code: 'INR', nameEn: 'Indian rupee', nameZh: '印度卢比', symbol: '₹', suffixZh: '印度卢比' },
  SGD: { code: 'SGD', nameEn: 'Singapore dollar', nameZh: '新加坡元', symbol: 'S$', suffixZh: '新加坡元' },
  TWD: { code: 'TWD', nameEn: 'New Taiwan dollar', nameZh: '新台币', symbol: 'NT$', suffixZh: '新台币' },
  SEK: { code: 'SEK', nameEn: 'Swedish krona', nameZh: '瑞典克朗', symbol: 'SEK ', suffixZh: '瑞典克朗' },
};

/** The Chinese name of a currency code, or the code itself when it is not one the product knows. */
export function currencyNameZh(code: string): string {
  return (CURRENCY_TABLE as Readonly<Record<string, CurrencyInfo>>)[code]?.nameZh ?? code;
}
