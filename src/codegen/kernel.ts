/**
 * Kernels: a scalar function of named arguments, a loop over arrays with uniform parameters
 * hoisted out of the loop (updating arrays in place or writing outputs), or a reduction (sums of
 * expressions over the arrays). Each carries its provenance (derivation, claim, hash of the
 * source expression) and is printed by one target (target.ts). Loop and reduction kernels check
 * their inputs before the loop: every uniform finite, n within the arrays, plus the kernel's own
 * guards (a positive step, a relaxing stiff rate, ...), so a bad call is refused by name.
 */
import { createHash } from 'node:crypto';
import { Expr, keyOf, printExpr, symbolsOf, children, qToNumber } from '../cas/index.ts';
import { Emitter, countSubtrees, stripParens } from './emit.ts';
import { Param, Target, TYPESCRIPT } from './target.ts';
import type { Requirement } from '../calculus/index.ts';
import { checkIdentifier, commentText } from '../escape/code.ts';

/** Where a kernel's expression comes from. */
export interface Provenance {
  readonly derivation: string;
  readonly claim?: string;
}

/** A condition on uniforms that a loop kernel checks before its loop (e.g. dt > 0, a relaxation rate > 0): a scheme's requirement. */
export type KernelGuard = Requirement;

/** y = f(args): one expression of scalar arguments. */
export interface ScalarKernel {
  readonly kind: 'scalar';
  readonly name: string;
  readonly doc: string;
  readonly args: readonly string[];
  readonly expr: Expr;
  readonly provenance: Provenance;
}

/** for i < n: out_k[i] = f_k(arrays[i], uniforms). */
export interface LoopKernel {
  readonly kind: 'loop';
  readonly name: string;
  readonly doc: string;
  readonly arrays: readonly string[];
  readonly uniforms: readonly string[];
  readonly outputs: Readonly<Record<string, Expr>>;
  readonly provenance: Provenance;
  readonly guards?: readonly KernelGuard[];
}

/** out[k] = sum over i < n of f_k(arrays[i], uniforms): moments of particles, integrals over cells. */
export interface ReductionKernel {
  readonly kind: 'reduction';
  readonly name: string;
  readonly doc: string;
  readonly arrays: readonly string[];
  readonly uniforms: readonly string[];
  readonly sums: readonly Expr[];
  readonly provenance: Provenance;
}

/** Any kernel a printer emits. */
export type Kernel = ScalarKernel | LoopKernel | ReductionKernel;

/** A short hash of an expression's text, for provenance headers and staleness checks. */
export const expressionHash = (e: Expr): string => createHash('sha256').update(printExpr(e)).digest('hex').slice(0, 16);

/** Names a kernel declares itself: its count, loop index and reduction output. */
const RESERVED = new Set(['n', 'i', 'Math', 'pi']);

/**
 * Local names of a kernel that cannot collide with its arguments: prefixes for temporaries
 * (c, t, g, s, with underscores added while an argument looks like one), and the suffix of
 * array reads.
 */
function localNames(args: readonly string[]) {
  const prefix = (base: string) => {
    let p = base;
    while (args.some((a) => a.startsWith(p) && /^\d+h?$/.test(a.slice(p.length)))) p += '_';
    return p;
  };
  let read = '_i';
  while (args.some((a) => args.includes(`${a}${read}`))) read += '_';
  let next = 'next_';
  while (args.some((a) => a.startsWith(next))) next += '_';
  return { c: prefix('c'), t: prefix('t'), g: prefix('g'), s: prefix('s'), read, next };
}

/**
 * Every name the kernel prints as code is an identifier of every target (or the kernel is
 * refused, by name): the kernel's own name, its arguments and outputs. Expressions may only use
 * these names (checked below), so no other name reaches the code.
 */
function checkSymbols(name: string, exprs: readonly Expr[], allowed: readonly string[]): void {
  checkIdentifier(name, 'kernel name');
  for (const a of allowed) checkIdentifier(a, `kernel ${name}: argument`);
  const clash = allowed.find((a) => RESERVED.has(a));
  if (clash) throw new Error(`kernel ${name}: the argument name ${clash} is reserved in generated kernels (${[...RESERVED].join(', ')}); rename it`);
  const ok = new Set([...allowed, 'pi']);
  for (const e of exprs)
    for (const s of symbolsOf(e)) if (!ok.has(s)) throw new Error(`kernel ${name}: the expression uses ${s}, which is not an argument (${allowed.join(', ')})`);
}

