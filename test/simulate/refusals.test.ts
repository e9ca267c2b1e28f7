/**
 * What simulate refuses before running, and how: explicit particle schemes past their stability
 * bound (named with the term that sets it; run anyway with allowUnstable, flagged), sizes past
 * the memory limit (with the estimate, at once), point masses and laws narrower than the cells on
 * the grid (saying why; particles take them), non-finite initial numbers (not as a "syntax
 * error"); every refusal an input error in the user's names. Output times that differ from those
 * asked for are noted with the reason.
 */
import { describe, it, expect } from 'vitest';
import { simulate, defineModel, defineSimulation, SimulationSpec, NumericInputError, MethodSpec } from '../../src/index.ts';
import { diagonalGaussian } from '../support/specs.ts';

const ou1 = defineModel({ name: 'OU', state: ['x'], density: 'p', parameters: ['k', 's'], drift: ['-k*x'], diffusion: [['s^2/2']] });

/** The 1-D OU with a method, initial N(m, v). */
const ouSpec = (method: MethodSpec, k = 30, m = 1, v = 0.1, extra: Partial<SimulationSpec> = {}): SimulationSpec =>
  defineSimulation({
    model: ou1,
    parameters: { k, s: 1 },
    initial: { gaussian: { mean: [m], covariance: [[v]] } },
    observables: { mean: 'mean(x)', variance: 'var(x)' },
    t: 1,
    samples: 5,
    methods: { m: method },
    ...extra,
  });

/** The 2-D OU dX = -X dt + dB on [-3, 3]^2 with a grid of `cells`, from N(0, C). */
const ou2 = (
  cells: number | [number, number],
  refine = false,
  C: number[][] = [
    [0.1, 0],
    [0, 0.1],
  ],
): SimulationSpec =>
  defineSimulation({
    model: defineModel({
      name: '2-D OU',
      state: ['x', 'y'],
      density: 'p',
      parameters: [],
      drift: ['-x', '-y'],
      diffusion: [
        ['1/2', '0'],
        ['0', '1/2'],
      ],
    }),
    initial: { gaussian: { mean: [0, 0], covariance: C } },
    observables: { mx: 'mean(x)' },
    t: 1,
    methods: {
      g: {
        kind: 'grid',
        box: [
          [-3, 3],
          [-3, 3],
        ],
        cells,
        dt: 0.1,
        refine,
      },
    },
  });

const particles = (scheme: 'euler-maruyama' | 'heun' | 'milstein', dt: number): MethodSpec => ({ kind: 'particles', scheme, particles: 400, replicas: 2, dt });

describe('stability bounds of the explicit particle schemes, before running', () => {
  it('Euler–Maruyama on the OU (k = 30) at dt = 0.1 (was: mean 1017, exit 1): refused naming 2/k and the term -k*x', () => {
    expect(() => simulate(ouSpec(particles('euler-maruyama', 0.1)))).toThrow(NumericInputError);
    expect(() => simulate(ouSpec(particles('euler-maruyama', 0.1)))).toThrow(
      /methods\.m\.dt = 0\.1 is above the stability bound 0\.06667 of euler-maruyama, set by the term -k\*x of the drift of x \(rate 30\)/,
    );
  });

  it('Heun (stability interval [-2, 0] of RK2) and Milstein are bounded the same way, each by its own name', () => {
    expect(() => simulate(ouSpec(particles('heun', 0.1)))).toThrow(/stability bound 0\.06667 of heun/);
    expect(() => simulate(ouSpec(particles('milstein', 0.1)))).toThrow(/stability bound 0\.06667 of milstein/);
  });

  it('a coupled 2-D linear drift with complex eigenvalues -1 +- 20i: the bound 2 |Re| / |lambda|^2 names the linear part', () => {
    const spiral = defineSimulation({
      model: defineModel({
        name: 'spiral',
        state: ['x', 'y'],
        density: 'p',
        parameters: [],
        drift: ['-x + 20*y', '-20*x - y'],
        diffusion: [
          ['1/10', '0'],
          ['0', '1/10'],
        ],
      }),
      initial: diagonalGaussian([1, 0], 0.1),
      observables: { mx: 'mean(x)' },
      t: 0.2,
      methods: { p: { kind: 'particles', scheme: 'euler-maruyama', particles: 100, replicas: 2, dt: 0.01 } },
    });
    expect(() => simulate(spiral)).toThrow(/stability bound 0\.004988 of euler-maruyama, set by the linear part of the drift/);
    expect(() => simulate(spiral)).toThrow(/eigenvalue -1\.000 ± 20\.00i/);
  });

  it('a step under the bound whose double is not: the companion run takes dt / 2, and the result says so', () => {
    const r = simulate(ouSpec(particles('euler-maruyama', 0.05)));
    expect(r.method.timeStepCheck).toMatch(/step halving/);
    expect(r.notes.join('\n')).toMatch(
      /the companion run takes methods\.m\.dt \/ 2, not 2 methods\.m\.dt: 2 methods\.m\.dt = 0\.1 is above the stability bound 0\.06667/,
    );
    expect(Number.isFinite(r.errors.timeStep)).toBe(true);
  });

  it('allowUnstable runs it anyway and flags the run (not within the tolerance)', () => {
    const r = simulate(ouSpec(particles('euler-maruyama', 0.1), 30, 1, 0.1, { allowUnstable: true }));
    expect(r.withinTolerance).toBe(false);
    expect(r.runFlags[0]).toMatch(/above the stability bound 0\.06667 .*run anyway \(allowUnstable\)/);
  });

  it('a drift that does not damp (k = -1) or is nonlinear has no a-priori bound: the run goes ahead', () => {
    expect(simulate(ouSpec(particles('euler-maruyama', 0.1), -1)).method.stabilityBound).toBeUndefined();
  });
});

