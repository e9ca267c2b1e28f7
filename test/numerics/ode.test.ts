/** Adaptive Dormand–Prince 5(4) and fixed-step RK4 against closed forms, their orders, and their refusals. */
import { describe, it, expect } from 'vitest';
import { dormandPrince, integrateRk4, OdeRhs } from '../../src/numerics/ode.ts';

const decay: OdeRhs = (_t, y, d) => {
  d[0] = -y[0];
};
const oscillator: OdeRhs = (_t, y, d) => {
  d[0] = y[1];
  d[1] = -y[0];
};
const tight = { rtol: 1e-12, atol: 1e-14 };

describe('Dormand–Prince 5(4)', () => {
  it("integrates y' = -y to 1e-10 at the requested times, landing exactly on them", () => {
    const times = [0.1, 1, 2.5, 7];
    const s = dormandPrince(decay, 0, [1], 7, { ...tight, outputTimes: times });
    expect(s.times).toEqual(times);
    s.values.forEach((v, i) => expect(Math.abs(v[0] - Math.exp(-times[i])) / Math.exp(-times[i])).toBeLessThan(1e-10));
  });

  it('integrates the harmonic oscillator to 1e-10 over ten periods-worth of time, with a fifth-order step count', () => {
    const s = dormandPrince(oscillator, 0, [1, 0], 10, { ...tight, outputTimes: [1, 5, 10] });
    s.values.forEach((v, i) => {
      expect(Math.abs(v[0] - Math.cos(s.times[i]))).toBeLessThan(1e-10);
      expect(Math.abs(v[1] + Math.sin(s.times[i]))).toBeLessThan(1e-10);
    });
    // a fifth-order method needs ~ tol^(-1/5) steps: 1e5 times tighter costs ~10x the steps, a fourth-order one ~18x
    const loose = dormandPrince(oscillator, 0, [1, 0], 10, { rtol: 1e-7, atol: 1e-9 });
    expect(s.steps / loose.steps).toBeGreaterThan(6);
    expect(s.steps / loose.steps).toBeLessThan(14);
    expect(s.evaluations).toBe(1 + 6 * (s.steps + s.rejected)); // first-same-as-last: six new stages per attempted step
  });

  it('meets a loose tolerance with fewer steps, and rejects steps where the solution turns sharply', () => {
    const f: OdeRhs = (t, y, d) => {
      d[0] = -2 * t * y[0];
    };
    const tightRun = dormandPrince(f, 0, [1], 2, tight);
    const looseRun = dormandPrince(f, 0, [1], 2, { rtol: 1e-6, atol: 1e-8 });
    expect(looseRun.steps).toBeLessThan(tightRun.steps);
    expect(Math.abs(looseRun.values[0][0] - Math.exp(-4))).toBeLessThan(1e-6);
    const kink = dormandPrince(
      (t, _y, d) => {
        d[0] = Math.tanh(200 * (t - 0.5));
      },
      0,
      [0],
      1,
      { rtol: 1e-10, atol: 1e-12, initialStep: 0.05 },
    );
    expect(kink.rejected).toBeGreaterThan(0);
    expect(Math.abs(kink.values[0][0] - (Math.log(Math.cosh(100)) - Math.log(Math.cosh(-100))) / 200)).toBeLessThan(1e-9);
  });

  it('reports progress increasing to 1', () => {
    const seen: number[] = [];
    dormandPrince(decay, 0, [1], 3, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('refuses bad input, a right-hand side that turns NaN (naming the time) and a blow-up', () => {
    expect(() => dormandPrince(decay, 1, [1], 0)).toThrow(/tEnd must be > t0, got t0 = 1, tEnd = 0/);
    expect(() => dormandPrince(decay, 0, [Number.NaN], 1)).toThrow(/y0\[0\] = NaN is not finite/);
    expect(() => dormandPrince(decay, 0, [1], 1, { outputTimes: [0.5, 0.2] })).toThrow(/outputTimes\[1\] = 0.2 must increase within \(0, 1\]/);
    expect(() => dormandPrince(decay, 0, [1], 1, { rtol: 0 })).toThrow(/rtol must be > 0, got 0/);
    expect(() => dormandPrince(decay, 0, [1], 1, { maxSteps: 0 })).toThrow(/maxSteps must be an integer >= 1, got 0/);
    expect(() =>
      dormandPrince(
        (t, _y, d) => {
          d[0] = t > 0.5 ? Number.NaN : 1;
        },
        0,
        [1],
        1,
      ),
    ).toThrow(/right-hand side is not finite at t = 0\.[5-9]\d* \(component 0: NaN\)/);
    // y' = y^2, y(0) = 1 blows up at t = 1
    expect(() =>
      dormandPrince(
        (_t, y, d) => {
          d[0] = y[0] * y[0];
        },
        0,
        [1],
        2,
        { maxSteps: 5000 },
      ),
    ).toThrow(/step size underflowed to .* at t = 0\.99999\d*; the solution may blow up there/);
    expect(() => dormandPrince(decay, 0, [1], 10, { maxSteps: 3 })).toThrow(/more than 3 steps before t = 10/);
  });
});

describe('fixed-step RK4', () => {
  const error = (steps: number) => Math.abs(integrateRk4(decay, 0, [1], 1, steps)[0] - Math.exp(-1));

  it('is fourth order: halving h divides the error by about 16', () => {
    for (const steps of [10, 20, 40]) {
      const ratio = error(steps) / error(2 * steps);
      expect(ratio, `steps ${steps}`).toBeGreaterThan(14.5);
      expect(ratio, `steps ${steps}`).toBeLessThan(17);
    }
  });

  it('agrees with Dormand–Prince on the oscillator and refuses a blow-up, naming the time', () => {
    const y = integrateRk4(oscillator, 0, [1, 0], 10, 4000);
    expect(Math.abs(y[0] - Math.cos(10))).toBeLessThan(1e-10);
    expect(() =>
      integrateRk4(
        (_t, yy, d) => {
          d[0] = yy[0] ** 4;
        },
        0,
        [10],
        1,
        10,
      ),
    ).toThrow(/the solution is not finite at t = 0\.\d+ \(component 0/);
    expect(() => integrateRk4(decay, 0, [1], 1, 0)).toThrow(/steps must be an integer >= 1, got 0/);
    expect(() => integrateRk4(decay, 0, [1], -1, 10)).toThrow(/tEnd must be > t0/);
  });
});
