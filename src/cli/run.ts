/** Run derivations, print the table, write out/claims.json; the exit code says whether any claim failed. */
import { join } from 'node:path';
import { type ClaimRecord, type InequalityOutcome, describeClaimConditions } from '../verify/index.ts';
import { claimsTable, formatTable, stdoutLayout } from './table.ts';
import { writeReport } from '../report/index.ts';
import type { DerivationRun } from './runFiles.ts';
import { openReportOutputs } from './outputs.ts';
import { checkClaimIds } from '../report/html.ts';
import { escapeTerminal } from '../escape/terminal.ts';
import { OutputSet } from '../io/index.ts';
import { jsonText } from '../escape/json.ts';

export { runFiles, type DerivationRun, type RunOptions } from './runFiles.ts';
export { REPORT_FILES, openReportOutputs } from './outputs.ts';

/** All claims of the runs, with a failed claim standing for each file that did not run. */
export function collectClaims(runs: readonly DerivationRun[]): ClaimRecord[] {
  return runs.flatMap((r) =>
    r.derivation
      ? r.derivation.claims
      : [
          {
            id: `load:${r.file}`,
            source: r.file,
            title: 'derivation file',
            status: 'failed' as const,
            checks: [],
            ms: r.ms,
            parts: [],
            message: r.error,
            assumptions: {},
            unexpected: 'failed',
          },
        ],
  );
}

/** The JSON written to out/claims.json. */
export function claimsJson(claims: readonly ClaimRecord[]) {
  return {
    claims: claims.map((c) => ({
      id: c.id,
      source: c.source,
      title: c.title,
      status: c.status,
      assumptions: c.assumptions ?? {},
      ...(c.expected ? { expected: c.expected } : {}),
      ...(c.unexpected ? { unexpected: c.unexpected } : {}),
      checks: c.checks.map((k) => ({ method: k.method, result: k.result, detail: k.detail })),
      ms: Number(c.ms.toFixed(3)),
      ...(c.message ? { message: c.message } : {}),
      parts: c.parts.map((p) => ({
        label: p.label,
        holds: p.holds,
        ...(p.status ? { status: p.status } : {}),
        ...(p.reason ? { reason: p.reason } : {}),
        ...(p.options ? { options: p.options } : {}),
        printed: p.printed,
        derived: p.derived,
        ...(p.difference ? { difference: p.difference } : {}),
      })),
      ...(c.inequalities ? { inequalities: c.inequalities.map(inequalityJson) } : {}),
    })),
  };
}

/** An inequality for claims.json: holds, by which method, on what it rests, samples, worst margin and where. */
function inequalityJson(o: InequalityOutcome): Record<string, unknown> {
  return {
    label: o.label,
    printed: o.printed,
    holds: o.holds,
    method: o.method,
    ...(o.region ? { region: o.region } : {}),
    ...(o.rules?.length ? { rules: o.rules } : {}),
    // what a proof rests on (hypotheses, claims, context facts): the verdict's conditions, shown with it
    ...(o.facts?.length ? { facts: o.facts } : {}),
    ...(o.dependsOn?.length ? { dependsOn: o.dependsOn } : {}),
    samples: o.samples,
    worstMargin: o.worstMargin,
    worstRelativeMargin: o.worstRelativeMargin,
    worstAt: o.worstAt,
    lhsAtWorst: o.lhsAtWorst,
    rhsAtWorst: o.rhsAtWorst,
    ...(o.corrected ? { corrected: inequalityJson(o.corrected) } : {}),
  };
}

/** The JSON written to out/crosscheck.json. */
export function crossCheckJson(runs: readonly DerivationRun[]) {
  return {
    checks: runs
      .flatMap((r) => r.derivation?.crossChecks ?? [])
      .map((c) => ({
        id: c.id,
        quantity: c.quantity,
        value: Number.isFinite(c.value) ? c.value : String(c.value),
        tolerance: c.tolerance,
        pass: c.pass,
        ms: Number(c.ms.toFixed(1)),
        ...(c.cached ? { cached: true } : {}),
        ...(c.detail ? { detail: c.detail } : {}),
      })),
  };
}

