/**
 * Small helpers the proof replays share: integration by parts with a flux in each variable
 * (the integrand identity behind ∫ X du = ∫ Y du), and the sign context of the paper's
 * hypotheses for the prover.
 */
import { Expr, add, partial, printExpr, checkDecay, DecaySpec, ClaimPart, SignContext, Assumptions, ModelScope } from '../../src/index.ts';
import { equation110 } from '../moments.ts';
import { paperAssumptions } from './assumptions.ts';

/**
 * ∫ lhs du = ∫ rhs du because lhs = rhs + sum_x d_x Z_x with every Z_x decaying on the
 * representatives: the part to decide (printed: lhs, derived: rhs + sum d_x Z_x).
 */
export function byParts(
  label: string,
  lhs: Expr,
  rhs: Expr,
  fluxes: Readonly<Record<string, Expr>>,
  decay: DecaySpec,
  options?: ClaimPart['options'],
): ClaimPart {
  const witnesses = Object.entries(fluxes).map(([x, Z]) => `Z_${x} = ${printExpr(Z)} (${checkDecay(Z, x, decay)})`);
  return {
    label: `${label} [by parts: ${witnesses.join('; ')}]`,
    printed: lhs,
    derived: add(rhs, ...Object.entries(fluxes).map(([x, Z]) => partial(Z, x))),
    options,
  };
}

/** The sign context with more facts. */
export const withFacts = (ctx: SignContext, more: SignContext): SignContext => ({
  positive: [...(ctx.positive ?? []), ...(more.positive ?? [])],
  nonnegative: [...(ctx.nonnegative ?? []), ...(more.nonnegative ?? [])],
  facts: [...(ctx.facts ?? []), ...(more.facts ?? [])],
  positiveFacts: [...(ctx.positiveFacts ?? []), ...(more.positiveFacts ?? [])],
});

/** What the proofs declare besides the paper's symbols: m* > 0 (2.5), alpha* > 0 (Theorem 4.1), the positive parameters of Young's steps. */
export const proofAssumptions: Assumptions = {
  ...paperAssumptions,
  mstar: 'positive', // (2.5)
  astar: 'positive', // Theorem 4.1: alpha* in (0, 1 - (2 b kappa)^-1)
  alpham: 'positive', // proof of Lemma 4.4: alpha_- = (alpha + 1/(2 b kappa))/2
  eta: 'positive', // the parameters of Young's inequality are chosen positive
  eta1: 'positive',
  eta2: 'positive',
  delta: 'positive', // proof of Proposition 4.10: the margin (1 - 1/(2 b kappa) - alpha*)/2
};

/** The prover's sign context read off the same declarations (one list, not two kept in step). */
export const PAPER_SIGNS: SignContext = {
  positive: Object.keys(proofAssumptions).filter((n) => proofAssumptions[n] === 'positive'),
  nonnegative: Object.keys(proofAssumptions).filter((n) => proofAssumptions[n] === 'nonnegative'),
};

/**
 * The engine and the numeric witness, named explicitly where nerdamer cannot help: it
 * mis-simplifies constant square roots (jiggzson/nerdamer#675) and does not split logarithms of sums.
 */
export const TWO_METHODS = { methods: ['engine-normal-form', 'mathjs-random-points'] as const };

/** The scope of (1.10) (`base`), with a proof's own names declared (`scope`), and a parser in it (each text is its own label). */
export function proofScope(more: Parameters<ModelScope['extend']>[0]): { base: ModelScope; scope: ModelScope; P: (text: string) => Expr } {
  const base = equation110().scope;
  const scope = base.extend(more);
  return { base, scope, P: (text: string) => scope.parse(text, text) };
}

export { paperHypotheses } from './proof-hypotheses.ts';
