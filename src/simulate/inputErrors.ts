/**
 * One exit code for every refusal of a simulation, whichever layer found it: the model's and the
 * scheme's errors (noise factor, scheme, expression syntax, unknown symbols) and the refusals of
 * the generated kernels become a SimulationInputError (a NumericInputError: exit 2), their
 * messages in the user's names (no kernel or internal function names).
 */
import { NumericInputError } from '../numerics/validate.ts';
import { ExpressionSyntaxError, UnknownSymbolError, DivisionByZeroError } from '../cas/errors.ts';
import { NoiseError, SchemeError, ModelError } from '../calculus/index.ts';

/** A refused simulation input, found below the simulation layer and said in the user's names. */
export class SimulationInputError extends NumericInputError {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationInputError';
  }
}

/** Internal names in messages and what a user knows them as. */
const INTERNAL: readonly [RegExp, string][] = [
  [/^kernel particleStep: /, 'the particle scheme: '],
  [/^particleStep: /, 'the particle scheme: '],
  [/^kernel (field|sum|rate): /, ''],
  [/^(field|sum|rate): /, ''],
  [/\b(mean|centred|nonlocal|q|obs)__(\d+)\b/g, 'a moment of the population'],
];

/** The message with internal names replaced. */
export const inUserNames = (message: string): string => INTERNAL.reduce((m, [re, by]) => m.replace(re, by), message);

const fromKernel = (err: Error) => (err instanceof RangeError || err.constructor === Error) && /^(kernel )?(particleStep|field|sum|rate): /.test(err.message);

/** An error of the input as a SimulationInputError (exit 2); anything else (a bug) unchanged. */
export function asInputError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof SimulationInputError) return err;
  const input =
    err instanceof NumericInputError ||
    err instanceof NoiseError ||
    err instanceof SchemeError ||
    err instanceof ModelError ||
    err instanceof ExpressionSyntaxError ||
    err instanceof UnknownSymbolError ||
    err instanceof DivisionByZeroError ||
    fromKernel(err);
  if (!input) return err;
  if (err instanceof NumericInputError && inUserNames(err.message) === err.message) return err;
  const out = new SimulationInputError(inUserNames(err.message));
  out.stack = err.stack;
  return out;
}
