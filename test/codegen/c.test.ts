/**
 * The C99 printer: kernels compiled with `cc -O2` (warnings are errors) and run by the generated
 * driver give the same states as the TypeScript kernels to 1e-12 from the same inputs and the
 * same normals — the paper's two schemes, the example's stochastic Heun with a full diffusion
 * matrix, Milstein with multiplicative noise — and the C kernels refuse what the TypeScript ones refuse.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  emitModule,
  compileKernels,
  cDriver,
  solverKernels,
  particleKernel,
  defineModel,
  milstein,
  createRng,
  C99,
  LoopKernel,
  SimulationSpec,
} from '../../src/index.ts';
import { kernels as paperKernels } from '../../derivations/particles.ts';
import ou2d from '../../examples/ou2d.ts';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'fhn-c-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const built = new Map<string, string>();

/** Compile kernels.c + driver.c for a step kernel (once per kernel); returns the driver's path. */
function buildDriver(name: string, kernel: LoopKernel, state: string[], noise: string[]): string {
  const source = emitModule('test', [kernel], undefined, C99);
  const hit = built.get(source);
  if (hit) return hit;
  const sub = join(dir, name);
  execFileSync('mkdir', ['-p', sub]);
  writeFileSync(join(sub, 'kernels.c'), source);
  writeFileSync(join(sub, 'driver.c'), cDriver(kernel, state, noise, 'dt'));
  execFileSync('cc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-o', join(sub, 'driver'), join(sub, 'driver.c'), '-lm'], { cwd: sub });
  built.set(source, join(sub, 'driver'));
  return join(sub, 'driver');
}

/** The same steps in TypeScript and in C from the same initial state, uniforms and normals; the largest difference. */
function compare(name: string, kernel: LoopKernel, state: string[], noise: string[], uniforms: Record<string, number>, init: (a: number, i: number) => number) {
  const driver = buildDriver(name, kernel, state, noise);
  const [n, steps, dt] = [64, 25, uniforms.dt];
  const rng = createRng(11);
  const x = state.map((_, a) => Float64Array.from({ length: n }, (__, i) => init(a, i)));
  const normals = Array.from({ length: steps }, () => noise.map(() => rng.fillNormal(new Float64Array(n))));
  const names = kernel.uniforms.filter((u) => u !== 'dt');
  const input = [n, steps, dt, ...names.map((u) => uniforms[u]), ...x.flatMap((a) => [...a]), ...normals.flatMap((s) => s.flatMap((z) => [...z]))]
    .map((v) => v.toPrecision(17))
    .join('\n');
  const c = execFileSync(driver, ['replay'], { input }).toString().trim().split('\n').map(Number);
  const ts = compileKernels([kernel])[kernel.name] as (...a: unknown[]) => void;
  for (const z of normals) ts(n, ...x, ...z, ...kernel.uniforms.map((u) => uniforms[u]));
  let worst = 0;
  x.forEach((a, k) => a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - c[k * n + i]) / Math.max(1, Math.abs(v))))));
  return { worst, moved: Math.abs(x[0][0] - init(0, 0)) };
}

const paper = (name: string) => paperKernels().find((k) => k.name === name) as LoopKernel;
const fhnUniforms = { dt: 1e-3, rho: 1.2, eps: 0.05, V: 0.4, PsiRho: 0.3, PsiRhoV: 0.15, a: 0.8, b: 1, c: 0.1 };

