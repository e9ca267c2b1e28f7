/**
 * Bounds that keep a simulation finite and honest: counts are integers, steps and work stay under
 * limits, memory is estimated against the machine before anything is allocated, and a non-finite
 * value stops the run. Every refusal names the option that set the value (a CLI flag or a spec
 * field) and the bound.
 */
import { freemem } from 'node:os';
import { NumericInputError, requireFinite, requirePositive } from '../numerics/validate.ts';

/** The largest typed array the runners allocate (elements), well inside what V8 allows. */
export const MAX_ARRAY_LENGTH = 2 ** 30;

/** Default limits: steps of the reported run, work of the whole run, the share of the machine's free memory. */
export const DEFAULT_LIMITS = { maxSteps: 1e7, maxWork: 2e11, memoryFraction: 0.5 } as const;

/** A value that stopped being finite during a run: what, when, where. */
export class NonFiniteError extends NumericInputError {
  constructor(
    what: string,
    t: number,
    where: { point?: number; particle?: number; cell?: string; variable?: string } = {},
    cause = 'the step may be too large for the explicit part, or a coefficient blows up',
  ) {
    const place = [
      where.variable ? `variable ${where.variable}` : '',
      where.point !== undefined ? `point ${where.point} of the population` : '',
      where.particle !== undefined ? `particle ${where.particle}` : '',
      where.cell ? `grid cell ${where.cell}` : '',
    ].filter(Boolean);
    super(`the run stopped at t = ${t.toPrecision(6)}: ${what} is not finite${place.length ? ` (${place.join(', ')})` : ''}; ${cause}`);
    this.name = 'NonFiniteError';
  }
}

/** Names of options for messages: the label a user set a field with, or the field itself. */
export type Labels = Readonly<Record<string, string>>;

/** The name to show for a field. */
export const labelOf = (labels: Labels | undefined, field: string): string => labels?.[field] ?? field;

/** A count: an integer within [min, max], refused by its option's name. */
export function requireCount(name: string, x: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericInputError(`${name} must be a finite number, got ${x}`);
  if (!Number.isInteger(x)) throw new NumericInputError(`${name} must be a whole number, got ${x}`);
  if (x < min) throw new NumericInputError(`${name} must be at least ${min}, got ${x}`);
  if (x > max) throw new NumericInputError(`${name} = ${x} is above the limit ${max}`);
  return x;
}

const gigabytes = (bytes: number) => `${(bytes / 2 ** 30).toPrecision(3)} GB`;

/**
 * Refuse a run whose arrays would not fit: the estimate (bytes, with how it was counted) against
 * a fraction of the machine's memory, and each array's length against MAX_ARRAY_LENGTH. The
 * message names the option that makes it large.
 */
export function requireMemory(option: string, bytes: number, detail: string, largestArray: number, fraction: number = DEFAULT_LIMITS.memoryFraction): void {
  const free = freemem();
  const budget = free * fraction;
  if (!(largestArray <= MAX_ARRAY_LENGTH))
    throw new NumericInputError(
      `${option}: one array would hold ${largestArray.toExponential(2)} numbers (${detail}), above the limit ${MAX_ARRAY_LENGTH.toExponential(2)}; take a smaller ${option}`,
    );
  if (!(bytes <= budget))
    throw new NumericInputError(
      `${option}: the run needs about ${gigabytes(bytes)} (${detail}), more than ${Math.round(fraction * 100)}% of this machine's free memory (${gigabytes(free)}); take a smaller ${option}`,
    );
}

/** The number of steps dt in [0, t]: t/dt must be a whole number, at most maxSteps; each refusal names the options. */
export function stepCount(t: number, dt: number, names: { t: string; dt: string }, maxSteps: number = DEFAULT_LIMITS.maxSteps): number {
  requirePositive(names.t, t);
  requirePositive(names.dt, dt);
  const exact = t / dt;
  if (!(exact <= maxSteps))
    throw new NumericInputError(
      `${names.dt} = ${dt} makes ${exact.toExponential(2)} steps to ${names.t} = ${t}, above the limit ${maxSteps.toExponential(0)} steps; take a larger ${names.dt}`,
    );
  const k = Math.round(exact);
  if (k < 1 || Math.abs(k * dt - t) > 1e-9 * t) throw new NumericInputError(`${names.t} = ${t} is not a whole number of steps ${names.dt} = ${dt}`);
  return k;
}

/** Work (particle-steps or cell-updates) within the limit, refused naming the options that make it. */
export function requireWork(work: number, maxWork: number, detail: string, options: string): void {
  requireFinite('work', work);
  if (!(work <= maxWork))
    throw new NumericInputError(`the run would take ${work.toExponential(2)} ${detail}, above the limit ${maxWork.toExponential(0)}; reduce ${options}`);
}
