/**
 * What the paper assumes of its symbols, declared once; every derivation file starts with
 * `d.assume(paperAssumptions)`. Symbols not listed here are real (a, c, V, W, E, v, w, x, gamma, ...).
 * Each declaration cites where the paper makes it; nothing is declared that the paper does not say.
 */
import type { Assumptions } from '../../src/index.ts';

/** The paper's hypotheses on its parameters, as sign declarations. */
export const paperAssumptions: Assumptions = {
  eps: 'positive', // §1.1: "strong short range interactions with strength eps > 0"
  rho: 'positive', // (2.5): m* <= rho0^eps <= 1/m* with m* > 0 (rho is rho0^eps)
  rho0: 'positive', // (2.5)
  rhoe: 'positive', // (2.5), for rho0^eps next to its limit rho0
  m: 'positive', // (2.5): m* > 0
  theta: 'positive', // §1.2.3: theta^eps solves (1.10) with theta^eps(0) = 1, so theta^eps > 0 ((1.11))
  b: 'positive', // §1.1: A(v, w) = a v - b w + c with a, c real and b > 0
  kappa: 'positive', // (4.3): kappa > 1/(2b) > 0
  alpha: 'positive', // Prop. 4.10: alpha* in (0, 1 - (2 b kappa)^(-1))
  C: 'positive', // the constants C of the estimates are positive
  t: 'nonnegative', // times t in R+
  s: 'nonnegative', // times s in R+
  lambda: 'positive', // the stiff rate rho0/eps of (1.2) (particles), positive by the above
  tau: 'positive', // a time step (numerics)
  dt: 'positive', // a time step (numerics)
};
