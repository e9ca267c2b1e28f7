/**
 * paper.tex of a derivation with hostile names compiles with pdflatex, without shell escape, and
 * none of the names ran a command (no file was read, nothing was written). Needs a TeX engine
 * (`apt-get install -y texlive-latex-base`); skipped where there is none, so `npm test` never needs it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, derivation, parseExpr, sym, add } from '../../src/index.ts';
import { HOSTILE } from '../escape/hostile.ts';

const hasTex = spawnSync('pdflatex', ['--version']).status === 0;

describe.skipIf(!hasTex)('paper.tex with hostile names and pdflatex', () => {
  it('compiles without shell escape; no name reads a file or writes one', () => {
    const names = [
      ...HOSTILE.filter((n) => n.length < 200),
      '\\input{/etc/hostname}',
      '\\openout1=pwned.txt\\write1{x}\\closeout1',
      '\\catcode`\\@=0 @input{/etc/hostname}',
    ];
    const mod = derivation(names[4], names[5], (d) => {
      d.step(names[6], names[7], [{ label: names[8], rhs: add(sym(names[9]), sym(names[4])) }]);
      names.forEach((n, k) =>
        d.claim({ id: `c${k}-${n}`, source: n, title: n }, () => [{ label: n, printed: parseExpr('a^2 + b^2'), derived: parseExpr('(a+b)^2') }]),
      );
    });
    const { tex } = buildReport([{ file: names[3], derivation: mod.run(), ms: 1 }]);
    const dir = mkdtempSync(join(tmpdir(), 'fhn-tex-'));
    writeFileSync(join(dir, 'paper.tex'), tex);
    const r = spawnSync('pdflatex', ['-no-shell-escape', '-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const log = readFileSync(join(dir, 'paper.log'), 'utf8');
    expect(r.status, log.slice(-3000)).toBe(0);
    expect(existsSync(join(dir, 'paper.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'pwned.txt'))).toBe(false);
    expect(log).not.toContain('(/etc/hostname'); // TeX writes (FILE when it opens one; the name itself may appear as text in a box warning
    expect(log).not.toMatch(/runsystem/);
  }, 180_000);
});
