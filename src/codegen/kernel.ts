/**
 * Kernels: a scalar function of named arguments, or a loop over Float64Arrays with uniform
 * parameters hoisted out of the loop. Each carries its provenance (derivation, claim, hash of
 * the source expression) into the generated file.
 */
import { createHash } from 'node:crypto';
import { Expr, keyOf, printExpr, symbolsOf, children } from '../cas/index.ts';
import { Emitter, countSubtrees, stripParens } from './emit.ts';

/** Where a kernel's expression comes from. */
export interface Provenance {
  readonly derivation: string;
  readonly claim?: string;
}

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
}

export type Kernel = ScalarKernel | LoopKernel;

/** A short hash of an expression's text, for provenance headers and staleness checks. */
export const expressionHash = (e: Expr): string => createHash('sha256').update(printExpr(e)).digest('hex').slice(0, 16);

function checkSymbols(name: string, exprs: readonly Expr[], allowed: readonly string[]): void {
  const ok = new Set(allowed);
  for (const e of exprs)
    for (const s of symbolsOf(e))
      if (!ok.has(s)) throw new Error(`kernel ${name}: the expression uses ${s}, which is not an argument (${allowed.join(', ')})`);
}

const sharedKeys = (exprs: readonly Expr[]) => new Set([...countSubtrees(exprs)].filter(([, c]) => c > 1).map(([k]) => k));

/** Source of a scalar kernel. */
export function emitScalar(k: ScalarKernel): string {
  checkSymbols(k.name, [k.expr], k.args);
  const em = new Emitter(sharedKeys([k.expr]), (s) => s);
  const value = stripParens(em.expr(k.expr));
  return [
    `/** ${k.doc} */`,
    `// from ${k.provenance.derivation}${k.provenance.claim ? `, claim ${k.provenance.claim}` : ''}; source hash ${expressionHash(k.expr)}`,
    `// source: ${printExpr(k.expr)}`,
    `export function ${k.name}(${k.args.map((a) => `${a}: number`).join(', ')}): number {`,
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

/** Source of a loop kernel: (n, outputs..., arrays..., uniforms...); an output named like an array updates it in place. */
export function emitLoop(k: LoopKernel): string {
  const uniforms = new Set(k.uniforms);
  const outputs = Object.entries(k.outputs).map(([o, e]) => [o, groupUniforms(e, uniforms)] as const);
  const exprs = outputs.map(([, e]) => e);
  checkSymbols(k.name, exprs, [...k.arrays, ...k.uniforms]);
  const pre = new Emitter(sharedKeys(exprs), (s) => s, 'c', '  ');
  // each array element is read once per iteration into a local (fewer loads; no aliasing with in-place stores)
  const inner = new Emitter(sharedKeys(exprs), (s) => (uniforms.has(s) ? s : `${s}_i`), 't', '    ');
  for (const h of hoistable(exprs, uniforms)) {
    const name = stripParens(pre.expr(h));
    if (/^c\d+$/.test(name)) inner.bind(keyOf(h), name);
    else {
      const c = `c${pre.lines.length}h`;
      pre.lines.push(`  const ${c} = ${name};`);
      inner.bind(keyOf(h), c);
    }
  }
  // an output that is also an input array is updated in place: every new value is computed first
  const inPlace = (o: string) => k.arrays.includes(o);
  const values = outputs.map(([out, e]) => [out, stripParens(inner.expr(e))] as const);
  const body = [
    ...values.filter(([o]) => inPlace(o)).map(([o, v]) => `    const next_${o} = ${v};`),
    ...values.map(([o, v]) => `    ${o}[i] = ${inPlace(o) ? `next_${o}` : v};`),
  ];
  const params = [
    'n: number',
    ...outputs.filter(([o]) => !inPlace(o)).map(([o]) => `${o}: Float64Array`),
    ...k.arrays.map((a) => `${a}: Float64Array`),
    ...k.uniforms.map((u) => `${u}: number`),
  ];
  return [
    `/** ${k.doc} */`,
    `// from ${k.provenance.derivation}${k.provenance.claim ? `, claim ${k.provenance.claim}` : ''}; source hashes ${Object.values(k.outputs).map(expressionHash).join(', ')}`,
    ...Object.entries(k.outputs).map(([o, e]) => `// ${o} = ${printExpr(e)}`),
    `export function ${k.name}(${params.join(', ')}): void {`,
    ...pre.lines,
    '  for (let i = 0; i < n; i++) {',
    ...k.arrays.filter((a) => exprs.some((e) => symbolsOf(e).has(a))).map((a) => `    const ${a}_i = ${a}[i];`),
    ...inner.lines,
    ...body,
    '  }',
    '}',
  ].join('\n');
}

/** A whole generated module: header, then each kernel. */
export function emitModule(title: string, kernels: readonly Kernel[]): string {
  const header = [
    `// ${title}`,
    '// GENERATED by fhn-derive (`npm run generate`) from the derived expressions named below.',
    '// Do not edit by hand: a test regenerates this file and fails if it is stale.',
  ].join('\n');
  return `${[header, ...kernels.map((k) => (k.kind === 'scalar' ? emitScalar(k) : emitLoop(k)))].join('\n\n')}\n`;
}
