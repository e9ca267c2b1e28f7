/**
 * The bounds and the bookkeeping of the generic layer: time plans (doubling, halving), step and
 * count refusals, memory refusals, a non-finite value stopping a run with its time, variable and
 * place, the error estimates on known numbers, and the spec's refusals by field name.
 */
import { describe, it, expect } from 'vitest';
import { timePlan, stepCount, requireCount, requireMemory, estimateErrors, simulate, defineModel, SimulationSpec, TIME_STEP_SAFETY } from '../../src/index.ts';
import { diagonalGaussian } from '../support/specs.ts';

const names = { t: '--t', dt: '--dt', samples: '--samples' };

describe('time plans', () => {
  it('an even number of steps: the reported run is the fine one, its companion takes 2 dt; outputs on the coarse grid', () => {
    const p = timePlan(1, 1e-3, 10, names);
    expect(p).toMatchObject({ mode: 'doubling', h: 1e-3, steps: 1000, coarseSteps: 500 });
    expect(p.sampleSteps).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
    expect(p.times.at(-1)).toBe(1);
    expect(p.times[0]).toBeCloseTo(0.1, 14);
  });

  it('an odd number (one step of 10): the reported run is the coarse one, its companion takes dt / 2', () => {
    expect(timePlan(10, 10, 10, names)).toMatchObject({ mode: 'halving', h: 5, coarseSteps: 1, sampleSteps: [1], times: [10] });
  });

  it('refuses a horizon off the step grid, too many steps, non-positive steps, fractional counts, each by name', () => {
    expect(() => stepCount(1, 0.3, names)).toThrow(/--t = 1 is not a whole number of steps --dt = 0\.3/);
    expect(() => stepCount(1, 1e-300, names)).toThrow(/--dt = 1e-300 makes 1\.00e\+300 steps to --t = 1, above the limit 1e\+7 steps/);
    expect(() => stepCount(1, 0, names)).toThrow(/--dt must be > 0, got 0/);
    expect(() => stepCount(Number.NaN, 0.1, names)).toThrow(/--t must be a finite number, got NaN/);
    expect(() => timePlan(1, 0.1, 2.5, names)).toThrow(/--samples must be a whole number, got 2\.5/);
    expect(() => requireCount('--cells', 0, 1)).toThrow(/--cells must be at least 1, got 0/);
    expect(() => requireCount('--cells', Number.POSITIVE_INFINITY, 1)).toThrow(/--cells must be a finite number/);
    expect(requireCount('--cells', 7, 1)).toBe(7);
  });

  it('refuses memory beyond the machine before allocating, naming the option and the sizes', () => {
    expect(() => requireMemory('--neurons', 1e15, '4 points x ...', 1e6)).toThrow(
      /--neurons: the run needs about 9\.31e\+5 GB \(4 points x \.\.\.\), more than 50% of this machine's/,
    );
    expect(() => requireMemory('--nv', 8, 'one box', 2 ** 31)).toThrow(/--nv: one array would hold 2\.15e\+9 numbers/);
    expect(() => requireMemory('--nv', 8e3, 'one box', 1000)).not.toThrow();
  });
});

describe('error estimates on known numbers', () => {
  const plan = timePlan(1, 0.5, 1, names); // doubling, one output time
  const pair = (fine: number, coarse: number) => ({ fine: [[fine]], coarse: [[coarse]] });

  it('statistical: the standard error over replicas; time step: the mean fine/coarse difference (plus 2 SE) / (2^p - 1), times the safety factor', () => {
    const fines = [1, 1.1, 0.9, 1.0];
    const r = estimateErrors(
      ['q'],
      plan,
      { replicas: fines.map((f) => pair(f, f + 0.02)), weakOrder: 1, deterministic: false },
      { relative: 0.05, absolute: 0 },
    );
    const o = r.observables.q;
    expect(o.value[0]).toBeCloseTo(1, 14);
    const sd = Math.sqrt(fines.reduce((s, f) => s + (f - 1) ** 2, 0) / 3);
    expect(o.stderr[0]).toBeCloseTo(sd / 2, 14);
    expect(o.timeStepError[0]).toBeCloseTo(TIME_STEP_SAFETY * 0.02, 12);
    // 0.03 + 2 * 0.0408 > 0.05 * 1: flagged
    expect(r.flagged).toEqual(['q']);
    const second = estimateErrors(
      ['q'],
      plan,
      { replicas: fines.map((f) => pair(f, f + 0.02)), weakOrder: 2, deterministic: false },
      { relative: 0.5, absolute: 0 },
    );
    expect(second.observables.q.timeStepError[0]).toBeCloseTo((TIME_STEP_SAFETY * 0.02) / 3, 12);
    expect(second.flagged).toEqual([]);
  });

  it('the coarse run reported (halving) has 2^p / (2^p - 1) times the difference; one replica cannot estimate the statistics and is flagged', () => {
    const halving = timePlan(1, 1, 1, names);
    const r = estimateErrors(['q'], halving, { replicas: [pair(1, 1.3)], weakOrder: 1, deterministic: false }, { relative: 1, absolute: 1 });
    expect(r.observables.q.value[0]).toBe(1.3);
    expect(r.observables.q.timeStepError[0]).toBeCloseTo(TIME_STEP_SAFETY * 0.3 * 2, 12);
    expect(r.observables.q.stderr[0]).toBeNull();
    expect(r.errors.statistical).toBeNull();
    expect(r.observables.q.flag).toBe('statistical error not estimated (one replica)');
  });

  it('grid: twice the change on the refined mesh', () => {
    const r = estimateErrors(['q'], plan, { replicas: [pair(2, 2)], refined: [[2.01]], weakOrder: 1, deterministic: true }, { relative: 0.05, absolute: 0 });
    expect(r.observables.q.gridError?.[0]).toBeCloseTo(0.02, 12);
    expect(r.errors).toEqual({ timeStep: 0, statistical: 0, grid: expect.closeTo(0.02, 12) });
  });
});

