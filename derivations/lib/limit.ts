/**
 * The limit system (1.5) on a discretised K, through its moments: V' = N(V) - W - L[V] with the
 * nonlocal L[V] = V Psi*rho0 - Psi*(rho0 V) (generated limitRateV), W' = a V - b W + c (the
 * w-moment of the second line, generated momentRateW), integrated by Dormand–Prince.
 */
import { dormandPrince, nonlocalSums, couplingMatrix, NetworkCell } from '../../src/numerics/index.ts';
import { limitRateV, momentRateW } from '../../src/generated/particles.ts';
import { defaultAdaptation, defaultKernel, initialMeanV, initialMeanW } from './fhn.ts';

/** (V, W) of (1.5) at each output time, for each point of K: values[time][k] = [V, W]. */
export function limitMacroscopic(cells: readonly NetworkCell[], times: readonly number[]): [number, number][][] {
  const K = cells.length;
  const coupling = couplingMatrix(cells, defaultKernel);
  const { a, b, c } = defaultAdaptation;
  const y0 = cells.flatMap((cell) => [initialMeanV(cell.x), initialMeanW(cell.x)]);
  const V = new Float64Array(K);
  const sol = dormandPrince(
    (_t, y, dy) => {
      for (let k = 0; k < K; k++) V[k] = y[2 * k];
      const { PsiRho, PsiRhoV } = nonlocalSums(coupling, V);
      for (let k = 0; k < K; k++) {
        dy[2 * k] = limitRateV(y[2 * k], y[2 * k + 1], PsiRho[k], PsiRhoV[k]);
        dy[2 * k + 1] = momentRateW(y[2 * k], y[2 * k + 1], a, b, c);
      }
    },
    0,
    y0,
    times[times.length - 1],
    { rtol: 1e-11, atol: 1e-13, outputTimes: times },
  );
  return sol.values.map((y) => cells.map((_, k) => [y[2 * k], y[2 * k + 1]] as [number, number]));
}
