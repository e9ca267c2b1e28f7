/**
 * The fuzz families of issue 18 (the classes a hostile user found): domains, hidden zeros,
 * overflow, ranges, special functions, nesting, internal and reserved names, radicals. Each makes
 * cases as expression trees (so the reference evaluator can check their truth), turned into the
 * campaign's text cases here. A case's truth may be `refused`: the call must throw a clear error.
 */
import fc from 'fast-check';
import { text, type G } from './expressions.ts';
import { DOMAIN_FAMILIES } from './families-domains.ts';
import { FUNCTION_FAMILIES } from './families-functions.ts';
import type { Case } from './cases.ts';

/** A generated case as trees: family, sides, truth, declarations, and what it needs besides. */
export interface HostileCase {
  readonly family: string;
  readonly l: G;
  readonly r: G;
  readonly truth: 'equal' | 'different' | 'refused';
  readonly assume: Readonly<Record<string, string>>;
  readonly ranges?: Readonly<Record<string, [number, number]>>;
  /** Function names the case uses as opaque (unknown) functions. */
  readonly opaque?: readonly string[];
  /** A refusal is also a right outcome (the left side is defined nowhere). */
  readonly refusable?: boolean;
  /** The left side is d/d(this) of l. */
  readonly differentiate?: string;
}

/**
 * Every class's families, by class name; the value is the class's issue item. The families of the
 * classes in PENDING_FAMILIES still fail on this branch (their engine fixes are other helpers'
 * branches): `npm test` leaves them out of its slice until the lead empties the list after merging.
 */
export const HOSTILE_CLASSES: Record<string, fc.Arbitrary<HostileCase>> = { ...DOMAIN_FAMILIES, ...FUNCTION_FAMILIES };

/**
 * Classes whose engine fixes live on other branches (issue 18 item, helper), kept out of the
 * `npm test` slice until merged; measured on this branch (1 500 hostile cases, seed 3): overflow
 * 26 false equal, names 6 false equal, reserved 56 declarations not refused, special 74 false
 * different, radicals 112 false different, hidden zero 6 false different.
 */
export const PENDING_FAMILIES: Readonly<Record<string, string>> = {};

/** The options that declare a case's opaque functions to parseExpr() and equivalent() (an undeclared unknown name is refused). */
export function opaqueOption(names: readonly string[] | undefined): { opaque: string[] } {
  // f and g are the classic generator's opaque functions; a hostile case names its own
  return { opaque: [...new Set(['f', 'g', ...(names ?? [])])] };
}

/** A tree case as a text case of the campaign. */
export function toCase(h: HostileCase): Case {
  return {
    family: h.family,
    lhs: text(h.l),
    rhs: text(h.r),
    assume: h.assume as Case['assume'],
    truth: h.truth,
    ...(h.differentiate ? { differentiate: h.differentiate } : {}),
    ...(h.ranges ? { ranges: h.ranges } : {}),
    ...(h.opaque ? { opaque: h.opaque } : {}),
    ...(h.refusable ? { refusable: true } : {}),
  };
}

/** The tree cases of the given classes (all by default), each class equally likely (every family's name starts with its class). */
export function hostileTrees(classes: readonly string[] = Object.keys(HOSTILE_CLASSES)): fc.Arbitrary<HostileCase> {
  return fc.oneof(...classes.map((c) => HOSTILE_CLASSES[c]));
}

/** The text cases of the given classes. */
export const hostileCases = (classes?: readonly string[]): fc.Arbitrary<Case> => hostileTrees(classes).map(toCase);

/** The classes `npm test` runs today (every class not pending). */
export const READY_CLASSES = Object.keys(HOSTILE_CLASSES).filter((c) => !(c in PENDING_FAMILIES));
