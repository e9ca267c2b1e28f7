/**
 * The HTML report: one self-contained page, every formula rendered by KaTeX at build time (so
 * the page needs only katex.min.css and its fonts, copied next to it; no script, no network).
 * The page carries the number of formulas it emitted in `data-equations` on <body>.
 */
import { NameError, quoteName } from '../escape/code.ts';
import { resultMark } from './marks.ts';
import katex from 'katex';
import type { ReportDocument, ClaimView, PartView, DerivationView } from './document.ts';
import { countsLine } from './document.ts';
import { escapeHtml } from './escape.ts';

export { escapeHtml };

/** Renders formulas with KaTeX and keeps every LaTeX source it emitted, in page order. */
export class EquationCollector {
  readonly equations: string[] = [];
  renderMs = 0;

  /** HTML of one formula (a `.katex-error` span, never an exception, if KaTeX refuses it). */
  render(tex: string, display = true): string {
    this.equations.push(tex);
    const t0 = performance.now();
    const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
    this.renderMs += performance.now() - t0;
    return html;
  }
}

const CSS = `
body{font-family:"Latin Modern Roman","Computer Modern Serif",Georgia,serif;max-width:1180px;margin:2em auto;padding:0 1.5em;color:#1d1d1f;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2.2em;border-bottom:1px solid #ccc;padding-bottom:.2em}h3{margin:1.4em 0 .4em}
.meta{color:#555}.file{font-family:monospace;font-size:.85em;color:#666}
table.claims{border-collapse:collapse;width:100%;font-size:.92em}
table.claims th,table.claims td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
table.claims th{background:#f4f4f6}
.status{display:inline-block;padding:.05em .55em;border-radius:.8em;font-size:.85em;font-family:sans-serif;white-space:nowrap}
.status-verified{background:#d9f2dd;color:#17612a}.status-erratum{background:#fde8c8;color:#8a4b00}
.status-failed,.status-timeout{background:#f9d0d0;color:#8a1010}.status-unsupported{background:#e6e6e6;color:#444}
.status-checked-numeric{background:#dde8fb;color:#173f82}.status-disputed{background:#f3d9f7;color:#6b1a7a}
.assumes{font-family:monospace;font-size:.85em;color:#555;white-space:nowrap}
.evidence{font-size:.8em;color:#444;font-family:sans-serif;max-width:22em}.evidence b{font-weight:600}
.check{white-space:nowrap}.check-different,.check-error{color:#8a1010;font-weight:bold}
.evidence details div{margin:.2em 0;word-break:break-word}
ol.steps>li{margin-bottom:1.1em}.step-title{font-weight:bold}.explanation{margin:.15em 0 .3em}
.math{display:grid;grid-template-columns:11em minmax(0,1fr);gap:.1em 1em;align-items:center}
.math .label{font-size:.85em;color:#555;font-family:sans-serif;text-align:right}
.katex-display{margin:.35em 0;overflow-x:auto;overflow-y:hidden;padding:.1em 0}
.math .katex-display>.katex,.pair .katex-display>.katex,.single .katex-display>.katex,.diff .katex-display>.katex{text-align:left;padding-left:.5em}
.claim{border-left:4px solid #9bb;padding:.3em 0 .3em 1em;margin:1em 0}
.claim.erratum{border-color:#e69b2e}.claim.failed,.claim.timeout{border-color:#c33}.claim.verified{border-color:#4a9a5c}.claim.disputed{border-color:#9b3aab}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1em}
.pair>div{background:#fafafa;border:1px solid #eee;padding:.2em .7em;min-width:0}
.pair h4,.single h4{margin:.3em 0 0;font-size:.8em;font-family:sans-serif;color:#666;font-weight:normal;text-transform:uppercase;letter-spacing:.04em}
.part-label{font-family:sans-serif;font-size:.88em;margin-top:.6em}
.diff{background:#fff6e8;border:1px solid #f1d5a5;padding:.2em .7em;margin-top:.4em}
pre.plain{white-space:pre-wrap;font-size:.78em;color:#333;margin:.2em 0}
.message{font-family:monospace;font-size:.8em;white-space:pre-wrap;color:#8a1010}
`;