const sharedKeys = (exprs: readonly Expr[]) => new Set([...countSubtrees(exprs)].filter(([, c]) => c > 1).map(([k]) => k));

const provenanceLine = (p: Provenance, hashes: string) => `// from ${commentText(p.derivation)}${p.claim ? `, claim ${commentText(p.claim)}` : ''}; ${hashes}`;

/** The doc comment of a kernel (escaped: one line, no comment closer). */
const docLine = (doc: string) => `/** ${commentText(doc)} */`;

/** Source of a scalar kernel (no checks: a pure formula, NaN in gives NaN out). */
export function emitScalar(k: ScalarKernel, target: Target = TYPESCRIPT): string {
  checkSymbols(k.name, [k.expr], k.args);
  const em = new Emitter(sharedKeys([k.expr]), (s) => s, 't', '  ', target);
  const value = stripParens(em.expr(k.expr));
  return [
    docLine(k.doc),
    provenanceLine(k.provenance, `source hash ${expressionHash(k.expr)}`),
    `// source: ${commentText(printExpr(k.expr))}`,
    target.signature(
      k.name,
      k.args.map((a) => ({ name: a, kind: 'scalar' })),
      'number',
    ),
    ...em.lines,
    `  return ${value};`,
    '}',
  ].join('\n');
}

/**
 * Regroup sums and products so that their uniform-only parts form one subtree
 * (rho * eps^-1 * (v - V) becomes (rho * eps^-1) * (v - V)), which can then be hoisted.
 */
function groupUniforms(e: Expr, uniforms: ReadonlySet<string>): Expr {
  const isUniform = (x: Expr) => [...symbolsOf(x)].every((s) => uniforms.has(s));
  const rec = (x: Expr): Expr => {
    if (x.kind !== 'add' && x.kind !== 'mul') {
      if (x.kind === 'pow') return { kind: 'pow', base: rec(x.base), exponent: rec(x.exponent) };
      if (x.kind === 'fn') return { ...x, args: x.args.map(rec) };
      return x;
    }
    const parts = (x.kind === 'add' ? x.terms : x.factors).map(rec);
    const uni = parts.filter((p) => p.kind !== 'num' && isUniform(p));
    const rest = parts.filter((p) => p.kind === 'num' || !isUniform(p));
    if (uni.length < 2 || rest.length === 0) return x.kind === 'add' ? { kind: 'add', terms: parts } : { kind: 'mul', factors: parts };
    const group: Expr = x.kind === 'add' ? { kind: 'add', terms: uni } : { kind: 'mul', factors: uni };
    return x.kind === 'add' ? { kind: 'add', terms: [...rest, group] } : { kind: 'mul', factors: [...rest, group] };
  };
  return rec(e);
}

/**
 * Sums that repeat, reused inside larger sums: when a sum's terms include every term of a sum that
 * occurs elsewhere as a whole (x = a + b + c in x^3 and in PsiRho x), those terms become that sum
 * (a + b + c + d becomes x + d), so the shared value is computed once. Substituting a sum into a
 * formula flattens it into the terms around it; this undoes that for the printer. Nodes are built
 * by hand: the constructors would flatten them again.
 */
export function reuseSums(exprs: readonly Expr[]): Expr[] {
  const repeated = new Set([...countSubtrees(exprs)].filter(([key, count]) => count > 1 && key.startsWith('+(')).map(([key]) => key));
  const candidates = new Map<string, Expr & { kind: 'add' }>();
  const collect = (e: Expr) => {
    if (e.kind === 'add' && repeated.has(keyOf(e))) candidates.set(keyOf(e), e);
    children(e).forEach(collect);
  };
  exprs.forEach(collect);
  const sums = [...candidates.values()].sort((a, b) => b.terms.length - a.terms.length);
  const rewrite = (e: Expr): Expr => {
    switch (e.kind) {
      case 'add': {
        let rest = [...e.terms];
        const used: (Expr & { kind: 'add' })[] = [];
        for (const c of sums) {
          if (c === e || keyOf(c) === keyOf(e) || c.terms.length >= rest.length) continue;
          const keys = rest.map(keyOf);
          const picks: number[] = [];
          for (const t of c.terms) {
            const at = keys.findIndex((k, j) => k === keyOf(t) && !picks.includes(j));
            if (at < 0) break;
            picks.push(at);
          }
          if (picks.length !== c.terms.length) continue;
          used.push(c);
          rest = rest.filter((_, j) => !picks.includes(j));
        }
        return { kind: 'add', terms: [...used.map((c) => ({ kind: 'add', terms: c.terms.map(rewrite) }) as Expr), ...rest.map(rewrite)] };
      }
      case 'mul':
        return { kind: 'mul', factors: e.factors.map(rewrite) };
      case 'pow':
        return { kind: 'pow', base: rewrite(e.base), exponent: rewrite(e.exponent) };
      case 'fn':
        return { ...e, args: e.args.map(rewrite) };
      default:
        return e;
    }
  };
  return exprs.map(rewrite);
}

