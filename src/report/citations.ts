/**
 * out/citations.md: every citation the replayed proofs make, with where it is, the sentence as
 * printed, how it is checked (against the cited statement, or named only) and its status; the
 * wrong ones first, each with the result the step really uses.
 */
import type { ReportDocument } from './document.ts';

/** A Markdown table cell: pipes escaped, line breaks flattened. */
const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The status of a citation in words (with the claim that checked it). */
function statusText(c: ReportDocument['citations'][number]): string {
  const claim = c.claim ? ` (\`${c.claim}\`)` : '';
  return `${c.status}${claim}${c.note.uses ? `: the step uses ${c.note.uses}` : ''}`;
}

/** The Markdown text of out/citations.md for a report document. */
export function renderCitations(doc: ReportDocument): string {
  const list = doc.citations;
  const head = '# Citations in the proofs\n';
  if (list.length === 0) return `${head}\nNo derivation recorded a citation.\n`;
  const wrong = list.filter((c) => c.status.startsWith('erratum') || c.status === 'failed' || c.status === 'disputed');
  const by = (k: string) => list.filter((c) => c.note.check === k).length;
  const summary = `${list.length} citations: ${by('statement')} checked against the cited statement (${list.filter((c) => c.status === 'agrees').length} agree, ${wrong.length} wrong or unresolved), ${by('named')} named only (a hypothesis, a definition or an equation the step restates), ${by('external')} to outside sources.`;
  const row = (c: (typeof list)[number], i: number) =>
    `| ${i + 1} | ${cell(c.note.at)} | ${cell(c.note.cites)} | ${cell(c.note.quote)} | ${c.note.check} | ${cell(statusText(c))} | ${cell(c.detail)} |`;
  const table = ['| # | where | cites | as printed | check | status | detail |', '| --- | --- | --- | --- | --- | --- | --- |', ...list.map(row)].join('\n');
  const wrongMd = wrong.length
    ? `## Wrong citations\n\n${wrong.map((c) => `- **${c.note.at}** cites ${c.note.cites}${c.note.uses ? `, uses ${c.note.uses}` : ''}: ${c.status}${c.claim ? ` (\`${c.claim}\`)` : ''}. "${c.note.quote}"`).join('\n')}\n\n`
    : '';
  return `${head}\n${summary}\n\n${wrongMd}## Every citation\n\n${table}\n`;
}
