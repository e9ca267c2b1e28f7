/**
 * The premises the prover accepts: only those built by the checked builders of premises.ts (each
 * checks its instance before registering it). A premise object written by hand is refused, so a
 * certificate cannot rest on an unchecked statement. Internal: not exported from the package.
 */
import type { Premise } from './prover.ts';

const CHECKED = new WeakSet<Premise>();

/** Register a premise whose instance a builder has checked; returns it frozen. */
export function registerPremise<T extends Premise>(p: T): T {
  const frozen = Object.freeze(p);
  CHECKED.add(frozen);
  return frozen;
}

/** True when the premise was built (and checked) by a builder. */
export const isCheckedPremise = (p: Premise): boolean => CHECKED.has(p);
