/**
 * mathjs's parse tree of a text, turned into an evaluator (in floats with error bounds, or in
 * decimal intervals: arith.ts). This is the numeric witness's own reading of an expression: it
 * shares nothing with the engine's tree (mathjs parses the text, this module evaluates it), so a
 * bug in our parser or in the conversion to our expressions shows up as a disagreement. Long sums
 * and products are evaluated as loops.
 */
import { parseTree, MacroSource } from '../parse.ts';
import { registerMemo } from '../memo.ts';
import { Bounded } from './bounded.ts';
import { Arith, ConstantValue, FLOAT } from './arith.ts';
import { RandomFunctions } from './randomFunctions.ts';
import type { Point } from './domain.ts';

/** What an evaluation reads: the point, the random functions of its seed, parameters bound by a macro, named atoms. */
export interface Env<T = Bounded> {
  readonly point: Point;
  readonly fns: RandomFunctions;
  readonly locals?: ReadonlyMap<string, T>;
  /** Values of named atoms (nerdamer's stand-ins for opaque applications). */
  readonly atom?: (name: string, env: Env<T>) => T | undefined;
}

/** An evaluator of one expression. */
export type Program<T = Bounded> = (env: Env<T>) => T;

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
  value?: ConstantValue;
  content?: Node;
}

const DERIV_NAME = /^(.+)__d(\d+(?:_\d+)*)$/;

/** One compilation: the reading, the arithmetic, and the macro bodies compiled so far. */
interface Ctx<T> {
  readonly r: Reading;
  readonly arith: Arith<T>;
  readonly macros: Map<MacroSource, Program<T>>;
}

/** Compile a text in a reading, in floats; throws NotEvaluableError for what it cannot read. */
export function compileText(text: string, reading: Reading = {}): Program {
  return compileTextIn(text, reading, FLOAT);
}

/**
 * Compiled macro bodies per scope (its map of macro texts) and arithmetic: a macro's program depends
 * only on its text, the scope's names and the arithmetic, so it is shared by every text of the scope.
 */
let macroPrograms = new WeakMap<ReadonlyMap<string, MacroSource>, Map<Arith<unknown>, Map<MacroSource, Program<unknown>>>>();
registerMemo(() => {
  macroPrograms = new WeakMap();
});
function macroCacheFor<T>(r: Reading, arith: Arith<T>): Map<MacroSource, Program<T>> {
  if (!r.macros || r.symbolName || r.functionName || r.atoms) return new Map();
  let byArith = macroPrograms.get(r.macros);
  if (!byArith) {
    byArith = new Map();
    macroPrograms.set(r.macros, byArith);
  }
  let m = byArith.get(arith as Arith<unknown>);
  if (!m) {
    m = new Map();
    byArith.set(arith as Arith<unknown>, m);
  }
  return m as unknown as Map<MacroSource, Program<T>>;
}