/** The HTML anchor of a claim id (`claim-` and the id with every other character than letters, digits, _ and - as _). */
export const claimAnchor = (id: string): string => `claim-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Refuse claim ids that repeat, or that differ only where the anchor writes _ (`eq-1.11` and `eq-1_11`): each names both claims and their sources. */
export function checkClaimIds(claims: readonly { id: string; source: string }[]): void {
  const byAnchor = new Map<string, { id: string; source: string }>();
  for (const c of claims) {
    const a = claimAnchor(c.id);
    const first = byAnchor.get(a);
    if (first)
      throw new NameError(
        first.id === c.id
          ? `claim id ${quoteName(c.id)} is used twice (${quoteName(first.source)} and ${quoteName(c.source)}); every claim needs its own id`
          : `claim ids ${quoteName(first.id)} and ${quoteName(c.id)} get the same anchor #${a} in the report; rename one`,
      );
    byAnchor.set(a, c);
  }
}

/** The page for a report document; the collector receives every formula emitted. */
export function renderHtml(
  doc: ReportDocument,
  eq: EquationCollector = new EquationCollector(),
): { html: string; equations: readonly string[]; renderMs: number } {
  const badge = (s: string) => `<span class="status status-${escapeHtml(s)}">${escapeHtml(s)}</span>`;
  const anchor = claimAnchor;
  const mark = resultMark;
  const evidence = (c: ClaimView) =>
    c.checks.length === 0
      ? ''
      : `<details><summary>${c.checks.map((k) => `<span class="check check-${escapeHtml(k.result)}" title="${escapeHtml(k.result)}">${escapeHtml(k.method.split('-')[0])} ${mark(k.result)}</span>`).join(' ')}</summary>${c.checks
          .map((k) => `<div><b>${escapeHtml(k.method)}</b>: ${escapeHtml(k.result)}${k.detail ? ` — ${escapeHtml(k.detail)}` : ''}</div>`)
          .join('')}</details>`;

  const table = `<table class="claims"><thead><tr><th>claim</th><th>paper</th><th>statement</th><th>verdict</th><th>assumes</th><th>evidence</th><th>ms</th></tr></thead><tbody>
${doc.claims.map((c) => `<tr><td><a href="#${anchor(c.id)}">${escapeHtml(c.id)}</a></td><td>${escapeHtml(c.source)}</td><td>${escapeHtml(c.title)}</td><td>${badge(c.status)}${c.expected === c.status ? ' <small>(expected)</small>' : ''}</td><td class="assumes">${escapeHtml(c.assumptionsShort)}</td><td class="evidence">${evidence(c) || escapeHtml(c.message ?? '')}</td><td>${c.ms.toFixed(1)}</td></tr>`).join('\n')}
</tbody></table>`;

  const part = (p: PartView, erratum: boolean) => {
    const head = `<div class="part-label">${escapeHtml(p.label)} ${p.holds ? '— holds' : p.mustHold ? '— <b>does not hold</b> (a derived fact)' : '— <b>printed form differs</b>'}</div>`;
    if (p.same && p.holds)
      return `${head}<div class="single"><h4>${p.mustHold ? 'expected = derived' : 'printed = derived'}</h4>${eq.render(p.printedTex)}</div>`;
    const diff =
      p.differenceTex !== undefined
        ? `<div class="diff"><h4>derived − printed</h4>${eq.render(p.differenceTex)}${erratum ? `<pre class="plain">${escapeHtml(p.differenceText ?? '')}</pre>` : ''}</div>`
        : '';
    const side = (title: string, tex: string, text: string) =>
      `<div><h4>${title}</h4>${eq.render(tex)}${erratum ? `<pre class="plain">${escapeHtml(text)}</pre>` : ''}</div>`;
    return `${head}<div class="pair">${side(p.mustHold ? 'expected (a fact the derivation relies on)' : 'printed (as in the paper)', p.printedTex, p.printedText)}${side('derived (engine)', p.derivedTex, p.derivedText)}</div>${diff}`;
  };

  const claimBlock = (
    c: ClaimView,
  ) => `<div class="claim ${escapeHtml(c.status)}" id="${anchor(c.id)}"><div><b>${escapeHtml(c.id)}</b> ${escapeHtml(c.source)} ${badge(c.status)} — ${escapeHtml(c.title)}</div><div class="meta">under: ${escapeHtml(c.assumptions)}</div>
${c.message ? `<div class="message">${escapeHtml(c.message)}</div>` : ''}${c.parts.map((p) => part(p, false)).join('\n')}</div>`;

  const derivationBlock = (d: DerivationView) => {
    const steps = d.steps
      .map((s) => {
        const math = s.math.length
          ? `<div class="math">${s.math.map((m) => `<div class="label">${escapeHtml(m.label)}</div><div>${eq.render(m.tex)}</div>`).join('')}</div>`
          : '';
        const link = s.claim ? ` <a href="#${anchor(s.claim)}">→ ${escapeHtml(s.claim)}</a>` : '';
        return `<li><div class="step-title">${escapeHtml(s.title)}${link}</div><div class="explanation">${escapeHtml(s.explanation)}</div>${math}</li>`;
      })
      .join('\n');
    const checks = d.crossChecks.length
      ? `<h3>Numeric cross-checks</h3><table class="claims"><thead><tr><th>check</th><th>quantity</th><th>value</th><th>tolerance</th><th>result</th></tr></thead><tbody>${d.crossChecks
          .map(
            (k) =>
              `<tr><td>${escapeHtml(k.id)}</td><td>${escapeHtml(k.quantity)}</td><td>${Number.isFinite(k.value) ? k.value.toExponential(2) : escapeHtml(String(k.value))}</td><td>${k.tolerance.toExponential(0)}</td><td>${badge(
                k.pass ? 'verified' : 'failed',
              )
                .replace(/>verified</, '>pass<')
                .replace(/>failed</, '>FAIL<')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
    return `<section class="derivation"><h2>${escapeHtml(d.title)}</h2><div class="meta">${escapeHtml(d.section)} <span class="file">${escapeHtml(d.file)}</span></div>
${d.error ? `<div class="message">${escapeHtml(d.error)}</div>` : ''}${steps ? `<h3>Steps</h3><ol class="steps">${steps}</ol>` : ''}
${d.claims.length ? `<h3>Claims</h3>${d.claims.map(claimBlock).join('\n')}` : ''}${checks}</section>`;
  };

  const errata = doc.errata.length
    ? doc.errata
        .map(
          (c) =>
            `<div class="claim erratum"><div><a href="#${anchor(c.id)}"><b>${escapeHtml(c.id)}</b></a> ${escapeHtml(c.source)} — ${escapeHtml(c.title)}</div>${c.parts
              .filter((p) => !p.holds)
              .map((p) => part(p, true))
              .join('\n')}</div>`,
        )
        .join('\n')
    : '<p>No errata: every printed equation the engine replayed holds as printed.</p>';

  const body = `<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(countsLine(doc))}. A claim is <i>verified</i> when two independent methods (the engine's normal form, evaluation of the text at seeded points of the declared domain with error bounds, nerdamer when these two do not settle it) agree and none dissents, under the assumptions shown with it (every other symbol is real); an inequality is <i>verified</i> when a certificate proves it (the rules are named) and <i>checked-numeric</i> when it holds on an adversarial search of the region the paper's hypotheses allow; an <i>erratum</i> is a printed equation that differs from what the engine derives; <i>disputed</i> means the methods disagree or cannot decide (both forms are shown).</p>
<h2>Claims and verdicts</h2>${table}
<h2>Errata</h2>${errata}
${doc.derivations.map(derivationBlock).join('\n')}`;

  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<link rel="stylesheet" href="katex/katex.min.css"><style>${CSS}</style></head>
<body data-equations="${eq.equations.length}">
${body}
</body></html>
`;
  return { html, equations: eq.equations, renderMs: eq.renderMs };
}
