/**
 * Decide an identity lhs = rhs with independent methods and keep the evidence:
 *  - engine: our normal form (expand, collect, clear sum denominators);
 *  - nerdamer: expand(lhs - rhs) with opaque applications as atoms;
 *  - mathjs: evaluation at seeded random points, opaque functions as random polynomials.
 * Two methods must agree for a verdict; any disagreement throws with both forms printed.
 */
import {
  Expr, parseExpr, printExpr, Scope, equalByNormalForm, nerdamerDifference, compareNumerically, expand, sub,
} from '../cas/index.ts';

export type MethodName = 'engine-normal-form' | 'nerdamer-expand' | 'mathjs-random-points';
export type MethodResult = 'equal' | 'different' | 'error';

/** What one method said, with its evidence. */
export interface Check {
  readonly method: MethodName;
  readonly result: MethodResult;
  readonly detail: string;
  readonly ms: number;
}

/** A decided identity: whether it holds, and what every method said. */
export interface Verdict {
  readonly equivalent: boolean;
  readonly checks: readonly Check[];
  readonly lhs: string;
  readonly rhs: string;
  /** lhs - rhs in normal form, when the identity fails. */
  readonly difference?: string;
}

/** Options: which methods, numeric points and tolerance. */
export interface EquivalenceOptions {
  readonly methods?: readonly MethodName[];
  readonly scope?: Scope;
  readonly seeds?: number[];
  readonly points?: number;
  readonly tolerance?: number;
  readonly ranges?: Record<string, [number, number]>;
  readonly label?: string;
}

/** The methods disagree: a bug in one of them or a case none handles. Never a pass. */
export class MethodDisagreementError extends Error {
  constructor(readonly verdictSoFar: Omit<Verdict, 'equivalent'>, label: string) {
    const lines = verdictSoFar.checks.map((c) => `  ${c.method}: ${c.result} (${c.detail})`);
    super(
      `independent methods disagree on ${label}:\n  lhs = ${verdictSoFar.lhs}\n  rhs = ${verdictSoFar.rhs}\n${lines.join('\n')}`,
    );
    this.name = 'MethodDisagreementError';
  }
}

const DEFAULT_METHODS: readonly MethodName[] = ['engine-normal-form', 'nerdamer-expand', 'mathjs-random-points'];

function timed(method: MethodName, run: () => { result: MethodResult; detail: string }): Check {
  const t0 = performance.now();
  try {
    const r = run();
    return { method, ...r, ms: performance.now() - t0 };
  } catch (err) {
    return { method, result: 'error', detail: (err as Error).message, ms: performance.now() - t0 };
  }
}

/** Run one method on lhs = rhs. */
export function runMethod(method: MethodName, lhs: Expr, rhs: Expr, opts: EquivalenceOptions = {}): Check {
  switch (method) {
    case 'engine-normal-form':
      return timed(method, () => {
        const eq = equalByNormalForm(lhs, rhs);
        return { result: eq ? 'equal' : 'different', detail: eq ? 'lhs - rhs normalises to 0' : 'lhs - rhs normalises to a nonzero form' };
      });
    case 'nerdamer-expand':
      return timed(method, () => {
        const r = nerdamerDifference(lhs, rhs);
        return { result: r.isZero ? 'equal' : 'different', detail: `expand(lhs - rhs) = ${truncate(r.residual)}` };
      });
    case 'mathjs-random-points':
      return timed(method, () => {
        const r = compareNumerically(lhs, rhs, opts);
        const where = r.agree ? '' : ` at ${JSON.stringify(r.worstAt)} (lhs=${r.lhsAtWorst}, rhs=${r.rhsAtWorst})`;
        return {
          result: r.agree ? 'equal' : 'different',
          detail: `${r.points} points, worst relative gap ${r.worst.toExponential(2)}${where}`,
        };
      });
  }
}

const truncate = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}...` : s);

/** Decide lhs = rhs (expressions or text) with at least two independent methods. */
export function equivalent(lhsIn: Expr | string, rhsIn: Expr | string, opts: EquivalenceOptions = {}): Verdict {
  const label = opts.label ?? 'identity';
  const lhs = typeof lhsIn === 'string' ? parseExpr(lhsIn, opts.scope, `${label} (lhs)`) : lhsIn;
  const rhs = typeof rhsIn === 'string' ? parseExpr(rhsIn, opts.scope, `${label} (rhs)`) : rhsIn;
  const methods = opts.methods ?? DEFAULT_METHODS;
  if (methods.length < 2) throw new Error(`equivalent() needs at least two independent methods, got ${methods.join(', ')}`);
  const checks = methods.map((m) => runMethod(m, lhs, rhs, opts));
  const base = { checks, lhs: printExpr(lhs), rhs: printExpr(rhs) };
  const decided = checks.filter((c) => c.result !== 'error');
  const equal = decided.filter((c) => c.result === 'equal').length;
  const different = decided.length - equal;
  if ((equal > 0 && different > 0) || decided.length < 2) throw new MethodDisagreementError(base, label);
  if (equal > 0) return { equivalent: true, ...base };
  return { equivalent: false, ...base, difference: printExpr(expand(sub(lhs, rhs))) };
}
