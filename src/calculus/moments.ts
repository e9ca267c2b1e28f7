/**
 * Moments of a density over some of its variables: ∫ h(u) f(u) d(over) for a weight h, written
 * as a sum of coefficients (free of the integrated variables) times named moment atoms. A
 * polynomial weight v^k gives the atom `Int_v<k>_<f>`; the weight 1 gives the marginal (`<f>bar`);
 * a weight whose dependence on the integrated variables is opaque (N(V + theta v)) gives an atom
 * named after it (a readable name may be given). Atoms are opaque functions of the remaining
 * variables (symbols when nothing remains), so d_w acts on them by the chain rule.
 */
import {
  Expr,
  add,
  mul,
  sym,
  fn,
  num,
  zero,
  expand,
  partial,
  substitute,
  substituteFunction,
  mapExpr,
  symbolsOf,
  functionsOf,
  isZero,
  printExpr,
  keyOf,
} from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { generatorOf } from './generator.ts';

/** One named moment: the atom `name` stands for ∫ weight * density d(over). */
export interface MomentAtom {
  readonly name: string;
  /** The part of the weight that depends on the integrated variables (1 for the marginal). */
  readonly weight: Expr;
  /** The atom as it appears in expressions: name(remaining...) or the bare symbol. */
  readonly atom: Expr;
}

/** What a moment space integrates: a density, the variables integrated out, the ones that remain. */
export interface MomentSpaceSpec {
  readonly density: string;
  readonly over: readonly string[];
  readonly remaining: readonly string[];
  /** Name of ∫ density d(over) (default `<density>bar`). */
  readonly marginal?: string;
  /** Readable names for opaque weights, keyed by the printed weight (e.g. {'N(v)': 'IntN_mu'}). */
  readonly names?: Readonly<Record<string, string>>;
}

/** A moment that cannot be formed: the integrand is not linear in the density, or a name clash. */
export class MomentError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MomentError';
  }
}

const isMonomialIn = (e: Expr, vars: readonly string[]): boolean =>
  (e.kind === 'sym' && vars.includes(e.name)) ||
  (e.kind === 'pow' &&
    e.base.kind === 'sym' &&
    vars.includes(e.base.name) &&
    e.exponent.kind === 'num' &&
    e.exponent.value.q === 1n &&
    e.exponent.value.p > 0n);

/** The terms of an expanded sum (none for 0). */
export const termsOf = (e: Expr): readonly Expr[] => (e.kind === 'add' ? e.terms : isZero(e) ? [] : [e]);
/** The factors of a product (the expression itself otherwise). */
export const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);

/** Split a product into the factors free of `vars` and the ones that depend on them. */
export function splitFactors(term: Expr, vars: readonly string[]): { free: Expr; bound: Expr } {
  const free: Expr[] = [];
  const bound: Expr[] = [];
  for (const f of factorsOf(term)) {
    const s = symbolsOf(f);
    (vars.some((x) => s.has(x)) ? bound : free).push(f);
  }
  return { free: mul(...free), bound: mul(...bound) };
}

/** Moments of one density over some of its variables, with a registry of the atoms met so far. */
export class MomentSpace {
  readonly density: string;
  readonly over: readonly string[];
  readonly remaining: readonly string[];
  readonly marginal: string;
  private readonly names: Readonly<Record<string, string>>;
  private readonly byKey = new Map<string, MomentAtom>();
  private readonly byName = new Map<string, MomentAtom>();

  constructor(spec: MomentSpaceSpec) {
    if (spec.over.length === 0) throw new MomentError(`moments of ${spec.density}: no variable to integrate over`);
    const clash = spec.over.find((x) => spec.remaining.includes(x));
    if (clash) throw new MomentError(`moments of ${spec.density}: ${clash} is both integrated and remaining`);
    this.density = spec.density;
    this.over = [...spec.over];
    this.remaining = [...spec.remaining];
    this.marginal = spec.marginal ?? `${spec.density}bar`;
    this.names = spec.names ?? {};
  }

  /** The atoms met so far (in the order they were met). */
  get atoms(): readonly MomentAtom[] {
    return [...this.byKey.values()];
  }

  /** The atom named `name`, if it was met. */
  atomNamed(name: string): MomentAtom | undefined {
    return this.byName.get(name);
  }

  /** The atom for a weight that depends only on the integrated variables. */
  atomFor(weight: Expr): Expr {
    const w = expand(weight);
    const key = keyOf(w);
    const hit = this.byKey.get(key);
    if (hit) return hit.atom;
    const name = this.nameFor(w);
    if (this.byName.has(name))
      throw new MomentError(`moment name ${name} is used for two weights (${printExpr(this.byName.get(name)!.weight)} and ${printExpr(w)})`);
    const atom = this.remaining.length ? fn(name, this.remaining.map(sym)) : sym(name);
    const rec = { name, weight: w, atom };
    this.byKey.set(key, rec);
    this.byName.set(name, rec);
    return atom;
  }

