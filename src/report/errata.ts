/**
 * out/errata.md: every claim whose printed form the engine found wrong, with the printed form,
 * the derived form and their difference, each in LaTeX and in plain text, with where the erratum
 * lies, the smallest change that makes the printed text right and the evidence for it. When there is none,
 * the file says so (and how many claims were replayed), so its absence is never ambiguous.
 */
import type { ReportDocument, PartView, ClaimView } from './document.ts';
import type { ErratumLocation, ErratumNote } from '../verify/index.ts';
import { countsLine } from './document.ts';
import { escapeMarkdown, escapeMarkdownLine, markdownCode, markdownCodeBlock } from '../escape/markdown.ts';

const block = (title: string, tex: string, text: string) => `**${title}**\n\n$$\n${tex}\n$$\n\n${markdownCodeBlock(text)}\n`;

function partMd(p: PartView): string {
  return [
    `#### ${escapeMarkdown(p.label)}\n`,
    block('Printed (as in the paper)', p.printedTex, p.printedText),
    block('Derived (engine)', p.derivedTex, p.derivedText),
    block('Difference (derived − printed)', p.differenceTex ?? '0', p.differenceText ?? '0'),
  ].join('\n');
}

/** The "affects" lines of an erratum: each result that uses it and what changes there. */
export function affectsMd(note: ErratumNote | undefined): string {
  if (!note?.affects) return '- **Affects:** not recorded\n';
  if (note.affects.length === 0) return '- **Affects:** no other result\n';
  return `- **Affects:** ${escapeMarkdown(note.affects.map((a) => a.result).join(', '))}\n${note.affects.map((a) => `  - ${escapeMarkdown(`${a.result}: ${a.change}`)}`).join('\n')}\n`;
}

/** Kind, location, smallest change, affected results and evidence of an erratum (or a note that they were not recorded). */
function locationMd(c: ClaimView): string {
  const where = c.erratum
    ? `- **Kind:** ${markdownCode(c.erratum.location)}
- **Location:** ${LOCATION[c.erratum.location]} (${escapeMarkdown(c.source)})
- **Smallest change:** ${escapeMarkdown(c.erratum.change)}
${
  c.erratum.note
    ? `- **Note:** ${escapeMarkdown(c.erratum.note)}
`
    : ''
}${affectsMd(c.erratum)}`
    : '- **Location:** not recorded for this claim\n';
  const evidence = (c.evidence ?? []).map((e) => `  - ${escapeMarkdown(e)}`).join('\n');
  return `${where}- **Evidence:**\n${evidence || '  - (none recorded)'}\n\n`;
}

/** Each kind of erratum, in words. */
export const LOCATION: Record<ErratumLocation, string> = {
  formula: 'in the formula',
  hypothesis: 'in a hypothesis',
  constant: 'in a constant carried from elsewhere',
  reference: 'in a reference: the citation names another result than the one the step uses',
  gap: 'a gap: the step runs the wrong way (the order of a supremum, a limit and an integral, or what a constant depends on)',
  extraction: 'possibly in the text extraction (the extracted formula is ambiguous)',
};

/** The Markdown text of out/errata.md for a report document. */
export function renderErrata(doc: ReportDocument): string {
  const head = `# Errata found by the engine\n\n${countsLine(doc)}.\n`;
  if (doc.errata.length === 0)
    return `${head}\nNo errata: every printed equation the engine replayed (${doc.claims.length} claims) holds as printed, or was not decided (see the claims table in report.html).\n`;
  const entries = doc.errata.map((c) => {
    const parts = c.parts.filter((p) => !p.holds);
    return `## ${escapeMarkdown(`${c.id} — ${c.source}`)}\n\n${escapeMarkdownLine(c.title)}\n\n${locationMd(c)}File: ${markdownCode(c.file)}${c.message ? `. ${escapeMarkdown(c.message)}` : ''}\n\n${parts.map(partMd).join('\n')}`;
  });
  const kinds = Object.keys(LOCATION)
    .map((k) => [k, doc.errata.filter((c) => c.erratum?.location === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} \`${k}\``)
    .join(', ');
  return `${head}\n${doc.errata.length} erratum claim(s), by kind: ${kinds || 'none recorded'}.\n\n${entries.join('\n')}`;
}
