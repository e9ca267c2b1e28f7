/**
 * Declarations a model or derivation parses against: parameters, state variables, time-dependent
 * coefficients (each with the symbol of its time derivative), opaque functions with their arity,
 * and macros (functions defined by a formula, like the paper's B0 and A0).
 */
import { Expr, Scope, parseExpr, substitute, sym, checkUserName } from '../cas/index.ts';
import { Assumptions, mergeAssumptions, validateAssumptions } from '../cas/assumptions.ts';

/** A function defined by a formula in its parameters, expanded wherever it is applied. */
export interface Macro {
  readonly params: readonly string[];
  readonly body: string;
}

/** What a model or derivation declares. */
export interface Declarations {
  readonly parameters?: readonly string[];
  /** Time-dependent coefficients, each mapped to the text of its time derivative (default `<name>_t`). */
  readonly coefficients?: Readonly<Record<string, string | null>>;
  readonly functions?: Readonly<Record<string, number>>;
  readonly macros?: Readonly<Record<string, Macro>>;
  /** What is known of the symbols: { eps: 'positive', ... }; every other symbol is real. */
  readonly assume?: Assumptions;
}

/** A scope with its parsed pieces: the parser scope, the coefficient rates, the macros. */
export interface ModelScope {
  readonly scope: Scope;
  /** Time derivative of each time-dependent coefficient. */
  readonly rates: ReadonlyMap<string, Expr>;
  /** The declarations of the scope (symbols not listed are real). */
  readonly assumptions: Assumptions;
  /** Parse text in this scope (macros expanded, unknown names refused). */
  parse(text: string, label: string): Expr;
  /** A wider scope with more declarations and operators. */
  extend(more: Declarations & { symbols?: readonly string[]; operators?: ReadonlyMap<string, (args: Expr[]) => Expr> }): ModelScope;
}

/** Refuse reserved names (e, pi, i), registry functions redeclared opaque, and names with a method's markers. */
function checkDeclaredNames(decl: Declarations, extraSymbols: readonly string[]): void {
  for (const p of decl.parameters ?? []) checkUserName(p, 'parameter');
  for (const s of extraSymbols) if (s !== 'pi') checkUserName(s, 'symbol'); // listing pi among the symbols names the constant
  for (const c of Object.keys(decl.coefficients ?? {})) checkUserName(c, 'coefficient');
  for (const f of Object.keys(decl.functions ?? {})) checkUserName(f, 'opaque function');
  for (const [name, m] of Object.entries(decl.macros ?? {})) {
    checkUserName(name, m.params.length > 0 ? 'macro function' : 'macro');
    for (const p of m.params) checkUserName(p, `argument of macro ${name}`);
  }
}

/** Build a scope from declarations plus extra symbols (state variables, time). */
export function makeScope(decl: Declarations, extraSymbols: readonly string[], operators: ReadonlyMap<string, (args: Expr[]) => Expr> = new Map()): ModelScope {
  checkDeclaredNames(decl, extraSymbols);
  const coeffs = decl.coefficients ?? {};
  const symbols = new Set<string>([...(decl.parameters ?? []), ...extraSymbols, ...Object.keys(coeffs)]);
  for (const [name, rate] of Object.entries(coeffs)) if (rate === null || rate === undefined || /^\w+$/.test(rate)) symbols.add(rate ?? `${name}_t`);
  const functions = new Map(Object.entries(decl.functions ?? {}));
  const ops = new Map(operators);
  const macros = decl.macros ?? {};
  for (const [name, m] of Object.entries(macros)) {
    if (m.params.length === 0) continue;
    const params = m.params;
    const inner: Scope = { symbols: new Set([...symbols, ...params]), functions, operators: ops, resolveSymbol: (n) => resolveSymbol(n) };
    let body: Expr | undefined;
    ops.set(name, (args: Expr[]) => {
      if (args.length !== params.length) throw new Error(`macro ${name} takes ${params.length} argument(s), got ${args.length}`);
      body ??= parseExpr(m.body, inner, `macro ${name}`);
      return substitute(body, new Map(params.map((p, i) => [p, args[i]])));
    });
  }
  const symbolMacros = new Map<string, Expr | null>();
  for (const [name, m] of Object.entries(macros)) if (m.params.length === 0) symbolMacros.set(name, null);
  const resolveSymbol = (name: string): Expr | undefined => {
    if (!symbolMacros.has(name)) return undefined;
    let value = symbolMacros.get(name);
    if (!value) {
      value = parseExpr(macros[name].body, scope, `macro ${name}`);
      symbolMacros.set(name, value);
    }
    return value;
  };
  const assumptions = validateAssumptions(decl.assume, 'declarations');
  const macroSources = new Map(Object.entries(macros));
  const scope: Scope = { symbols, functions, operators: ops, resolveSymbol, macroSources, assumptions };
  const rates = new Map<string, Expr>();
  const self: ModelScope = {
    scope,
    rates,
    assumptions,
    parse: (text, label) => parseExpr(text, scope, label),
    extend: (more) =>
      makeScope(
        {
          parameters: [...(decl.parameters ?? []), ...(more.parameters ?? [])],
          coefficients: { ...coeffs, ...(more.coefficients ?? {}) },
          functions: { ...(decl.functions ?? {}), ...(more.functions ?? {}) },
          macros: { ...macros, ...(more.macros ?? {}) },
          assume: mergeAssumptions(assumptions, more.assume),
        },
        [...extraSymbols, ...(more.symbols ?? [])],
        new Map([...operators, ...(more.operators ?? [])]),
      ),
  };
  for (const [name, rate] of Object.entries(coeffs)) rates.set(name, rate ? self.parse(rate, `rate of ${name}`) : sym(`${name}_t`));
  return self;
}
