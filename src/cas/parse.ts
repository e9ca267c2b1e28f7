/**
 * Parse text into an expression. mathjs does the tokenising (so syntax errors carry a position);
 * the tree is converted to ours. With a scope, every symbol and function must be declared:
 * a typo in a claim is an error, never a fresh variable.
 */
import { parse as mathParse } from 'mathjs';
import { Expr, add, mul, pow, num, sym, fn, neg, div, sub, exp } from './expr.ts';
import { qFromDecimalString } from './rational.ts';
import { ExpressionSyntaxError, UnknownSymbolError } from './errors.ts';

/** Declared names: symbols, opaque functions with their arity, and operators applied at parse time. */
export interface Scope {
  readonly symbols: ReadonlySet<string>;
  readonly functions: ReadonlyMap<string, number>;
  readonly operators?: ReadonlyMap<string, (args: Expr[]) => Expr>;
  /** Symbols that stand for a formula (zero-argument macros), expanded where they occur. */
  readonly resolveSymbol?: (name: string) => Expr | undefined;
}

const ELEMENTARY_ARITY: Record<string, number> = { exp: 1, ln: 1, log: 1, sin: 1, cos: 1, sqrt: 1 };
const DERIV_NAME = /^(.+)__d(\d+(?:_\d+)*)$/;

interface MathNode {
  type: string;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  content?: MathNode;
}

/** Parse `text` (labelled `label` in errors), checking names against the scope when given. */
export function parseExpr(text: string, scope?: Scope, label = 'expression'): Expr {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ExpressionSyntaxError(label, String(text), undefined, 'empty expression');
  }
  let node: MathNode;
  try {
    node = mathParse(text) as unknown as MathNode;
  } catch (err) {
    const e = err as Error & { char?: number };
    throw new ExpressionSyntaxError(label, text, e.char, e.message.replace(/\s*\(char \d+\)$/, ''));
  }
  const fail = (detail: string): never => {
    throw new ExpressionSyntaxError(label, text, undefined, detail);
  };
  const convert = (n: MathNode): Expr => {
    switch (n.type) {
      case 'ConstantNode': {
        if (typeof n.value !== 'number' || !Number.isFinite(n.value)) return fail(`unsupported constant ${String(n.value)}`);
        return num(qFromDecimalString(String(n.value)));
      }
      case 'SymbolNode': {
        const name = n.name!;
        if (name === 'e') return exp(num(1));
        const value = scope?.resolveSymbol?.(name);
        if (value) return value;
        if (scope && !scope.symbols.has(name) && name !== 'pi') {
          throw new UnknownSymbolError(label, name, 'symbol', [...scope.symbols]);
        }
        return sym(name);
      }
      case 'ParenthesisNode':
        return convert(n.content!);
      case 'OperatorNode': {
        const a = n.args!.map(convert);
        switch (n.fn) {
          case 'add':
            return add(...a);
          case 'subtract':
            return sub(a[0], a[1]);
          case 'multiply':
            return mul(...a);
          case 'divide':
            return div(a[0], a[1]);
          case 'pow':
            return pow(a[0], a[1]);
          case 'unaryMinus':
            return neg(a[0]);
          case 'unaryPlus':
            return a[0];
          default:
            return fail(`unsupported operator "${n.op}"`);
        }
      }
      case 'FunctionNode': {
        const fnNode = n.fn as MathNode;
        const name = fnNode.type === 'SymbolNode' ? fnNode.name! : fail('only named functions can be applied');
        const args = n.args!.map(convert);
        const op = scope?.operators?.get(name);
        if (op) return op(args);
        const m = DERIV_NAME.exec(name);
        const base = m ? m[1] : name;
        if (base in ELEMENTARY_ARITY && !m) {
          if (args.length !== 1) fail(`${name} takes one argument, got ${args.length}`);
          if (name === 'sqrt') return pow(args[0], num(1, 2));
          return fn(name === 'log' ? 'ln' : name, args);
        }
        if (scope) {
          const arity = scope.functions.get(base);
          if (arity === undefined) throw new UnknownSymbolError(label, base, 'function', [...scope.functions.keys()]);
          if (arity !== args.length) fail(`${base} takes ${arity} argument(s), got ${args.length}`);
        }
        const derivs = m ? m[2].split('_').map(Number) : undefined;
        if (derivs && derivs.length !== args.length) fail(`derivative marker of ${name} does not match its arguments`);
        return fn(base, args, derivs);
      }
      default:
        return fail(`unsupported syntax (${n.type})`);
    }
  };
  return convert(node);
}
