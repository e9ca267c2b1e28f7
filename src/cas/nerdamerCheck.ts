/**
 * nerdamer as an independent checker: expand(lhs - rhs) and compare with 0. Opaque function
 * applications are replaced by fresh symbols, one per application whose arguments nerdamer
 * itself expands to the same text (so N(V + theta*v) and N(theta*v + V) meet, without our normal
 * form deciding it). nerdamer's `diff` is never used (wrong with constant square roots, #675).
 */
import nerdamer from 'nerdamer';
import { Expr, sym, pow, num, mul, mapExpr, children } from './expr.ts';
import { printExpr } from './print.ts';
import { safeNamesFor, SafeNames } from './safeNames.ts';

const ELEMENTARY = new Set(['exp', 'ln', 'sin', 'cos']);

const expandCache = new Map<string, string>();

/** Forget memoised expansions (benchmarks measure cold checks). */
export function clearNerdamerCache(): void {
  expandCache.clear();
}

const nerdamerExpandUncached = (text: string): string => nerdamer(`expand(${text})`).toString();

/** nerdamer's expansion of a text (memoised: opaque arguments repeat many times in one check). */
function nerdamerExpand(text: string): string {
  let r = expandCache.get(text);
  if (r === undefined) {
    r = nerdamerExpandUncached(text);
    if (expandCache.size > 5000) expandCache.clear();
    expandCache.set(text, r);
  }
  return r;
}

/** Replace opaque applications by atoms named after nerdamer's own expansion of their arguments. */
function atomize(e: Expr, names: SafeNames, atoms: Map<string, string>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'fn' || (ELEMENTARY.has(x.name) && !x.derivs)) return x;
    const argKey = x.args.map((a) => nerdamerExpand(printExpr(a, names, 'log'))).join(';');
    const key = `${names.func(x.name, x.derivs)}(${argKey})`;
    if (!atoms.has(key)) atoms.set(key, `q${atoms.size}x`);
    return sym(atoms.get(key)!);
  });
}

/**
 * Name the sums that stand in denominators (bases of negative integer powers) D0, D1, ...: nerdamer
 * expands but does not cancel (S)^-1 against an expanded S, so the check multiplies through by
 * D0^k0 D1^k1 ..., expands, puts the sums back, and expands again.
 */
function nameDenominators(e: Expr, names: SafeNames, dens: Map<string, { name: string; text: string; k: number }>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'pow' || x.base.kind !== 'add' || x.exponent.kind !== 'num') return x;
    const ex = x.exponent.value;
    if (ex.q !== 1n || ex.p >= 0n) return x;
    const text = printExpr(x.base, names, 'log');
    const key = nerdamerExpand(text);
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
 * nerdamer does not combine rho * sqrt(rho)^-1 with sqrt(rho). Route around it: a symbol s that
 * appears under fractional powers with denominators q1, q2, ... is written s = r^L with
 * L = lcm(q1, q2, ...), so every power of s becomes an integer power of r (symbols are positive).
 */
function integerPowersOnly(exprs: Expr[]): Expr[] {
  const lcmOf = new Map<string, bigint>();
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const scan = (e: Expr) => {
    if (e.kind === 'pow' && e.base.kind === 'sym' && e.exponent.kind === 'num' && e.exponent.value.q !== 1n) {
      const prev = lcmOf.get(e.base.name) ?? 1n;
      const d = e.exponent.value.q;
      lcmOf.set(e.base.name, (prev * d) / gcd(prev, d));
    }
    children(e).forEach(scan);
  };
  exprs.forEach(scan);
  if (lcmOf.size === 0) return exprs;
  const root = (name: string) => sym(`${name}__root`);
  return exprs.map((e) =>
    mapExpr(e, (x) => {
      if (x.kind === 'sym' && lcmOf.has(x.name)) return pow(root(x.name), num(lcmOf.get(x.name)!));
      if (x.kind === 'pow' && x.base.kind === 'pow' && x.base.base.kind === 'sym' && x.base.base.name.endsWith('__root'))
        return pow(x.base.base, mul(x.base.exponent, x.exponent));
      return x;
    }),
  );
}

/** What nerdamer says of lhs - rhs after expansion: its text, and whether it is 0. */
export function nerdamerDifference(lhs: Expr, rhs: Expr): { isZero: boolean; residual: string } {
  [lhs, rhs] = integerPowersOnly([lhs, rhs]);
  const names = safeNamesFor([lhs, rhs]);
  const atoms = new Map<string, string>();
  const dens = new Map<string, { name: string; text: string; k: number }>();
  const l = printExpr(nameDenominators(atomize(lhs, names, atoms), names, dens), names, 'log');
  const r = printExpr(nameDenominators(atomize(rhs, names, atoms), names, dens), names, 'log');
  const multiplier = [...dens.values()].map((d) => `${d.name}^${d.k}`).join('*');
  let residual = nerdamerExpandUncached(multiplier ? `((${l}) - (${r}))*${multiplier}` : `(${l}) - (${r})`);
  if (dens.size > 0 && residual !== '0') {
    const subs: Record<string, string> = {};
    for (const d of dens.values()) subs[d.name] = `(${d.text})`;
    residual = nerdamer(`expand(${nerdamer(residual, subs).toString()})`).toString();
  }
  return { isZero: residual === '0', residual: unmapNames(residual, names, atoms) };
}

/** Put the user's names back into a nerdamer residual, for messages. */
function unmapNames(text: string, names: SafeNames, atoms: Map<string, string>): string {
  const back = new Map<string, string>();
  for (const [orig, safe] of names.symbolNames) back.set(safe, orig);
  for (const [key, atom] of atoms) back.set(atom, `[${key}]`);
  for (const f of names.functionNames.values()) back.set(f.safe, f.derivs ? `${f.name}__d${f.derivs.join('_')}` : f.name);
  return text.replace(/\b[a-z]\d+x?\b/g, (m) => back.get(m) ?? m);
}
