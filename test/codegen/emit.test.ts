import { describe, it, expect } from 'vitest';
import { evaluate } from 'mathjs';
import { parseExpr, printExpr, seededRandom } from '../../src/cas/index.ts';
import { emitModule, ScalarKernel, LoopKernel } from '../../src/codegen/index.ts';
import { importGenerated } from './compile.ts';

const P = (s: string) => parseExpr(s);
const scalar = (name: string, args: string[], text: string): ScalarKernel => ({
  kind: 'scalar', name, doc: text, args, expr: P(text), provenance: { derivation: 'test' },
});

/** mathjs value of the source expression (ln written as log for mathjs). */
const reference = (text: string, scope: Record<string, number>) => Number(evaluate(printExpr(P(text), undefined, 'log'), { ...scope }));

describe('code generation', () => {
  const cases: [string, string[]][] = [
    ['eps*(1 - exp(-(2*rho*t)/eps)) + exp(-(2*rho*t)/eps)', ['t', 'eps', 'rho']],
    ['t/eps + ln(eps*(1 - exp(-2*rho*t/eps)) + exp(-2*rho*t/eps))/(2*rho)', ['t', 'eps', 'rho']],
    ['(x - y)^3/(x + y)^2 - sqrt(x*y) + x^(-4) + (x+y)^(5/2)', ['x', 'y']],
    ['-x*y/(3*z) + cos(x)^2 - 7/2*sin(z)', ['x', 'y', 'z']],
  ];
  it.each(cases)('scalar kernel agrees with mathjs to 1e-12: %s', async (text, args) => {
    const mod = await importGenerated(emitModule('t', [scalar('k', args, text)]));
    const rand = seededRandom(42);
    for (let n = 0; n < 50; n++) {
      const scope = Object.fromEntries(args.map((a) => [a, 0.2 + 2 * rand()]));
      const got = (mod.k as (...x: number[]) => number)(...args.map((a) => scope[a]));
      const want = reference(text, scope);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it('loop kernel hoists uniforms, uses products for small powers and agrees element-wise', async () => {
    const k: LoopKernel = {
      kind: 'loop', name: 'drift', doc: 'drift', arrays: ['v', 'w'], uniforms: ['eps', 'rho', 'V'],
      outputs: { dv: P('v - v^3 - w - (rho/eps)*(v - V)'), dw: P('v^2*w/eps') }, provenance: { derivation: 'test' },
    };
    const src = emitModule('t', [k]);
    expect(src).not.toContain('Math.pow');
    expect(src).toMatch(/const c\d+h = rho \/ eps;[\s\S]*for \(let i = 0/);
    expect(src).toContain('// dv = ');
    const mod = await importGenerated(src);
    const n = 7;
    const v = Float64Array.from({ length: n }, (_, i) => -1 + 0.3 * i);
    const w = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.1 * i);
    const dv = new Float64Array(n);
    const dw = new Float64Array(n);
    (mod.drift as (...a: unknown[]) => void)(n, dv, dw, v, w, 0.1, 1.5, 0.2);
    for (let i = 0; i < n; i++) {
      const want = reference('v - v^3 - w - (rho/eps)*(v - V)', { v: v[i], w: w[i], eps: 0.1, rho: 1.5, V: 0.2 });
      expect(Math.abs(dv[i] - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it('refuses opaque functions and symbols that are not arguments', () => {
    expect(() => emitModule('t', [scalar('k', ['x'], 'N(x)')])).toThrow(/opaque function N/);
    expect(() => emitModule('t', [scalar('k', ['x'], 'x + y')])).toThrow(/uses y, which is not an argument/);
  });
});
