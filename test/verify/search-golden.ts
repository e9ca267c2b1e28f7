/**
 * Seeded random inequalities searched over a region with dependent and log-scaled bounds: a digest
 * of every outcome (worst point, values, margins, evaluations), for checking that a rewrite of the
 * search's inner loop keeps the same points and the same arithmetic.
 */
import { createHash } from 'node:crypto';
import { region, searchInequality, parseExpr, seededRandom } from '../../src/index.ts';

const R = region('golden', [
  { name: 'x', lo: 0, hi: 2, open: ['lo'], hypothesis: '0 < x <= 2' },
  { name: 'y', lo: (s) => -s.x, hi: 1, hypothesis: '-x <= y <= 1' },
  { name: 'eps', lo: 0, hi: 1, open: ['lo'], scale: 'log', floor: 1e-9, hypothesis: '0 < eps <= 1' },
]);

/** A random side: polynomial, exponential (underflowing at small eps) and logarithmic terms with seeded coefficients. */
function randomSide(rand: () => number): string {
  const c = () => (Math.round((rand() - 0.5) * 40) / 8).toString();
  const terms = [`${c()}*x^2*y`, `${c()}*exp(-x/eps)`, `${c()}*ln(1 + x^2 + y^2)`, `${c()}*y^3`, `${c()}*exp(y)*eps^(1/2)`, `${c()}`];
  return terms.filter(() => rand() < 0.7).join(' + ') || '0';
}

/** The digest of the search outcomes of `count` seeded random inequalities lhs <= rhs. */
export function searchDigest(count = 24, seed = 7): string {
  const rand = seededRandom(seed);
  const h = createHash('sha256');
  for (let k = 0; k < count; k++) {
    const l = randomSide(rand);
    // independent sides, a small perturbation (margins near 0: the rounding bounds decide), the same value written otherwise
    const d = (rand() * 1e-3).toPrecision(3);
    const r = [randomSide(rand), `${l} + ${d}*(x - 1)^2*eps - ${d}/1000`, `(${l})*(1 + ${d}*1e-12)`][k % 3];
    const o = searchInequality({ label: `g${k}`, printed: `${l} <= ${r}`, lhs: parseExpr(l), rhs: parseExpr(r), region: R, search: { seed: k } });
    h.update(JSON.stringify([o.holds, o.samples, o.worstAt, o.worstMargin, o.worstRelativeMargin, o.lhsAtWorst, o.rhsAtWorst, o.logSpace ?? '']));
  }
  return h.digest('hex');
}
