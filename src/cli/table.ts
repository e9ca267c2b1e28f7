/** Text tables on stdout: aligned columns on a terminal, tab-separated values in a pipe. */
import { type ClaimRecord, shortClaimConditions } from '../verify/index.ts';
import { escapeTerminal } from '../escape/terminal.ts';

/** How a table is laid out: `aligned` pads columns (a terminal), otherwise one tab between cells (a pipe). */
export interface TableLayout {
  readonly aligned: boolean;
  /** Columns padded on the left (numbers), by index. */
  readonly rightAligned?: readonly number[];
}

/** Aligned when stdout is a terminal, plain tab-separated values otherwise. */
export const stdoutLayout = (rightAligned: readonly number[] = []): TableLayout => ({ aligned: process.stdout.isTTY === true, rightAligned });

/** A table: header and rows, columns separated by two spaces and a rule under the header when aligned, by tabs when not. */
export function formatTable(header: readonly string[], cells: readonly (readonly string[])[], layout: TableLayout): string {
  const rows = cells.map((r) => r.map(escapeTerminal)); // no tab, newline or escape code of a cell reaches the terminal or the pipe
  if (!layout.aligned) return [header, ...rows].map((r) => r.join('\t')).join('\n');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = new Set(layout.rightAligned ?? []);
  const line = (r: readonly string[]) =>
    r
      .map((x, i) => (right.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const SHORT: Record<string, string> = {
  'engine-normal-form': 'engine',
  'nerdamer-expand': 'nerdamer',
  'mathjs-random-points': 'mathjs',
};

/** The claims table: claim, source, status, the assumptions it used (with its parts' own assume, ranges, methods), methods (with their results), ms; then a count per status. */
export function claimsTable(claims: readonly ClaimRecord[], layout: TableLayout = stdoutLayout([5])): string {
  const rows = claims.map((c) => [
    c.id,
    c.source,
    c.status + (c.expected && c.status === c.expected ? ' (expected)' : c.unexpected && c.unexpected !== c.status ? ' (UNEXPECTED)' : ''),
    shortClaimConditions(c) || 'real',
    c.checks.map((k) => `${SHORT[k.method] ?? k.method}${k.result === 'equal' ? '' : `:${k.result}`}`).join(' ') || '-',
    c.ms.toFixed(1),
  ]);
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  const table = formatTable(['claim', 'source', 'status', 'assumes', 'methods', 'ms'], rows, { rightAligned: [5], ...layout });
  return [table, '', `${claims.length} claims: ${summary}`].join('\n');
}
