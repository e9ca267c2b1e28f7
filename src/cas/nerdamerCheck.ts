/**
 * nerdamer as an independent checker: expand(lhs - rhs) and compare with 0. Opaque function
 * applications are replaced by fresh symbols, one per application whose arguments nerdamer
 * itself expands to the same text (so N(V + theta*v) and N(theta*v + V) meet, without our normal
 * form deciding it). nerdamer's `diff` is never used (wrong with constant square roots, #675).
 * nerdamer runs in a worker with a time limit (nerdamerWorker.ts). Its residual is returned with
 * what is needed to evaluate it, so a residual nerdamer failed to simplify can be told from a
 * real difference.
 */
import { Expr, sym, pow, num, mul, mapExpr, children } from './expr.ts';
import { printExpr } from './print.ts';
import { safeNamesFor, SafeNames, internalName } from './safeNames.ts';
import { knownFunction } from './registry.ts';
import { rewriteToKeptAtoms } from './functionRules.ts';
import { Assumptions } from './assumptions.ts';
import { isNonnegative } from './sign.ts';
import { nerdamerExpandSync } from './nerdamerWorker.ts';
import { limits } from './limits.ts';
import { compileText, printedReading, Reading, Env, Program, bPow, exact } from './witness/index.ts';
import { registerMemo } from './memo.ts';

/** nerdamer is trusted with a registry function itself only where the registry gives its nerdamer name (exp, ln, sqrt, sin, cos, abs). */
const nerdamerKnows = (x: Expr & { kind: 'fn' }): boolean => !x.derivs && knownFunction(x.name)?.nerdamer !== undefined;

const expandCache = new Map<string, string>();
registerMemo(() => expandCache.clear());

/** Forget memoised expansions (benchmarks measure cold checks). */
export function clearNerdamerCache(): void {
  expandCache.clear();
}

/** nerdamer's expansion of a text (memoised: opaque arguments repeat many times in one check). */
function nerdamerExpand(text: string, ms: number): string {
  let r = expandCache.get(text);
  if (r === undefined) {
    r = nerdamerExpandSync(text, ms);
    if (expandCache.size > 5000) expandCache.clear();
    expandCache.set(text, r);
  }
  return r;
}

/**
 * Replace the applications nerdamer is not trusted with (opaque functions, and the registry's kept
 * atoms asin, atan, erf, sign) by atoms named after nerdamer's own expansion of their arguments.
 * Atom names are internal (q#0, ...): no user symbol can be one.
 */
function atomize(e: Expr, names: SafeNames, atoms: Map<string, { name: string; app: Expr }>, ms: number): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'fn' || nerdamerKnows(x)) return x;
    const argKey = x.args.map((a) => nerdamerExpand(printExpr(a, names, 'log'), ms)).join(';');
    const key = `${names.func(x.name, x.derivs)}(${argKey})`;
    if (!atoms.has(key)) atoms.set(key, { name: internalName('q', atoms.size), app: x });
    return sym(atoms.get(key)!.name);
  });
}

/**
 * Name the sums that stand in denominators (bases of negative integer powers) D0, D1, ...: nerdamer
 * expands but does not cancel (S)^-1 against an expanded S, so the check multiplies through by
 * D0^k0 D1^k1 ..., expands, puts the sums back, and expands again.
 */
function nameDenominators(e: Expr, names: SafeNames, dens: Map<string, { name: string; text: string; k: number }>, ms: number): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'pow' || x.base.kind !== 'add' || x.exponent.kind !== 'num') return x;
    const ex = x.exponent.value;
    if (ex.q !== 1n || ex.p >= 0n) return x;
    const key = nerdamerExpand(printExpr(x.base, names, 'log'), ms);
    let d = dens.get(key);
    if (!d) {
      d = { name: `d${dens.size}x`, text: key, k: 0 };
      dens.set(key, d);
    }
    d.k = Math.max(d.k, Number(-ex.p));
    return pow(sym(d.name), x.exponent);
  });
}

/**
 * nerdamer does not combine rho * sqrt(rho)^-1 with sqrt(rho). Route around it: a symbol s known
 * nonnegative that appears under fractional powers with denominators q1, q2, ... is written s = r^L
 * with L = lcm(q1, q2, ...), so every power of s becomes an integer power of r. (For a symbol of
 * unknown sign this would be wrong, so it is not done.)
 */
function integerPowersOnly(exprs: Expr[], a: Assumptions): { exprs: Expr[]; roots: Map<string, bigint> } {
  const lcmOf = new Map<string, bigint>();
  const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y));
  const scan = (e: Expr) => {
    if (e.kind === 'pow' && e.base.kind === 'sym' && e.exponent.kind === 'num' && e.exponent.value.q !== 1n && isNonnegative(e.base, a)) {
      const prev = lcmOf.get(e.base.name) ?? 1n;
      const d = e.exponent.value.q;
      lcmOf.set(e.base.name, (prev * d) / gcd(prev, d));
    }
    children(e).forEach(scan);
  };
  exprs.forEach(scan);
  if (lcmOf.size === 0) return { exprs, roots: lcmOf };
  const root = (name: string) => sym(internalName(name, 'root'));
  const out = exprs.map((e) =>
    mapExpr(e, (x) => {
      if (x.kind === 'sym' && lcmOf.has(x.name)) return pow(root(x.name), num(lcmOf.get(x.name)!));
      if (x.kind === 'pow' && x.base.kind === 'pow' && x.base.base.kind === 'sym' && x.base.base.name.endsWith(internalName('', 'root')))
        return pow(x.base.base, mul(x.base.exponent, x.exponent));
      return x;
    }),
  );
  return { exprs: out, roots: lcmOf };
}