/** Compile a text in a reading and an arithmetic (floats, or decimal intervals). */
export function compileTextIn<T>(text: string, reading: Reading, arith: Arith<T>): Program<T> {
  return compileNode(parsedTree(text), { r: reading, arith, macros: macroCacheFor(reading, arith) }, new Set());
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

function compileNode<T>(n: Node, c: Ctx<T>, params: ReadonlySet<string>): Program<T> {
  const A = c.arith;
  switch (n.type) {
    case 'ConstantNode': {
      const k = A.constant(n.value!);
      return () => k;
    }
    case 'ParenthesisNode':
      return compileNode(n.content!, c, params);
    case 'SymbolNode':
      return symbolProgram(n.name!, c, params);
    case 'OperatorNode': {
      if (n.fn === 'add' || n.fn === 'subtract' || n.fn === 'multiply' || n.fn === 'divide') {
        const additive = n.fn === 'add' || n.fn === 'subtract';
        const parts = chain(n, additive ? ['add', 'subtract'] : ['multiply', 'divide']).map((p) => ({ f: compileNode(p.node, c, params), op: p.op }));
        return (env) => {
          let acc = parts[0].f(env);
          for (let i = 1; i < parts.length; i++) {
            const x = parts[i].f(env);
            const op = parts[i].op;
            acc = op === 'add' ? A.add(acc, x) : op === 'subtract' ? A.add(acc, A.neg(x)) : op === 'multiply' ? A.mul(acc, x) : A.div(acc, x);
          }
          return acc;
        };
      }
      const a = n.args!.map((x) => compileNode(x, c, params));
      if (n.fn === 'pow') return (env) => A.pow(a[0](env), a[1](env));
      if (n.fn === 'unaryMinus') return (env) => A.neg(a[0](env));
      if (n.fn === 'unaryPlus') return a[0];
      throw new NotEvaluableError(`operator ${String(n.fn)} is not evaluated by the numeric witness`);
    }
    case 'FunctionNode': {
      const head = n.fn as Node;
      if (head.type !== 'SymbolNode') throw new NotEvaluableError('only named functions can be evaluated');
      return functionProgram(
        head.name!,
        n.args!.map((x) => compileNode(x, c, params)),
        c,
      );
    }
    default:
      throw new NotEvaluableError(`${n.type} is not evaluated by the numeric witness`);
  }
}

/** mathjs's tree of a text (shared with the engine's parser, read only). */
const parsedTree = (text: string): Node => parseTree(text) as unknown as Node;

/** A macro's body, compiled once per compilation (a cycle of macros is refused where they are defined). */
function macroBody<T>(m: MacroSource, c: Ctx<T>): Program<T> {
  let p = c.macros.get(m);
  if (!p) {
    p = compileNode(parsedTree(m.body), c, new Set(m.params));
    c.macros.set(m, p);
  }
  return p;
}

function symbolProgram<T>(name: string, c: Ctx<T>, params: ReadonlySet<string>): Program<T> {
  const { r, arith: A } = c;
  if (params.has(name)) return (env) => env.locals?.get(name) ?? A.notReal;
  if (r.atoms?.has(name)) return (env) => env.atom?.(name, env) ?? A.notReal;
  const m = r.macros?.get(name);
  if (m && m.params.length === 0) {
    const body = macroBody(m, c);
    return (env) => body({ ...env, locals: undefined });
  }
  if (name === 'e') return () => A.e;
  if (name === 'pi') return () => A.pi;
  const user = r.symbolName ? r.symbolName(name) : name;
  return (env) => A.sample(env.point.get(user));
}

function functionProgram<T>(name: string, args: Program<T>[], c: Ctx<T>): Program<T> {
  const { r, arith: A } = c;
  const elementary = A.fn(name);
  if (elementary) {
    if (args.length !== 1) throw new NotEvaluableError(`${name} takes one argument`);
    return (env) => elementary(args[0](env));
  }
  const m = r.macros?.get(name);
  if (m) {
    if (m.params.length !== args.length) throw new NotEvaluableError(`macro ${name} takes ${m.params.length} arguments`);
    const body = macroBody(m, c);
    return (env) => body({ ...env, locals: new Map(m.params.map((p, i) => [p, args[i](env)])) });
  }
  const mapped = r.functionName?.(name);
  const dm = DERIV_NAME.exec(name);
  const target = mapped ?? (dm ? { name: dm[1], derivs: dm[2].split('_').map(Number) } : { name });
  if (!mapped && r.isOpaque && !r.isOpaque(target.name))
    throw new NotEvaluableError(`${name}(...) is not a declared opaque function (an operator, evaluated only through the engine)`);
  if (target.derivs && target.derivs.length !== args.length) throw new NotEvaluableError(`derivative marker of ${name} does not match its arguments`);
  return (env) =>
    A.opaque(
      env.fns,
      target.name,
      args.map((a) => a(env)),
      target.derivs ?? [],
    );
}
