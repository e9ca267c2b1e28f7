/**
 * Decide an identity lhs = rhs with independent methods and keep the evidence:
 *  - engine: our normal form (expand, collect, clear sum denominators), under the declared assumptions;
 *  - mathjs: the numeric witness, which evaluates the sides from their own text at seeded points of
 *    the declared domain with error bounds (src/cas/witness);
 *  - nerdamer: expand(lhs - rhs) with opaque applications as atoms, in a worker with a time limit.
 * A method that cannot decide abstains (`unknown`, `timeout`, `error`) instead of voting: a nonzero
 * residual of the engine or of nerdamer counts as `different` only when it is confirmed nonzero at
 * the witness's points (or is exactly a nonzero polynomial). The status is `equal` when two methods
 * say equal, none dissents and the witness found no value outside the reals in the domain;
 * `different` when a method shows a difference and none says equal; `disputed` otherwise, with
 * every method's evidence. nerdamer is consulted only when the first two do not settle it.
 */
import {
  Expr,
  parseExpr,
  printExpr,
  Scope,
  sub,
  toPoly,
  toExpr,
  clearDenominators,
  LimitError,
  symbolsOf,
  declaredBySource,
  opaqueNames,
  functionsOf,
  knownFunction,
} from '../cas/index.ts';
import {
  Assumptions,
  mergeAssumptions,
  currentAssumptions,
  validateAssumptions,
  withAssumptions,
  describeAssumptions,
  restrictAssumptions,
} from '../cas/assumptions.ts';
import { limits, withCallDeadline, currentCallDeadline } from '../cas/limits.ts';
import { checkTree } from '../cas/treeCheck.ts';
import { withDeadline, TimeoutError } from '../cas/polyCore.ts';
import { numericWitness, evaluateAt, evaluateTextAt, WitnessResult, WitnessOptions, Bounded, checkRanges } from '../cas/witness/index.ts';
import type { CertifiedValue } from '../cas/witness/refine.ts';
import { nerdamerDifference, residualReading, beyondNerdamer } from '../cas/nerdamerCheck.ts';
import { provablyNonzero, confirmResidual } from '../cas/residual.ts';
import { compareDomains, DomainComparison } from '../cas/domain.ts';
import { Ranges, checkRangesInDomain, narrowByRanges, checkMethods, withoutWitness, restrictRanges, describeDomain, WITNESS_METHOD } from './options.ts';

export type MethodName = 'engine-normal-form' | 'nerdamer-expand' | 'mathjs-random-points';
export type MethodResult = 'equal' | 'different' | 'unknown' | 'timeout' | 'error';
export type VerdictStatus = 'equal' | 'different' | 'disputed';

/** What one method said, with its evidence. */
export interface Check {
  readonly method: MethodName;
  readonly result: MethodResult;
  readonly detail: string;
  readonly ms: number;
}

/** A decided identity: its status, whether it holds, what every method said, under which assumptions. */
export interface Verdict {
  readonly status: VerdictStatus;
  /** True only for `equal`. */
  readonly equivalent: boolean;
  readonly checks: readonly Check[];
  readonly lhs: string;
  readonly rhs: string;
  /** lhs - rhs in normal form, when the status is not `equal` (and the engine could compute it). */
  readonly difference?: string;
  /** The declarations the verdict holds under (symbols not listed are real; a range's sign included). */
  readonly assumptions: Assumptions;
  /** The ranges that narrowed the domain (of the verdict's symbols), when given. */
  readonly ranges?: Ranges;
  /** The methods the call restricted itself to, when it did. */
  readonly methods?: readonly MethodName[];
  /** Why this status, in one sentence. */
  readonly reason: string;
  /** Values outside the reals inside the declared domain (they block `equal`). */
  readonly findings: readonly string[];
  /** The conditions under which the sides are real numbers that the declarations do not prove (domain.ts). */
  readonly domain?: readonly string[];
}

/** Options: assumptions, which methods, the witness's points, tolerance and ranges. */
export interface EquivalenceOptions {
  /** Declarations: { v: 'positive', ... }; every other symbol is real. */
  readonly assume?: Assumptions;
  /** Run exactly these methods (at least two). Default: engine and witness, nerdamer when they do not settle it. Without the witness the verdict is at most `disputed` (not independent). */
  readonly methods?: readonly MethodName[];
  /** Run all three methods even when two already agree. */
  readonly thorough?: boolean;
  readonly scope?: Scope;
  readonly seeds?: number[];
  readonly points?: number;
  readonly tolerance?: number;
  /** Narrow symbols to intervals; each must lie inside its declared kind, and a range inside (0, inf) makes its symbol positive for every method. */
  readonly ranges?: Ranges;
  readonly label?: string;
  /** Opaque functions the sides may apply (besides the scope's): any other name that is not the registry's is refused. */
  readonly opaque?: readonly string[];
}

