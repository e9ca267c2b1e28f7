/**
 * Printer targets, as SymPy has one printer per language: how a target writes numbers, the
 * elementary functions, constants, declarations, signatures and errors. The expression walk
 * (emit.ts) and the kernel layouts (kernel.ts) are shared; only these spellings differ.
 */
import { cString, jsString } from '../escape/code.ts';

/** The languages kernels are printed in: TypeScript (files), JavaScript (compiled in process), C99 (files). */
export type TargetName = 'typescript' | 'javascript' | 'c';

/** How one language spells what the kernels need. */
export interface Target {
  readonly name: TargetName;
  /** A float literal for a finite number (non-negative; signs are printed by the caller). */
  literal(x: number): string;
  /** The call of an elementary function (exp, ln, sin, cos) on an argument's text. */
  call(fn: string, arg: string): string;
  sqrt(arg: string): string;
  pow(base: string, exponent: string): string;
  /** The constant pi. */
  readonly pi: string;
  /** `const name = value;` */
  constant(name: string, value: string): string;
  /** `let name = value;` (a mutable local, for sums). */
  variable(name: string, value: string): string;
  /** The loop header over i in [0, n). */
  readonly loop: string;
  /** The text of a function signature (`export function f(...): void {` / `const char *f(...) {`). */
  signature(name: string, params: readonly Param[], returns: 'number' | 'void'): string;
  /** What a checked kernel returns on success (nothing, or a null error string in C). */
  readonly success: string | null;
  /** A statement that refuses the call when `condition` is false, with a message (text) and an optional value printed after it. */
  refuse(condition: string, message: string, value?: string): string;
  /** The test that a number is finite. */
  finite(x: string): string;
}

/** A kernel parameter: a scalar, an array read, or an array written. */
export interface Param {
  readonly name: string;
  readonly kind: 'scalar' | 'count' | 'input' | 'output';
}

/** The shortest decimal that reads back to x (JavaScript's own). */
const shortest = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`number ${x} is not representable as a float literal`);
  return String(x);
};

/** `!cond`, parenthesised unless cond is a single call. */
const negate = (cond: string): string => (/^[\w.]+\([\w.]*\)$/.test(cond) ? `!${cond}` : `!(${cond})`);

const JS_MATH: Record<string, string> = { exp: 'Math.exp', ln: 'Math.log', sin: 'Math.sin', cos: 'Math.cos' };

/** TypeScript, or JavaScript when `types` is false (the same text without annotations). */
function ecmascript(types: boolean): Target {
  const annotate = (p: Param) => (!types ? p.name : `${p.name}: ${p.kind === 'scalar' || p.kind === 'count' ? 'number' : 'Float64Array'}`);
  return {
    name: types ? 'typescript' : 'javascript',
    literal: shortest,
    call: (fn, arg) => {
      const f = JS_MATH[fn];
      if (!f) throw new Error(`no ${types ? 'TypeScript' : 'JavaScript'} spelling for the function ${fn}`);
      return `${f}(${arg})`;
    },
    sqrt: (a) => `Math.sqrt(${a})`,
    pow: (b, e) => `Math.pow(${b}, ${e})`,
    pi: 'Math.PI',
    constant: (n, v) => `const ${n} = ${v};`,
    variable: (n, v) => `let ${n} = ${v};`,
    loop: 'for (let i = 0; i < n; i++) {',
    signature: (name, params, returns) => `${types ? 'export ' : ''}function ${name}(${params.map(annotate).join(', ')})${types ? `: ${returns}` : ''} {`,
    success: null,
    refuse: (cond, message, value) => `if (${negate(cond)}) throw new RangeError(${jsString(message)}${value ? ` + ${value}` : ''});`,
    finite: (x) => `Number.isFinite(${x})`,
  };
}

/** The TypeScript printer (what src/generated/ and user kernel files hold). */
export const TYPESCRIPT: Target = ecmascript(true);
/** The JavaScript printer: TypeScript without annotations, compiled in process by the runners. */
export const JAVASCRIPT: Target = ecmascript(false);

const C_MATH: Record<string, string> = { exp: 'exp', ln: 'log', sin: 'sin', cos: 'cos' };

/** C99 with <math.h>: doubles, restrict pointers, kernels return NULL or an error message. */
export const C99: Target = {
  name: 'c',
  literal: (x) => {
    const s = shortest(x);
    return /[.eE]/.test(s) ? s : `${s}.0`;
  },
  call: (fn, arg) => {
    const f = C_MATH[fn];
    if (!f) throw new Error(`no C spelling for the function ${fn}`);
    return `${f}(${arg})`;
  },
  sqrt: (a) => `sqrt(${a})`,
  pow: (b, e) => `pow(${b}, ${e})`,
  pi: '3.141592653589793',
  constant: (n, v) => `const double ${n} = ${v};`,
  variable: (n, v) => `double ${n} = ${v};`,
  loop: 'for (long i = 0; i < n; i++) {',
  signature: (name, params, returns) => {
    const decl = (p: Param) =>
      p.kind === 'count' ? `long ${p.name}` : p.kind === 'scalar' ? `double ${p.name}` : `${p.kind === 'input' ? 'const ' : ''}double *restrict ${p.name}`;
    return `${returns === 'number' ? 'double' : 'const char *'}${returns === 'number' ? ' ' : ''}${name}(${params.map(decl).join(', ')}) {`;
  },
  success: 'return 0;',
  refuse: (cond, message) => `if (${negate(cond)}) return ${cString(message.replace(/,? got (n = )?$/, ''))};`,
  finite: (x) => `isfinite(${x})`,
};

/** The target of a name. */
export const TARGETS: Readonly<Record<TargetName, Target>> = { typescript: TYPESCRIPT, javascript: JAVASCRIPT, c: C99 };
