/**
 * The fuzz campaign: generated pairs (cases.ts) decided by equivalent(), counted against their
 * truth. A false `equal` (a false identity verified) is the failure that must never happen; a false
 * `different` (a true identity rejected) and `disputed` are counted and reported. Every case is
 * replayable from the campaign's seed and its index.
 */
import fc from 'fast-check';
import { equivalent, parseExpr, partial, Expr } from '../../src/index.ts';
import { cases, Case } from './cases.ts';

/** What one case came to. */
export interface Outcome {
  readonly index: number;
  readonly c: Case;
  readonly status: 'equal' | 'different' | 'disputed' | 'error';
  readonly detail: string;
}

/** Counts of a campaign and its notable cases. */
export interface CampaignResult {
  readonly seed: number;
  readonly cases: number;
  readonly falseEqual: Outcome[];
  readonly falseDifferent: Outcome[];
  readonly disputed: Outcome[];
  readonly errors: Outcome[];
  readonly byFamily: Map<string, { n: number; agreeing: number }>;
  readonly ms: number;
}

/** The opaque functions the generator applies (every other name is the registry's). */
export const OPAQUE = ['f', 'g'];

/** The n cases of a seed, in order (case k of a seed is always the same). */
export function generate(seed: number, n: number): Case[] {
  return fc.sample(cases, { seed, numRuns: n });
}

/** Decide one case. */
export function decide(c: Case, index = 0): Outcome {
  try {
    const lhs: Expr | string = c.differentiate ? partial(parseExpr(c.lhs, { opaque: OPAQUE }), c.differentiate) : c.lhs;
    const v = equivalent(lhs, c.rhs, { assume: c.assume, label: `fuzz case ${index} (${c.family})`, opaque: OPAQUE });
    return { index, c, status: v.status, detail: `${v.reason}; ${v.checks.map((k) => `${k.method}: ${k.result}`).join(', ')}` };
  } catch (err) {
    return { index, c, status: 'error', detail: `${(err as Error).name}: ${(err as Error).message.slice(0, 300)}` };
  }
}

/** Run n cases of a seed; onCase is called after each (progress); `decider` is equivalent() unless a test plants another. */
export function runCampaign(seed: number, n: number, onCase?: (k: number) => void, decider: (c: Case, k: number) => Outcome = decide): CampaignResult {
  const t0 = performance.now();
  const result: CampaignResult = { seed, cases: n, falseEqual: [], falseDifferent: [], disputed: [], errors: [], byFamily: new Map(), ms: 0 };
  generate(seed, n).forEach((c, k) => {
    const o = decider(c, k);
    const fam = result.byFamily.get(c.family) ?? { n: 0, agreeing: 0 };
    fam.n++;
    if (o.status === c.truth) fam.agreeing++;
    result.byFamily.set(c.family, fam);
    if (o.status === 'equal' && c.truth === 'different') result.falseEqual.push(o);
    else if (o.status === 'different' && c.truth === 'equal') result.falseDifferent.push(o);
    else if (o.status === 'disputed') result.disputed.push(o);
    else if (o.status === 'error') result.errors.push(o);
    onCase?.(k);
  });
  return { ...result, ms: performance.now() - t0 };
}

/** One line per notable case: seed, index, family, sides and why (to replay: --seed S --index K). */
export function describeOutcome(seed: number, o: Outcome): string {
  const lhs = o.c.differentiate ? `d/d${o.c.differentiate}[${o.c.lhs}]` : o.c.lhs;
  return `seed ${seed} index ${o.index} [${o.c.family}] ${lhs} vs ${o.c.rhs} (${JSON.stringify(o.c.assume)}): ${o.status} — ${o.detail}`;
}
