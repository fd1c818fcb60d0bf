// The public face of core: quantities, figures as written, periods, errors.
export * from './constants.js';
export * from './distribution-spec.js';
export * from './quantity.js';
export * from './currency-table.js';
export * from './figure.js';
export * from './errors.js';
export * from './format-number.js';
export * from './period.js';
export * from './money.js';
export * from './normal-quantile.js';
export * from './lognormal-from-ci.js';
export * from './regularized-incomplete-beta.js';
export * from './quantile-of-spec.js';
export * from './chinese-numerals.js';
export * from './figure-words.js';
export * from './qualifier-table.js';
export * from './parse-figure.js';
