/**
 * Section 6 of the review: the order of suprema and integrals in the proofs. A step that bounds a
 * quantity pointwise in x and then takes the supremum gives sup_x ∫_0^t; a statement written with
 * the L^inf_x norm inside the time integral needs ∫_0^t sup_x, which is larger. The structural
 * verdict comes from the order checker (compareOrder); the engine's evidence is a two-point witness
 * f(s, x1) = e^{-l s}, f(s, x2) = e^{-l (t - s)} for which the two orders differ by a factor up to 2.
 */
import { derivation, compareOrder, describeOrder, Operation, Derivation, sym, num, partial, ErratumNote } from '../src/index.ts';
import { PAPER_SIGNS, proofAssumptions, TWO_METHODS } from './lib/proof-kit.ts';
import { hypotheses, truncations } from './lib/hypotheses.ts';
import { carried } from './lib/dependencies.ts';
import { P } from './lib/statements.ts';

// the witness: G = sup_x ∫_0^t f = (1 - e^{-l t})/l; N = ∫_0^t sup_x f = 2 (1 - e^{-l t/2})/l
const G = P('(1 - exp(-lambda*t))/lambda');
const N = P('2*(1 - exp(-lambda*t/2))/lambda');
/** The violation shows at any interior point: a light search keeps the replay's CPU budget. */
const LIGHT = { starts: 6, refine: 1, iterations: 20, corners: 4 };
const witnessRegion = hypotheses(['t'], 'the witness: l > 0, t >= 0', [
  { name: 'lambda', lo: 0, hi: 1e3, open: ['lo'], scale: 'log', floor: 1e-3, hypothesis: 'l > 0 (the decay of the witness)', truncation: 'l in [1e-3, 1e3]' },
]);

/** One order claim: the statement's order against the proof's, decided structurally and on the witness. */
function orderClaim(
  d: Derivation,
  meta: { id: string; source: string; statement: string; needs: Operation[]; gives: Operation[]; erratum?: Omit<ErratumNote, 'affects'> },
): void {
  const verdict = compareOrder(meta.needs, meta.gives);
  const wrong = verdict === 'wrong-way';
  if (wrong !== Boolean(meta.erratum)) throw new Error(`${meta.id}: the order checker says ${verdict}, the file expects ${meta.erratum ? 'a gap' : 'no gap'}`);
  const text = `the statement needs ${describeOrder(meta.needs)}, the proof gives ${describeOrder(meta.gives)}: ${verdict}`;
  d.step(`${meta.source}: the order of sup and integral`, `${meta.statement}. ${text}. Search truncations: ${truncations(witnessRegion).join('; ')}.`, [
    { label: 'sup_x ∫_0^t f (witness)', rhs: G },
    { label: '∫_0^t sup_x f (witness)', rhs: N },
  ]);
  const ctx = { ...PAPER_SIGNS, positive: [...(PAPER_SIGNS.positive ?? []), 'lambda'] };
  // the right way: sup_x ∫ <= ∫ sup_x, N - G = (1 - e^{-l t/2})^2/l
  const rightWay = { rest: P('(1 - exp(-lambda*t/2))^2/lambda'), identity: TWO_METHODS, context: ctx };
  d.inequality(
    {
      id: meta.id,
      source: meta.source,
      title: `${meta.statement}: ${text}`,
      assume: { lambda: 'positive' },
      selfConfirming:
        'the witness integrals are checked by differentiating them in t: the derivative of (1 - e^{-l t})/l contains its integrand e^{-l t} by the chain rule, not by construction from the printed side',
      ...(meta.erratum ? { expect: 'erratum' as const, erratum: carried(meta.id, meta.erratum) } : {}),
    },
    () => ({
      identities: [
        { label: 'd/dt sup_x ∫_0^t f = e^{-l t} (the integral of f(., x1))', printed: P('exp(-lambda*t)'), derived: partial(G, 't'), mustHold: true },
        { label: 'd/dt ∫_0^t sup_x f = e^{-l t/2} (the max switches at t/2)', printed: P('exp(-lambda*t/2)'), derived: partial(N, 't'), mustHold: true },
      ],
      inequalities: [
        wrong
          ? {
              label: 'the bound the proof gives covers the quantity the statement needs',
              printed: '∫_0^t sup_x f <= sup_x ∫_0^t f',
              lhs: N,
              rhs: G,
              region: witnessRegion,
              search: LIGHT,
              corrected: { printed: 'sup_x ∫_0^t f <= ∫_0^t sup_x f (the other way)', lhs: G, rhs: N, proof: rightWay },
            }
          : {
              label: 'the bound the proof gives covers the quantity the statement needs',
              printed: 'sup_x ∫ f <= ∫ sup_x f',
              lhs: G,
              rhs: N,
              region: witnessRegion,
              search: LIGHT,
              proof: rightWay,
            },
      ],
    }),
  );
  void sym;
  void num;
}

const sup = (over: string): Operation => ({ kind: 'sup', over });
const int = (over: string): Operation => ({ kind: 'int', over });

export default derivation('The order of suprema and integrals in the proofs', 'Sections 3–4 (order of limits)', (d) => {
  d.assume(proofAssumptions);
  orderClaim(d, {
    id: 'order-prop-3.6-item-2',
    source: 'proof of Prop. 3.6 (2)',
    statement: 'Prop. 3.6 (2) bounds ∫_0^t ||nu - M ⊗ nubar||_{L^inf_x L^1_u} ds; item (1) holds for each x, then "taking the supremum over all x in K"',
    needs: [int('s'), sup('x')],
    gives: [sup('x'), int('s')],
    erratum: {
      location: 'gap',
      change:
        '∫_0^t ||.||_{L^inf_x L^1_u} ds -> sup_x ∫_0^t ||.||_{L^1_u} ds in Prop. 3.6 (2) (the L^inf_x norm outside the time integral), or a bound uniform in x before integrating',
      note: 'the pointwise-in-x bound integrated in time controls sup_x ∫, which is smaller than ∫ sup_x; the result may still hold, the proof does not give it',
    },
  });
  orderClaim(d, {
    id: 'order-thm-4.1-item-1',
    source: 'proof of Theorem 4.1 (1)',
    statement:
      'Theorem 4.1 (1) states ∫_0^t sup_x ∫ |d_v(d_w^k nu m)|^2 m^-1 du ds < +inf; Proposition 4.7 (and its proof, "a consequence of Theorem 2.4 coupled with Proposition 4.7") integrates the dissipation in time for each x',
    needs: [int('s'), sup('x')],
    gives: [sup('x'), int('s')],
    erratum: {
      location: 'gap',
      change: '∫_0^t sup_x ∫ ... du ds -> sup_x ∫_0^t ∫ ... du ds in Theorem 4.1 (1)',
      note: 'the energy estimate of Prop. 4.7 gives ||nu(t, x)||^2 + ∫_0^t D/theta^2 ds <= e^{Ct} ||nu0(x)||^2 for each x: the supremum comes after the time integral',
    },
  });
  orderClaim(d, {
    id: 'order-prop-3.8-A2',
    source: 'proof of Prop. 3.8',
    statement:
      'A2 = sup_x ∫ M(v) ||nu - tau nu||_{L1} dv is bounded with Proposition 3.4 at each (x, v), with a constant and gamma^eps <= |a| eps/m* uniform in x',
    needs: [sup('x'), int('v')],
    gives: [int('v'), sup('x')],
  });
});
