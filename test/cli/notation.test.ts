/** The paper's notation is the paper's derivations' choice: a user's file is typeset plainly unless it declares its own. */
import { describe, expect, it } from 'vitest';
import { runFiles } from '../../src/cli/run.ts';
import { buildDocument } from '../../src/report/index.ts';
import { paperNotation } from '../../derivations/lib/notation.ts';

/** Every LaTeX string of the document: the steps' formulas and the claims' printed and derived forms. */
const allTex = (doc: ReturnType<typeof buildDocument>) =>
  doc.derivations
    .flatMap((d) => [...d.steps.flatMap((s) => s.math.map((m) => m.tex)), ...d.claims.flatMap((c) => c.parts.flatMap((p) => [p.printedTex, p.derivedTex]))])
    .join('\n');

describe('notation per derivation file', () => {
  it("a user's file gets plain notation: no paper symbol (g^eps, rho_0^eps) in its report", async () => {
    const runs = await runFiles(['examples/ou-centre.ts'], { threads: 0 }); // in this process: the notation is the file's business, not the thread's
    expect(runs[0].error).toBeUndefined();
    expect(runs[0].notation).toBeUndefined();
    const tex = allTex(buildDocument(runs));
    expect(tex).not.toContain('\\varepsilon');
    expect(tex).toContain('\\partial_2 g(z, y)'); // the paper's table would write its unknown g as g^\\varepsilon, arguments elided
  });

  it("the paper's derivations opt into the paper's notation", async () => {
    const runs = await runFiles(['derivations/rescaling.ts']);
    expect(runs[0].notation).toEqual(paperNotation); // a copy: each file runs on a worker thread of its own
    expect(allTex(buildDocument(runs))).toContain('\\theta^\\varepsilon');
  });

  it('a file that exports its own notation is typeset with it; a malformed notation export is refused by name', async () => {
    const [own, bad] = await runFiles(['test/fixtures/own-notation.ts', 'test/fixtures/bad-notation.ts'], { threads: 0 });
    const tex = allTex(buildDocument([own]));
    expect(tex).toContain('\\varrho \\theta');
    expect(tex).toContain('g(x)');
    expect(bad.derivation).toBeUndefined();
    expect(bad.error).toMatch(/bad-notation\.ts: the `notation` export must be a notation/);
  });
});
