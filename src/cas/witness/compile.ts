/**
 * mathjs's parse tree of a text, turned into an evaluator of Bounded values (bounded.ts). This is
 * the numeric witness's own reading of an expression: it shares nothing with the engine's tree
 * (mathjs parses the text, this module evaluates it), so a bug in our parser or in the conversion
 * to our expressions shows up as a disagreement. Long sums and products are evaluated as loops.
 */
import { mathParseExact, MacroSource } from '../parse.ts';
import { Bounded, UNDEFINED, OVERFLOW, UNIT, approx, bAdd, bNeg, bMul, bDiv, bPow, bExp, bLn, bSqrt, bTrig, bAbs } from './bounded.ts';
import { RandomFunctions } from './randomFunctions.ts';
import type { Point } from './domain.ts';
import { knownFunction, enclose, evalFloat } from '../registry.ts';

/** What an evaluation reads: the point, the random functions of its seed, parameters bound by a macro, named atoms. */
export interface Env {
  readonly point: Point;
  readonly fns: RandomFunctions;
  readonly locals?: ReadonlyMap<string, Bounded>;
  /** Values of named atoms (nerdamer's stand-ins for opaque applications). */
  readonly atom?: (name: string, env: Env) => Bounded | undefined;
}

/** An evaluator of one expression. */
export type Program = (env: Env) => Bounded;

/** How names in the text are read. */
export interface Reading {
  /** Functions defined by a formula (their bodies are texts, evaluated the same way). */
  readonly macros?: ReadonlyMap<string, MacroSource>;
  /** A text name -> the user's symbol name (for printed expressions with safe names). */
  readonly symbolName?: (name: string) => string;
  /** A text function name -> the opaque function and derivative orders it stands for. */
  readonly functionName?: (name: string) => { name: string; derivs?: readonly number[] } | undefined;
  /** Names evaluated by env.atom. */
  readonly atoms?: ReadonlySet<string>;
  /** Which names of the text are opaque functions (a user's text may apply operators such as d_v, which are not). */
  readonly isOpaque?: (name: string) => boolean;
}

/** The text cannot be evaluated from its own reading (an operator such as d_v, an unknown function). */
export class NotEvaluableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotEvaluableError';
  }
}

interface Node {
  type: string;
  name?: string;
  fn?: string | Node;
  args?: Node[];
  value?: { toNumber(): number; eq(x: number): boolean; isZero(): boolean; abs(): { toNumber(): number } } | number;
  content?: Node;
}

const DERIV_NAME = /^(.+)__d(\d+(?:_\d+)*)$/;
const ELEMENTARY: Record<string, (a: Bounded) => Bounded> = {
  exp: bExp,
  ln: bLn,
  log: bLn,
  sqrt: bSqrt,
  abs: bAbs,
  sin: (a) => bTrig(a, 'sin'),
  cos: (a) => bTrig(a, 'cos'),
};

/** A written constant as a Bounded value: exact when the float is the number written, else within its rounding. */
function constant(n: Node): Bounded {
  const d = n.value!;
  if (typeof d === 'number') return approx(d, 0);
  const v = d.toNumber();
  if (!Number.isFinite(v)) return OVERFLOW;
  if (d.eq(v)) return { v, e: 0, s: Math.abs(v) };
  if (v === 0) return { v: 0, e: Number.MIN_VALUE, s: Number.MIN_VALUE }; // underflow: known only to be tiny
  return approx(v, UNIT * Math.abs(v));
}

/** Compile a text in a reading; throws NotEvaluableError for what it cannot read. */
export function compileText(text: string, reading: Reading = {}): Program {
  return compileNode(mathParseExact(text) as unknown as Node, reading, new Set());
}

function chain(n: Node, ops: readonly string[]): { node: Node; op: string }[] {
  const out: { node: Node; op: string }[] = [];
  let cur = n;
  while (cur.type === 'OperatorNode' && ops.includes(cur.fn as string) && cur.args!.length === 2) {
    out.push({ node: cur.args![1], op: cur.fn as string });
    cur = cur.args![0];
  }
  out.push({ node: cur, op: 'first' });
  return out.reverse();
}

