// The public face of lang: the model language (the core of Squiggle's
// syntax), parsed, checked and compiled to the engine's Plan.
export type { Assignment, BinaryOperator, Expr, Program, RecordField } from './ast.js';
export { builtinNames, lookupBuiltin, type Builtin, type ValueType } from './builtins.js';
export { checkModel, type CheckedModel } from './check-model.js';
export { closestName, editDistance } from './closest-name.js';
export {
  compileModel,
  compileProgram,
  type CompileOptions,
  type CompiledModel,
  type FactResolver,
  type FactUse,
} from './compile-model.js';
export { ModelError, MODEL_REASONS, type ModelErrorCode, type ModelReasonCode, type Span } from './model-error.js';
export { MAX_MODEL_DEPTH, MAX_MODEL_NESTING, parseModel } from './parse-model.js';
export { SourceText } from './source-text.js';
export { tokenize, type Token, type TokenKind } from './tokenize.js';
export {
  runModel,
  type DistOutput,
  type ModelOutput,
  type ModelResult,
  type ModelTimings,
  type RunModelOptions,
  type ScalarOutput,
} from './run-model.js';
