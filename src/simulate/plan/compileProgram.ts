/**
 * A quantity graph compiled into the runners' per-point program: slots in a fixed order, the
 * nodes sorted by dependency into setup (parameters, the point, ODE initial values), steps (what
 * the dynamics need, evaluated before every step) and observation (what only the observables
 * need); formulas printed as JavaScript, moments as generated reduction kernels.
 */
import { Expr, mul, sym } from '../../cas/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import type { PointView, QuantityProgram, QuantityStep } from '../index.ts';
import { Emitter, countSubtrees, stripParens } from '../../codegen/emit.ts';
import { JAVASCRIPT } from '../../codegen/target.ts';
import { compileKernels } from '../../codegen/runtime.ts';
import { QuantityGraph, QuantityNode, dependencies, slotSymbols } from './quantities.ts';

/** Slot index by name: the order of the graph's nodes. */
export type Slots = ReadonlyMap<string, number>;

/** A JavaScript function (t, U) => value of an expression over slots (the kernels' printer, names mapped to U[k]). */
export function compileFormula(e: Expr, slots: Slots, time: string, label: string): (t: number, U: Float64Array) => number {
  const names = (s: string) => {
    if (s === time) return 't';
    const k = slots.get(s);
    if (k === undefined) throw new NumericInputError(`${label} uses ${s}, which has no value`);
    return `U[${k}]`;
  };
  const shared = new Set([...countSubtrees([e])].filter(([, c]) => c > 1).map(([k]) => k));
  const em = new Emitter(shared, names, 't_', '  ', JAVASCRIPT);
  const value = stripParens(em.expr(e));
  return new Function('t', 'U', `"use strict";\n${em.lines.join('\n')}\n  return ${value};`) as (t: number, U: Float64Array) => number;
}

/** Topological order of the nodes reachable from roots (ODE values and the constants count as given); a cycle is refused by name. */
export function orderNodes(g: QuantityGraph, roots: readonly string[], given: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (given.has(name) || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new NumericInputError(`the definitions depend on each other in a cycle: ${[...path, name].join(' -> ')}`);
    const node = g.nodes.get(name);
    if (!node) throw new NumericInputError(`${name} is not defined`);
    state.set(name, 'visiting');
    for (const d of dependencies(node, g.model.state)) visit(d, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  roots.forEach((r) => visit(r, []));
  return order;
}

/** The sum over a point's particles or cells of a node's summand, as a generated reduction kernel (grid: weighted by the density). */
function compileSum(node: QuantityNode & { summand: Expr }, g: QuantityGraph, slots: Slots, grid: boolean): (view: PointView, U: Float64Array) => number {
  const state = g.model.state;
  const weight = 'f__';
  const uniforms = slotSymbols(node.summand, state);
  const kernel = compileKernels([
    {
      kind: 'reduction',
      name: 'sum',
      doc: `sum of ${node.name}`,
      arrays: grid ? [...state, weight] : [...state],
      uniforms,
      sums: [grid ? mul(sym(weight), node.summand) : node.summand],
      provenance: { derivation: 'simulation spec' },
    },
  ]).sum as (...a: unknown[]) => void;
  const at = uniforms.map((u) => slots.get(u) as number);
  const out = new Float64Array(1);
  return (view, U) => {
    kernel(view.n, out, ...view.arrays, ...(grid ? [view.weights] : []), ...at.map((k) => U[k]));
    return out[0];
  };
}

/** The compiled step of a node at its slot. */
function compileStep(name: string, g: QuantityGraph, slots: Slots, grid: boolean): QuantityStep {
  const node = g.nodes.get(name) as QuantityNode;
  const slot = slots.get(name) as number;
  switch (node.kind) {
    case 'formula':
      return { kind: 'formula', slot, name, evaluate: compileFormula(node.expr, slots, g.model.time, name) };
    case 'mean':
    case 'centred':
      return { kind: node.kind, slot, name: node.kind === 'mean' ? `a mean (${name})` : `a centred moment (${name})`, sum: compileSum(node, g, slots, grid) };
    case 'nonlocal':
      return { kind: 'nonlocal', slot, name, inner: slots.get(node.inner) as number };
    default:
      throw new Error(`node ${name} (${node.kind}) is not evaluated in steps`);
  }
}

/** True when a node changes in time (the time, an ODE, a moment, or anything built on them): frozen over a step, it makes a scheme first order. */
function varies(g: QuantityGraph, name: string, memo: Map<string, boolean>): boolean {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  memo.set(name, false);
  const node = g.nodes.get(name);
  const result = !node
    ? false
    : ['time', 'ode', 'mean', 'centred', 'nonlocal'].includes(node.kind) || dependencies(node, g.model.state).some((d) => varies(g, d, memo));
  memo.set(name, result);
  return result;
}

/** Compile the graph for particles or for a grid, with `dynamics` the expressions the stepping needs (drift, diffusion, stiff parts, ODE rates). */
export function compileProgram(g: QuantityGraph, dynamics: readonly Expr[], grid: boolean): { program: QuantityProgram; slots: Slots } {
  const names = [...g.nodes.keys()];
  const slots: Slots = new Map(names.map((n, k) => [n, k]));
  const nodes = [...g.nodes.values()];
  const constants = nodes.filter((n) => n.kind === 'constant').map((n) => n.name);
  const odes = nodes.filter((n): n is QuantityNode & { kind: 'ode' } => n.kind === 'ode');
  const time = g.model.time;
  const setupOrder = orderNodes(g, constants, new Set([g.pointVariable]));
  const given = new Set([g.pointVariable, time, ...setupOrder, ...odes.map((o) => o.name)]);
  setupOrder.forEach((n) => {
    const node = g.nodes.get(n) as QuantityNode;
    if (node.kind !== 'constant')
      throw new NumericInputError(`parameter formulas may use other parameters and ${g.pointVariable} only; ${n} is not a parameter`);
  });
  const roots = [...dynamics.flatMap((e) => slotSymbols(e, g.model.state)), ...odes.flatMap((o) => slotSymbols(o.rate, g.model.state))];
  const stepOrder = orderNodes(g, roots, given);
  const inSteps = new Set([...given, ...stepOrder]);
  const observeOrder = orderNodes(g, [...g.observables.map((o) => o.node)], inSteps);
  const setupFns = setupOrder.map((n) => ({
    slot: slots.get(n) as number,
    f: compileFormula((g.nodes.get(n) as { expr: Expr }).expr, slots, time, `parameters.${n}`),
  }));
  const xSlot = slots.get(g.pointVariable) as number;
  const steps = stepOrder.map((n) => compileStep(n, g, slots, grid));
  const program: QuantityProgram = {
    names,
    timeSlot: slots.get(time) as number,
    setup: (point, U) => {
      U[xSlot] = point.x;
      for (const { slot, f } of setupFns) U[slot] = f(0, U);
    },
    steps,
    odes: odes.map((o) => ({
      slot: slots.get(o.name) as number,
      name: o.name,
      rate: compileFormula(o.rate, slots, time, `the ODE of ${o.name}`),
      initial: (
        (f) => (U: Float64Array) =>
          f(0, U)
      )(compileFormula(o.initial, slots, time, `the initial value of ${o.name}`)),
    })),
    observe: [...steps, ...observeOrder.map((n) => compileStep(n, g, slots, grid))],
    observables: g.observables.map((o) => ({ name: o.name, slot: slots.get(o.node) as number })),
    histograms: g.histograms,
    frozenCoefficients: roots.some((r) => r !== time && varies(g, r, new Map())),
  };
  return { program, slots };
}