/** Subtrees that only involve uniforms (worth computing once, before the loop). */
function hoistable(exprs: readonly Expr[], uniforms: ReadonlySet<string>): Expr[] {
  const out = new Map<string, Expr>();
  const visit = (e: Expr) => {
    if (e.kind === 'num' || e.kind === 'sym') return;
    const syms = symbolsOf(e);
    const trivial =
      (e.kind === 'mul' && e.factors.length === 2 && e.factors[0].kind === 'num' && e.factors[1].kind === 'sym') ||
      (e.kind === 'pow' && e.base.kind === 'sym' && e.exponent.kind === 'num' && e.exponent.value.q === 1n && e.exponent.value.p < 0n);
    if (!trivial && [...syms].every((s) => uniforms.has(s))) {
      out.set(keyOf(e), e);
      return;
    }
    children(e).forEach(visit);
  };
  exprs.forEach(visit);
  return [...out.values()];
}

const GUARD_TEST: Record<KernelGuard['test'], [string, string, (x: number) => boolean]> = {
  positive: ['> 0', 'must be > 0', (x) => x > 0],
  nonnegative: ['>= 0', 'must be >= 0', (x) => x >= 0],
  nonzero: ['!== 0', 'must be nonzero', (x) => x !== 0],
  'below-two': ['< 2', 'must be < 2 (explicit stability bound)', (x) => x < 2],
};

/**
 * The checks before the loop: n within the arrays (not in C: pointers carry no length), every
 * uniform finite, then the guards (a constant guard is decided here, once, and not printed).
 */
function guardLines(
  name: string,
  arrays: readonly string[],
  uniforms: readonly string[],
  guards: readonly KernelGuard[],
  target: Target,
  gPrefix = 'g',
): string[] {
  const lines: string[] = [];
  if (target.name !== 'c' && arrays.length)
    lines.push(
      target.refuse(`n >= 0 && ${arrays.map((a) => `n <= ${a}.length`).join(' && ')}`, `${name}: n must be a count within the arrays' lengths, got n = `, 'n'),
    );
  for (const u of uniforms) lines.push(target.refuse(target.finite(u), `${name}: ${u} must be a finite number, got `, u));
  guards.forEach((g, k) => {
    const [op, says, holds] = GUARD_TEST[g.test];
    const label = g.expr.kind === 'sym' ? `${g.what} ${g.expr.name}` : `${g.what}, ${printExpr(g.expr)},`;
    if (g.expr.kind === 'num') {
      if (!holds(qToNumber(g.expr.value))) throw new Error(`kernel ${name}: ${label} ${says}`);
      return;
    }
    const value = g.expr.kind === 'sym' ? g.expr.name : `${gPrefix}${k}`;
    if (g.expr.kind !== 'sym') lines.push(target.constant(value, stripParens(new Emitter(new Set(), (s) => s, `${gPrefix}_`, '  ', target).expr(g.expr))));
    lines.push(target.refuse(`${value} ${target.name === 'c' && op === '!== 0' ? '!= 0' : op}`, `${name}: ${label} ${says}, got `, value));
  });
  return lines.map((l) => `  ${l}`);
}

/** The shared body of loop and reduction kernels: checks, hoisted uniform subexpressions, array reads, then the per-element values. */
function loopBody(k: LoopKernel | ReductionKernel, exprs: readonly Expr[], target: Target) {
  const uniforms = new Set(k.uniforms);
  const grouped = reuseSums(exprs).map((e) => groupUniforms(e, uniforms));
  const args = [...k.arrays, ...k.uniforms, ...(k.kind === 'loop' ? Object.keys(k.outputs) : [])];
  if (k.kind === 'reduction' && args.includes('out')) throw new Error(`kernel ${k.name}: the argument name out is reserved in reduction kernels; rename it`);
  checkSymbols(k.name, grouped, args);
  const local = localNames(args);
  const pre = new Emitter(sharedKeys(grouped), (s) => s, local.c, '  ', target);
  // each array element is read once per iteration into a local (fewer loads; no aliasing with in-place stores)
  const inner = new Emitter(sharedKeys(grouped), (s) => (uniforms.has(s) ? s : `${s}${local.read}`), local.t, '    ', target);
  for (const h of hoistable(grouped, uniforms)) {
    const name = stripParens(pre.expr(h));
    if (name.startsWith(local.c) && /^\d+$/.test(name.slice(local.c.length))) inner.bind(keyOf(h), name);
    else {
      const c = `${local.c}${pre.lines.length}h`;
      pre.lines.push(`  ${target.constant(c, name)}`);
      inner.bind(keyOf(h), c);
    }
  }
  const values = grouped.map((e) => stripParens(inner.expr(e)));
  const reads = k.arrays.filter((a) => grouped.some((e) => symbolsOf(e).has(a))).map((a) => `    ${target.constant(`${a}${local.read}`, `${a}[i]`)}`);
  const checks = guardLines(k.name, k.arrays, k.uniforms, k.kind === 'loop' ? (k.guards ?? []) : [], target, local.g);
  return { checks, pre: pre.lines, reads, inner: inner.lines, values, local };
}

