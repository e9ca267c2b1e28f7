/**
 * The generic layer against laws known in closed form: the 2-D Ornstein–Uhlenbeck example with a
 * full diffusion matrix (mean and covariance, particles and grid), the heat equation, a steady
 * Maxwellian kept exactly by the Scharfetter–Gummel stiff part. Each check is a function applied
 * both to the right method and to a deliberately wrong one, which it must reject.
 */
import { describe, it, expect } from 'vitest';
import {
  simulate,
  defineModel,
  defineSimulation,
  quantityGraph,
  compileProgram,
  gridDynamics,
  particleSampler,
  particleStepper,
  gridOperators,
  eulerMaruyama,
  timePlan,
  runParticles,
  estimateErrors,
  observableNames,
  createGridMesh,
  runGridOnce,
  SimulationSpec,
  SimulationResult,
  ObservableSeries,
  GridOperators,
  UpdateRule,
  parseExpr,
} from '../../src/index.ts';
import ou2d, { exactLaw } from '../../examples/ou2d.ts';

/** Observables whose value at some time misses the exact one by more than the reported error (3 standard errors for the noise). */
function missesExact(observables: Record<string, ObservableSeries>, exact: (t: number) => Record<string, number>): string[] {
  return Object.entries(observables).flatMap(([name, o]) =>
    o.t.flatMap((t, i) => {
      const bound = o.timeStepError[i] + (o.gridError?.[i] ?? 0) + 3 * (o.stderr[i] ?? 0);
      const miss = Math.abs(o.value[i] - exact(t)[name]);
      return miss > bound ? [`${name} at t = ${t}: |${o.value[i]} - ${exact(t)[name]}| = ${miss.toExponential(2)} > ${bound.toExponential(2)}`] : [];
    }),
  );
}

/** The example with small sizes for a test. */
const small = (method: 'particles' | 'grid'): SimulationSpec => ({
  ...ou2d,
  samples: 5,
  methods:
    method === 'particles'
      ? { particles: { kind: 'particles', particles: 4000, replicas: 8, dt: 0.05 } }
      : {
          grid: {
            kind: 'grid',
            box: [
              [-3, 5],
              [-4, 4],
            ],
            cells: [24, 24],
            dt: 0.05,
            refine: true,
          },
        },
});

/** One point, no coupling: the problem a runner needs for a compiled program. */
const onePoint = (g: ReturnType<typeof quantityGraph>, program: ReturnType<typeof compileProgram>['program'], t: number, samples: number) => ({
  name: 'test',
  variables: g.model.state,
  points: [{ index: 0, x: 0, measure: 1, rho0: 1 }],
  coupling: null,
  program,
  t,
  samples,
  seed: 3,
});

/** The particle path of simulate with a given update rule (to run a deliberately wrong one). */
function particlesWithRule(spec: SimulationSpec, makeRule: (spec: SimulationSpec) => UpdateRule) {
  const g = quantityGraph(spec);
  const rule = makeRule({ ...spec, model: g.model });
  const { program, slots } = compileProgram(g, gridDynamics(g), false);
  const method = spec.methods.particles as { particles: number; replicas: number; dt: number };
  const plan = timePlan(spec.t, method.dt, spec.samples ?? 10, { t: 't', dt: 'dt', samples: 'samples' });
  const problem = onePoint(g, program, spec.t, plan.sampleSteps.length);
  const replicas = runParticles({
    problem,
    stepper: particleStepper(rule, slots),
    init: particleSampler(g, spec, slots, program),
    particles: method.particles,
    replicas: method.replicas,
    plan,
    names: { particles: 'particles', replicas: 'replicas', points: 'points' },
  });
  return estimateErrors(observableNames(program, 1), plan, { replicas, weakOrder: rule.weakOrder, deterministic: false }, { relative: 0.05, absolute: 1e-3 })
    .observables;
}