describe('C kernels against TypeScript kernels (cc -O2, same inputs and normals)', () => {
  it("the paper's OU split and Euler–Maruyama steps of (1.2) agree to 1e-12", () => {
    for (const name of ['ouSplitStep', 'eulerMaruyamaStep']) {
      const { worst, moved } = compare(name, paper(name), ['v', 'w'], ['xi_v'], fhnUniforms, (a, i) => (a === 0 ? -1 + 0.03 * i : 0.2 - 0.01 * i));
      expect(worst, name).toBeLessThan(1e-12);
      expect(moved, name).toBeGreaterThan(1e-3);
    }
  });

  it("the example's stochastic Heun step (full diffusion matrix, two normals) agrees to 1e-12", () => {
    const kernel = solverKernels(ou2d).kernels[0] as LoopKernel;
    const { worst } = compare('heun', kernel, ['x', 'y'], ['xi_x', 'xi_y'], { dt: 0.02, a11: -1, a12: 0.8, a21: -0.4, a22: -1.5, c1: 1, c2: -0.5 }, (a, i) =>
      a === 0 ? 2 + 0.01 * i : 1 - 0.02 * i,
    );
    expect(worst).toBeLessThan(1e-12);
  });

  it('Milstein with multiplicative noise agrees to 1e-12', () => {
    const gbm = defineModel({ name: 'gbm', state: ['x'], density: 'p', parameters: ['mu', 's'], drift: ['mu*x'], diffusion: ['s^2*x^2/2'] });
    const { worst } = compare('milstein', particleKernel(milstein(gbm)), ['x'], ['xi_x'], { dt: 0.01, mu: 0.3, s: 0.6 }, (_a, i) => 1 + 0.01 * i);
    expect(worst).toBeLessThan(1e-12);
  });

  it('a deliberately different kernel (eps changed in the last digit) is told apart at this tolerance', () => {
    const k = paper('ouSplitStep');
    const driver = buildDriver('ou-check', k, ['v', 'w'], ['xi_v']);
    const n = 4;
    const line = (eps: number) =>
      [
        n,
        3,
        1e-3,
        ...k.uniforms.filter((u) => u !== 'dt').map((u) => (u === 'eps' ? eps : fhnUniforms[u as keyof typeof fhnUniforms])),
        ...Array(2 * n).fill(0.3),
        ...Array(3 * n).fill(0.5),
      ].join('\n');
    const a = execFileSync(driver, ['replay'], { input: line(0.05) })
      .toString()
      .split('\n')
      .map(Number);
    const b = execFileSync(driver, ['replay'], { input: line(0.05 * (1 + 1e-9)) })
      .toString()
      .split('\n')
      .map(Number);
    expect(Math.max(...a.map((x, i) => Math.abs(x - b[i])))).toBeGreaterThan(1e-12);
  });

  it('the C kernels refuse what the TypeScript ones refuse: eps = -1 in the OU split, dt beyond the Euler–Maruyama bound', () => {
    const split = buildDriver('ou-refuse', paper('ouSplitStep'), ['v', 'w'], ['xi_v']);
    const names = paper('ouSplitStep').uniforms.filter((u) => u !== 'dt');
    const input = (eps: number, dt: number) =>
      [2, 1, dt, ...names.map((u) => (u === 'eps' ? eps : fhnUniforms[u as keyof typeof fhnUniforms])), 0, 0, 0, 0, 0.1, 0.2].join('\n');
    const bad = spawnSync(split, ['replay'], { input: input(-1, 1e-3) });
    expect(bad.status).toBe(1);
    expect(bad.stderr.toString()).toMatch(/ouSplitStep: the relaxation rate of the stiff part of v, eps\^\(-1\)\*rho, must be > 0/);
    const ts = compileKernels([paper('ouSplitStep')]).ouSplitStep as (...a: unknown[]) => void;
    const args = paper('ouSplitStep').uniforms.map((u) => (u === 'eps' ? -1 : u === 'dt' ? 1e-3 : fhnUniforms[u as keyof typeof fhnUniforms]));
    expect(() => ts(2, new Float64Array(2), new Float64Array(2), new Float64Array(2), ...args)).toThrow(
      /ouSplitStep: the relaxation rate of the stiff part of v, eps\^\(-1\)\*rho, must be > 0, got -1\.2/,
    );
    const em = buildDriver('em-refuse', paper('eulerMaruyamaStep'), ['v', 'w'], ['xi_v']);
    const beyond = spawnSync(em, ['replay'], { input: input(0.05, 0.1) });
    expect(beyond.status).toBe(1);
    expect(beyond.stderr.toString()).toMatch(/must be < 2 \(explicit stability bound\)/);
  });

  it("the driver's run mode steps particles with its own generator and prints mean and variance", () => {
    const kernel = solverKernels(ou2d as SimulationSpec).kernels[0] as LoopKernel;
    const driver = buildDriver('run', kernel, ['x', 'y'], ['xi_x', 'xi_y']);
    const outText = execFileSync(driver, ['run', '20000', '200', '0.02', '3', '-1', '0.8', '-0.4', '-1.5', '1', '-0.5', '1', '-0.5']).toString();
    // started at the centre c: the mean stays there, within a few standard errors
    const mean = Number(/x: mean (\S+)/.exec(outText)?.[1]);
    expect(Math.abs(mean - 1)).toBeLessThan(0.03);
    expect(spawnSync(driver, ['run']).stderr.toString()).toMatch(/run N STEPS DT SEED a11 a12 a21 a22 c1 c2 x0 y0/);
  });
});