/** What nerdamer says of lhs - rhs, with the means to evaluate its residual. */
export interface NerdamerAnswer {
  readonly isZero: boolean;
  /** The residual with the user's names put back (for messages). */
  readonly residual: string;
  /** The residual as nerdamer wrote it (safe names, atoms q0x, ...). */
  readonly raw: string;
  readonly names: SafeNames;
  /** Opaque applications replaced by atoms: atom name -> application. */
  readonly atoms: ReadonlyMap<string, Expr>;
  /** Symbols written as r^L: root name (safe) -> [symbol, L]. */
  readonly roots: ReadonlyMap<string, readonly [string, bigint]>;
}

/** Why nerdamer is not asked (numbers or powers beyond what it handles in bounded time), or undefined. */
export function beyondNerdamer(exprs: readonly Expr[]): string | undefined {
  let why: string | undefined;
  const visit = (e: Expr) => {
    if (why) return;
    if (e.kind === 'num' && (e.value.p.toString().length > 200 || e.value.q.toString().length > 200)) why = 'a number with more than 200 digits';
    else if (e.kind === 'pow' && e.exponent.kind === 'num' && e.base.kind === 'add' && (e.exponent.value.p > 40n || e.exponent.value.p < -40n))
      why = 'a sum raised to a power beyond 40';
    else if (e.kind === 'pow' && e.exponent.kind === 'num' && (e.exponent.value.p > 100000n || e.exponent.value.p < -100000n))
      why = 'an exponent beyond 100000';
    else children(e).forEach(visit);
  };
  exprs.forEach(visit);
  return why;
}

/** What nerdamer says of lhs - rhs after expansion (within ms milliseconds per nerdamer call). */
export function nerdamerDifference(lhsWritten: Expr, rhsWritten: Expr, assumptions: Assumptions = {}, ms = limits().methodMs): NerdamerAnswer {
  // the registry's definitions (tan = sin/cos, cosh through exp, ...): nerdamer sees the same functions as the engine
  const lhsIn = rewriteToKeptAtoms(lhsWritten);
  const rhsIn = rewriteToKeptAtoms(rhsWritten);
  const firstNames = safeNamesFor([lhsIn, rhsIn]);
  const atomTable = new Map<string, { name: string; app: Expr }>();
  const atomized = [atomize(lhsIn, firstNames, atomTable, ms), atomize(rhsIn, firstNames, atomTable, ms)];
  const {
    exprs: [lhs, rhs],
    roots,
  } = integerPowersOnly(atomized, assumptions);
  const names = safeNamesFor([lhs, rhs]);
  const dens = new Map<string, { name: string; text: string; k: number }>();
  const l = printExpr(nameDenominators(lhs, names, dens, ms), names, 'log');
  const r = printExpr(nameDenominators(rhs, names, dens, ms), names, 'log');
  const multiplier = [...dens.values()].map((d) => `${d.name}^${d.k}`).join('*');
  let raw = nerdamerExpandSync(multiplier ? `((${l}) - (${r}))*${multiplier}` : `(${l}) - (${r})`, ms);
  if (dens.size > 0 && raw !== '0') {
    const subs: Record<string, string> = {};
    for (const d of dens.values()) subs[d.name] = `(${d.text})`;
    raw = nerdamerExpandSync(raw, ms, subs);
  }
  const atoms = new Map([...atomTable.values()].map((x) => [x.name, x.app]));
  const rootNames = new Map([...roots].map(([s, L]) => [names.symbol(internalName(s, 'root')), [s, L] as const]));
  return { isZero: raw === '0', residual: unmapNames(raw, names, atomTable), raw, names, atoms, roots: rootNames };
}

/** Put the user's names back into a nerdamer residual, for messages. */
function unmapNames(text: string, names: SafeNames, atoms: Map<string, { name: string }>): string {
  const back = new Map<string, string>();
  const atomKey = new Map([...atoms].map(([key, atom]) => [atom.name, `[${key}]`]));
  for (const [orig, safe] of names.symbolNames) back.set(safe, atomKey.get(orig) ?? orig);
  for (const f of names.functionNames.values()) back.set(f.safe, f.derivs ? `${f.name}__d${f.derivs.join('_')}` : f.name);
  return text.replace(/\b[a-z]\d+x?\b/g, (m) => back.get(m) ?? m);
}

/** How to evaluate nerdamer's residual: its text, the reading of its names, and the values of its atoms and roots. */
export function residualReading(ans: NerdamerAnswer): { text: string; reading: Reading; atom: NonNullable<Env['atom']> } {
  const programs = new Map<string, Program>();
  for (const [orig, safe] of ans.names.symbolNames) {
    const app = ans.atoms.get(orig);
    if (app) {
      const n = safeNamesFor([app]);
      programs.set(safe, compileText(printExpr(app, n, 'log'), printedReading(n)));
    }
    const root = ans.roots.get(safe);
    if (root) {
      const [base, L] = root;
      programs.set(safe, (env) => bPow(exact(env.point.get(base)), exact(1 / Number(L))));
    }
  }
  const reading = { ...printedReading(ans.names), atoms: new Set(programs.keys()) };
  return { text: ans.raw, reading, atom: (name, env) => programs.get(name)?.(env) };
}
