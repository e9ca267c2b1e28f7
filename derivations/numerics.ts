/**
 * The derived kernels, run. theta from its ODE against (1.11); I(t) by quadrature against its
 * closed form; the implicit stiff step of the grid solver keeps M_rho ⊗ nubar; mass is conserved;
 * particles of (1.2) against the grid solution of (1.2); (1.2) against (1.10) mapped back by (1.6);
 * the macroscopic quantities of (1.10) against the limit system (1.5) as eps -> 0.
 */
import { derivation } from '../src/index.ts';
import { progressBar } from '../src/numerics/index.ts';
import { rescaledEquation } from './lib/grid-models.ts';
import {
  thetaOdeVsClosedForm,
  integralQuadratureVsClosedForm,
  maxwellianSteadyUnderStiffStep,
  massBudget,
  particlesVsPde,
  originalVsRescaled,
  macroscopicLimitRate,
} from './lib/crosschecks.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

/** Two workers may replay this page at once, each measuring the cross-checks of the steps it reaches first (the checks of different steps share no state). */
export const crossCheckReplays = 2;

/** (eps, rho0) pairs: stiff and mild, rho0 at both ends of [m*, 1/m*]. */
const thetaCases = [
  { eps: 0.1, rho: 0.6 },
  { eps: 0.05, rho: 1.4 },
  { eps: 0.01, rho: 1 },
  { eps: 0.2, rho: 1.2 },
];

