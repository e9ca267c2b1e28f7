/** Plain text in the .tex document: LaTeX's special characters escaped, Unicode written so pdflatex compiles it. */
import { describe, expect, it } from 'vitest';
import { escapeTex } from '../../src/report/index.ts';

describe('escapeTex', () => {
  it("escapes every one of LaTeX's special characters", () => {
    expect(escapeTex('a_b & 50% $x$ #1 {y} ~ ^ \\ end')).toBe(
      'a\\_b \\& 50\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end',
    );
    expect(escapeTex('plain text (a+b)*c = d')).toBe('plain text (a+b)*c = d');
  });

  it("writes the paper's symbols as math, keeps Latin letters, and names any other character by code point", () => {
    expect(escapeTex('θ ≤ ε — é')).toBe('$\\theta$ $\\le$ $\\varepsilon$ --- é');
    expect(escapeTex('😀 中')).toBe('[U+1F600] [U+4E2D]');
  });
});
