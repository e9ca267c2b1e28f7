/**
 * `fhn-derive simulate`: the default network of (1.2) as particles, or (1.10) on the grid, with the
 * parameters a user changes from the command line; returns per-point-of-K statistics at the end.
 */
import { runNetwork, runGrid, moments, OnProgress, NumericInputError } from '../../src/numerics/index.ts';
import { defaultNetwork, fhnStepper, ParticleScheme } from './network.ts';
import { rescaledEquation } from './grid-models.ts';

/** What a user can set (defaults in brackets in the usage text). */
export interface SimulationOptions {
  readonly model: 'particles' | 'grid';
  readonly eps: number;
  readonly cells: number;
  readonly neurons: number;
  readonly dt: number;
  readonly t: number;
  readonly scheme: ParticleScheme;
  readonly seed: number;
  readonly nv: number;
  readonly nw: number;
}

/** The defaults of the command. */
export const SIMULATION_DEFAULTS: SimulationOptions = { model: 'particles', eps: 0.05, cells: 4, neurons: 100_000, dt: 1e-3, t: 1, scheme: 'ou-split', seed: 1, nv: 96, nw: 120 };

/** Read `--name value` flags over the defaults; unknown flags and malformed numbers are refused by name. */
export function parseSimulationFlags(args: readonly string[]): SimulationOptions {
  const out: Record<string, string | number> = { ...SIMULATION_DEFAULTS };
  for (let k = 0; k < args.length; k += 2) {
    const flag = args[k];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in SIMULATION_DEFAULTS)) throw new NumericInputError(`unknown option ${flag} (known: ${Object.keys(SIMULATION_DEFAULTS).map((n) => `--${n}`).join(', ')})`);
    const raw = args[k + 1];
    if (raw === undefined) throw new NumericInputError(`option ${flag} needs a value`);
    if (typeof SIMULATION_DEFAULTS[name as keyof SimulationOptions] === 'number') {
      const x = Number(raw);
      if (!Number.isFinite(x)) throw new NumericInputError(`option ${flag}: "${raw}" is not a number`);
      out[name] = x;
    } else out[name] = raw;
  }
  if (out.model !== 'particles' && out.model !== 'grid') throw new NumericInputError(`option --model: "${out.model}" is neither particles nor grid`);
  if (out.scheme !== 'ou-split' && out.scheme !== 'euler-maruyama') throw new NumericInputError(`option --scheme: "${out.scheme}" is neither ou-split nor euler-maruyama`);
  return out as unknown as SimulationOptions;
}

/** One row per point of K at the final time: x, rho0, V, W and the variance of v. */
export interface SimulationRow {
  readonly x: number;
  readonly rho0: number;
  readonly V: number;
  readonly W: number;
  readonly varianceV: number;
}

/** Run the chosen model to time t. */
export function simulate(o: SimulationOptions, onProgress?: OnProgress): SimulationRow[] {
  if (o.model === 'particles') {
    const net = defaultNetwork({ cells: o.cells, neuronsPerCell: o.neurons, seed: o.seed });
    const [last] = runNetwork(net, { dt: o.dt, tEnd: o.t, step: fhnStepper(o.scheme, { eps: o.eps }), onProgress });
    return last.map((c, k) => ({ x: net.cells[k].x, rho0: net.cells[k].rho0, V: c.v.mean, W: c.w.mean, varianceV: c.v.variance }));
  }
  const model = rescaledEquation({ eps: o.eps, cells: o.cells, nv: o.nv, nw: o.nw });
  runGrid(model, { tEnd: o.t, cfl: 0.9, maxDt: o.dt, onProgress });
  return model.cells.map((cell, k) => {
    const m = moments(model.mesh, model.boxes[k]);
    const theta = model.theta(k, o.t);
    return { x: cell.x, rho0: cell.rho0, V: model.V[k] + theta * m.meanV, W: model.W[k] + m.meanW, varianceV: theta * theta * m.varianceV };
  });
}
