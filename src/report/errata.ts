/**
 * out/errata.md: every claim whose printed form the engine found wrong, with the printed form,
 * the derived form and their difference, each in LaTeX and in plain text, with where the erratum
 * lies, the smallest change that makes the printed text right and the evidence for it. When there is none,
 * the file says so (and how many claims were replayed), so its absence is never ambiguous.
 */
import type { ReportDocument, PartView, ClaimView } from './document.ts';
import type { ErratumLocation } from '../verify/index.ts';
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

/** Location, smallest change and evidence of an erratum (or a note that they were not recorded). */
function locationMd(c: ClaimView): string {
  const where = c.erratum
    ? `- **Location:** ${LOCATION[c.erratum.location]}\n- **Smallest change:** ${escapeMarkdown(c.erratum.change)}\n${c.erratum.note ? `- **Note:** ${escapeMarkdown(c.erratum.note)}\n` : ''}`
    : '- **Location:** not recorded for this claim\n';
  const evidence = (c.evidence ?? []).map((e) => `  - ${escapeMarkdown(e)}`).join('\n');
  return `${where}- **Evidence:**\n${evidence || '  - (none recorded)'}\n\n`;
}

const LOCATION: Record<ErratumLocation, string> = {
  formula: 'in the formula',
  hypothesis: 'in a hypothesis',
  constant: 'in a constant carried from elsewhere',
  reference: 'in a reference',
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
  return `${head}\n${doc.errata.length} erratum claim(s).\n\n${entries.join('\n')}`;
}