  private nameFor(w: Expr): string {
    if (isZero(expand(add(w, num(-1))))) return this.marginal;
    const given = this.names[printExpr(w)];
    if (given) return given;
    const factors = factorsOf(w);
    if (factors.every((f) => isMonomialIn(f, this.over))) {
      const parts = this.over.flatMap((x) => {
        const f = factors.find((g) => (g.kind === 'sym' ? g.name : g.kind === 'pow' && g.base.kind === 'sym' ? g.base.name : '') === x);
        if (!f) return [];
        const k = f.kind === 'pow' && f.exponent.kind === 'num' ? Number(f.exponent.value.p) : 1;
        return [k === 1 ? x : `${x}${k}`];
      });
      return `Int_${parts.join('_')}_${this.density}`;
    }
    let n = 1;
    while ([...this.byName.keys()].includes(`Int_h${n}_${this.density}`)) n++;
    return `Int_h${n}_${this.density}`;
  }

  /** ∫ weight * density d(over) as sum_k c_k * atom_k, the c_k free of the integrated variables. */
  of(weight: Expr): Expr {
    const parts = termsOf(expand(weight)).map((t) => {
      const { free, bound } = splitFactors(t, this.over);
      return mul(free, this.atomFor(bound));
    });
    return add(...parts);
  }

  /** ∫ integrand d(over) for an integrand linear in the density symbol (as printed: Int_v(v*nu)). */
  ofIntegrand(integrand: Expr, label = 'integral'): Expr {
    const weight = expand(partial(integrand, this.density));
    const rest = expand(substitute(integrand, new Map([[this.density, zero]])));
    if (!isZero(rest) || !isZero(expand(partial(weight, this.density))))
      throw new MomentError(`${label}: the integrand ${printExpr(integrand)} is not linear in ${this.density}`);
    return this.of(weight);
  }

  /** The parse-time operator `Int_<over>(...)` for printed integrals, e.g. Int_v((B0(theta*v, w) + b*v)*g). */
  operators(): ReadonlyMap<string, (args: Expr[]) => Expr> {
    const name = `Int_${this.over.join('')}`;
    return new Map([[name, ([e]: Expr[]) => this.ofIntegrand(e, name)]]);
  }

  /** Replace every atom that `value` knows by its value (derivative markers follow by the chain rule). */
  evaluate(e: Expr, value: (atom: MomentAtom) => Expr | undefined): Expr {
    let out = e;
    const scalar = new Map<string, Expr>();
    const present = this.remaining.length ? functionsOf(e) : symbolsOf(e);
    for (const a of this.atoms.filter((x) => present.has(x.name))) {
      const v = value(a);
      if (v === undefined) continue;
      if (this.remaining.length) out = substituteFunction(out, a.name, this.remaining, v);
      else scalar.set(a.name, v);
    }
    return expand(substitute(out, scalar));
  }

  /** Replace the moments of the given weights by known values, e.g. [[v, V], [w, W], [1, 1]]. */
  resolve(e: Expr, known: readonly (readonly [Expr, Expr])[]): Expr {
    const values = new Map<string, Expr>();
    for (const [w, value] of known) {
      const m = this.of(w);
      if (m.kind !== 'fn' && m.kind !== 'sym') throw new MomentError(`known moment: the weight ${printExpr(w)} is not a single moment`);
      values.set(m.name, value);
    }
    return this.evaluate(e, (a) => values.get(a.name));
  }
}

/**
 * The moment equation d/dt ∫ g f du = ∫ (a·grad g + D:Hess g) f du over the whole state: the
 * right side as moments of a space integrating every state variable (atoms are symbols).
 */
export function momentRate(model: FokkerPlanckModel, g: Expr, space: MomentSpace): Expr {
  if (space.remaining.length || space.over.length !== model.state.length || model.state.some((x) => !space.over.includes(x)))
    throw new MomentError(`momentRate: the space must integrate every state variable of ${model.name} (${model.state.join(', ')})`);
  if (space.density !== model.density) throw new MomentError(`momentRate: the space is for ${space.density}, the model for ${model.density}`);
  return space.of(generatorOf(model, g));
}

/** The opaque test function phi(remaining) used for weak forms. */
export const testFunction = (vars: readonly string[]): Expr => fn('__phi', vars.map(sym));

/** Derivative markers of the test function in an expression, as symbols, with their orders. */
export function testFunctionSlots(e: Expr): { expr: Expr; slots: Map<string, readonly number[]> } {
  const slots = new Map<string, readonly number[]>();
  const expr = mapExpr(e, (x) => {
    if (x.kind !== 'fn' || x.name !== '__phi') return x;
    const d = x.derivs ?? x.args.map(() => 0);
    const name = `__phi_${d.join('_')}`;
    slots.set(name, d);
    return sym(name);
  });
  return { expr: expand(expr), slots };
}

/** The coefficient of an atom (a moment, a derivative marker, any application) in e, which must be affine in it. */
export function coefficientOf(e: Expr, target: Expr): Expr {
  const key = keyOf(target);
  const marker = '__coefficient_probe';
  const probed = expand(mapExpr(e, (x) => (keyOf(x) === key ? sym(marker) : x)));
  const c = expand(partial(probed, marker));
  if (symbolsOf(c).has(marker)) throw new MomentError(`coefficientOf: ${printExpr(e)} is not affine in ${printExpr(target)}`);
  return c;
}
