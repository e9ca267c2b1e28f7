/**
 * `npm run fuzz -- --cases 100000 [--seed 1]`: a long fuzz campaign, with a progress bar; prints the
 * counts of false `equal` (must be 0: the command exits 1 otherwise), false `different`, disputed and
 * errors, the notable cases with the seed and index that replay them, and per family the counts of
 * equal, different, disputed, refused, false equal, false different, not refused and wrongly refused.
 * `npm run fuzz -- --seed S --index K` replays one case and prints every method's evidence.
 */
import { parseArgs } from 'node:util';
import { progressBar } from '../../src/numerics/index.ts';
import fc from 'fast-check';
import { runCampaign, describeOutcome, generate, decide, type CampaignResult } from './campaign.ts';
import { cases, type Case } from './cases.ts';
import { hostileCases, opaqueOption } from './hostile.ts';
import { equivalent, parseExpr, partial } from '../../src/index.ts';

const USAGE = `usage: npm run fuzz -- [--cases N] [--seed S] [--index K] [--families all|classic|hostile]
  --cases N      how many generated pairs (default 10000)
  --seed S       the campaign's seed (default 1); the same seed gives the same cases
  --index K      replay case K of the seed and print every method's evidence
  --families F   classic (the first campaign's), hostile (issue 18's classes) or all (half each; default)`;

/** The cases of a --families choice. */
function casesOf(families: string): fc.Arbitrary<Case> {
  if (families === 'classic') return cases;
  if (families === 'hostile') return hostileCases();
  if (families === 'all') return fc.oneof(cases, hostileCases());
  throw new Error(`--families must be all, classic or hostile, got "${families}"`);
}

/** One line per family: its cases, each status, and the wrong ones. */
function familyTable(r: CampaignResult): string[] {
  const head = `${'family'.padEnd(64)}${['cases', 'equal', 'diff', 'disp', 'refused', 'FALSE=', 'FALSE≠', 'unrefused', 'errors'].map((h) => h.padStart(9)).join('')}`;
  const rows = [...r.byFamily]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([family, x]) =>
        `${family.slice(0, 63).padEnd(64)}${[x.n, x.equal, x.different, x.disputed, x.refused, x.falseEqual, x.falseDifferent, x.unrefused, x.errors].map((v) => String(v).padStart(9)).join('')}`,
    );
  return [head, ...rows];
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (!Number.isSafeInteger(x) || x < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return x;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      seed: { type: 'string' },
      index: { type: 'string' },
      families: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = positiveInteger('seed', values.seed, 1);
  const arbitrary = casesOf(values.families ?? 'all');
  if (values.index !== undefined) {
    const k = positiveInteger('index', values.index, 0);
    const c = generate(seed, k + 1, arbitrary)[k];
    console.log(describeOutcome(seed, decide(c, k)));
    const lhs = c.differentiate ? partial(parseExpr(c.lhs, opaqueOption(c.opaque)), c.differentiate) : c.lhs;
    const v = equivalent(lhs, c.rhs, { assume: c.assume, thorough: true, ...(c.ranges ? { ranges: c.ranges } : {}), ...opaqueOption(c.opaque) });
    for (const check of v.checks) console.log(`  ${check.method}: ${check.result} (${check.detail})`);
    return 0;
  }
  const n = positiveInteger('cases', values.cases, 10_000);
  const bar = progressBar(`fuzz seed ${seed}`);
  const r = runCampaign(seed, n, (k) => bar((k + 1) / n), undefined, arbitrary);
  console.log(`${r.cases} cases (seed ${seed}) in ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`false equal:     ${r.falseEqual.length}   (must be 0)`);
  console.log(`false different: ${r.falseDifferent.length}`);
  console.log(`disputed:        ${r.disputed.length}`);
  console.log(`refused wrongly: ${r.errors.length}`);
  console.log(`not refused:     ${r.unrefused.length}   (cases that had to be refused)`);
  for (const o of [...r.falseEqual, ...r.falseDifferent, ...r.errors, ...r.unrefused, ...r.disputed].slice(0, 40))
    console.log(`  ${describeOutcome(seed, o).slice(0, 400)}`);
  console.log('');
  for (const line of familyTable(r)) console.log(line);
  return r.falseEqual.length > 0 || r.errors.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`fuzz: ${(err as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