const ALL: readonly MethodName[] = ['engine-normal-form', 'mathjs-random-points', 'nerdamer-expand'];
const truncate = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}...` : s);
function timed(method: MethodName, run: () => { result: MethodResult; detail: string }): Check {
  const t0 = performance.now();
  try {
    return { method, ...run(), ms: performance.now() - t0 };
  } catch (err) {
    const e = err as Error;
    const result: MethodResult = e instanceof TimeoutError ? 'timeout' : 'error';
    return { method, result, detail: e instanceof LimitError || e instanceof TimeoutError ? e.message : `${e.name}: ${e.message}`, ms: performance.now() - t0 };
  }
}

interface Sides {
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly lhsText?: string;
  readonly rhsText?: string;
}

/** Decide lhs = rhs (expressions or text) with independent methods, under the declared assumptions. */
export function equivalent(lhsIn: Expr | string, rhsIn: Expr | string, opts: EquivalenceOptions = {}): Verdict {
  // one deadline for the whole call: parsing, zero checks, every method and sub-call (limits.callMs)
  return withCallDeadline(limits().callMs, () => equivalentNow(lhsIn, rhsIn, opts));
}

function equivalentNow(lhsIn: Expr | string, rhsIn: Expr | string, opts: EquivalenceOptions): Verdict {
  const label = opts.label ?? 'identity';
  // a side built by the caller is checked as the parser checks a text: well formed, within maxDepth and the size of the longest text
  if (typeof lhsIn !== 'string') checkTree(lhsIn, `${label} (lhs)`);
  if (typeof rhsIn !== 'string') checkTree(rhsIn, `${label} (rhs)`);
  // opaque functions: the call's own, and those a side given as an expression already applies (its model declared them)
  const applied = [lhsIn, rhsIn].flatMap((x) => (typeof x === 'string' ? [] : [...functionsOf(x)].filter((n) => !knownFunction(n))));
  const declaredOpaque = opaqueNames(opts.opaque, label);
  const opaque = applied.length > 0 || declaredOpaque ? new Set([...(declaredOpaque ?? []), ...applied]) : undefined;
  const read = (x: Expr | string, side: string) => (typeof x === 'string' ? parseExpr(x, opts.scope, `${label} (${side})`, opaque) : x);
  const sides: Sides = {
    lhs: read(lhsIn, 'lhs'),
    rhs: read(rhsIn, 'rhs'),
    lhsText: typeof lhsIn === 'string' ? lhsIn : undefined,
    rhsText: typeof rhsIn === 'string' ? rhsIn : undefined,
  };
  // declarations in force, the scope's (a model's), those of the scopes the sides were read in, and the call's own
  const declared = mergeAssumptions(
    currentAssumptions(),
    opts.scope?.assumptions,
    declaredBySource([sides.lhs, sides.rhs]),
    validateAssumptions(opts.assume, label),
  );
  checkRangesInDomain(opts.ranges, declared, label);
  checkMethods(opts.methods, label);
  const assumptions = narrowByRanges(declared, opts.ranges);
  return withAssumptions(assumptions, () => decide(sides, assumptions, opts));
}

function decide(s: Sides, assumptions: Assumptions, opts: EquivalenceOptions): Verdict {
  const methods = opts.methods ?? ALL;
  const methodMs = limits().methodMs;
  let ms = methodMs;
  const witnessOpts: WitnessOptions = { assumptions, seeds: opts.seeds, points: opts.points, tolerance: opts.tolerance, ranges: opts.ranges };
  checkRanges(witnessOpts);
  const both = [s.lhs, s.rhs];
  let residual: { value?: Expr; error?: unknown } | undefined;
  const engineResidual = (): Expr => {
    residual ??= (() => {
      try {
        return { value: withDeadline(ms, () => toExpr(toPoly(sub(s.lhs, s.rhs)))) };
      } catch (error) {
        return { error };
      }
    })();
    if (residual.error !== undefined) throw residual.error;
    return residual.value!;
  };
  let original: readonly CertifiedValue[] | undefined;
  /** lhs - rhs as written, certified at the witness points: what every residual's 'different' must agree with. */
  const originalAtPoints = () => (original ??= evaluateAt(sub(s.lhs, s.rhs), { ...witnessOpts, deadline: performance.now() + ms }, both));
  let witness: WitnessResult | undefined;
  let nerdamerResidual: readonly Bounded[] | undefined;
  const checks = new Map<MethodName, Check>();

  const runEngine = () =>
    timed('engine-normal-form', () =>
      withDeadline(ms, () => {
        const cleared = clearDenominators(toPoly(engineResidual()));
        if (cleared.size === 0) return { result: 'equal', detail: 'lhs - rhs normalises to 0' };
        const shown = `lhs - rhs normalises to ${truncate(printExpr(engineResidual()), 160)}`;
        if (provablyNonzero(cleared)) return { result: 'different', detail: `${shown}, a nonzero polynomial: exactly different` };
        return confirmResidual(evaluateAt(toExpr(cleared), { ...witnessOpts, deadline: performance.now() + ms }, both), shown, originalAtPoints);
      }),
    );
  const runWitness = () =>
    timed('mathjs-random-points', () => {
      witness = numericWitness(
        { expr: s.lhs, text: s.lhsText, scope: opts.scope },
        { expr: s.rhs, text: s.rhsText, scope: opts.scope },
        { ...witnessOpts, deadline: Math.min(performance.now() + ms, currentCallDeadline()) },
      );
      return { result: witness.result, detail: `${witness.detail}; lhs read from ${witness.readings.lhs}, rhs from ${witness.readings.rhs}` };
    });
  const runNerdamer = () =>
    timed('nerdamer-expand', () => {
      const beyond = beyondNerdamer(both);
      if (beyond) return { result: 'unknown', detail: `not asked: ${beyond} (nerdamer does not answer such input in bounded time)` };
      const ans = withDeadline(ms, () => nerdamerDifference(s.lhs, s.rhs, assumptions, ms));
      if (ans.isZero) return { result: 'equal', detail: 'expand(lhs - rhs) = 0' };
      const r = residualReading(ans);
      const values = evaluateTextAt(r.text, r.reading, r.atom, witnessOpts, both);
      nerdamerResidual = values.map((x) => x.value);
      return confirmResidual(values, `expand(lhs - rhs) = ${truncate(ans.residual)}`, originalAtPoints);
    });

  const run = (m: MethodName) => {
    ms = Math.max(1, Math.min(methodMs, currentCallDeadline() - performance.now()));
    if (methods.includes(m) && !checks.has(m))
      checks.set(m, m === 'engine-normal-form' ? runEngine() : m === 'mathjs-random-points' ? runWitness() : runNerdamer());
  };
  run('engine-normal-form');
  run('mathjs-random-points');
  const residuals = (): Map<MethodName, () => readonly Bounded[]> =>
    new Map<MethodName, () => readonly Bounded[]>([
      ['engine-normal-form', () => evaluateAt(engineResidual(), witnessOpts, both).map((x) => x.value)],
      ['nerdamer-expand', () => nerdamerResidual ?? []],
    ]);
  reconcileBlindWitness(checks, witness, residuals());
  const settled = () => {
    const rs = [...checks.values()].map((c) => c.result);
    const eq = rs.filter((r) => r === 'equal').length;
    const diff = rs.filter((r) => r === 'different').length;
    return (eq >= 2 && diff === 0 && !witness?.findings.length) || (diff >= 1 && eq === 0);
  };
  if (opts.thorough || opts.methods || checks.size < 2 || !settled()) {
    run('nerdamer-expand');
    reconcileBlindWitness(checks, witness, residuals());
  }
  if (checks.size < 2) for (const m of methods) run(m);
  // the domains decide only where a symbolic method says equal; otherwise they are listed
  const symbolicEqual = [...checks.values()].some((c) => c.method !== 'mathjs-random-points' && c.result === 'equal');
  const atPoints = (e: Expr) => evaluateAt(e, witnessOpts, both).map((x) => ({ value: x.value, at: JSON.stringify(x.point) }));
  const domain = compareDomains(s.lhs, s.rhs, assumptions, symbolicEqual ? atPoints : undefined);
  qualifyByDomain(checks, domain);
  return {
    ...verdictOf(s, [...checks.values()], { assumptions, ranges: opts.ranges, methods: opts.methods }, witness, engineResidual),
    domain: domain.conditions,
  };
}

/**
 * The symbolic methods compare values where both sides are defined; `equal` also needs the same
 * domain (domain.ts). Where the domains differ their `equal` becomes `different`; where that is
 * not settled, `unknown`.
 */
function qualifyByDomain(checks: Map<MethodName, Check>, d: DomainComparison): void {
  if (d.status === 'same') return;
  for (const m of ['engine-normal-form', 'nerdamer-expand'] as const) {
    const c = checks.get(m);
    if (c?.result === 'equal') checks.set(m, { ...c, result: d.status === 'different' ? 'different' : 'unknown', detail: `${c.detail}, but ${d.detail}` });
  }
}

/**
 * The witness says equal where another method shows a difference (1e-400 vs 0; 123456789012345678901
 * vs ...900; a small term beside huge ones): if that method's residual is below what the witness can
 * see at every point it agreed on, the witness is blind to it and abstains; otherwise the
 * disagreement stands.
 */
function reconcileBlindWitness(checks: Map<MethodName, Check>, witness: WitnessResult | undefined, residuals: Map<MethodName, () => readonly Bounded[]>): void {
  const w = checks.get('mathjs-random-points');
  if (!w || !witness || w.result !== 'equal') return;
  for (const [method, valuesOf] of residuals) {
    if (checks.get(method)?.result !== 'different') continue;
    let values: readonly Bounded[];
    try {
      values = valuesOf();
    } catch {
      continue;
    }
    const blind = witness.outcomes.every((o, k) => o.kind !== 'agree' || (values[k] !== undefined && Math.abs(values[k].v) <= o.noise));
    if (blind) {
      checks.set('mathjs-random-points', {
        ...w,
        result: 'unknown',
        detail: `${w.detail}; the difference ${method} shows lies below this resolution at every point: no vote`,
      });
      return;
    }
  }
}

/** The domain and the methods a verdict was reached under. */
interface Conditions {
  readonly assumptions: Assumptions;
  readonly ranges?: Ranges;
  readonly methods?: readonly MethodName[];
}

function verdictOf(s: Sides, checks: readonly Check[], under: Conditions, witness: WitnessResult | undefined, residual: () => Expr): Verdict {
  const eq = checks.filter((c) => c.result === 'equal').length;
  const diff = checks.filter((c) => c.result === 'different').length;
  const findings = witness?.findings ?? [];
  let status: VerdictStatus;
  let reason: string;
  if (diff > 0 && eq > 0) {
    status = 'disputed';
    reason = `${eq} method(s) say equal and ${diff} different`;
  } else if (diff > 0) {
    status = 'different';
    reason = `${diff} method(s) show a difference, none says equal`;
  } else if (eq >= 2 && findings.length === 0) {
    status = 'equal';
    reason = `${eq} independent methods agree, none dissents`;
  } else {
    status = 'disputed';
    reason =
      findings.length > 0
        ? `undecided: ${findings.length} witness point(s) are outside the reals in the declared domain (declare assumptions or ranges)`
        : `undecided: only ${eq} method(s) could decide`;
  }
  if (withoutWitness(under.methods) && status !== 'disputed') {
    reason = `not independent: without the numeric witness (${WITNESS_METHOD}) the methods chosen (${under.methods!.join(', ')}) share blind spots (domains), so their ${status === 'equal' ? 'agreement' : 'verdict'} "${status}" is not confirmed`;
    status = 'disputed';
  }
  let difference: string | undefined;
  if (status !== 'equal') {
    try {
      difference = printExpr(residual());
    } catch {
      difference = undefined;
    }
  }
  const symbols = symbolsOf(s.rhs, symbolsOf(s.lhs));
  const used = restrictAssumptions(under.assumptions, symbols);
  const ranges = restrictRanges(under.ranges, symbols);
  return {
    status,
    equivalent: status === 'equal',
    checks,
    lhs: printExpr(s.lhs),
    rhs: printExpr(s.rhs),
    difference,
    assumptions: used,
    ...(ranges ? { ranges } : {}),
    ...(under.methods ? { methods: [...under.methods] } : {}),
    reason: `${reason} (${describeDomain(used, ranges)})`,
    findings,
  };
}

export { describeAssumptions };