/** A text table of the cross-checks (id, quantity, value, tolerance, pass, cost). */
export function crossCheckTable(runs: readonly DerivationRun[]): string {
  const rows = crossCheckJson(runs).checks.map((c) => [
    c.id,
    c.quantity,
    typeof c.value === 'number' ? c.value.toExponential(2) : c.value,
    c.tolerance.toExponential(0),
    c.pass ? 'pass' : 'FAIL',
    c.cached ? `cached (${c.ms})` : `${c.ms}`,
  ]);
  if (rows.length === 0) return '';
  return `\n${formatTable(['cross-check', 'quantity', 'value', 'tolerance', 'result', 'ms'], rows, stdoutLayout())}`;
}

/** A claim that is not verified, for the console: status, why, and per wrong part the printed form, the derived form and their difference. */
export function claimFindingText(c: ClaimRecord): string {
  const note = c.expected === c.status ? ' (expected)' : c.unexpected && c.unexpected !== c.status ? ` (${c.unexpected})` : '';
  const assumed = describeClaimConditions(c);
  const lines = [`${c.status.toUpperCase()}${note} ${c.id} ${c.source}: ${c.title}`, `  under: ${assumed}`];
  if (c.message) lines.push(`  why: ${c.message}`);
  for (const p of c.parts.filter((x) => !x.holds)) {
    lines.push(`  part "${p.label}"${p.status ? ` [${p.status}]` : ''}`);
    lines.push(`    printed:    ${p.printed}`, `    derived:    ${p.derived}`);
    if (p.difference) lines.push(`    difference: ${p.difference}   (derived - printed)`);
  }
  for (const o of c.inequalities ?? [])
    if (!o.holds)
      lines.push(
        `  inequality "${o.label}": ${o.printed}${o.corrected ? `; corrected: ${o.corrected.printed} (${o.corrected.holds ? 'holds' : 'fails'})` : ''}`,
      );
  return lines.map(escapeTerminal).join('\n');
}

/** Print the table and failures, write claims.json, crosscheck.json and the reports as one set, return the process exit code. */
export function report(runs: readonly DerivationRun[], out: string | OutputSet): number {
  const set =
    typeof out === 'string'
      ? openReportOutputs(
          out,
          'run',
          runs.map((r) => r.file),
        )
      : out;
  try {
    return reportInto(runs, set);
  } finally {
    set.abort();
  }
}

function reportInto(runs: readonly DerivationRun[], set: OutputSet): number {
  const outDir = set.dir;
  const claims = collectClaims(runs);
  checkClaimIds(claims); // before anything is written: every claim has its own id and anchor
  set.add('claims.json', jsonText(claimsJson(claims)));
  set.add('crosscheck.json', jsonText(crossCheckJson(runs)));
  console.log(claimsTable(claims));
  const checks = crossCheckTable(runs);
  if (checks) console.log(checks);
  for (const c of crossCheckJson(runs).checks)
    if (!c.pass)
      console.log(`\n${escapeTerminal(`CROSS-CHECK FAILED ${c.id}: ${c.quantity} = ${c.value} (tolerance ${c.tolerance})${c.detail ? `: ${c.detail}` : ''}`)}`);
  for (const c of claims)
    if (c.status === 'failed' || c.status === 'erratum' || c.status === 'disputed' || c.status === 'timeout') console.log(`\n${claimFindingText(c)}`);
  const built = writeReport(runs, set);
  set.commit();
  console.log(`\nwrote ${join(outDir, 'claims.json')}, ${built.files.join(', ')} (${built.equations.length} equations, KaTeX ${built.renderMs.toFixed(0)} ms)`);
  const failedChecks = runs.some((r) => r.derivation?.crossChecks.some((c) => !c.pass));
  const flagged = claims.filter((c) => c.unexpected);
  if (flagged.length > 0) console.log(`\n${flagged.length} claim(s) need attention: ${flagged.map((c) => `${c.id} (${c.unexpected})`).join(', ')}`);
  return flagged.length > 0 || failedChecks ? 1 : 0;
}