const cube = defineModel({ name: 'blow-up', state: ['x', 'y'], density: 'p', drift: ['x^3', '-y'], diffusion: ['1/100', '1/100'] });
const base: SimulationSpec = {
  model: cube,
  initial: diagonalGaussian([2, 0], 0.01),
  observables: { m: 'mean(x)' },
  t: 1,
  methods: { particles: { kind: 'particles', scheme: 'euler-maruyama', particles: 100, replicas: 2, dt: 0.05 } },
};

describe('a non-finite value stops the run with the time, the variable and the place', () => {
  it('particles: dx = x^3 dt from x = 2 blows up; the message names t, x, the point and the particle', () => {
    expect(() => simulate(base)).toThrow(
      /the run stopped at t = 0\.\d+: x = (Infinity|NaN|-Infinity) is not finite \(variable x, point 0 of the population, particle \d+\)/,
    );
  });

  it('grid: a drift that is not finite at a face (sqrt of a negative number) is refused with the face and the time', () => {
    const root = defineModel({ name: 'root', state: ['x'], density: 'p', drift: ['-exp(x)*sqrt(x)'], diffusion: ['1/10'] });
    expect(() =>
      simulate({
        model: root,
        initial: { density: 'exp(-(x-1)^2*8)' },
        observables: { m: 'mean(x)' },
        t: 0.1,
        methods: { grid: { kind: 'grid', box: [[-1, 3]], cells: 20, dt: 0.01 } },
      }),
    ).toThrow(/the run stopped at t = 0\.00000: the drift of x at a face \(x = -1\.000\) = NaN is not finite \(point 0 of the population\)/);
  });
});

