/**
 * Names. A user's symbols and opaque functions are renamed to s0, s1, ... and f0, f1, ... before a
 * checker reads a printed expression (nerdamer's gamma, mathjs's E, ... cannot capture them);
 * registry functions keep their own names. Names a method invents inside our expressions (atoms
 * for opaque applications, roots) are made with INTERNAL_MARK, a character the parser never
 * accepts in a name, so no user symbol can be one of them. `e`, `pi` and `i` are the constants
 * and the imaginary unit: never a user's parameter, symbol, function or macro argument.
 */
import { Expr, symbolsOf, children } from './expr.ts';
import { Naming } from './print.ts';
import { knownFunction } from './registry.ts';

/** A consistent renaming for a set of expressions: symbols to s0, s1, ...; applications to f0, f1, .... */
export interface SafeNames extends Naming {
  readonly symbolNames: ReadonlyMap<string, string>;
  readonly functionNames: ReadonlyMap<string, { name: string; derivs: readonly number[] | undefined; safe: string }>;
}

/** Give every opaque function application (and every derivative of a function) in e a safe name, in order of appearance. */
function nameFunctions(e: Expr, functionNames: Map<string, { name: string; derivs: readonly number[] | undefined; safe: string }>): void {
  if (e.kind === 'fn' && (e.derivs || !knownFunction(e.name))) {
    const key = `${e.name}|${e.derivs?.join(',') ?? ''}`;
    if (!functionNames.has(key)) functionNames.set(key, { name: e.name, derivs: e.derivs, safe: `f${functionNames.size}` });
  }
  for (const c of children(e)) nameFunctions(c, functionNames);
}

/** Build safe names for every symbol and (function, derivative marker) pair in the expressions. */
export function safeNamesFor(exprs: readonly Expr[]): SafeNames {
  const symbolNames = new Map<string, string>();
  const functionNames = new Map<string, { name: string; derivs: readonly number[] | undefined; safe: string }>();
  for (const e of exprs) {
    for (const s of [...symbolsOf(e)].sort()) if (!symbolNames.has(s)) symbolNames.set(s, s === 'pi' ? 'pi' : `s${symbolNames.size}`);
    nameFunctions(e, functionNames);
  }
  return {
    symbolNames,
    functionNames,
    symbol: (n) => symbolNames.get(n) ?? n,
    func: (n, d) => functionNames.get(`${n}|${d?.join(',') ?? ''}`)?.safe ?? n,
  };
}

/** The character that marks a name a method made up (never part of a name the parser reads). */
export const INTERNAL_MARK = '#';

/** A name for a method's own symbol (`q#3`, `x#root`): no parsed or declared name can equal it. */
export const internalName = (prefix: string, tag: string | number): string => `${prefix}${INTERNAL_MARK}${tag}`;

/** True for a name made by internalName. */
export const isInternalName = (name: string): boolean => name.includes(INTERNAL_MARK);

/** Names that are constants or the imaginary unit, never a user's name. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['e', 'pi', 'i']);

/** A declaration that uses a reserved or malformed name. */
export class ReservedNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReservedNameError';
  }
}

const MEANING: Readonly<Record<string, string>> = { e: "Euler's number exp(1)", pi: 'the constant pi', i: 'the imaginary unit' };

/**
 * Refuse a name a user declares (`what`: "parameter", "opaque function", "argument of macro M", ...):
 * `e`, `pi` and `i` are constants; a function name must be plain (no `__`, which marks derivatives
 * as in N__d1) and not a registry function's.
 */
export function checkUserName(name: string, what: string, where = 'declarations'): void {
  if (RESERVED_NAMES.has(name)) throw new ReservedNameError(`${where}: ${what} "${name}" is reserved (${MEANING[name]}); choose another name`);
  if (isInternalName(name)) throw new ReservedNameError(`${where}: ${what} "${name}" contains "${INTERNAL_MARK}", which marks the methods' own names`);
  if (!what.includes('function')) return;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.includes('__'))
    throw new ReservedNameError(
      `${where}: ${what} "${name}" is not a plain name (letters, digits and single underscores, starting with a letter; "__" marks derivatives)`,
    );
  if (knownFunction(name)) throw new ReservedNameError(`${where}: ${what} "${name}" is a known function of the registry; choose another name`);
}

/** The `opaque` option of a call, checked: each a plain name, neither reserved nor a registry function. */
export function opaqueNames(names: readonly string[] | undefined, where: string): ReadonlySet<string> | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names)) throw new ReservedNameError(`${where}: opaque must be a list of function names, got ${JSON.stringify(names)}`);
  for (const n of names) checkUserName(String(n), 'opaque function', where);
  return new Set(names);
}
