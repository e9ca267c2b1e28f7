import { describe, it, expect } from 'vitest';
import moments, { momentsOverV, printedMarginal, equation110, derivedVRate, momentsOverU } from '../../derivations/moments.ts';
import { equation12 } from '../../derivations/rescaling.ts';
import {
  decideClaim,
  marginalOf,
  marginalByParts,
  operatorOf,
  applyAnsatz,
  maxwellianAnsatz,
  gaussianMoment,
  gaussianMomentFacts,
  parseExpr,
  sym,
  Expr,
} from '../../src/index.ts';

const { model, scope } = equation110();

describe('section 1.2: moments, marginals and ansätze', () => {
  it('verifies eq-1.3, eq-1.5, eq-1.8, eq-1.9, eq-1.13 with two methods or more', () => {
    const d = moments.run();
    expect(d.claims.map((c) => c.id)).toEqual(['eq-1.3', 'eq-1.5', 'eq-1.8', 'eq-1.9', 'eq-1.13']);
    for (const c of d.claims) {
      expect(c.status, `${c.id}: ${c.message}`).toBe('verified');
      expect(c.checks.filter((k) => k.result === 'equal').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('the first line of (1.3) has no error term left once E is substituted back (1.4), and needs V, W from (1.1)', () => {
    const { raw, rate } = derivedVRate(momentsOverU());
    expect(
      decideClaim({ id: 'V', source: 't', title: 'V' }, () => [
        { label: 'rate', printed: parseExpr('N(V) - W - V*PsiRho + PsiRhoV + E', { opaque: ['N'] }), derived: rate },
      ]).status,
    ).toBe('verified');
    // without (1.1) the raw rate still holds the moments: it is not the printed line
    expect(
      decideClaim({ id: 'raw', source: 't', title: 'raw' }, () => [
        { label: 'rate', printed: parseExpr('N(V) - W - V*PsiRho + PsiRhoV + E', { opaque: ['N'] }), derived: raw },
      ]).status,
    ).toBe('erratum');
  });

  it('turns a wrongly transcribed (1.8) into an erratum (sign of the source, missing theta)', () => {
    const V = momentsOverV('nu');
    const derived = marginalOf(model, V);
    for (const wrong of [
      'd_t(nubar) - b*d_w(w*nubar) = a*theta*d_w(Int_v(v*nu))',
      'd_t(nubar) - b*d_w(w*nubar) = -a*d_w(Int_v(v*nu))',
      'd_t(nubar) + b*d_w(w*nubar) = -a*theta*d_w(Int_v(v*nu))',
    ]) {
      const rec = decideClaim({ id: 'wrong-1.8', source: 'test', title: wrong }, () => [
        { label: '(1.8)', printed: printedMarginal(scope, V, wrong, 'wrong'), derived },
      ]);
      expect(rec.status, wrong).toBe('erratum');
    }
  });

  it('rejects the marginal of (1.10) computed with a wrong moment (∫ v^2 nu in place of ∫ v nu)', () => {
    const V = momentsOverV('nu');
    const derived = marginalOf(model, V);
    const wrong = V.evaluate(derived, (a) => (a.name === 'Int_v_nu' ? parseExpr('Int_v2_nu(w)', { opaque: ['Int_v2_nu'] }) : undefined));
    const printed = printedMarginal(scope, V, 'd_t(nubar) - b*d_w(w*nubar) = -a*theta*d_w(Int_v(v*nu))', '(1.8)');
    expect(decideClaim({ id: 'm', source: 't', title: 'm' }, () => [{ label: '(1.8)', printed, derived: wrong }]).status).toBe('erratum');
    const witness = marginalByParts(operatorOf(model), model.state, 'nu', V);
    expect(decideClaim({ id: 'w', source: 't', title: 'w', kind: 'must-hold' }, () => [{ label: 'by parts', printed: witness, derived: wrong }]).status).toBe(
      'failed',
    );
  });

  it('rejects a wrong ansatz moment: ∫ v M_rho = 1/rho leaves a source in (1.9), ∫ v^2 M_rho = rho breaks the Gaussian facts', () => {
    const V = momentsOverV('nu');
    const derived = marginalOf(model, V);
    const odd = maxwellianAnsatz({
      variable: 'v',
      rho: sym('rho'),
      marginal: 'nubar',
      moment: (k, r) => (k === 1 ? parseExpr('1/rho') : gaussianMoment(k, r)),
    });
    const printed = printedMarginal(scope, V, 'd_t(nubar) - b*d_w(w*nubar) = 0', '(1.9)');
    expect(decideClaim({ id: '1.9', source: 't', title: '1.9' }, () => [{ label: '(1.9)', printed, derived: applyAnsatz(derived, V, odd) }]).status).toBe(
      'erratum',
    );
    const wrong2 = (k: number, r: Expr) => (k === 2 ? r : gaussianMoment(k, r));
    expect(decideClaim({ id: 'g', source: 't', title: 'g' }, () => gaussianMomentFacts(sym('rho'), 4, wrong2)).status).toBe('failed');
  });

  it('the second line of (1.3) with a wrong flux is an erratum', () => {
    const V = momentsOverV();
    const derived = marginalOf(equation12, V);
    const wrong = printedMarginal(equation12.scope, V, 'd_t(mubar) + d_w(a*Int_v(v*mu) + b*w*mubar + c*mubar) = 0', 'wrong (1.3)');
    expect(decideClaim({ id: 'x', source: 't', title: 'x' }, () => [{ label: '(1.3)', printed: wrong, derived }]).status).toBe('erratum');
  });
});