describe('the spec refused by field', () => {
  const expectRefused = (spec: SimulationSpec, message: RegExp) => expect(() => simulate(spec)).toThrow(message);

  it('an undefined parameter, a cycle, an unknown variable in a histogram, a missing observable', () => {
    const m = defineModel({ name: 'm', state: ['x'], density: 'p', parameters: ['k'], drift: ['-k*x'], diffusion: ['1'] });
    const spec: SimulationSpec = {
      model: m,
      initial: { gaussian: { mean: [0], covariance: [[1]] } },
      observables: { m: 'mean(x)' },
      t: 0.1,
      methods: { p: { kind: 'particles', particles: 10, replicas: 2, dt: 0.05 } },
    };
    expectRefused(spec, /the drift of x uses k, which the spec does not define: give it in parameters/);
    expectRefused({ ...spec, coefficients: { k: 'q + 1', q: 'k*2' } } as SimulationSpec, /the definitions depend on each other in a cycle: k -> q -> k/);
    expectRefused(
      { ...spec, parameters: { k: 1 }, observables: { h: { histogram: 'z', range: [0, 1], bins: 4 } } },
      /observables\.h: z is not a state variable \(x\)/,
    );
    expectRefused({ ...spec, parameters: { k: 1 }, observables: {} }, /observables: give at least one observable/);
    expectRefused({ ...spec, parameters: { k: Number.NaN } }, /parameters\.k must be a finite number, got NaN/);
  });

  it('positive parameters, tolerance, seed, dimensions, methods and their initial data', () => {
    const m = defineModel({ name: 'm', state: ['x'], density: 'p', parameters: ['k'], drift: ['-k*x'], diffusion: ['1'] });
    const ok: SimulationSpec = {
      model: m,
      parameters: { k: 1 },
      positive: ['k'],
      initial: { gaussian: { mean: [0], covariance: [[1]] } },
      observables: { m: 'mean(x)' },
      t: 0.1,
      methods: { p: { kind: 'particles', particles: 10, replicas: 2, dt: 0.05 } },
    };
    expect(simulate(ok).method.kind).toBe('particles');
    expectRefused({ ...ok, parameters: { k: -1 } }, /parameters\.k must be > 0, got -1/);
    expectRefused(
      { ...ok, parameters: { k: 'cos(pi*s)' }, population: { points: 2, variable: 's' } },
      /parameters\.k must be > 0, got -0\.70\d+ at point 1 \(x = 0\.75\)/,
    );
    expectRefused({ ...ok, tolerance: { relative: -1 } }, /tolerance\.relative and tolerance\.absolute must be >= 0/);
    expectRefused({ ...ok, seed: 2 ** 40 }, /seed = 1099511627776 is above the limit/);
    expectRefused(
      { ...ok, methods: { p: { kind: 'particles', scheme: 'ou-split', particles: 10, dt: 0.05 } } },
      /methods\.p\.scheme = ou-split needs a stiff part/,
    );
    expectRefused({ ...ok, methods: { p: { kind: 'particles', scheme: 'rk9' as never, particles: 10, dt: 0.05 } } }, /methods\.p\.scheme: "rk9" is none of/);
    expectRefused({ ...ok, initial: { density: 'exp(-x^2)' } }, /particles need a sampler \(initial\.sample\) or a Gaussian/);
    expectRefused({ ...ok, initial: { sample: () => {} }, methods: { g: { kind: 'grid', box: [[-3, 3]], cells: 10, dt: 0.05 } } }, /the grid needs a density/);
    expectRefused({ ...ok, methods: { g: { kind: 'grid', box: [[-3, 3]], cells: 10.5, dt: 0.05 } } }, /methods\.g\.cells must be a whole number, got 10\.5/);
    expectRefused({ ...ok, methods: {} }, /methods: give at least one method/);
    expectRefused({ ...ok, population: { points: 3, variable: 'x' } }, /population\.variable: x is a state variable/);
    const m3 = defineModel({ name: 'm3', state: ['x', 'y', 'z'], density: 'p', drift: ['-x', '-y', '-z'], diffusion: ['1', '1', '1'] });
    expectRefused(
      {
        ...ok,
        model: m3,
        parameters: {},
        initial: { density: 'exp(-x^2-y^2-z^2)' },
        methods: {
          g: {
            kind: 'grid',
            box: [
              [-3, 3],
              [-3, 3],
              [-3, 3],
            ],
            cells: 8,
            dt: 0.05,
          },
        },
      },
      /the grid solves models of 1 or 2 state variables; m3 has 3 \(use particles\)/,
    );
  });
});

describe('coefficients that blow up', () => {
  it('an ODE coefficient that overflows stops the run, naming it', () => {
    const m = defineModel({ name: 'driven', state: ['x'], density: 'p', parameters: [], coefficients: { a: null }, drift: ['-x + a'], diffusion: ['1/10'] });
    expect(() =>
      simulate({
        model: m,
        coefficients: { a: { ode: 'a^4', initial: 2 } },
        initial: { gaussian: { mean: [0], covariance: [[1]] } },
        observables: { m: 'mean(x)' },
        t: 2,
        methods: { p: { kind: 'particles', particles: 10, replicas: 2, dt: 0.1 } },
      }),
    ).toThrow(/the run stopped at t = .*: the (coefficient a|rate of a) = .* is not finite \(point 0 of the population\)|the rate of a is not finite/);
  });
});

describe("the model's own assumptions on parameters", () => {
  it('a parameter the model declares positive (defineModel assume) is refused at a value <= 0, by name', () => {
    const m = defineModel({ name: 'decl', state: ['x'], density: 'p', parameters: ['k'], assume: { k: 'positive' }, drift: ['-k*x'], diffusion: ['1'] });
    const spec: SimulationSpec = {
      model: m,
      parameters: { k: -2 },
      initial: { gaussian: { mean: [0], covariance: [[1]] } },
      observables: { m: 'mean(x)' },
      t: 0.1,
      methods: { p: { kind: 'particles', particles: 10, replicas: 2, dt: 0.05 } },
    };
    expect(() => simulate(spec)).toThrow(/parameters\.k must be > 0, got -2/);
    expect(simulate({ ...spec, parameters: { k: 2 } }).method.kind).toBe('particles');
  });
});
