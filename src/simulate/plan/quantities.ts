/**
 * The per-point quantities of a simulation spec, compiled: every symbol the model's drift and
 * diffusion use (besides the state and t) comes from a parameter (a number, or a formula in the
 * point variable), a coefficient (a formula, a formula with its rate, an ODE) or a moment
 * (`mean(e)`, `nonlocal(q)`; `var`, `cov`, `std` in observables). The formulas are parsed in the
 * model's scope, opaque functions replaced by the spec's formulas, ordered by dependency, and
 * printed as JavaScript (the same printer as the kernels); moments become reduction kernels.
 */
import {
  Expr,
  add,
  mul,
  num,
  pow,
  sym,
  keyOf,
  symbolsOf,
  expand,
  substitute,
  substituteFunction,
  totalTimeDerivative,
  parseExpr,
  qFromDecimalString,
} from '../../cas/index.ts';
import type { FokkerPlanckModel, ModelScope } from '../../calculus/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import type { HistogramSpec, SimulationSpec } from '../index.ts';

/** How a slot gets its value. */
export type QuantityNode =
  | { readonly kind: 'time' | 'point'; readonly name: string }
  | { readonly kind: 'constant'; readonly name: string; readonly expr: Expr }
  | { readonly kind: 'formula'; readonly name: string; readonly expr: Expr }
  | { readonly kind: 'ode'; readonly name: string; readonly initial: Expr; readonly rate: Expr }
  | { readonly kind: 'mean' | 'centred'; readonly name: string; readonly summand: Expr }
  | { readonly kind: 'nonlocal'; readonly name: string; readonly inner: string };

/** The quantities of a spec: the nodes by name, the model with rates and functions substituted, the observables. */
export interface QuantityGraph {
  readonly nodes: ReadonlyMap<string, QuantityNode>;
  /** Drift and diffusion with the opaque functions and the coefficient rates substituted. */
  readonly model: FokkerPlanckModel;
  readonly pointVariable: string;
  readonly observables: readonly { readonly name: string; readonly node: string }[];
  readonly histograms: readonly { readonly name: string; readonly variable: number; readonly lo: number; readonly hi: number; readonly bins: number }[];
  /** Parse a formula of the spec (moments allowed) into an expression over node names. */
  readonly parse: (text: string, label: string) => Expr;
}

/** Symbols of an expression that are slots (not the state, not pi). */
export const slotSymbols = (e: Expr, state: readonly string[]): string[] => [...symbolsOf(e)].filter((s) => s !== 'pi' && !state.includes(s));

/** The symbols a node needs before it can be evaluated. */
export function dependencies(node: QuantityNode, state: readonly string[]): string[] {
  switch (node.kind) {
    case 'constant':
    case 'formula':
      return slotSymbols(node.expr, state);
    case 'ode':
      return slotSymbols(node.initial, state);
    case 'mean':
    case 'centred':
      return slotSymbols(node.summand, state);
    case 'nonlocal':
      return [node.inner];
    default:
      return [];
  }
}

