/**
 * The report layer: LaTeX of expressions and equations in the paper's notation, and the report
 * files (out/report.html with KaTeX assets, out/paper.tex, out/errata.md) built from derivation runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildDocument, ReportRun, ReportDocument } from './document.ts';
import { renderHtml } from './html.ts';
import { renderTex } from './tex.ts';
import { renderErrata } from './errata.ts';
import { renderCitations } from './citations.ts';
import { ToLatexOptions } from './equation.ts';
import { ratesSection } from './attachments.ts';
import { OutputSet } from '../io/index.ts';
import { REPORT_LEGACY } from './legacy.ts';

export { REPORT_LEGACY } from './legacy.ts';

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

/** The KaTeX CSS and fonts, as (name in the output folder, bytes). */
function katexFiles(): [string, Buffer][] {
  const dist = katexDist();
  const fonts = readdirSync(join(dist, 'fonts')).sort();
  return [
    ['katex/katex.min.css', readFileSync(join(dist, 'katex.min.css'))],
    ...fonts.map((f): [string, Buffer] => [`katex/fonts/${f}`, readFileSync(join(dist, 'fonts', f))]),
  ];
}

/**
 * Stage report.html (with katex/ CSS and fonts), paper.tex, errata.md and citations.md into an output set (a
 * folder path: opened and committed here). The rates section is read from the set's folder, only
 * from files its manifest lists.
 */
export function writeReport(
  runs: readonly ReportRun[],
  out: string | OutputSet,
  options: ToLatexOptions & { title?: string } = {},
): BuiltReport & { files: string[] } {
  const set = typeof out === 'string' ? OutputSet.open(out, 'report', { legacy: REPORT_LEGACY }) : out;
  try {
    const built = buildReport(runs, options);
    for (const [name, data] of katexFiles()) set.add(name, data);
    const rates = ratesSection(set.dir);
    set.add(
      'report.html',
      built.html.replace('</body>', () => `${rates}\n</body>`),
    );
    set.add('paper.tex', built.tex);
    set.add('errata.md', built.errata);
    set.add('citations.md', built.citations);
    const files = ['report.html', 'paper.tex', 'errata.md', 'citations.md'].map((f) => join(set.dir, f));
    if (typeof out === 'string') set.commit();
    return { ...built, files };
  } catch (err) {
    set.abort();
    throw err;
  }
}