describe('2-D Ornstein–Uhlenbeck with a full diffusion matrix (examples/ou2d.ts)', () => {
  it('particles (stochastic Heun, chosen for the additive noise): mean and covariance within the reported errors at every output time', () => {
    const r = simulate(small('particles'));
    expect(r.method.scheme).toBe('heun');
    expect(r.method.order).toBe(2);
    expect(missesExact(r.observables, exactLaw)).toEqual([]);
    expect(r.withinTolerance).toBe(true);
    expect(r.errors.statistical).toBeGreaterThan(0);
  });

  it('a deliberately wrong scheme (Euler–Maruyama without the off-diagonal noise) is rejected by the same check', () => {
    const wrong = (spec: SimulationSpec): UpdateRule => {
      const rule = eulerMaruyama(spec.model);
      // the noise of y as if D were diagonal: sqrt(2 D_yy dt) xi_y
      return { ...rule, update: { ...rule.update, y: parseExpr('y + (a21*(x - c1) + a22*(y - c2))*dt + (4/5*dt)^(1/2)*xi_y') } };
    };
    const misses = missesExact(particlesWithRule(small('particles'), wrong), exactLaw);
    expect(misses.some((m) => m.startsWith('cov xy'))).toBe(true);
    expect(
      missesExact(
        particlesWithRule(small('particles'), (s) => eulerMaruyama(s.model)),
        exactLaw,
      ),
    ).toEqual([]);
  });

  it('grid (refined once): mean and covariance within the reported time-step and grid errors; dropping the cross diffusion is rejected', () => {
    const r = simulate(small('grid'));
    expect(missesExact(r.observables, exactLaw)).toEqual([]);
    expect(r.errors.grid).toBeGreaterThan(0);
    // the same grid without the cross-diffusion term: the covariance comes out wrong, beyond its errors
    const wrong = gridWith(small('grid'), (ops) => ({ ...ops, cross: null }));
    expect(missesExact(wrong, exactLaw).some((m) => m.startsWith('cov xy'))).toBe(true);
  });
});

const heat = defineModel({ name: 'heat', state: ['x'], density: 'p', parameters: ['D'], drift: ['0'], diffusion: ['D'] });
const heatSpec = (cells: number, dt = 0.01): SimulationSpec =>
  defineSimulation({
    model: heat,
    parameters: { D: 0.5 },
    initial: { gaussian: { mean: [0.3], covariance: [[0.04]] } },
    observables: { mean: 'mean(x)', variance: 'var(x)', p: { histogram: 'x', range: [-1, 1], bins: 4 } },
    t: 0.2,
    samples: 2,
    methods: { grid: { kind: 'grid', box: [[-4, 4]], cells, dt, refine: true } },
  });

/** The exact law of the heat equation from N(0.3, 0.04): N(0.3, 0.04 + 2 D t), with the bins of the histogram as averaged densities. */
function heatExact(t: number): Record<string, number> {
  const s2 = 0.04 + 2 * 0.5 * t;
  const cdf = (x: number) => 0.5 * (1 + erf((x - 0.3) / Math.sqrt(2 * s2)));
  return { mean: 0.3, variance: s2, ...Object.fromEntries([-1, -0.5, 0, 0.5].map((lo, j) => [`p[${j}]`, (cdf(lo + 0.5) - cdf(lo)) / 0.5])) };
}

