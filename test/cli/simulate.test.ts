/** `fhn-derive simulate`: flags over the defaults, refusals by name, particles and grid telling the same story. */
import { describe, it, expect } from 'vitest';
import { parseSimulationFlags, simulate, SIMULATION_DEFAULTS } from '../../derivations/lib/simulate.ts';

describe('simulate command', () => {
  it('reads flags over the defaults', () => {
    const o = parseSimulationFlags(['--eps', '0.02', '--model', 'grid', '--cells', '2']);
    expect(o).toEqual({ ...SIMULATION_DEFAULTS, eps: 0.02, model: 'grid', cells: 2 });
  });

  it('refuses unknown flags, malformed numbers, unknown models and schemes, eps <= 0', () => {
    expect(() => parseSimulationFlags(['--epz', '1'])).toThrow(/unknown option --epz/);
    expect(() => parseSimulationFlags(['--eps', 'abc'])).toThrow(/option --eps: "abc" is not a number/);
    expect(() => parseSimulationFlags(['--eps'])).toThrow(/option --eps needs a value/);
    expect(() => parseSimulationFlags(['--model', 'pde'])).toThrow(/neither particles nor grid/);
    expect(() => parseSimulationFlags(['--scheme', 'rk4'])).toThrow(/neither ou-split nor euler-maruyama/);
    expect(() => simulate(parseSimulationFlags(['--eps', '0', '--neurons', '100', '--t', '0.01']))).toThrow(/eps must be > 0, got 0/);
  });

  it('particles and the (1.10) grid agree on V, W and Var v at every point of K', () => {
    const common = ['--eps', '0.05', '--cells', '2', '--t', '0.3'];
    const particles = simulate(parseSimulationFlags([...common, '--neurons', '40000']));
    const grid = simulate(parseSimulationFlags([...common, '--model', 'grid', '--nv', '48', '--nw', '60']));
    particles.forEach((p, k) => {
      expect(Math.abs(p.V - grid[k].V)).toBeLessThan(0.03);
      expect(Math.abs(p.W - grid[k].W)).toBeLessThan(0.03);
      expect(Math.abs(p.varianceV - grid[k].varianceV) / grid[k].varianceV).toBeLessThan(0.1);
    });
  });
});
