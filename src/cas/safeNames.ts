/** Renaming of symbols and functions to names no checker reserves (nerdamer's gamma, mathjs's E, ...). */
import { Expr, symbolsOf, children } from './expr.ts';
import { Naming } from './print.ts';

/** A consistent renaming for a set of expressions: symbols to s0, s1, ...; applications to f0, f1, .... */
export interface SafeNames extends Naming {
  readonly symbolNames: ReadonlyMap<string, string>;
  readonly functionNames: ReadonlyMap<string, { name: string; derivs: readonly number[] | undefined; safe: string }>;
}

/** Build safe names for every symbol and (function, derivative marker) pair in the expressions. */
export function safeNamesFor(exprs: readonly Expr[]): SafeNames {
  const symbolNames = new Map<string, string>();
  const functionNames = new Map<string, { name: string; derivs: readonly number[] | undefined; safe: string }>();
  const visit = (e: Expr) => {
    if (e.kind === 'fn' && !(['exp', 'ln', 'sin', 'cos'].includes(e.name) && !e.derivs)) {
      const key = `${e.name}|${e.derivs?.join(',') ?? ''}`;
      if (!functionNames.has(key)) functionNames.set(key, { name: e.name, derivs: e.derivs, safe: `f${functionNames.size}` });
    }
    children(e).forEach(visit);
  };
  for (const e of exprs) {
    for (const s of [...symbolsOf(e)].sort()) if (!symbolNames.has(s)) symbolNames.set(s, s === 'pi' ? 'pi' : `s${symbolNames.size}`);
    visit(e);
  }
  return {
    symbolNames,
    functionNames,
    symbol: (n) => symbolNames.get(n) ?? n,
    func: (n, d) => functionNames.get(`${n}|${d?.join(',') ?? ''}`)?.safe ?? n,
  };
}
