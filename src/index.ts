/**
 * fhn-derive public API: expressions (parse, print, differentiate), Fokker–Planck models and
 * changes of variables, identities decided by independent methods, claims and derivations,
 * schemes and kernels, and the numerics that run them (integrators, particles, finite volumes).
 */
export {
  parseExpr,
  printExpr,
  expand,
  partial,
  partialN,
  differentiate,
  totalTimeDerivative,
  substitute,
  substituteFunction,
  toPoly,
  sym,
  num,
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  sqrt,
  exp,
  ln,
  fn,
  isZero,
  equalByNormalForm,
  ExpressionSyntaxError,
  UnknownSymbolError,
  LimitError,
  DivisionByZeroError,
  AssumptionError,
  TimeoutError,
  withAssumptions,
  currentAssumptions,
  describeAssumptions,
  limits,
  setLimits,
  DEFAULT_LIMITS,
} from './cas/index.ts';
export type { Expr, Scope, Assumptions, AssumptionKind, Limits } from './cas/index.ts';
export * from './calculus/index.ts';
export * from './verify/index.ts';
export * from './codegen/index.ts';
export * from './report/index.ts';
export { seededRandom } from './cas/index.ts';
export * from './numerics/index.ts';
export * from './simulate/index.ts';
