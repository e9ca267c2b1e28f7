/** Guards on numeric input: each error names the field, its value and what was expected. */

/** A numeric input that cannot be used (non-positive eps, a NaN, a step beyond a stability bound...). */
export class NumericInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumericInputError';
  }
}

/** x must be a finite number. */
export function requireFinite(name: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericInputError(`${name} must be a finite number, got ${x}`);
  return x;
}

/** x must be finite and > 0. */
export function requirePositive(name: string, x: number): number {
  requireFinite(name, x);
  if (!(x > 0)) throw new NumericInputError(`${name} must be > 0, got ${x}`);
  return x;
}

/** x must be an integer >= min. */
export function requireInteger(name: string, x: number, min = 0): number {
  if (!Number.isInteger(x) || x < min) throw new NumericInputError(`${name} must be an integer >= ${min}, got ${x}`);
  return x;
}

/** The array must have exactly n entries. */
export function requireLength(name: string, arr: { readonly length: number }, n: number): void {
  if (arr.length !== n) throw new NumericInputError(`${name} must have ${n} entries, got ${arr.length}`);
}

/** Every entry must be finite; the error names the first bad index and what the array is. */
export function requireAllFinite(name: string, arr: ArrayLike<number>, context = ''): void {
  for (let i = 0; i < arr.length; i++)
    if (!Number.isFinite(arr[i])) throw new NumericInputError(`${name}[${i}] = ${arr[i]} is not finite${context ? ` ${context}` : ''}`);
}

/** The entries must increase strictly within (lo, hi]; the error names the first bad entry and the interval. */
export function requireIncreasingWithin(name: string, arr: readonly number[], lo: number, hi: number): void {
  arr.forEach((t, i) => {
    if (!(t > lo && t <= hi) || (i > 0 && !(t > arr[i - 1]))) throw new NumericInputError(`${name}[${i}] = ${t} must increase within (${lo}, ${hi}]`);
  });
}

/**
 * A time step must stay strictly below a stability bound; the error names the step, the bound
 * (as a formula and a value) and where it applies.
 */
export function requireStepBelow(name: string, dt: number, bound: number, boundFormula: string, where: string): void {
  requirePositive(name, dt);
  if (!(dt < bound))
    throw new NumericInputError(
      `${name} = ${dt} is beyond the stability bound ${boundFormula} = ${bound.toPrecision(4)} of ${where} (take ${name} < ${bound.toPrecision(4)})`,
    );
}
