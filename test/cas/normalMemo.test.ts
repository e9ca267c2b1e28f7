/**
 * Normal forms memoised by structure (issue 22): an equal expression built anew reuses its twin's
 * normal form, which must be the one a fresh computation gives, only under the same declarations,
 * and charged its work again. The rational fast paths give the normalised values the general path
 * gives; a declaration layer given twice merges as if given once.
 */
import { describe, it, expect } from 'vitest';
import {
  parseExpr,
  toPoly,
  polyKey,
  clearMemos,
  withAssumptions,
  mergeAssumptions,
  setLimits,
  LimitError,
  seededRandom,
  shapeOf,
  fn,
  sym,
} from '../../src/cas/index.ts';
import { q, qadd, qmul, qToString } from '../../src/cas/rational.ts';
import type { Assumptions } from '../../src/cas/index.ts';

const P = (s: string) => parseExpr(s, { opaque: ['N', 'f'] });
const TEXTS = [
  '(a + b)^3*(a - b)^2 + (a + b)^3',
  'exp(2*ln(x))*sqrt(x^2) - (x + 1)^2*sqrt(x^2)',
  'N(v + theta*w)^2*(v + theta*w) - N(v + theta*w)*(v + theta*w)^2',
  'sqrt(x*y)*(sqrt(x*y) + 1) - ln(x^3*y)*ln(x^3*y)',
];
const DECLS: (Assumptions | undefined)[] = [undefined, { x: 'positive', y: 'positive' }, { x: 'nonnegative' }];

/** The key of a normal form under the given declarations. */
const keyUnder = (text: string, a: Assumptions | undefined) => withAssumptions(a, () => polyKey(toPoly(P(text))));

describe('normal forms memoised by structure', () => {
  it('a twin built anew gets the normal form a fresh computation gives, under each declaration', () => {
    const fresh = DECLS.map((a) =>
      TEXTS.map((t) => {
        clearMemos();
        return keyUnder(t, a);
      }),
    );
    clearMemos();
    // warm: every text under every declaration, twice (the second time every sub-expression is a twin)
    for (let round = 0; round < 2; round++)
      DECLS.forEach((a, i) => {
        TEXTS.forEach((t, j) => expect(keyUnder(t, a), `${t} under ${JSON.stringify(a)}`).toBe(fresh[i][j]));
      });
    // the declarations matter: a twin under other declarations is not reused
    expect(fresh[0][1]).not.toBe(fresh[1][1]);
  });

  it('a structural hit is charged its work, as a cold computation would be', () => {
    const prev = setLimits({ maxWork: 1_000_000 });
    try {
      clearMemos();
      expect(toPoly(P('(a + b + c)^4*(a - c)^3')).size).toBeGreaterThan(20);
      setLimits({ maxWork: 40 });
      expect(() => toPoly(P('(a + b + c)^4*(a - c)^3'))).toThrow(LimitError);
      expect(() => toPoly(P('1 + (a + b + c)^4*(a - c)^3'))).toThrow(LimitError); // a twin inside a larger expression
    } finally {
      setLimits(prev);
    }
  });
});

describe('rational fast paths', () => {
  it('integer sums and products equal the general normalising path', () => {
    const rand = seededRandom(22);
    const big = () => BigInt(Math.floor((rand() - 0.5) * 2 ** 40)) * BigInt(Math.floor(rand() * 1000) + 1);
    for (let k = 0; k < 500; k++) {
      const a = q(big());
      const b = q(big());
      const d = BigInt(Math.floor(rand() * 30) + 1);
      const c = q(big(), d);
      // the general path: the same values with a denominator to cancel
      expect(qToString(qadd(a, b))).toBe(qToString(q(a.p * 3n + b.p * 3n, 3n)));
      expect(qToString(qmul(a, b))).toBe(qToString(q(a.p * b.p * 7n, 7n)));
      expect(qToString(qmul(a, c))).toBe(qToString(q(a.p * c.p, c.q)));
      expect(qToString(qadd(a, c))).toBe(qToString(q(a.p * c.q + c.p, c.q)));
      expect(q(a.p, 1).q).toBe(1n);
      expect(q(-6, -4)).toEqual({ p: 3n, q: 2n });
    }
  });
});

describe('merging declarations', () => {
  it('a layer given again changes nothing: the merge of each layer once, in order', () => {
    const kinds = ['real', 'positive', 'nonnegative', 'negative', 'nonzero', 'integer'] as const;
    const rand = seededRandom(4);
    const layer = (): Assumptions => Object.fromEntries(['x', 'y', 'z', 'w'].filter(() => rand() < 0.6).map((n) => [n, kinds[Math.floor(rand() * 6)]]));
    const outcome = (f: () => Assumptions) => {
      try {
        return JSON.stringify(f());
      } catch (err) {
        return (err as Error).message;
      }
    };
    for (let k = 0; k < 300; k++) {
      const [a, b] = [layer(), layer()];
      expect(outcome(() => mergeAssumptions(a, undefined, b, a, b))).toBe(outcome(() => mergeAssumptions(a, b)));
      expect(outcome(() => mergeAssumptions(a, a))).toBe(outcome(() => mergeAssumptions(a)));
    }
  });
});

describe('structural identities (shapeOf), the key of the memo', () => {
  it('equal trees built apart share one number; trees that differ anywhere (kind, order, derivative, name) do not', () => {
    const texts = ['f(x, y) + 2*x^3', 'f(y, x) + 2*x^3', 'f(x, y) + 2*x^4', 'f(x, y) + 3*x^3', 'f(x, y)*2*x^3', 'g(x, y) + 2*x^3', '2*x^3 + f(x, y)'];
    const read = (t: string) => parseExpr(t, { opaque: ['f', 'g'] });
    const ids = texts.map((t) => shapeOf(read(t)));
    expect(new Set(ids).size).toBe(texts.length);
    expect(texts.map((t) => shapeOf(read(t)))).toEqual(ids);
    const df = fn('f', [sym('x'), sym('y')], [1, 0]);
    expect(shapeOf(df)).not.toBe(shapeOf(fn('f', [sym('x'), sym('y')])));
    expect(shapeOf(df)).toBe(shapeOf(fn('f', [sym('x'), sym('y')], [1, 0])));
  });

  it('a number handed out before clearMemos is never handed out again (an old memo entry cannot answer for another tree)', () => {
    const before = new Set(['a + b', 'a*b', 'a^b', 'exp(a)'].map((t) => shapeOf(parseExpr(t))));
    clearMemos();
    const after = ['a - b', 'a/b', 'b^a', 'ln(a)', 'a + b'].map((t) => shapeOf(parseExpr(t)));
    for (const id of after) expect(before.has(id)).toBe(false);
  });
});
