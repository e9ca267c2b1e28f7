/**
 * Section 2, the citations its proofs make: Lemma 2.2's proof applies Lemma 2.1 at alpha = 1/2 to
 * close (2.11); the well-posedness and moment results (Theorems 2.4, 2.6, 2.7) are quoted from [2].
 * Each citation is checked against the cited statement where the step writes the premise it uses.
 */
import { derivation } from '../src/index.ts';
import { proofAssumptions } from './lib/proof-kit.ts';
import { citer, CITATION_ASSUMPTIONS, P } from './lib/statements.ts';

export default derivation('Citations in the proofs of section 2', 'Section 2 (citations)', (d) => {
  d.assume({ ...proofAssumptions, ...CITATION_ASSUMPTIONS });
  const c = citer(d);
  const half = { alpha: P('1/2') };
  const closing = {
    at: 'proof of Lemma 2.2',
    cites: 'Lemma 2.1',
    quote: 'Then, we deduce (2.11) by integrating (2.10) between 0 and t and applying Lemma 2.1.',
  };
  c.check('cite-2.2-lemma-2.1-lower', closing, { part: 'lower', instance: half, lhs: P('L^2/8'), rhs: P('H') });
  c.check('cite-2.2-lemma-2.1-upper', closing, { part: 'upper', instance: { ...half, L: P('L0'), H: P('H0') }, lhs: P('H0'), rhs: P('L0') });
  c.named(
    { at: 'proof of Lemma 2.2', cites: '(2.10)', quote: 'Then, we deduce (2.11) by integrating (2.10) between 0 and t' },
    'H(t) <= H(0) + ∫_0^t R, the time integral of (2.10); replayed in lemma-2.2-young',
  );
  c.named(
    { at: 'proof of Lemma 2.2', cites: 'Lemma 2.2', quote: 'where R is defined as in Lemma 2.2. Hence it yields the first result (2.10).' },
    'the remainder R of the statement; A + B <= R + lambda^2 I is lemma-2.2-young',
  );
  c.external(
    { at: '§2.2, before Lemma 2.1', cites: '[2] Lemma A.1', quote: 'We even prove the following stronger result (see [2], Lemma A.1. for details)' },
    'outside source; Lemma 2.1 is replayed pointwise (lemma-2.1-proof)',
  );
  c.external(
    { at: '§2.3, Theorem 2.4', cites: '[2] Theorem 2.3', quote: 'according to [2] (see Theorem 2.3), it holds' },
    'well-posedness quoted from [2], no proof in the paper',
  );
  c.external(
    { at: '§2.3, Theorem 2.6', cites: '[2] Theorem 2.6', quote: 'we prove the following well-posedness result (see [2] Theorem 2.6)' },
    'well-posedness quoted from [2]',
  );
  c.external(
    {
      at: '§2.4, Theorem 2.7',
      cites: '[2] Propositions 3.1, 3.3, 3.5, 4.4',
      quote: 'we refer to [2, Proposition 4.4] for the proof of (1), [2, Proposition 3.1] for the proof of (2), ...',
    },
    'moment and macroscopic estimates quoted from [2]; their rates are carried into the ledgers of Theorems 3.3 and 4.2',
  );
  c.named(
    {
      at: '§2.3, Theorem 2.4',
      cites: 'Definition 2.3',
      quote: 'there exists a unique solution μ^ε to equation (1.2) with initial condition μ_0^ε, in the sense of Definition 2.3',
    },
    'the notion of solution defined just before',
  );
});
