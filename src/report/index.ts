/**
 * The report layer: LaTeX of expressions and equations in the paper's notation, and the report
 * files (out/report.html with KaTeX assets, out/paper.tex, out/errata.md) built from derivation runs.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildDocument, ReportRun, ReportDocument } from './document.ts';
import { renderHtml } from './html.ts';
import { renderTex } from './tex.ts';
import { renderErrata } from './errata.ts';
import { renderCitations } from './citations.ts';
import { ToLatexOptions } from './equation.ts';
import { ratesSection } from './attachments.ts';

export { toLatex, sideLatex } from './equation.ts';
export type { EquationLike, ToLatexOptions } from './equation.ts';
export { exprToLatex } from './latex.ts';
export { arrangeForDisplay } from './arrange.ts';
export { plainNotation, extendNotation } from './notation.ts';
export type { Notation, FunctionNotation, SymbolNotation } from './notation.ts';
export { buildDocument, countsLine } from './document.ts';
export type { ReportRun, ReportDocument, ClaimView, PartView, StepView, DerivationView } from './document.ts';
export { renderHtml, EquationCollector } from './html.ts';
export { renderTex, escapeTex } from './tex.ts';
export { renderErrata, affectsMd } from './errata.ts';
export { renderCitations } from './citations.ts';
export { ratesSection } from './attachments.ts';
export { markdownTableToHtml } from './markdown.ts';
export { logLogSvg } from './plot.ts';
export { seriesSvg, niceTicks } from './series.ts';
export type { SeriesPanel } from './series.ts';

/** The built report: the three texts, every formula the page emitted, and the KaTeX rendering time. */
export interface BuiltReport {
  readonly document: ReportDocument;
  readonly html: string;
  readonly tex: string;
  readonly errata: string;
  readonly citations: string;
  readonly equations: readonly string[];
  readonly renderMs: number;
}

/** Build the HTML page, the .tex document and the errata from derivation runs. */
export function buildReport(runs: readonly ReportRun[], options: ToLatexOptions & { title?: string } = {}): BuiltReport {
  const document = buildDocument(runs, options);
  const { html, equations, renderMs } = renderHtml(document);
  return { document, html, tex: renderTex(document), errata: renderErrata(document), citations: renderCitations(document), equations, renderMs };
}

/** The directory of KaTeX's distribution (CSS and fonts). */
function katexDist(): string {
  return dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
}

/** Write outDir/report.html (with outDir/katex/ CSS and fonts), outDir/paper.tex, outDir/errata.md and outDir/citations.md. */
export function writeReport(runs: readonly ReportRun[], outDir: string, options: ToLatexOptions & { title?: string } = {}): BuiltReport & { files: string[] } {
  const built = buildReport(runs, options);
  const dist = katexDist();
  mkdirSync(join(outDir, 'katex'), { recursive: true });
  cpSync(join(dist, 'katex.min.css'), join(outDir, 'katex', 'katex.min.css'));
  cpSync(join(dist, 'fonts'), join(outDir, 'katex', 'fonts'), { recursive: true });
  const files = [join(outDir, 'report.html'), join(outDir, 'paper.tex'), join(outDir, 'errata.md'), join(outDir, 'citations.md')];
  writeFileSync(files[0], built.html.replace('</body>', `${ratesSection(outDir)}\n</body>`));
  writeFileSync(files[1], built.tex);
  writeFileSync(files[2], built.errata);
  writeFileSync(files[3], built.citations);
  return { ...built, files };
}
