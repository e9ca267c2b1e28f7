/**
 * The LaTeX document: the same content as the HTML page (claims and verdicts, errata with
 * printed and derived forms, every derivation step by step), using only packages of a standard
 * TeX distribution (amsmath, amssymb, geometry, longtable).
 */
import { escapeTex } from '../escape/tex.ts';
import type { ReportDocument, ClaimView, PartView, DerivationView } from './document.ts';
import { countsLine } from './document.ts';

export { escapeTex };

/** Plain text in typewriter that may break anywhere (plain-text forms of expressions). */
const plain = (s: string) => `{\\small\\ttfamily\\raggedright ${escapeTex(s).replace(/([*+(),=-])/g, '$1\\allowbreak{}')}\\par}`;
const display = (tex: string) => `\\[\n${tex}\n\\]`;

function part(p: PartView, erratum: boolean): string {
  const head = `\\noindent\\textit{${escapeTex(p.label)}} --- ${p.holds ? 'holds' : p.mustHold ? '\\textbf{does not hold} (a derived fact)' : '\\textbf{printed form differs}'}`;
  if (p.same && p.holds) return `${head}\\\\ ${p.mustHold ? 'Expected' : 'Printed'} $=$ derived:\n${display(p.printedTex)}`;
  const lines = [head, '', p.mustHold ? 'Expected (a fact the derivation relies on):' : 'Printed (as in the paper):', display(p.printedTex)];
  if (erratum) lines.push(plain(p.printedText));
  lines.push('Derived (engine):', display(p.derivedTex));
  if (erratum) lines.push(plain(p.derivedText));
  if (p.differenceTex !== undefined) {
    lines.push('Derived $-$ printed:', display(p.differenceTex));
    if (erratum) lines.push(plain(p.differenceText ?? ''));
  }
  return lines.join('\n');
}

function claim(c: ClaimView): string {
  const head = `\\paragraph{${escapeTex(c.id)} ${escapeTex(c.source)} [${escapeTex(c.status)}]} ${escapeTex(c.title)} \\emph{(under: ${escapeTex(c.assumptions)})}`;
  const msg = c.message ? `\n\n${plain(c.message)}` : '';
  return [head + msg, ...c.parts.map((p) => part(p, false))].join('\n\n');
}

function derivationSection(d: DerivationView): string {
  const out = [`\\section{${escapeTex(d.title)}}`, `${escapeTex(d.section)} \\hfill \\texttt{${escapeTex(d.file)}}`];
  if (d.error) out.push(plain(d.error));
  if (d.steps.length) {
    out.push('\\subsection*{Steps}', '\\begin{enumerate}');
    for (const s of d.steps) {
      out.push(`\\item \\textbf{${escapeTex(s.title)}.} ${escapeTex(s.explanation)}${s.claim ? ` (claim \\texttt{${escapeTex(s.claim)}})` : ''}`);
      for (const m of s.math) out.push(`\n\\noindent ${escapeTex(m.label)}:`, display(m.tex));
    }
    out.push('\\end{enumerate}');
  }
  if (d.claims.length) out.push('\\subsection*{Claims}', ...d.claims.map(claim));
  if (d.crossChecks.length) {
    out.push('\\subsection*{Numeric cross-checks}', '\\begin{longtable}{p{4cm}p{6.5cm}rrl}', 'check & quantity & value & tolerance & result\\\\\\hline');
    for (const k of d.crossChecks)
      out.push(
        `\\texttt{${escapeTex(k.id)}} & ${escapeTex(k.quantity)} & ${escapeTex(Number.isFinite(k.value) ? k.value.toExponential(2) : String(k.value))} & ${k.tolerance.toExponential(0)} & ${k.pass ? 'pass' : 'FAIL'}\\\\`,
      );
    out.push('\\end{longtable}');
  }
  return out.join('\n');
}

/** The .tex source of the report (compiles with pdflatex). */
export function renderTex(doc: ReportDocument): string {
  const rows = doc.claims.map(
    (c) =>
      `\\texttt{${escapeTex(c.id)}} & ${escapeTex(c.source)} & ${escapeTex(c.title)} & ${escapeTex(c.status)} & ${escapeTex(c.assumptionsShort)} & ${escapeTex(c.checks.map((k) => `${k.method}: ${k.result}`).join(', '))}\\\\`,
  );
  const errata = doc.errata.length
    ? doc.errata
        .flatMap((c) => [
          `\\paragraph{${escapeTex(c.id)} ${escapeTex(c.source)}} ${escapeTex(c.title)}`,
          ...c.parts.filter((p) => !p.holds).map((p) => part(p, true)),
        ])
        .join('\n\n')
    : 'No errata: every printed equation the engine replayed holds as printed.';
  return `\\documentclass[10pt]{article}
\\usepackage[T1]{fontenc}
\\usepackage[utf8]{inputenc}
\\usepackage{amsmath,amssymb}
\\usepackage[margin=1.8cm]{geometry}
\\usepackage{longtable}
\\allowdisplaybreaks
\\title{${escapeTex(doc.title)}}
\\date{}
\\begin{document}
\\maketitle
${escapeTex(countsLine(doc))}. A claim is \\emph{verified} when two independent methods agree and none dissents, under the assumptions shown with it (every other symbol is real); an \\emph{erratum} is a printed equation that differs from what the engine derives; \\emph{disputed} means the methods disagree or cannot decide.

\\section*{Claims and verdicts}
{\\small
\\begin{longtable}{p{3.0cm}p{1.3cm}p{5.2cm}p{1.6cm}p{1.8cm}p{3.2cm}}
claim & paper & statement & verdict & assumes & methods\\\\\\hline
\\endhead
${rows.join('\n')}
\\end{longtable}}

\\section*{Errata}
${errata}

${doc.derivations.map(derivationSection).join('\n\n')}
\\end{document}
`;
}
