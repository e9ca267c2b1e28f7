/**
 * The stability bound of an explicit particle scheme, from the model and the parameters, before
 * anything runs: the linear part of the drift A_ij = d b_i / d x_j (the entries free of the state
 * and numeric at the spec's parameters; a stiff part split off exactly is left out), its
 * eigenvalues, and for each eigenvalue lambda with Re lambda < 0 the largest step with
 * |R(dt lambda)| <= 1, R the scheme's amplification on dx = lambda x dt (Euler–Maruyama and
 * Milstein 1 + z, Heun 1 + z + z^2/2). Nonlinear terms have no a-priori bound here; a run they
 * make blow up stops at the first non-finite value.
 */
import { Expr, expand, partial, printExpr, substitute, symbolsOf, add, mul, num, sym, eigenvalues, ComplexPair } from '../../cas/index.ts';
import { compileKernels } from '../../codegen/runtime.ts';
import type { SimulationSpec } from '../spec.ts';
import { QuantityGraph, numberExpr } from './quantities.ts';
import type { StiffChoice } from './stiff.ts';

/** The bound and what sets it. */
export interface StabilityBound {
  /** The largest stable step. */
  readonly bound: number;
  /** The drift term (or the linear part) whose rate sets it, in the model's names. */
  readonly term: string;
}

/** The amplification factor of each explicit scheme on dx = lambda x dt, z = lambda dt (ou-split: Euler on the rest). */
type Complex = ComplexPair;
const complex = (re: number, im: number): Complex => ({ re, im });
const AMPLIFICATION: Readonly<Record<string, (z: Complex) => Complex>> = {
  'euler-maruyama': (z) => complex(1 + z.re, z.im),
  milstein: (z) => complex(1 + z.re, z.im),
  'ou-split': (z) => complex(1 + z.re, z.im),
  heun: (z) => complex(1 + z.re + (z.re * z.re - z.im * z.im) / 2, z.im + z.re * z.im),
};

const modulus = (z: Complex) => Math.hypot(z.re, z.im);

/** The largest dt with |R(dt lambda)| <= 1 (bisection from the stable side; Re lambda < 0). */
function boundFor(R: (z: Complex) => Complex, lambda: Complex): number {
  const stable = (dt: number) => modulus(R(complex(dt * lambda.re, dt * lambda.im))) <= 1 + 1e-12;
  let hi = 4 / modulus(lambda);
  while (stable(hi) && hi < 1e12) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (stable(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A state-free expression's value at the spec's numeric parameters, or null when it needs more (time, coefficients, the point). */
function numericAt(e: Expr, values: ReadonlyMap<string, Expr>): number | null {
  const c = expand(substitute(e, values));
  if ([...symbolsOf(c)].some((s) => s !== 'pi')) return null;
  const v = (compileKernels([{ kind: 'scalar', name: 'rate', doc: '', args: [], expr: c, provenance: { derivation: 'stability' } }]).rate as () => number)();
  return Number.isFinite(v) ? v : null;
}

/** The stability bound of `scheme` for the model's linear drift (null when it has none that damps, or its rates are not numbers). */
export function particleStabilityBound(g: QuantityGraph, spec: SimulationSpec, scheme: string, stiff?: StiffChoice): StabilityBound | null {
  const R = AMPLIFICATION[scheme];
  if (!R) return null;
  const state = g.model.state;
  const values = new Map(
    Object.entries(spec.parameters ?? {})
      .filter((e): e is [string, number] => typeof e[1] === 'number')
      .map(([k, v]) => [k, numberExpr(v)]),
  );
  const drift = g.model.drift.map((b, i) => (stiff && stiff.index === i ? expand(add(b, mul(num(-1), stiff.part))) : b));
  const atOrigin = new Map(state.map((x) => [x, num(0)]));
  const linear = drift.map((b) => state.map((x) => expand(substitute(partial(b, x), atOrigin))));
  const A: number[][] = [];
  for (const row of linear) {
    const values_ = row.map((d) => numericAt(d, values));
    if (values_.some((v) => v === null)) return null;
    A.push(values_ as number[]);
  }
  const diagonal = A.every((row, i) => row.every((x, j) => i === j || x === 0));
  let best: StabilityBound | null = null;
  const lambdas: { lambda: Complex; i: number }[] = diagonal
    ? A.map((row, i) => ({ lambda: complex(row[i], 0), i }))
    : eigenvalues(A).map((lambda) => ({ lambda, i: -1 }));
  for (const { lambda, i } of lambdas) {
    if (!(lambda.re < 0)) continue;
    const bound = boundFor(R, lambda);
    if (best && bound >= best.bound) continue;
    const rate = lambda.im === 0 ? `${-lambda.re}` : `${lambda.re.toPrecision(4)} ± ${Math.abs(lambda.im).toPrecision(4)}i`;
    const term =
      i >= 0
        ? `the term ${printExpr(expand(mul(linear[i][i], sym(state[i]))))} of the drift of ${state[i]} (rate ${rate})`
        : `the linear part of the drift, d b_i / d x_j = ${JSON.stringify(A)} (eigenvalue ${rate})`;
    best = { bound, term };
  }
  return best;
}
