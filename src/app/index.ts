// Use-cases shared by the CLI and the server. The outer layers reach the
// product only through here.
export { ShakeoutError, FigureParseError, formatIssues } from '../core/index.js';
export type { Figure, Issue, Unit, Qualifier, DistSpec } from '../core/index.js';
export * from './read-figure.js';
export * from './open-ledger.js';
export * from './facts-file.js';
export { formatValue, formatCompact } from '../core/index.js';
export type { Lang } from '../core/index.js';
export type { Fact, FactInput, FactFilter, Conflict, Entity, Source, LedgerEvent, ImportResult, Summary as LedgerSummary, Store } from '../ledger/index.js';
export * from './run-model-file.js';
export * from './analysis-json.js';
export * from './save-derived.js';
export * from './analyze-subscribers.js';
export * from './analyze-funding.js';
export * from './check-plausibility.js';
export type { Analysis, Estimate, Assumption, InputRef, Text, SubscribersDetails, FundingDetails, FundingRow, PlausibilityDetails, PlausibilityFlag, FlagSeverity } from '../economics/index.js';
export * from './analyze-health.js';
export * from './simulate-survival.js';
export * from './analyze-unit-economics.js';
export type { HealthDetails, HealthInputRow, SurvivalDetails, SurvivalCompanyDetails, SurvivalInputRow, SurvivalDriver, FundingClimate, ClimateName, UnitEconomicsDetails, UnitInputRow, BurnMultipleBand } from '../economics/index.js';
export { CLIMATES } from '../economics/index.js';
export * from './report.js';
export * from './in-currency.js';
export * from './fx-rates.js';
export { CURRENCIES } from '../core/index.js';
export type { Currency, FxRate } from '../core/index.js';
export type { FxImportResult } from '../ledger/index.js';
export type { Report, ReportInputs, Footnote, ChartSpec } from '../report/index.js';
