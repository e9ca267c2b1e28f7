/** mathjs as the CAS layer loads it (its one-file bundle, configured once): exact numerals, and numbers left numbers. */
import { describe, expect, it } from 'vitest';
import { exactMath } from '../../src/cas/mathjs.ts';
import { eigenvalues } from '../../src/cas/eigenvalues.ts';
import { parseExpr, printExpr } from '../../src/cas/index.ts';

describe('mathjs from its bundle', () => {
  it('reads numerals as exact decimals: 1e400 stays finite, 21 digits keep their last one', () => {
    expect(String((exactMath.parse('1e400') as unknown as { value: unknown }).value)).toBe('1e+400');
    expect(printExpr(parseExpr('123456789012345678901 - 123456789012345678900'))).toBe('1');
    expect(printExpr(parseExpr('0.1 + 0.2 - 0.3'))).toBe('0');
  });

  it('eigenvalues of plain numbers are numbers: (5 +- sqrt 5)/2 for a symmetric matrix, +-i for a rotation', () => {
    const sym = eigenvalues([
      [2, 1],
      [1, 3],
    ]).map((z) => z.re);
    expect(sym.sort()).toEqual([expect.closeTo((5 - Math.sqrt(5)) / 2, 12), expect.closeTo((5 + Math.sqrt(5)) / 2, 12)]);
    const rot = eigenvalues([
      [0, -1],
      [1, 0],
    ]);
    expect(rot.map((z) => [z.re, Math.abs(z.im)])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});