export default derivation('Numerics: the derived kernels, run', 'Sections 1.2, 3 and 4 (cross-checks)', (d) => {
  d.assume(paperAssumptions);
  d.step(
    'theta from its ODE',
    "The generated right-hand side theta' = rho/theta - rho theta/eps (the ODE derived in §1.2.3) integrated by Dormand–Prince 5(4), rtol 1e-13, from theta(0) = 1, against the generated closed form (1.11).",
  );
  d.crossCheck(
    {
      id: 'theta-ode-vs-closed',
      quantity: `max relative error of theta on t in [0, 5], (eps, rho0) in ${thetaCases.map((c) => `(${c.eps}, ${c.rho})`).join(' ')}`,
      tolerance: 1e-9,
    },
    () => thetaOdeVsClosedForm(thetaCases),
  );

  d.step(
    'I(t) by quadrature',
    'Adaptive Gauss–Kronrod of 1/theta^2 (generated closed form) on [0, t] against the generated I(t) = t/eps + ln(theta^2)/(2 rho).',
  );
  d.crossCheck({ id: 'I-quadrature-vs-closed', quantity: 'max relative error of I(t), t in {0.01, 0.1, 1, 5}, same (eps, rho0)', tolerance: 1e-9 }, () =>
    integralQuadratureVsClosedForm(thetaCases),
  );

  d.step(
    'The stiff step keeps the Maxwellian',
    'One backward-Euler step of (1/theta^2) F_rho with the Scharfetter–Gummel flux on M_rho(v) exp(-w^2) sampled at the cell centres: the discrete flux of that Gaussian vanishes exactly, so only round-off can move it.',
  );
  d.crossCheck(
    {
      id: 'maxwellian-fv-steady',
      quantity:
        'max change of M_rho ⊗ nubar under one stiff step, relative to its peak (rho = 0.6, 1.4; theta = 0.05; dt = 0.01, 1, 10: round-off grows with the condition number ~ dt / (theta dv)^2)',
      tolerance: 1e-11,
    },
    () => {
      const changes = [0.01, 1, 10].flatMap((dt) => [0.6, 1.4].map((rho) => maxwellianSteadyUnderStiffStep(rho, 0.05, dt)));
      return { value: Math.max(...changes), detail: `changes ${changes.map((c) => c.toExponential(1)).join(', ')}` };
    },
  );

  d.step(
    'Mass',
    'The rescaled equation (1.10) on 4 points of K, eps = 0.05, to t = 0.5: flux-form transport and a zero-flux stiff part conserve mass up to what leaves through the box edges, which is measured.',
  );
  let budget: { drift: number; outflow: number } | undefined;
  d.crossCheck(
    {
      id: 'mass-conservation',
      quantity: '|mass(T) + edge outflow - mass(0)| / mass(0), (1.10), eps = 0.05, T = 0.5 (the cost of the run is here)',
      tolerance: 1e-12,
    },
    () => {
      budget = massBudget(rescaledEquation({ eps: 0.05, cells: 4, nv: 96, nw: 40 }), 0.5, progressBar('mass budget (1.10)'));
      return budget.drift;
    },
  );
  d.crossCheck(
    { id: 'edge-outflow', quantity: 'largest mass a box of (1.10) lost through its edges in that run (flagged above 1e-6)', tolerance: 1e-6 },
    () => budget?.outflow ?? Number.NaN,
  );

  d.step(
    'Particles against the PDE',
    '20 independent replicas of 2 500 neurons per point of K (5e4 per point, 3 points) stepped by the generated OU-split kernel at dt = 2.5e-3 and, driven by the same Brownian increments, at 2 dt: the pair, Richardson-extrapolated, removes the first-order time-step error (the stiff coupling is integrated exactly, so the step only meets the O(1) drift; the difference of the pair scales linearly from dt = 5e-4 to 2.5e-3, so what is left is of second order and far below a standard error). Against the grid solution of (1.2) on 80x32 and 160x64 cells, Richardson-extrapolated (the moments need the resolution in v more than in w: halving the w-cells leaves the error of the extrapolation unchanged); V, W and the variance of v at t = 0.1, 0.25, 0.5, eps = 0.1. The standard error comes from the replicas: within one network the stiff coupling conserves the mean of v, so its noise accumulates (variance about 2t/n) and the naive sd/sqrt(n) underestimates it fourfold. Tolerance 4 standard errors: with 20 replicas the ratio is Student t with 19 degrees of freedom, beyond 4 with probability 8e-4 per comparison (2% over all 27); what the extrapolations leave of the time-step and grid errors is of second order (the corrections they made are reported; against 160x128 -> 320x256 what remains of the grid error is at most one standard error, for Var v at t = 0.1, where 4 is then still 3 standard errors of noise away: probability 4e-3), and the finite network size biases the moments by O(t/n) ~ 1e-4, a tenth of one. A wrong drift sign or a missing 1/eps in the kernel moves them by tens to hundreds of standard errors.',
  );
  d.crossCheck({ id: 'particles-vs-pde', quantity: 'max |particles - grid| / standard error (from replicas) over x, t and (V, W, Var v)', tolerance: 4 }, () =>
    particlesVsPde({
      eps: 0.1,
      cells: 3,
      replicas: 20,
      neuronsPerCell: 2_500,
      nv: 80,
      nw: 32,
      dt: 2.5e-3,
      times: [0.1, 0.25, 0.5],
      seed: 2022,
      onProgress: progressBar('particles vs PDE'),
    }),
  );

  d.step(
    'Original against rescaled',
    '(1.2) on [-2.6, 2.6] x [-1.6, 2.4] and (1.10) on [-6, 6] x [-2.2, 2.2] (twice the v-cells) from the same data; (1.10) mapped back through (1.6); L1 distance at t = 0.5 on two grids.',
  );
  for (const eps of [0.1, 0.05])
    d.crossCheck(
      {
        id: 'original-vs-rescaled',
        quantity: `eps = ${eps}: observed order of the L1 distance at t = 0.5 under refinement (40x32 -> 80x64; must be > 0.5)`,
        tolerance: 0.5,
        sense: 'at-least',
      },
      () => {
        const run = originalVsRescaled({
          eps,
          cells: 2,
          levels: [
            [40, 32],
            [80, 64],
          ],
          tEnd: 0.5,
          onProgress: progressBar(`(1.2) vs (1.10), eps = ${eps}`),
        });
        return { value: run.order, detail: `L1 distances ${run.distances.map((x) => x.toExponential(3)).join(' -> ')}` };
      },
    );

  d.step(
    'The macroscopic limit',
    'V, W of the (1.10) run (they follow (1.3) with E computed from nu) on 48x20 cells against the limit system (1.5) on the same 4 points of K, integrated by Dormand–Prince with the generated limitRateV and the nonlocal L on the discretised K; compatible initial data, so Theorem 2.7 (1) predicts sup_t ||U^eps - U|| = O(eps). The same run on 24x10 cells estimates the grid error of each sup (their difference, first order): about 2% of it, against the halving of the sup from one eps to the next, so the mesh cannot make the slope; the fit reports its own 95% interval. A missing factor or sign in the transport of (1.10) or in (1.3) leaves an O(1) error that does not shrink with eps (slope near 0).',
  );
  const epsList = [0.05, 0.025, 0.0125];
  d.crossCheck(
    {
      id: 'macro-limit-rate',
      quantity: `slope of sup_{t<=1} ||U^eps - U||_inf against eps in {${epsList.join(', ')}} (Theorem 2.7 (1): 1; must be >= 0.8)`,
      tolerance: 0.8,
      sense: 'at-least',
    },
    () => {
      const run = macroscopicLimitRate({ eps: epsList, cells: 4, nv: 48, nw: 20, tEnd: 1, onProgress: progressBar('(1.10) vs the limit (1.5)') });
      const { errors, gridErrors, fit } = run;
      return {
        value: fit.slope,
        detail: `errors ${errors.map((e, i) => `${e.toExponential(3)} (grid ± ${gridErrors[i].toExponential(1)})`).join(', ')}; slope ${fit.slope.toFixed(3)} ± ${fit.slope95.toFixed(3)} (95%)`,
      };
    },
  );
});
