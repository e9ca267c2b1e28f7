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
