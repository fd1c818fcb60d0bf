// The public face of extract: figures found in articles, proposed as facts to review.
export * from './article-text.js';
export * from './split-sentences.js';
export * from './metric-keywords.js';
export * from './entity-mentions.js';
export * from './period-mentions.js';
export * from './number-spans.js';
export * from './extract-figures.js';
export * from './review-file.js';
