/** Eigenvalues of a small real matrix, numerically (mathjs `eigs`; this layer is the only user of mathjs). */
import { exactMath } from './mathjs.ts';

/** A complex number as a pair. */
export interface ComplexPair {
  readonly re: number;
  readonly im: number;
}

/** The eigenvalues of a real square matrix (complex ones as pairs). */
export function eigenvalues(A: readonly (readonly number[])[]): ComplexPair[] {
  const values = exactMath.eigs(A.map((row) => [...row])).values as unknown as (number | { re: number; im: number })[];
  return [...values].map((v) => (typeof v === 'number' ? { re: v, im: 0 } : { re: v.re, im: v.im }));
}
