import { describe, it, expect, beforeAll } from 'vitest';
import katex from 'katex';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExpr } from '../../src/cas/index.ts';
import { derivation } from '../../src/verify/index.ts';
import { paperReplay, type PaperReplay } from '../support/replay.ts';
import { buildReport, writeReport, EquationCollector, escapeTex, ReportRun } from '../../src/report/index.ts';

/** A derivation with one erratum (a wrong printed expansion), one verified claim and one step. */
const withErratum = derivation('fixture', 'test', (d) => {
  d.step('Expand', 'Square the sum.', [{ label: '(a+b)^2', lhs: parseExpr('s'), rhs: parseExpr('(a + b)^2') }]);
  d.claim(
    {
      id: 'square-printed',
      source: '(9.9)',
      title: 'the printed square',
      erratum: { location: 'formula', change: 'a^2 + b^2 -> a^2 + 2ab + b^2', note: 'the cross term was dropped' },
    },
    () => [
      { label: 'expansion', printed: parseExpr('a^2 + b^2'), derived: parseExpr('(a + b)^2') },
      { label: 'corrected', printed: parseExpr('a^2 + 2*a*b + b^2'), derived: parseExpr('(a + b)^2'), mustHold: true },
    ],
  );
  d.claim({ id: 'cube-ok', source: '(9.10)', title: 'a true identity' }, () => [
    { label: 'cube', printed: parseExpr('a^3 + 3*a^2*b + 3*a*b^2 + b^3'), derived: parseExpr('(a + b)^3') },
  ]);
});
const fixtureRuns = (): ReportRun[] => [
  { file: 'fixture.ts', derivation: withErratum.run(), ms: 1 },
  { file: 'broken.ts', error: 'SyntaxError: boom', ms: 0 },
];

describe('the report of the paper', () => {
  // the symbolic replay, run once for the whole test run by test/support/replay.setup.ts
  let built: PaperReplay;
  beforeAll(() => {
    built = paperReplay();
  });

  it('every emitted formula renders with KaTeX (throwOnError: true)', () => {
    expect(built.equations.length).toBeGreaterThan(10);
    for (const tex of built.equations) expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true })).not.toThrow();
  });

  it('the page declares exactly the formulas it emitted, each rendered once', () => {
    expect(built.html).toContain(`data-equations="${built.equations.length}"`);
    expect(built.html.split('class="katex"').length - 1).toBe(built.equations.length);
    expect(built.html).not.toContain('katex-error');
    expect(built.html).toContain('href="katex/katex.min.css"');
    expect(built.html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('every claim appears in the table and the .tex document, with its status', () => {
    expect(built.claims.length).toBeGreaterThan(50);
    for (const c of built.claims) {
      expect(built.html).toContain(`id="claim-${c.id.replace(/[^A-Za-z0-9_-]/g, '_')}"`);
      expect(built.tex).toContain(escapeTex(c.id));
    }
    expect(built.tex).toContain('\\begin{document}');
    // a sampled inequality that holds is marked as passing, one that fails as failing (not as an error)
    const row = (id: string) => {
      const at = built.html.indexOf(`href="#claim-${id.replace(/[^A-Za-z0-9_-]/g, '_')}"`);
      return at < 0 ? '' : built.html.slice(at, built.html.indexOf('</tr>', at));
    };
    expect(row('lemma-2.1')).toContain('adversarial ✓');
    expect(row('lemma-2.1')).not.toContain('adversarial !');
    expect(row('prop-4.10-bounds')).toContain('adversarial ✗');
    expect(row('prop-4.10-bounds')).toContain('prover ✓');
    expect(built.tex.trimEnd().endsWith('\\end{document}')).toBe(true);
  });
});

describe('errata and failures', () => {
  it('an erratum is listed with printed, derived and difference in LaTeX and text', () => {
    const r = buildReport(fixtureRuns());
    expect(r.document.errata.map((c) => c.id)).toEqual(['square-printed']);
    const md = r.errata;
    expect(md).toContain('## square-printed — (9.9)');
    expect(md).toContain('a^{2} + b^{2}');
    expect(md).toContain('(a + b)^{2}');
    expect(md).toContain('2 a b');
    expect(md).toContain('2*a*b');
    expect(md).not.toContain('cube-ok');
    expect(md).toContain('- **Location:** in the formula');
    expect(md).toContain('- **Smallest change:** a^2 + b^2 -> a^2 + 2ab + b^2');
    expect(md).toMatch(/- \*\*Evidence:\*\*\n {2}- printed form differs .*expansion\n {2}- verified \(engine-normal-form, .*\): corrected/);
    expect(r.html).toContain('derived − printed');
    expect(r.tex).toContain('Derived $-$ printed');
  });

  it('says so when there is no erratum, and shows a file that did not load as failed', () => {
    const r = buildReport([
      {
        file: 'fixture.ts',
        derivation: derivation('ok', 'test', (d) =>
          d.claim({ id: 'one', source: 'x', title: 't' }, () => [{ label: 'l', printed: parseExpr('1'), derived: parseExpr('1') }]),
        ).run(),
        ms: 1,
      },
      fixtureRuns()[1],
    ]);
    expect(r.errata).toContain('No errata');
    // an erratum without a recorded location says so
    const bare = buildReport([
      {
        file: 'f.ts',
        derivation: derivation('d', 't', (d) =>
          d.claim({ id: 'x', source: 'x', title: 't' }, () => [{ label: 'l', printed: parseExpr('1'), derived: parseExpr('2') }]),
        ).run(),
        ms: 1,
      },
    ]);
    expect(bare.errata).toContain('- **Location:** not recorded for this claim');
    expect(r.document.claims.find((c) => c.id === 'load:broken.ts')?.status).toBe('failed');
    expect(r.html).toContain('SyntaxError: boom');
  });

  it('a formula KaTeX refuses shows as .katex-error in the page (what the browser test looks for)', () => {
    const eq = new EquationCollector();
    expect(eq.render('\\frac{1}{')).toContain('katex-error');
    expect(() => katex.renderToString('\\frac{1}{', { throwOnError: true })).toThrow();
    expect(eq.equations).toEqual(['\\frac{1}{']);
  });

  it('writeReport writes the page, KaTeX assets, the .tex and errata.md', () => {
    const out = mkdtempSync(join(tmpdir(), 'fhn-report-'));
    const w = writeReport(fixtureRuns(), out);
    for (const f of ['report.html', 'paper.tex', 'errata.md', 'katex/katex.min.css', 'katex/fonts/KaTeX_Main-Regular.woff2'])
      expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'errata.md'), 'utf8')).toBe(w.errata);
  });
});

describe('escapeTex', () => {
  it('escapes LaTeX specials and writes Greek and symbols as math', () => {
    expect(escapeTex('a_b & 50% #1 {x} ~ ^ \\')).toBe('a\\_b \\& 50\\% \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(escapeTex('Itô θ ≤ § –')).toBe('Itô $\\theta$ $\\le$ \\S{} --');
    expect(escapeTex('☃')).toBe('[U+2603]');
  });
});
