// The public face of core: quantities, figures as written, periods, errors.
export * from './distribution-spec.js';
export * from './quantity.js';
export * from './figure.js';
export * from './errors.js';