function compileNode(n: Node, r: Reading, params: ReadonlySet<string>): Program {
  const sub = (x: Node) => compileNode(x, r, params);
  switch (n.type) {
    case 'ConstantNode': {
      const c = constant(n);
      return () => c;
    }
    case 'ParenthesisNode':
      return sub(n.content!);
    case 'SymbolNode':
      return symbolProgram(n.name!, r, params);
    case 'OperatorNode': {
      if (n.fn === 'add' || n.fn === 'subtract' || n.fn === 'multiply' || n.fn === 'divide') {
        const additive = n.fn === 'add' || n.fn === 'subtract';
        const parts = chain(n, additive ? ['add', 'subtract'] : ['multiply', 'divide']).map((p) => ({ f: sub(p.node), op: p.op }));
        return (env) => {
          let acc = parts[0].f(env);
          for (let i = 1; i < parts.length; i++) {
            const x = parts[i].f(env);
            const op = parts[i].op;
            acc = op === 'add' ? bAdd(acc, x) : op === 'subtract' ? bAdd(acc, bNeg(x)) : op === 'multiply' ? bMul(acc, x) : bDiv(acc, x);
          }
          return acc;
        };
      }
      const a = n.args!.map(sub);
      if (n.fn === 'pow') return (env) => bPow(a[0](env), a[1](env));
      if (n.fn === 'unaryMinus') return (env) => bNeg(a[0](env));
      if (n.fn === 'unaryPlus') return a[0];
      throw new NotEvaluableError(`operator ${String(n.fn)} is not evaluated by the numeric witness`);
    }
    case 'FunctionNode': {
      const head = n.fn as Node;
      if (head.type !== 'SymbolNode') throw new NotEvaluableError('only named functions can be evaluated');
      return functionProgram(head.name!, n.args!.map(sub), r);
    }
    default:
      throw new NotEvaluableError(`${n.type} is not evaluated by the numeric witness`);
  }
}

const macroCache = new WeakMap<MacroSource, Program>();
function macroBody(m: MacroSource, r: Reading): Program {
  let p = macroCache.get(m);
  if (!p) {
    p = compileNode(mathParseExact(m.body) as unknown as Node, r, new Set(m.params));
    macroCache.set(m, p);
  }
  return p;
}

function symbolProgram(name: string, r: Reading, params: ReadonlySet<string>): Program {
  if (params.has(name)) return (env) => env.locals?.get(name) ?? UNDEFINED;
  if (r.atoms?.has(name)) return (env) => env.atom?.(name, env) ?? UNDEFINED;
  const m = r.macros?.get(name);
  if (m && m.params.length === 0) {
    const body = macroBody(m, r);
    return (env) => body({ ...env, locals: undefined });
  }
  if (name === 'e') return () => ({ v: Math.E, e: UNIT * Math.E, s: Math.E });
  if (name === 'pi') return () => ({ v: Math.PI, e: UNIT * Math.PI, s: Math.PI });
  const user = r.symbolName ? r.symbolName(name) : name;
  return (env) => {
    const v = env.point.get(user);
    return { v, e: 0, s: Math.abs(v) };
  };
}

/** A registry function of a Bounded value, its error from the registry's enclosure over [v - e, v + e]. */
function registryValue(name: string, a: Bounded): Bounded {
  if (!Number.isFinite(a.v) || !Number.isFinite(a.e)) return a;
  const box = enclose(name, a.v - a.e, a.v + a.e);
  if (box.kind === 'undefined') return UNDEFINED;
  if (box.kind === 'partly') return a.e === 0 ? (Number.isFinite(evalFloat(name, a.v)) ? OVERFLOW : UNDEFINED) : OVERFLOW;
  const v = evalFloat(name, a.v);
  return approx(v, Math.max(v - box.lo, box.hi - v), Math.max(Math.abs(box.lo), Math.abs(box.hi)));
}

function functionProgram(name: string, args: Program[], r: Reading): Program {
  const elementary: ((a: Bounded) => Bounded) | undefined = ELEMENTARY[name] ?? (knownFunction(name) ? (a: Bounded) => registryValue(name, a) : undefined);
  if (elementary) {
    if (args.length !== 1) throw new NotEvaluableError(`${name} takes one argument`);
    return (env) => elementary(args[0](env));
  }
  const m = r.macros?.get(name);
  if (m) {
    if (m.params.length !== args.length) throw new NotEvaluableError(`macro ${name} takes ${m.params.length} arguments`);
    const body = macroBody(m, r);
    return (env) => body({ ...env, locals: new Map(m.params.map((p, i) => [p, args[i](env)])) });
  }
  const mapped = r.functionName?.(name);
  const dm = DERIV_NAME.exec(name);
  const target = mapped ?? (dm ? { name: dm[1], derivs: dm[2].split('_').map(Number) } : { name });
  if (!mapped && r.isOpaque && !r.isOpaque(target.name))
    throw new NotEvaluableError(`${name}(...) is not a declared opaque function (an operator, evaluated only through the engine)`);
  if (target.derivs && target.derivs.length !== args.length) throw new NotEvaluableError(`derivative marker of ${name} does not match its arguments`);
  return (env) =>
    env.fns.evaluate(
      target.name,
      args.map((a) => a(env)),
      target.derivs ?? [],
    );
}
