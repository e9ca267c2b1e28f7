/**
 * The search's inner loop (issue 22) rewritten without per-point arrays: the same simplex order,
 * the same bounded and log-space values, and the same outcomes on seeded random inequalities as
 * the code before the rewrite (the digest was computed with it).
 */
import { describe, it, expect } from 'vitest';
import { sortSimplex } from '../../src/verify/search.ts';
import { boundedValue, logValue, LogValue } from '../../src/verify/margin.ts';
import { bAdd, bMul } from '../../src/cas/witness/bounded.ts';
import { parseExpr, seededRandom } from '../../src/index.ts';
import type { Expr } from '../../src/index.ts';
import { searchDigest } from './search-golden.ts';

/** The digest of searchDigest() computed with the search before the rewrite (same points, same arithmetic). */
const BEFORE = '255c5cc085cf2fef5e624b5dbfe81e8501fb5187325e425f3e0f45749dd201f2';

describe('the search inner loop', () => {
  it('orders a simplex as a stable sort of its indices by value does (ties keep their order)', () => {
    const rand = seededRandom(3);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rand() * 9);
      const values = Array.from({ length: n }, () => Math.round(rand() * 4) - 2 + (rand() < 0.3 ? 0.5 : 0));
      const simplex = values.map((_, i) => [i]);
      const order = values.map((_v, i) => i).sort((a, b) => values[a] - values[b]);
      sortSimplex(simplex, values);
      expect(simplex.map((p) => p[0])).toEqual(order);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('gives the outcomes the search gave before the rewrite on seeded random inequalities', () => {
    expect(searchDigest()).toBe(BEFORE);
  });
});

/** The reference readings (as written before the rewrite: arrays, map and reduce). */
function refBounded(e: Expr, s: Record<string, number>): unknown {
  if (e.kind === 'add') return e.terms.map((t) => boundedValue(t, s)).reduce(bAdd);
  if (e.kind === 'mul') return e.factors.map((t) => boundedValue(t, s)).reduce(bMul);
  return boundedValue(e, s);
}
function refLogSum(e: Expr, s: Record<string, number>): LogValue | undefined {
  if (e.kind !== 'add') return logValue(e, s);
  const xs = e.terms.map((t) => logValue(t, s));
  if (!xs.every((t): t is LogValue => !!t)) return undefined;
  const nz = xs.filter((x) => x.sign !== 0);
  if (nz.length === 0) return { sign: 0, log: -Infinity };
  const top = Math.max(...nz.map((x) => x.log));
  if (!Number.isFinite(top)) return undefined;
  const v = nz.reduce((a, x) => a + x.sign * Math.exp(x.log - top), 0);
  if (Number.isNaN(v)) return undefined;
  return v === 0 ? { sign: 0, log: -Infinity } : { sign: v > 0 ? 1 : -1, log: Math.log(Math.abs(v)) + top };
}

describe('bounded and log-space values of a side', () => {
  it('equal the reference readings on seeded random sums and products', () => {
    const rand = seededRandom(11);
    const texts = [
      'x^2*y - 3*exp(-x/eps) + ln(1 + y^2)',
      'exp(-1/eps)*x - exp(-1/eps)*y + 1/3',
      '(x - y)*(x + y)*eps^(1/2)*exp(x/eps)',
      'x + y + eps - x - y - eps',
    ];
    for (const t of texts) {
      const e = parseExpr(t);
      for (let k = 0; k < 50; k++) {
        const s = { x: 4 * rand() - 2, y: 4 * rand() - 2, eps: 10 ** (-6 * rand()) };
        expect(boundedValue(e, s), `${t} at ${JSON.stringify(s)}`).toEqual(refBounded(e, s));
        expect(logValue(e, s), `${t} at ${JSON.stringify(s)}`).toEqual(refLogSum(e, s));
      }
    }
  });
});
