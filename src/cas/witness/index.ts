/**
 * The numeric witness: both sides evaluated at seeded points of the declared domain, each value
 * with its own error bound, opaque functions as random functions with exact derivatives. A side
 * that was parsed from text is evaluated from that text as mathjs reads it (not from the engine's
 * tree); a derived side from its printed form. The witness says `different` only with a point where
 * the gap exceeds the error bounds (or one side is defined and the other is not), `equal` only when
 * every resolvable point agrees to the tolerance relative to the size of the terms, and `unknown`
 * otherwise, with its findings: a value that is not a real number inside the declared domain is
 * reported, never dropped.
 */
import { Expr, symbolsOf, children } from '../expr.ts';
import { printExpr } from '../print.ts';
import { safeNamesFor, SafeNames } from '../safeNames.ts';
import { sourceOf, Scope } from '../parse.ts';
import { Assumptions } from '../assumptions.ts';
import { Bounded, isDefined, isOverflow } from './bounded.ts';
import { RandomFunctions } from './randomFunctions.ts';
import { Point, DomainOptions, checkRanges } from './domain.ts';
import { compileText, Reading, NotEvaluableError, Env } from './compile.ts';
import { SideProgram, PointOutcome, PRECISIONS, comparePoint, certifyValue, CertifiedValue, floatNonzero } from './refine.ts';

export { Point, DomainError, checkRanges } from './domain.ts';
export { compileText, NotEvaluableError } from './compile.ts';
export type { Program, Reading, Env } from './compile.ts';
export { seededRandom, randomPolynomial, RandomFunctions } from './randomFunctions.ts';
export type { Bounded } from './bounded.ts';
export type { PointOutcome, CertifiedValue } from './refine.ts';
export { bPow, exact } from './bounded.ts';

/** One side of an identity: the engine's expression and, when it was parsed from text, that text. */
export interface WitnessSide {
  readonly expr: Expr;
  readonly text?: string;
  readonly scope?: Scope;
}

/** Where and how densely to look, and how close is equal. */
export interface WitnessOptions {
  readonly assumptions: Assumptions;
  readonly seeds?: readonly number[];
  readonly points?: number;
  /** The largest relative resolution (error bound / size of the terms) at which agreement counts (default 1e-8). */
  readonly tolerance?: number;
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Stop after this time (ms since the epoch of performance.now()). */
  readonly deadline?: number;
}

/** The witness's answer, with its evidence. */
export interface WitnessResult {
  readonly result: 'equal' | 'different' | 'unknown';
  readonly detail: string;
  readonly outcomes: readonly PointOutcome[];
  /** Non-real values inside the declared domain. */
  readonly findings: readonly string[];
  /** How each side was read: from its text, or from the printed form of the engine's expression. */
  readonly readings: { readonly lhs: string; readonly rhs: string };
  /** Worst relative resolution among agreeing points. */
  readonly resolution: number;
}

const fmt = (x: number) =>
  Number.isFinite(x) ? (x === 0 || (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5) ? String(Number(x.toPrecision(6))) : x.toExponential(3)) : String(x);
const showValue = (b: Bounded) => (isDefined(b) ? fmt(b.v) : isOverflow(b) ? 'beyond float resolution' : 'undefined');
const where = (p: Point) => JSON.stringify(p.toJSON(), (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v));

/** Symbols that occur in an exponent (they also take integer values at some points). */
function exponentSymbols(exprs: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expr) => {
    if (e.kind === 'pow' && e.exponent.kind !== 'num') symbolsOf(e.exponent, out);
    children(e).forEach(visit);
  };
  exprs.forEach(visit);
  return out;
}

/** A reading of printed expressions with safe names (so no name can be a mathjs keyword). */
export function printedReading(names: SafeNames): Reading {
  const symbols = new Map([...names.symbolNames].map(([orig, safe]) => [safe, orig]));
  const fns = new Map([...names.functionNames.values()].map((f) => [f.safe, { name: f.name, derivs: f.derivs }]));
  return { symbolName: (n) => symbols.get(n) ?? n, functionName: (n) => fns.get(n) };
}

/** Compile a side from its text when it can be read on its own, else from the printed engine tree. */
function compileSide(side: WitnessSide, names: SafeNames): { program: SideProgram; reading: string } {
  const source = side.text !== undefined ? { text: side.text, scope: side.scope } : sourceOf(side.expr);
  let why = 'a derived expression';
  if (source) {
    const scope = source.scope;
    try {
      const program = new SideProgram(source.text, {
        macros: scope?.macroSources,
        isOpaque: scope ? (n) => scope.functions.has(n) : undefined,
      });
      return { program, reading: 'its text' };
    } catch (err) {
      if (!(err instanceof NotEvaluableError)) throw err;
      why = `its text uses what only the engine evaluates (${err.message})`;
    }
  }
  return { program: new SideProgram(printExpr(side.expr, names, 'log'), printedReading(names)), reading: `the printed engine form (${why})` };
}

/** Evaluate compiled programs at the witness's points (seeds x points per seed). */
export function* witnessPoints(o: WitnessOptions, exprs: readonly Expr[]): Generator<{ env: Env; point: Point }> {
  checkRanges(o);
  const domain: DomainOptions = { assumptions: o.assumptions, ranges: o.ranges, exponentSymbols: exponentSymbols(exprs) };
  for (const seed of o.seeds ?? [1, 2, 3]) {
    const fns = new RandomFunctions(seed);
    for (let k = 0; k < (o.points ?? 4); k++) {
      const point = new Point(seed, k, domain);
      yield { env: { point, fns }, point };
    }
  }
}