/** Source of a loop kernel: (n, outputs..., arrays..., uniforms...); an output named like an array updates it in place. */
export function emitLoop(k: LoopKernel, target: Target = TYPESCRIPT): string {
  const outputs = Object.entries(k.outputs);
  const { checks, pre, reads, inner, values, local } = loopBody(
    k,
    outputs.map(([, e]) => e),
    target,
  );
  // an output that is also an input array is updated in place: every new value is computed first
  const inPlace = (o: string) => k.arrays.includes(o);
  const named = outputs.map(([o], j) => [o, values[j]] as const);
  const body = [
    ...named.filter(([o]) => inPlace(o)).map(([o, v]) => `    ${target.constant(`${local.next}${o}`, v)}`),
    ...named.map(([o, v]) => `    ${o}[i] = ${inPlace(o) ? `${local.next}${o}` : v};`),
  ];
  const written = new Set(outputs.map(([o]) => o));
  const params: Param[] = [
    { name: 'n', kind: 'count' },
    ...outputs.filter(([o]) => !inPlace(o)).map(([o]): Param => ({ name: o, kind: 'output' })),
    ...k.arrays.map((a): Param => ({ name: a, kind: written.has(a) ? 'output' : 'input' })),
    ...k.uniforms.map((u): Param => ({ name: u, kind: 'scalar' })),
  ];
  return [
    docLine(k.doc),
    provenanceLine(k.provenance, `source hashes ${outputs.map(([, e]) => expressionHash(e)).join(', ')}`),
    ...outputs.map(([o, e]) => `// ${o} = ${commentText(printExpr(e))}`),
    target.signature(k.name, params, 'void'),
    ...checks,
    ...pre,
    `  ${target.loop}`,
    ...reads,
    ...inner,
    ...body,
    '  }',
    ...(target.success ? [`  ${target.success}`] : []),
    '}',
  ].join('\n');
}

/** Source of a reduction kernel: (n, out, arrays..., uniforms...) with out[k] = the k-th sum. */
export function emitReduction(k: ReductionKernel, target: Target = TYPESCRIPT): string {
  const { checks, pre, reads, inner, values, local } = loopBody(k, k.sums, target);
  const params: Param[] = [
    { name: 'n', kind: 'count' },
    { name: 'out', kind: 'output' },
    ...k.arrays.map((a): Param => ({ name: a, kind: 'input' })),
    ...k.uniforms.map((u): Param => ({ name: u, kind: 'scalar' })),
  ];
  return [
    docLine(k.doc),
    provenanceLine(k.provenance, `source hashes ${k.sums.map(expressionHash).join(', ')}`),
    ...k.sums.map((e, j) => `// out[${j}] = sum of ${commentText(printExpr(e))}`),
    target.signature(k.name, params, 'void'),
    ...checks,
    ...pre,
    ...k.sums.map((_, j) => `  ${target.variable(`${local.s}${j}`, target.literal(0))}`),
    `  ${target.loop}`,
    ...reads,
    ...inner,
    ...values.map((v, j) => `    ${local.s}${j} += ${v};`),
    '  }',
    ...k.sums.map((_, j) => `  out[${j}] = ${local.s}${j};`),
    ...(target.success ? [`  ${target.success}`] : []),
    '}',
  ].join('\n');
}

/** Source of any kernel in a target. */
export function emitKernel(k: Kernel, target: Target = TYPESCRIPT): string {
  return k.kind === 'scalar' ? emitScalar(k, target) : k.kind === 'loop' ? emitLoop(k, target) : emitReduction(k, target);
}
