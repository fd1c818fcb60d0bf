// Unit economics: margin per paying user, break-even subscribers, payback.
export * from './unit-margin.js';
export * from './analyze-unit-economics.js';
