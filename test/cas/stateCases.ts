/**
 * Cases whose verdicts must not depend on what ran before them in the process (issue 18, item 5):
 * each returns a deterministic summary (status and every method's result). Run directly with an
 * index (`tsx test/cas/stateCases.ts 3`) it prints that case's summary, for the one-process-per-case run.
 */
import { fileURLToPath } from 'node:url';
import { parseExpr, substitute, sym, pow, sqrt, mul, num, Expr } from '../../src/cas/index.ts';
import { equivalent } from '../../src/verify/equivalent.ts';

const summary = (a: Expr | string, b: Expr | string, o: Parameters<typeof equivalent>[2] = {}): string => {
  const v = equivalent(a, b, o);
  return `${v.status} ${v.checks.map((c) => `${c.method}=${c.result}`).join(',')} [${(v.domain ?? []).join('; ')}]`;
};

/** The cases, by name. */
export const CASES: readonly (readonly [string, () => string])[] = [
  // (1e400)^0 folds to the shared constant 1: its text must not stick to that constant
  ['(1e400)^0 vs 1', () => summary(parseExpr('(1e400)^0'), parseExpr('1'))],
  ['x^0 vs 1', () => summary(parseExpr('x^0'), parseExpr('1'))],
  ['0*x vs 0', () => summary(parseExpr('0*x'), parseExpr('0'))],
  ['1e400*x/1e400 vs x', () => summary(parseExpr('1e400*x/1e400'), parseExpr('x'))],
  ['tan vs sin/cos', () => summary('tan(x)', 'sin(x)/cos(x)')],
  ['sqrt(x)^2 vs x', () => summary('sqrt(x)^2', 'x')],
  ['x/x vs 1', () => summary('x/x', '1')],
  ['substituted y^2', () => summary(substitute(pow(sym('y'), 2), { y: sqrt(sym('x')) }), 'x')],
  ['0 * sqrt(x) built', () => summary(mul(num(0), sqrt(sym('x'))), parseExpr('0'))],
  ['opaque atom names', () => summary('N(x)*N__d1(y)', 'q0x*N__d1(y)', { opaque: ['N'] })],
  ['(x^2 - 1)/(x - 1)', () => summary('(x^2 - 1)/(x - 1)', 'x + 1')],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const k = Number(process.argv[2]);
  process.stdout.write(`${JSON.stringify(CASES[k][1]())}\n`);
}
