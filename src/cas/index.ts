/** The CAS layer: the only place that imports nerdamer or mathjs. */
export * from './rational.ts';
export * from './expr.ts';
export * from './errors.ts';
export { parseExpr } from './parse.ts';
export type { Scope } from './parse.ts';
export { printExpr, plainNaming } from './print.ts';
export type { Naming } from './print.ts';
export { toPoly, toExpr, expand, polyKey, termCount, constantOf } from './normal.ts';
export { equalByNormalForm, clearDenominators } from './zeroTest.ts';
export type { Poly, Term, Factor } from './normal.ts';
export { differentiate, partial, partialN, totalTimeDerivative, substituteFunction } from './diff.ts';
export type { Seed } from './diff.ts';
export { nerdamerDifference, clearNerdamerCache } from './nerdamerCheck.ts';
export { compareNumerically, seededRandom, randomPolynomial } from './numeric.ts';
export type { NumericComparison } from './numeric.ts';
