/**
 * `npm run fuzz -- --cases 100000 [--seed 1]`: a long fuzz campaign, with a progress bar; prints the
 * counts of false `equal` (must be 0: the command exits 1 otherwise), false `different`, disputed and
 * errors, the notable cases with the seed and index that replay them, and the per-family agreement.
 * `npm run fuzz -- --seed S --index K` replays one case and prints every method's evidence.
 */
import { parseArgs } from 'node:util';
import { progressBar } from '../../src/numerics/index.ts';
import { runCampaign, describeOutcome, generate, decide, OPAQUE } from './campaign.ts';
import { equivalent, parseExpr, partial } from '../../src/index.ts';

const USAGE = `usage: npm run fuzz -- [--cases N] [--seed S] [--index K]
  --cases N   how many generated pairs (default 10000)
  --seed S    the campaign's seed (default 1); the same seed gives the same cases
  --index K   replay case K of the seed and print every method's evidence`;

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (!Number.isSafeInteger(x) || x < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return x;
}

function main(): number {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = positiveInteger('seed', values.seed, 1);
  if (values.index !== undefined) {
    const k = positiveInteger('index', values.index, 0);
    const c = generate(seed, k + 1)[k];
    console.log(describeOutcome(seed, decide(c, k)));
    const lhs = c.differentiate ? partial(parseExpr(c.lhs, { opaque: OPAQUE }), c.differentiate) : c.lhs;
    const v = equivalent(lhs, c.rhs, { assume: c.assume, thorough: true, opaque: OPAQUE });
    for (const check of v.checks) console.log(`  ${check.method}: ${check.result} (${check.detail})`);
    return 0;
  }
  const n = positiveInteger('cases', values.cases, 10_000);
  const bar = progressBar(`fuzz seed ${seed}`);
  const r = runCampaign(seed, n, (k) => bar((k + 1) / n));
  console.log(`${r.cases} cases (seed ${seed}) in ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`false equal:     ${r.falseEqual.length}   (must be 0)`);
  console.log(`false different: ${r.falseDifferent.length}`);
  console.log(`disputed:        ${r.disputed.length}`);
  console.log(`errors:          ${r.errors.length}`);
  for (const o of [...r.falseEqual, ...r.falseDifferent, ...r.errors, ...r.disputed].slice(0, 40)) console.log(`  ${describeOutcome(seed, o).slice(0, 400)}`);
  console.log('\nfamily'.padEnd(58) + 'cases  agree with the truth');
  for (const [family, x] of [...r.byFamily].sort()) console.log(`${family.padEnd(57)}${String(x.n).padStart(5)}  ${x.agreeing}`);
  return r.falseEqual.length > 0 || r.errors.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`fuzz: ${(err as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