/** erf by its Taylor series (enough terms for |x| < 3). */
function erf(x: number): number {
  let sum = 0;
  let term = x;
  for (let n = 0; n < 80; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** A grid run with given operators (a deliberately wrong one), estimated like simulate does (time step and refinement). */
function gridWith(spec: SimulationSpec, edit: (ops: GridOperators) => GridOperators) {
  const g = quantityGraph(spec);
  const method = spec.methods.grid as unknown as { box: [number, number][]; cells: number | number[]; dt: number };
  const { program, slots } = compileProgram(g, gridDynamics(g), true);
  const ops = edit(gridOperators(g, spec, spec.methods.grid as never, slots, 'grid'));
  const plan = timePlan(spec.t, method.dt, spec.samples ?? 10, { t: 't', dt: 'dt', samples: 's' });
  const problem = onePoint(g, program, spec.t, plan.sampleSteps.length);
  const run = { problem, ops, plan, cfl: 0.8, names: { cells: 'c', points: 'p', dt: 'dt' } };
  const cells = g.model.state.map((_, a) => (typeof method.cells === 'number' ? method.cells : method.cells[a]));
  const mesh = createGridMesh(method.box, cells, ['n']);
  const [fine, coarse] = [runGridOnce(run, mesh, plan.h), runGridOnce(run, mesh, 2 * plan.h)];
  const refined = runGridOnce(
    run,
    createGridMesh(
      method.box,
      cells.map((n) => 2 * n),
      ['n'],
    ),
    plan.dt,
  );
  return estimateErrors(
    observableNames(program, 1),
    plan,
    { replicas: [{ fine: fine.values, coarse: coarse.values }], refined: refined.values, weakOrder: 1, deterministic: true },
    { relative: 0.05, absolute: 1e-3 },
  ).observables;
}

describe('the heat equation d_t p = d_x^2 (D p) on the grid', () => {
  it('mean, variance 0.04 + 2 D t and the histogram (bin averages of the Gaussian) within the reported errors', () => {
    const r = simulate(heatSpec(80));
    expect(missesExact(r.observables, heatExact)).toEqual([]);
    // Strang splitting with Crank–Nicolson half steps: second order in time, and the estimate uses it
    expect(r.method.order).toBe(2);
    expect(r.method.scheme).toMatch(/Strang/);
  });

  it('a wrong diffusion flux (D x 1.2) is rejected by the same check', () => {
    const wrong = gridWith(heatSpec(80), (ops) => {
      const D = ops.diffusion[0];
      return { ...ops, diffusion: [D && D.kind === 'uniform' ? { kind: 'uniform', value: (U: Float64Array) => 1.2 * D.value(U) } : null] };
    });
    expect(missesExact(wrong, heatExact).some((m) => m.startsWith('variance'))).toBe(true);
    expect(
      missesExact(
        gridWith(heatSpec(80), (ops) => ops),
        heatExact,
      ),
    ).toEqual([]);
  });
});

describe('observed order of the grid in space: second-order transport', () => {
  const ou = defineModel({ name: 'ou-transport', state: ['x'], density: 'p', drift: ['-(x - 1) - x^3/4'], diffusion: ['1/20'] });
  const spec = (cells: number): SimulationSpec => ({
    model: ou,
    initial: { gaussian: { mean: [-0.5], covariance: [[0.09]] } },
    observables: { mean: 'mean(x)' },
    t: 0.4,
    samples: 1,
    methods: { grid: { kind: 'grid', box: [[-3, 3]], cells, dt: 0.01, refine: true } },
  });
  /** log2 of the ratio of successive differences at the same dt (the time error cancels). */
  const order = (values: number[]) => Math.log2(Math.abs(values[0] - values[1]) / Math.abs(values[1] - values[2]));

  it('the mean converges at order about 2 as the cells double; faces evaluated half a cell off (first order) are rejected', () => {
    const means = [40, 80, 160].map((n) => gridWith(spec(n), (ops) => ops).mean.value[0]);
    expect(order(means)).toBeGreaterThan(1.6);
    const shifted = [40, 80, 160].map(
      (n) =>
        gridWith(spec(n), (ops) => ({ ...ops, velocity: [(k, out, coords, U) => ops.velocity[0](k, out, [coords[0].map((x) => x + 3 / n)], U)] })).mean
          .value[0],
    );
    expect(order(shifted)).toBeLessThan(1.3);
  });
});

describe('a steady Maxwellian under the Scharfetter–Gummel stiff part', () => {
  const ou = defineModel({ name: 'ou1', state: ['x'], density: 'p', parameters: ['lam'], drift: ['-lam*x'], diffusion: ['1'] });
  const spec = (stiff: boolean): SimulationSpec => ({
    model: ou,
    parameters: { lam: 4 },
    initial: { density: 'exp(-2*x^2)' },
    observables: { variance: 'var(x)', p: { histogram: 'x', range: [-1, 1], bins: 2 } },
    t: 2,
    samples: 2,
    methods: { grid: { kind: 'grid', box: [[-3, 3]], cells: 60, dt: 0.5, ...(stiff ? { stiff: { variable: 'x', part: '-lam*x' } } : {}) } },
  });

  it('the discrete Maxwellian exp(-lam x^2 / 2) stays put to round-off at dt = 0.5, and its time-step error is round-off', () => {
    const r = simulate(spec(true));
    const v = r.observables.variance;
    expect(Math.abs(v.value[1] - v.value[0])).toBeLessThan(1e-12);
    expect(v.timeStepError.every((e) => e < 1e-12)).toBe(true);
    expect(Math.abs(v.value[1] - 0.25)).toBeLessThan(3e-3); // the midpoint variance of the sampled Gaussian: 1/4 + O(h^2)
  });

  it('without the stiff part (explicit transport, implicit diffusion) it moves: the check tells the two apart', () => {
    const r = simulate(spec(false));
    expect(Math.abs(r.observables.variance.value[1] - r.observables.variance.value[0])).toBeGreaterThan(1e-6);
  });
});

describe('results carry their method and errors', () => {
  it('a result names the scheme, the order used, the time-step check, and the summary of errors', () => {
    const r: SimulationResult = simulate({
      ...small('particles'),
      t: 0.2,
      samples: 1,
      methods: { particles: { kind: 'particles', particles: 500, replicas: 2, dt: 0.1 } },
    });
    expect(r.method).toMatchObject({
      kind: 'particles',
      scheme: 'heun',
      order: 2,
      replicas: 2,
      timeStepCheck: 'step doubling (a companion run at 2 dt = 0.2)',
    });
    expect(r.errors.timeStep).toBeGreaterThan(0);
    expect(Object.keys(r.observables)).toEqual(['mean x', 'mean y', 'var x', 'var y', 'cov xy']);
  });
});

describe('a stiff linear part found without a mark', () => {
  const stiff = defineModel({ name: 'stiff OU', state: ['x'], density: 'p', parameters: ['lam'], drift: ['-lam*(x - 1)'], diffusion: ['1/2'] });
  const spec = (scheme: 'auto' | 'euler-maruyama'): SimulationSpec => ({
    model: stiff,
    parameters: { lam: 200 },
    initial: { gaussian: { mean: [3], covariance: [[0.01]] } },
    observables: { mean: 'mean(x)', variance: 'var(x)' },
    t: 1,
    samples: 2,
    methods: { p: { kind: 'particles', scheme, particles: 4000, replicas: 4, dt: 0.05 } },
  });

  it('auto splits off -lam x exactly (lam dt = 10) and lands on the stationary law N(1, D / lam) within the errors', () => {
    const r = simulate(spec('auto'));
    expect(r.method.scheme).toBe('ou-split');
    expect(r.method.explanation).toMatch(/exact OU flow of -lam\*x in x/);
    expect(missesExact(r.observables, () => ({ mean: 1, variance: 0.5 / 200 }))).toEqual([]);
  });

  it('Euler–Maruyama at that step, asked for explicitly, is refused naming the bound 2 / lam and the term -lam*x; run anyway (allowUnstable) it grows like 9^n and is flagged', () => {
    expect(() => simulate(spec('euler-maruyama'))).toThrow(/stability bound 0\.01000 of euler-maruyama, set by the term -lam\*x of the drift of x/);
    const r = simulate({ ...spec('euler-maruyama'), allowUnstable: true });
    expect(r.flagged).toEqual(['mean', 'variance']);
    expect(r.runFlags.join('\n')).toMatch(/above the stability bound/);
    expect(r.withinTolerance).toBe(false);
    expect(r.errors.timeStep).toBeGreaterThan(1e6);
  });
});
