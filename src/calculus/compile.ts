/**
 * Expressions compiled to JavaScript functions for repeated numeric evaluation (a quadrature or an
 * adversarial search evaluates the same expression thousands of times): generated once per
 * expression and cached, with the operations and the order of a walk of the tree (the same floats),
 * several times faster than a walk or a tree of closures.
 */
import { Expr, children, printExpr, qToNumber, knownFunction, evalFloat, registerMemo, checkTree } from '../cas/index.ts';

/** A numeric evaluation that cannot be done: a missing symbol, an opaque function, a non-finite value. */
export class IntegralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegralError';
  }
}

/** Parameter values (symbol name -> number). */
export type Values = Readonly<Record<string, number>>;

type Compiled = (v: Values) => number;

let cache = new WeakMap<Expr, Compiled>();
registerMemo(() => {
  cache = new WeakMap();
});

function compileNode(x: Expr): Compiled {
  const hit = cache.get(x);
  if (hit) return hit;
  const f = functionOf(x);
  cache.set(x, f);
  return f;
}

/** Nesting depth past which a subexpression is given its own local (the generated text stays shallow for the parser). */
const MAX_NESTING = 48;

/**
 * The JavaScript text of one evaluation of a tree, in the order and with the operations of a walk
 * of it: a sum is 0 + t1 + t2 + ... from the left, a product 1 * f1 * f2 * ..., a power b ** e,
 * a function the registry's value `F(name, x)`, a number the float of its rational. Each symbol is
 * read once, in the order a walk first meets it: a missing one throws before any arithmetic, as
 * the walk would at its first use (nothing before it can throw), and a value that is not a number
 * is refused by name. A node the tree shares, or a deeply nested one, is computed once into a
 * local; both are pure, so the value is the walk's.
 */
class Source {
  readonly lines: string[] = [];
  private readonly uses = new Map<Expr, number>();
  private readonly locals = new Map<Expr, string>();
  private readonly symbols = new Map<string, string>();

  constructor(root: Expr) {
    this.count(root);
  }

  /** How many parents each node has (a shared node is emitted once). */
  private count(x: Expr): void {
    const n = this.uses.get(x) ?? 0;
    this.uses.set(x, n + 1);
    if (n > 0) return;
    for (const c of children(x)) this.count(c);
  }

  /** The text of x and its nesting depth. */
  text(x: Expr): [string, number] {
    const local = this.locals.get(x);
    if (local) return [local, 0];
    const [code, depth] = this.fresh(x);
    if (x.kind === 'num' || x.kind === 'sym' || ((this.uses.get(x) ?? 0) < 2 && depth < MAX_NESTING)) return [code, depth];
    const name = `t${this.locals.size}`;
    this.lines.push(`const ${name} = ${code};`);
    this.locals.set(x, name);
    return [name, 0];
  }

  /** The text of x built from its children's. */
  private fresh(x: Expr): [string, number] {
    switch (x.kind) {
      case 'num': {
        const c = qToNumber(x.value);
        return [Number.isFinite(c) && !Object.is(c, -0) ? `(${String(c)})` : Number.isNaN(c) ? 'NaN' : `(${c < 0 ? '-' : ''}Infinity)`, 0];
      }
      case 'sym':
        return [this.symbol(x.name), 0];
      case 'add':
        return this.joined('0', ' + ', x.terms);
      case 'mul':
        return this.joined('1', ' * ', x.factors);
      case 'pow':
        return this.joined('', ' ** ', [x.base, x.exponent]);
      case 'fn': {
        if (x.derivs) throw new IntegralError(`evaluateExpr: ${printExpr(x)} is an opaque derivative; substitute a formula first`);
        if (!knownFunction(x.name)) throw new IntegralError(`evaluateExpr: ${x.name} is an opaque function; substitute a formula first`);
        const [a, depth] = this.text(x.args[0]);
        return [`F(${JSON.stringify(x.name)}, ${a})`, depth + 1];
      }
    }
  }

  /** A left-to-right chain of one operator, from a seed (none for a power). */
  private joined(seed: string, op: string, xs: readonly Expr[]): [string, number] {
    const parts = seed ? [seed] : [];
    let depth = 0;
    for (const x of xs) {
      const [code, d] = this.text(x);
      parts.push(code);
      depth = Math.max(depth, d);
    }
    return [`(${parts.join(op)})`, depth + 1];
  }

  /** The local holding a symbol's value, read (and checked) the first time the walk meets it. */
  private symbol(name: string): string {
    let local = this.symbols.get(name);
    if (!local) {
      local = `s${this.symbols.size}`;
      this.symbols.set(name, local);
      const key = JSON.stringify(name);
      // only the values' own numbers: a name such as constructor or __proto__ is not read from the object's prototype
      const absent = name === 'pi' ? 'Math.PI' : `missing(${key})`;
      this.lines.push(
        `let ${local} = v[${key}];`,
        `if (typeof ${local} !== 'number') ${local} = ${local} === undefined || !Object.hasOwn(v, ${key}) ? ${absent} : notNumber(${key}, ${local});`,
      );
    }
    return local;
  }
}

/** The missing symbol, named. */
function missing(name: string): never {
  throw new IntegralError(`evaluateExpr: no value for the symbol ${name}`);
}

/** A symbol's value that is not a number, named. */
function notNumber(name: string, value: unknown): never {
  throw new IntegralError(`evaluateExpr: the value of ${name} is not a number (${typeof value} ${JSON.stringify(value)})`);
}

/**
 * Generated functions by their text, kept when the memos are cleared: a function is its text (it
 * reads nothing else but the registry, at each call), so this cache cannot change a value; it keeps
 * the JIT's work on the functions a process evaluates again (a web page, a test run, a bench's
 * rounds). Bounded: it starts afresh past MAX_CACHED_CHARS characters of text.
 */
let byText = new Map<string, Compiled>();
let cachedChars = 0;
const MAX_CACHED_CHARS = 20_000_000;

/** The tree as a generated JavaScript function of the symbol values (see Source). */
function functionOf(x: Expr): Compiled {
  checkTree(x, 'the expression evaluated');
  const source = new Source(x);
  const [value] = source.text(x);
  const body = `"use strict";\nreturn function evaluate(v) {\n${source.lines.join('\n')}\nreturn ${value};\n};`;
  const hit = byText.get(body);
  if (hit) return hit;
  if (cachedChars + body.length > MAX_CACHED_CHARS) {
    byText = new Map();
    cachedChars = 0;
  }
  const f = new Function('F', 'missing', 'notNumber', body)(evalFloat, missing, notNumber) as Compiled;
  byText.set(body, f);
  cachedChars += body.length;
  return f;
}

/** e as a function of its symbol values; throws naming a missing symbol, or the expression when the value is not finite. */
export function compileExpr(e: Expr): Compiled {
  const f = compileNode(e);
  return (v) => {
    const r = f(v);
    if (!Number.isFinite(r)) throw new IntegralError(`evaluateExpr: ${printExpr(e)} is not finite (${r}) at ${JSON.stringify(v)}`);
    return r;
  };
}

/** The numeric value of e at the given symbol values ('pi' is pi); throws naming a missing symbol or a non-finite result. */
export function evaluateExpr(e: Expr, values: Values): number {
  const r = compileNode(e)(values);
  if (!Number.isFinite(r)) throw new IntegralError(`evaluateExpr: ${printExpr(e)} is not finite (${r}) at ${JSON.stringify(values)}`);
  return r;
}