describe('sizes before allocation, in under a second', () => {
  const grid2 = (cells: number, refine = false) => ou2(cells, refine);

  it('--cells 1e5 on a 2-D grid (was: nothing for 300 s): refused at once with the estimate', () => {
    const start = performance.now();
    expect(() => simulate(grid2(1e5))).toThrow(/methods\.g\.cells: one array would hold 1\.00e\+10 numbers \(1\.00e\+10 cells x 14 fields x 8 bytes\)/);
    expect(performance.now() - start).toBeLessThan(5000); // generous on a shared machine; the refusal itself takes milliseconds
  });

  it('a grid that fits in an array but not in the memory limit: the estimate in GB against the free memory', () => {
    expect(() => simulate({ ...grid2(3000), limits: { memoryFraction: 1e-6 } })).toThrow(
      /the run needs about [\d.]+ GB \(9\.00e\+6 cells x 14 fields x 8 bytes\), more than 0% of this machine's free memory/,
    );
  });

  it('refine counts the refined mesh (4 times the cells)', () => {
    expect(() => simulate({ ...grid2(20000, true), limits: { memoryFraction: 0.5 } })).toThrow(/1\.60e\+9 numbers/);
  });

  it('particles: points x particles x state arrays, refused with the estimate', () => {
    expect(() => simulate(ouSpec({ kind: 'particles', particles: 5e8, replicas: 2, dt: 0.01 }, 1, 1, 0.1, { limits: { memoryFraction: 1e-3 } }))).toThrow(
      /methods\.m\.particles: the run needs about [\d.]+ GB \(1 points x 500000000 particles x \d+ arrays of doubles\)/,
    );
  });
});

describe('point masses and laws narrower than the cells: the grid refuses them, saying why; particles take them', () => {
  const grid = (cells = 100): MethodSpec => ({ kind: 'grid', box: [[-3, 3]], cells, dt: 0.01 });
  it("zero covariance on the grid (was: 'density f = NaN ... step may be too large'): refused as a point mass", () => {
    const run = () => simulate({ ...ouSpec(grid(), 1.5, 1, 0) });
    expect(run).toThrow(
      /initial\.gaussian: a point mass \(covariance 0\) has no density the grid's cells can hold; the grid refuses it rather than smoothing it/,
    );
    expect(run).not.toThrow(/step may be too large|density f/);
  });

  it('a singular 2-D covariance (the law on a line) is refused', () => {
    const spec = ou2([30, 30], false, [
      [0.1, 0.1],
      [0.1, 0.1],
    ]);
    expect(() => simulate(spec)).toThrow(/singular: the law sits on a line and has no density/);
  });

  it('a law narrower than half a cell is refused; the same law on finer cells runs', () => {
    expect(() => simulate(ouSpec(grid(), 1.5, 1, 1e-4, {}))).toThrow(
      /narrower than the cells \(standard deviation 0\.0100 along x below half a cell: h_x = 0\.0600\)/,
    );
    expect(simulate(ouSpec({ kind: 'grid', box: [[-3, 3]], cells: 400, dt: 0.01 }, 1.5, 1, 1e-4)).runFlags).toEqual([]);
  });

  it('a covariance given as a formula that is 0 is refused the same way', () => {
    const spec = { ...ouSpec(grid(), 1.5), initial: { gaussian: { mean: [1], covariance: [['0*k']] } } } as SimulationSpec;
    expect(() => simulate(spec)).toThrow(/point mass/);
  });

  it('particles take a point mass: the OU mean from x0 = 1 is e^{-k t} within its errors', () => {
    const r = simulate(ouSpec({ kind: 'particles', particles: 2000, replicas: 4, dt: 0.01 }, 1.5, 1, 0));
    const o = r.observables.mean;
    o.t.forEach((t, i) => expect(Math.abs(o.value[i] - Math.exp(-1.5 * t))).toBeLessThan(o.timeStepError[i] + 3 * (o.stderr[i] ?? 0) + 1e-12));
  });
});