/** Build the graph of a spec's quantities; every refusal names the field. */
export function quantityGraph(spec: SimulationSpec): QuantityGraph {
  const model = spec.model;
  const pointVariable = spec.population ? (spec.population.variable ?? 'x') : 'point__';
  if (model.state.includes(pointVariable) || pointVariable === model.time)
    throw new NumericInputError(`population.variable: ${pointVariable} is a state variable or the time of ${model.name}; name the point variable otherwise`);
  const nodes = new Map<string, QuantityNode>();
  const add_ = (n: QuantityNode) => {
    if (nodes.has(n.name)) throw new NumericInputError(`${n.name} is defined twice (as a parameter, a coefficient or the point variable)`);
    nodes.set(n.name, n);
  };
  add_({ kind: 'time', name: model.time });
  add_({ kind: 'point', name: pointVariable });
  const params = spec.parameters ?? {};
  const coeffs = spec.coefficients ?? {};
  const scope: ModelScope = model.scope.extend({
    symbols: [pointVariable, ...Object.keys(params), ...Object.keys(coeffs)],
    operators: new Map([
      ['mean', ([e]: Expr[]) => moment('mean', e)],
      ['nonlocal', ([e]: Expr[]) => nonlocal(e)],
      ['var', ([e]: Expr[]) => centred(e, e)],
      ['cov', ([a, b]: Expr[]) => centred(a, b)],
      ['std', ([e]: Expr[]) => pow(centred(e, e), num(1, 2))],
    ]),
  });
  const functionBodies = Object.entries(spec.functions ?? {}).map(([name, f]) => {
    const body = parseExpr(f.body, { symbols: new Set([...f.params, 'pi']), functions: new Map() }, `functions.${name}`);
    return { name, params: f.params, body };
  });
  const withFunctions = (e: Expr) => functionBodies.reduce((acc, f) => substituteFunction(acc, f.name, f.params, f.body), e);
  const interned = new Map<string, string>();
  const intern = (prefix: string, key: string, make: (name: string) => QuantityNode): Expr => {
    let name = interned.get(key);
    if (!name) {
      name = `${prefix}__${interned.size}`;
      interned.set(key, name);
      add_(make(name));
    }
    return sym(name);
  };
  function moment(kind: 'mean', e: Expr): Expr {
    const summand = withFunctions(e);
    return intern('mean', `mean:${keyOf(summand)}`, (name) => ({ kind, name, summand }));
  }
  function centred(a: Expr, b: Expr): Expr {
    const [ma, mb] = [moment('mean', a), moment('mean', b)];
    const summand = mul(add(withFunctions(a), mul(num(-1), ma)), add(withFunctions(b), mul(num(-1), mb)));
    return intern('centred', `centred:${keyOf(summand)}`, (name) => ({ kind: 'centred', name, summand }));
  }
  function nonlocal(q: Expr): Expr {
    const inner = withFunctions(q);
    const innerName =
      inner.kind === 'sym' ? inner.name : (intern('q', `q:${keyOf(inner)}`, (name) => ({ kind: 'formula', name, expr: inner })) as { name: string }).name;
    return intern('nonlocal', `nonlocal:${innerName}`, (name) => ({ kind: 'nonlocal', name, inner: innerName }));
  }
  const parse = (text: string, label: string) => withFunctions(scope.parse(text, label));
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new NumericInputError(`parameters.${name} must be a finite number, got ${value}`);
      add_({ kind: 'constant', name, expr: numberExpr(value) });
    } else add_({ kind: 'constant', name, expr: parse(value, `parameters.${name}`) });
  }
  const rates = new Map<string, Expr>();
  for (const [name, c] of Object.entries(coeffs)) {
    const field = `coefficients.${name}`;
    if (typeof c === 'string' || 'value' in c) {
      const expr = parse(typeof c === 'string' ? c : c.value, field);
      add_({ kind: 'formula', name, expr });
      if (typeof c !== 'string' && c.rate) rates.set(name, parse(c.rate, `${field}.rate`));
      else if (![...symbolsOf(expr)].some((s) => /^(mean|nonlocal|centred|q)__\d+$/.test(s))) rates.set(name, totalTimeDerivative(expr, model.time, new Map()));
    } else {
      const initial = typeof c.initial === 'number' ? numberExpr(c.initial) : parse(c.initial, `${field}.initial`);
      const rate = parse(c.ode, `${field}.ode`);
      add_({ kind: 'ode', name, initial, rate });
      rates.set(name, rate);
    }
  }
  const rateSymbols = new Map<string, Expr>();
  for (const [name, rate] of model.scope.rates) {
    if (rate.kind !== 'sym') continue;
    const value = rates.get(name);
    if (value) rateSymbols.set(rate.name, value);
  }
  const subst = (e: Expr) => expand(substitute(withFunctions(e), rateSymbols));
  const effective: FokkerPlanckModel = { ...model, drift: model.drift.map(subst), diffusion: model.diffusion.map((row) => row.map(subst)) };
  const observables: { name: string; node: string }[] = [];
  const histograms: QuantityGraph['histograms'][number][] = [];
  for (const [name, o] of Object.entries(spec.observables)) {
    if (typeof o === 'string') {
      const expr = parse(o, `observables.${name}`);
      const direct = expr.kind === 'sym' && nodes.has(expr.name);
      if (!direct) add_({ kind: 'formula', name: `obs__${name}`, expr });
      observables.push({ name, node: direct ? (expr as { name: string }).name : `obs__${name}` });
    } else histograms.push(histogramOf(name, o, model.state));
  }
  if (observables.length + histograms.length === 0) throw new NumericInputError('observables: give at least one observable');
  const graph: QuantityGraph = { nodes, model: effective, pointVariable, observables, histograms, parse };
  checkDefined(graph);
  return graph;
}

/** A float as an exact rational expression (its shortest decimal). */
export function numberExpr(x: number): Expr {
  const q = qFromDecimalString(String(Math.abs(x)));
  return x < 0 ? mul(num(-1), num(q)) : num(q);
}

/** A histogram observable, checked: a state variable, a non-empty range, 1 to 10 000 bins. */
function histogramOf(name: string, h: HistogramSpec, state: readonly string[]) {
  const variable = state.indexOf(h.histogram);
  if (variable < 0) throw new NumericInputError(`observables.${name}: ${h.histogram} is not a state variable (${state.join(', ')})`);
  const [lo, hi] = h.range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo))
    throw new NumericInputError(`observables.${name}.range = [${lo}, ${hi}] must be a non-empty finite interval`);
  if (!Number.isInteger(h.bins) || h.bins < 1 || h.bins > 10_000)
    throw new NumericInputError(`observables.${name}.bins must be a whole number in [1, 10000], got ${h.bins}`);
  return { name, variable, lo, hi, bins: h.bins };
}

/** Every symbol of the dynamics and of the nodes has a definition; the rate of a moment is refused. */
function checkDefined(g: QuantityGraph): void {
  const state = g.model.state;
  const need = (e: Expr, where: string) => {
    for (const s of slotSymbols(e, state))
      if (!g.nodes.has(s))
        throw new NumericInputError(
          `${where} uses ${s}, which the spec does not define: give it in parameters (a number or a formula in ${g.pointVariable}) or in coefficients (a formula, a formula with its rate, an ODE, mean(...), nonlocal(...))${/_t$/.test(s) ? `; ${s} is the rate of a coefficient given by a moment or not given at all` : ''}`,
        );
  };
  g.model.drift.forEach((d, i) => need(d, `the drift of ${state[i]}`));
  g.model.diffusion.forEach((row, i) => row.forEach((d, j) => need(d, `the diffusion D[${i}][${j}]`)));
  for (const node of g.nodes.values()) {
    if (node.kind === 'ode') need(node.rate, `the ODE of ${node.name}`);
    for (const s of dependencies(node, state)) if (!g.nodes.has(s)) need(sym(s), `the definition of ${node.name}`);
  }
}
