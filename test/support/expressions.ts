/**
 * Random engine expressions for property tests (fast-check): symbols, signed fractions, sums,
 * products, symbolic and rational powers, unary registry functions, and what a test adds of its
 * own (opaque functions, shared subtrees). Built with the engine's constructors, so the trees are
 * the ones the engine makes.
 */
import fc from 'fast-check';
import { Expr, add, fn, mul, num, pow, sym } from '../../src/cas/index.ts';

/** What a family of expressions is made of. */
export interface ExpressionFamily {
  readonly names: readonly string[];
  /** Numerators in [-maxNumerator, maxNumerator], denominators in [1, maxDenominator]. */
  readonly maxNumerator: bigint;
  readonly maxDenominator: bigint;
  /** Unary registry functions applied. */
  readonly functions: readonly string[];
  /** Further cases, built from the recursive arbitrary. */
  readonly more?: (tie: () => fc.Arbitrary<Expr>) => readonly fc.Arbitrary<Expr>[];
}

/** Expressions of a family, at most five levels deep. */
export function engineExpressions(f: ExpressionFamily): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.constantFrom(...f.names).map(sym),
    fc.tuple(fc.bigInt({ min: -f.maxNumerator, max: f.maxNumerator }), fc.bigInt({ min: 1n, max: f.maxDenominator })).map(([p, q]) => num(p, q)),
  );
  return fc.letrec<{ e: Expr }>((tie) => {
    const e = () => tie('e');
    return {
      e: fc.oneof(
        { maxDepth: 5 },
        leaf,
        fc.array(e(), { minLength: 2, maxLength: 4 }).map((xs) => add(...xs)),
        fc.array(e(), { minLength: 2, maxLength: 4 }).map((xs) => mul(...xs)),
        fc.tuple(e(), e()).map(([b, x]) => pow(b, add(x, sym('y')))), // a symbolic exponent (a numeric one is folded: 10^25 to 10^25 is no test)
        fc.tuple(e(), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([b, p, q]) => pow(b, num(p, q))),
        fc.tuple(fc.constantFrom(...f.functions), e()).map(([name, a]) => fn(name, [a])),
        ...(f.more?.(e) ?? []),
      ),
    };
  }).e;
}