describe("inputs refused in the user's names, as input errors", () => {
  it("a NaN mean (was: 'syntax error in initial.gaussian.mean[0]'), on both methods", () => {
    for (const method of [particles('heun', 0.01), { kind: 'grid', box: [[-3, 3]], cells: 60, dt: 0.01 } as MethodSpec]) {
      const run = () => simulate(ouSpec(method, 1, Number.NaN));
      expect(run).toThrow(/initial\.gaussian\.mean\[0\] \(the mean of x\) must be a finite number, got NaN/);
      expect(run).not.toThrow(/syntax error/);
    }
  });

  it('an infinite covariance, a covariance of the wrong size, an asymmetric one', () => {
    expect(() => simulate({ ...ouSpec(particles('heun', 0.01), 1), initial: { gaussian: { mean: [0], covariance: [[Number.POSITIVE_INFINITY]] } } })).toThrow(
      /covariance\[0\]\[0\] must be a finite number, got Infinity/,
    );
    expect(() => simulate({ ...ouSpec(particles('heun', 0.01), 1), initial: { gaussian: { mean: [0], covariance: [[1, 0]] } } })).toThrow(
      /must be a 1 x 1 matrix \(x\)/,
    );
  });

  it('the particle scheme refusing a non-PSD noise is an input error without the kernel name', () => {
    const spec = defineSimulation({
      model: defineModel({
        name: 'bad',
        state: ['x', 'y'],
        density: 'p',
        parameters: [],
        drift: ['-x', '-y'],
        diffusion: [
          ['1', '2'],
          ['2', '1'],
        ],
      }),
      initial: {
        gaussian: {
          mean: [0, 0],
          covariance: [
            [0.1, 0],
            [0, 0.1],
          ],
        },
      },
      observables: { m: 'mean(x)' },
      t: 0.1,
      methods: { p: { kind: 'particles', particles: 10, dt: 0.05 } },
    });
    expect(() => simulate(spec)).toThrow(NumericInputError);
    expect(() => simulate(spec)).not.toThrow(/particleStep|kernel/);
  });

  it('a non-finite density on the grid names the density p, not f, and not the step; a negative one is refused', () => {
    const spec = (density: string) => ({ ...ouSpec({ kind: 'grid', box: [[-3, 3]], cells: 60, dt: 0.01 }, 1), initial: { density } }) as SimulationSpec;
    expect(() => simulate(spec('sqrt(x)'))).toThrow(/the density p = NaN is not finite .*the initial density formula is not finite there/);
    expect(() => simulate(spec('sqrt(x)'))).not.toThrow(/step may be too large/);
    expect(() => simulate(spec('x*exp(-x^2)'))).toThrow(/the initial density p is negative \(-0\.\d+ at x = -/);
  });
});

describe('output times: when they change, the result says when and why', () => {
  it('10 asked, 5 written (5 coarse steps): noted with the companion step', () => {
    const r = simulate(ouSpec({ kind: 'grid', box: [[-3, 3]], cells: 60, dt: 0.1 }, 1, 0.5, 0.1, { samples: 10 }));
    expect(r.observables.mean.t).toHaveLength(5);
    expect(r.notes[0]).toMatch(
      /samples: 10 output time\(s\) asked, 5 written \(t = 0\.2, 0\.4, 0\.6, 0\.8, 1\): output times fall on the steps of the companion run \(2 methods\.m\.dt = 0\.2/,
    );
  });

  it('uneven output times are noted too; times that match ask nothing', () => {
    expect(simulate(ouSpec({ kind: 'grid', box: [[-3, 3]], cells: 60, dt: 1 / 14 }, 1, 0.5, 0.1, { samples: 3 })).notes[0]).toMatch(
      /3 output time\(s\) asked, 4 written/,
    );
    expect(simulate(ouSpec({ kind: 'grid', box: [[-3, 3]], cells: 60, dt: 0.05 }, 1, 0.5, 0.1, { samples: 5 })).notes).toEqual([]);
  });
});
