/** The claims table printed on stdout. */
import type { ClaimRecord } from '../verify/index.ts';
import { shortAssumptions } from '../cas/assumptions.ts';

const SHORT: Record<string, string> = {
  'engine-normal-form': 'engine',
  'nerdamer-expand': 'nerdamer',
  'mathjs-random-points': 'mathjs',
};

/** A fixed-width text table: claim, source, status, the assumptions it used, methods (with their results), ms. */
export function claimsTable(claims: readonly ClaimRecord[]): string {
  const rows = claims.map((c) => [
    c.id,
    c.source,
    c.status + (c.expected && c.status === c.expected ? ' (expected)' : c.unexpected && c.status !== 'failed' && c.status !== 'disputed' ? ' (UNEXPECTED)' : ''),
    shortAssumptions(c.assumptions ?? {}) || 'real',
    c.checks.map((k) => `${SHORT[k.method] ?? k.method}${k.result === 'equal' ? '' : `:${k.result}`}`).join(' ') || '-',
    c.ms.toFixed(1),
  ]);
  const header = ['claim', 'source', 'status', 'assumes', 'methods', 'ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === r.length - 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ');
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '', `${claims.length} claims: ${summary}`].join('\n');
}
