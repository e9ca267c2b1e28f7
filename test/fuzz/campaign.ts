/**
 * The fuzz campaign: generated pairs (cases.ts) decided by equivalent(), counted against their
 * truth. A false `equal` (a false identity verified) is the failure that must never happen; a false
 * `different` (a true identity rejected) and `disputed` are counted and reported. Every case is
 * replayable from the campaign's seed and its index.
 */
import fc from 'fast-check';
import { equivalent, parseExpr, partial, Expr } from '../../src/index.ts';
import { cases, Case } from './cases.ts';
import { opaqueOption } from './hostile.ts';

/** What one case came to. */
export interface Outcome {
  readonly index: number;
  readonly c: Case;
  /** `refused`: equivalent() threw (the right outcome only for a case whose truth is `refused`). */
  readonly status: 'equal' | 'different' | 'disputed' | 'refused';
  readonly detail: string;
}

/** The outcomes of one family: how many cases, how many got each status, and the wrong ones. */
export interface FamilyCounts {
  n: number;
  agreeing: number;
  equal: number;
  different: number;
  disputed: number;
  refused: number;
  falseEqual: number;
  falseDifferent: number;
  /** Cases that had to be refused and were answered. */
  unrefused: number;
  /** Cases that had to be answered and were refused (errors). */
  errors: number;
}

/** Counts of a campaign and its notable cases. */
export interface CampaignResult {
  readonly seed: number;
  readonly cases: number;
  readonly falseEqual: Outcome[];
  readonly falseDifferent: Outcome[];
  readonly disputed: Outcome[];
  /** Cases refused (equivalent() threw) that had to be answered. */
  readonly errors: Outcome[];
  /** Cases that had to be refused and were answered. */
  readonly unrefused: Outcome[];
  readonly byFamily: Map<string, FamilyCounts>;
  readonly ms: number;
}

/** The n cases of a seed, in order (case k of a seed is always the same). */
export function generate(seed: number, n: number, arbitrary: fc.Arbitrary<Case> = cases): Case[] {
  return fc.sample(arbitrary, { seed, numRuns: n });
}

/** Decide one case. */
export function decide(c: Case, index = 0): Outcome {
  try {
    const lhs: Expr | string = c.differentiate ? partial(parseExpr(c.lhs, opaqueOption(c.opaque)), c.differentiate) : c.lhs;
    const v = equivalent(lhs, c.rhs, {
      assume: c.assume,
      label: `fuzz case ${index} (${c.family})`,
      ...(c.ranges ? { ranges: c.ranges } : {}),
      ...opaqueOption(c.opaque),
    });
    return { index, c, status: v.status, detail: `${v.reason}; ${v.checks.map((k) => `${k.method}: ${k.result}`).join(', ')}` };
  } catch (err) {
    return { index, c, status: 'refused', detail: `${(err as Error).name}: ${(err as Error).message.slice(0, 300)}` };
  }
}

/** Run n cases of a seed (from `arbitrary`, the classic families by default); onCase is called after each (progress); `decider` is equivalent() unless a test plants another. */
export function runCampaign(
  seed: number,
  n: number,
  onCase?: (k: number) => void,
  decider: (c: Case, k: number) => Outcome = decide,
  arbitrary: fc.Arbitrary<Case> = cases,
): CampaignResult {
  const t0 = performance.now();
  const result: CampaignResult = { seed, cases: n, falseEqual: [], falseDifferent: [], disputed: [], errors: [], unrefused: [], byFamily: new Map(), ms: 0 };
  generate(seed, n, arbitrary).forEach((c, k) => {
    const o = decider(c, k);
    const fam = result.byFamily.get(c.family) ?? {
      n: 0,
      agreeing: 0,
      equal: 0,
      different: 0,
      disputed: 0,
      refused: 0,
      falseEqual: 0,
      falseDifferent: 0,
      unrefused: 0,
      errors: 0,
    };
    fam.n++;
    fam[o.status]++;
    if (o.status === c.truth) fam.agreeing++;
    result.byFamily.set(c.family, fam);
    const notable = (list: Outcome[], counter: 'falseEqual' | 'falseDifferent' | 'unrefused' | 'errors') => {
      list.push(o);
      fam[counter]++;
    };
    if (c.truth === 'refused') {
      if (o.status !== 'refused') notable(result.unrefused, 'unrefused');
    } else if (o.status === 'equal' && c.truth === 'different') notable(result.falseEqual, 'falseEqual');
    else if (o.status === 'different' && c.truth === 'equal') notable(result.falseDifferent, 'falseDifferent');
    else if (o.status === 'refused' && !c.refusable) notable(result.errors, 'errors');
    if (o.status === 'disputed') result.disputed.push(o);
    onCase?.(k);
  });
  return { ...result, ms: performance.now() - t0 };
}

/** One line per notable case: seed, index, family, sides and why (to replay: --seed S --index K). */
export function describeOutcome(seed: number, o: Outcome): string {
  const lhs = o.c.differentiate ? `d/d${o.c.differentiate}[${o.c.lhs}]` : o.c.lhs;
  const ranges = o.c.ranges ? ` ranges ${JSON.stringify(o.c.ranges)}` : '';
  return `seed ${seed} index ${o.index} [${o.c.family}] ${lhs} vs ${o.c.rhs} (${JSON.stringify(o.c.assume)}${ranges}): ${o.status}, truth ${o.c.truth} — ${o.detail}`;
}
