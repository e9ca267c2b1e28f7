/**
 * Memo tables (normal forms, keys, compiled expressions, mathjs trees of the witness): a hit gives
 * what a fresh computation gives, clearMemos empties them, and a verdict is the same cold (right
 * after clearMemos) and warm (after other work filled the tables).
 */
import { describe, it, expect } from 'vitest';
import { CASES } from './stateCases.ts';
import { clearMemos, seededRandom } from '../../src/cas/index.ts';
import { compileText } from '../../src/cas/witness/index.ts';
import { RandomFunctions } from '../../src/cas/witness/randomFunctions.ts';

const TEXTS = ['exp(-(y - 1)^2) + 0.5*exp(-4*(y + 1.5)^2)', 'sqrt(a)*ln(1 + a^2)/(a + 3)', '(a + y)^7 - a^7', 'sin(a*y)^2 + cos(a*y)^2'];

/** The float value and error bound of a compiled text at seeded points. */
function valuesOf(text: string): string {
  const rand = seededRandom(5);
  const program = compileText(text);
  const fns = new RandomFunctions(1);
  return Array.from({ length: 8 }, () => {
    const point = new Map([
      ['a', 3 * rand()],
      ['y', 4 * rand() - 2],
    ]);
    const b = program({ point, fns } as never);
    return `${b.v}|${b.e}|${b.s}`;
  }).join(' ');
}

describe('memo tables', () => {
  it('a text compiled from the cached tree evaluates as one compiled fresh', () => {
    const warm = TEXTS.map((t) => [valuesOf(t), valuesOf(t)]);
    clearMemos();
    const cold = TEXTS.map(valuesOf);
    warm.forEach(([first, again], i) => {
      expect(again, TEXTS[i]).toBe(first);
      expect(cold[i], TEXTS[i]).toBe(first);
    });
  });

  it('gives every verdict the same cold (after clearMemos) and warm (after all the others ran)', { timeout: 120_000 }, () => {
    for (const [name, run] of CASES) {
      clearMemos();
      const cold = run();
      for (const [, other] of CASES) other();
      expect(run(), name).toBe(cold);
    }
  });
});