const FINDINGS = new Set<PointOutcome['kind']>(['undefined-both', 'undefined-one', 'undefined-maybe', 'zero-divisor']);

/** A finding in words: which side is not a real number (or which divisor vanishes) where. */
function describeFinding(x: PointOutcome): string {
  const at = `at ${where(x.point)} (inside the declared domain)`;
  if (x.kind === 'undefined-both') return `both sides are not a real number ${at}`;
  if (x.kind === 'undefined-one') return `${isDefined(x.lhs) || isOverflow(x.lhs) ? 'rhs' : 'lhs'} is not a real number ${at}`;
  if (x.kind === 'zero-divisor') return `a divisor is 0 to within its bound at ${x.precision} digits ${at}: ${x.why}`;
  return `${x.why} ${at}`;
}

/** Compare lhs and rhs at seeded points of the declared domain. */
export function numericWitness(lhs: WitnessSide, rhs: WitnessSide, o: WitnessOptions): WitnessResult {
  const names = safeNamesFor([lhs.expr, rhs.expr]);
  const L = compileSide(lhs, names);
  const R = compileSide(rhs, names);
  const tol = o.tolerance ?? 1e-8;
  const outcomes: PointOutcome[] = [];
  let cut = false;
  const look = (opts: WitnessOptions) => {
    for (const { env } of witnessPoints(opts, [lhs.expr, rhs.expr])) {
      if (o.deadline !== undefined && performance.now() > o.deadline) {
        cut = true;
        break;
      }
      outcomes.push(comparePoint(L.program, R.program, env, tol, o.deadline));
    }
  };
  look(o);
  // values outside the reals and no decisive point yet: look at three more seeds before giving up
  const undecided = () =>
    outcomes.some((x) => x.kind === 'undefined-both') && !outcomes.some((x) => x.kind === 'differ' || (FINDINGS.has(x.kind) && x.kind !== 'undefined-both'));
  if (undecided()) look({ ...o, seeds: (o.seeds ?? [1, 2, 3]).map((k) => k + 1000) });
  const count = (k: PointOutcome['kind']) => outcomes.filter((x) => x.kind === k).length;
  const findings = outcomes.filter((x) => FINDINGS.has(x.kind)).map(describeFinding);
  const readings = { lhs: L.reading, rhs: R.reading };
  const agreeing = outcomes.filter((x) => x.kind === 'agree');
  const resolution = Math.max(0, ...agreeing.map((x) => x.relative));
  const base = { outcomes, findings, readings, resolution };
  const differ = outcomes.find((x) => x.kind === 'differ' || x.kind === 'undefined-one');
  if (differ) {
    const gap =
      isDefined(differ.lhs) && isDefined(differ.rhs)
        ? `, gap ${fmt(Math.abs(differ.lhs.v - differ.rhs.v))} > error bound ${fmt(differ.noise)}`
        : ' (defined on one side only)';
    return {
      ...base,
      result: 'different',
      detail: `at ${where(differ.point)}: lhs = ${showValue(differ.lhs)}, rhs = ${showValue(differ.rhs)}${gap}; ${outcomes.length} points`,
    };
  }
  const precise = outcomes.filter((x) => x.precision !== 'float').length;
  const tally = `${agreeing.length} of ${outcomes.length} points agree to ${fmt(resolution)} relative to the size of the terms`;
  const extra = [
    count('blind') ? `${count('blind')} too ill-conditioned or too large for floats to resolve ${fmt(tol)}` : '',
    count('undefined-both') ? `${count('undefined-both')} where neither side is a real number` : '',
    count('zero-divisor') ? `${count('zero-divisor')} where a divisor is 0 to within its bound at ${PRECISIONS.at(-1)} digits` : '',
    precise ? `${precise} decided in decimal intervals` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const detail = extra ? `${tally}; ${extra}` : tally;
  if (findings.length > 0) return { ...base, result: 'unknown', detail: `${detail}; ${findings[0]}` };
  if (cut) return { ...base, result: 'unknown', detail: `${detail}; stopped at the deadline before every point was looked at: no vote` };
  if (agreeing.length * 2 < outcomes.length || agreeing.length === 0) return { ...base, result: 'unknown', detail };
  return { ...base, result: 'equal', detail };
}

/** Values of an expression (the engine's, printed) at the witness's points, refined in decimals where floats cannot tell them from 0: for confirming a residual. */
export function evaluateAt(expr: Expr, o: WitnessOptions, allExprs: readonly Expr[]): ({ point: Point } & CertifiedValue)[] {
  const names = safeNamesFor([expr]);
  const program = new SideProgram(printExpr(expr, names, 'log'), printedReading(names));
  return [...witnessPoints(o, allExprs)].map(({ env, point }) => ({ point, ...certifyValue(program, env, o.deadline) }));
}

/** Values of a text (e.g. nerdamer's residual) at the witness's points, with named atoms evaluated by `atom` (floats only). */
export function evaluateTextAt(
  text: string,
  reading: Reading,
  atom: Env['atom'],
  o: WitnessOptions,
  allExprs: readonly Expr[],
): ({ point: Point } & CertifiedValue)[] {
  const program = compileText(text, reading);
  return [...witnessPoints(o, allExprs)].map(({ env, point }) => {
    const value = program({ ...env, atom });
    const certified = Number.isNaN(value.v) ? 'undefined' : floatNonzero(value) ? 'nonzero' : undefined;
    return { point, value, certified };
  });
}
