/**
 * One escaper per output format, each checked by the format's own parser on hostile names: the
 * output parses, nothing active appears (no element, link, emphasis, formula, command), and the
 * name comes back as text, unchanged apart from controls and bidi characters made visible.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkIdentifier,
  commentText,
  csvCell,
  csvRow,
  cString,
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownCell,
  escapeMarkdownLine,
  escapeTerminal,
  escapeTex,
  escapeTexMathName,
  escapeXml,
  identifierProblem,
  jsonText,
  markdownCode,
  markdownCodeBlock,
  neutralize,
} from '../../src/escape/index.ts';
import { HOSTILE, hostileName } from './hostile.ts';
import { csvRows, firstElement, htmlElements, htmlText, parseXml, renderMarkdown, texTokens, xmlValid } from './parsers.ts';

const RUNS = { numRuns: 300, seed: 23 };
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const forAll = (check: (name: string) => void) => {
  for (const name of HOSTILE) check(name);
  fc.assert(
    fc.property(hostileName(), (n) => {
      check(n);
    }),
    RUNS,
  );
};

describe('neutralize: controls, separators and bidi characters become visible', () => {
  it('writes each as [U+XXXX] and leaves other text alone', () => {
    expect(neutralize('a\u202eb\u0007c\u2028d')).toBe('a[U+202E]b[U+0007]c[U+2028]d');
    expect(neutralize('θ 😀 é x')).toBe('θ 😀 é x');
    expect(neutralize('a\tb\nc', true)).toBe('a\tb\nc');
    expect(neutralize('\ud800 lone')).toBe('[U+D800] lone');
    forAll((n) => expect(neutralize(n)).not.toMatch(BIDI));
  });
});

describe('HTML', () => {
  it('element text and attributes parse back to the name, no element is created', () => {
    forAll((n) => {
      const frag = `<p title="${escapeHtml(n)}">${escapeHtml(n)}</p>`;
      const p = firstElement(frag);
      expect(p?.nodeName).toBe('p');
      expect(p?.childNodes?.every((c) => c.nodeName === '#text')).toBe(true);
      const shown = neutralize(n, true).replace(/\r\n?/g, '\n');
      expect(htmlText(frag)).toBe(shown);
      expect(p?.attrs?.find((a) => a.name === 'title')?.value).toBe(shown);
    });
  });
  it('a script or an image in a name stays text (three cases)', () => {
    for (const n of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'])
      expect(htmlElements(`<p>${escapeHtml(n)}</p>`)).toEqual(['html', 'head', 'body', 'p']);
  });
});

describe('XML / SVG', () => {
  it('every hostile name gives well-formed XML whose text and attribute read back', () => {
    forAll((n) => {
      const xml = `<svg xmlns="http://www.w3.org/2000/svg"><text label="${escapeXml(n)}">${escapeXml(n)}</text></svg>`;
      expect(xmlValid(xml), JSON.stringify(n)).toBe(true);
      const text = (parseXml(xml).svg as { text: { '#text'?: string; '@_label': string } }).text;
      expect(text['#text'] ?? '').toBe(neutralize(n));
      expect(text['@_label']).toBe(neutralize(n));
    });
  });
  it('control characters that XML forbids never reach the file (three cases)', () => {
    for (const n of ['\u0000', '\u001b[31m', '\ufffe']) expect(xmlValid(`<a>${escapeXml(n)}</a>`)).toBe(true);
  });
});

describe('JSON', () => {
  it('carries the exact name, with bidi and line separators as \\u escapes', () => {
    forAll((n) => {
      const text = jsonText({ name: n });
      expect(JSON.parse(text).name).toBe(n);
      expect(text).not.toMatch(BIDI);
      expect(text).not.toMatch(/[\u2028\u2029]/);
    });
  });
});

describe('CSV', () => {
  it('a header cell reads back as one cell, guarded when a spreadsheet would run it', () => {
    forAll((n) => {
      const rows = csvRows(`${csvRow(['t', n, 'x'])}\n${csvRow([1, -2.5, 3])}\n`);
      expect(rows).toHaveLength(2);
      const shown = n.replace(new RegExp(BIDI.source, 'gu'), (c) => `[U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}]`);
      expect(rows[0]).toEqual(['t', /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown, 'x']);
      expect(rows[1]).toEqual(['1', '-2.5', '3']);
    });
  });
  it('formula prefixes are guarded, numbers are not, CR is quoted (three cases and more)', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('Markdown', () => {
  const ACTIVE = ['a', 'em', 'strong', 'code', 's', 'img', 'script', 'h1', 'h2', 'blockquote', 'ul', 'ol', 'li', 'hr', 'table', 'pre', 'br'];
  const shown = (n: string) => neutralize(n.replace(/^[ \t]+/, '')).replace(/^ +| +$/g, '');
  it('a line renders as one paragraph holding exactly the name as text', () => {
    forAll((n) => {
      const html = renderMarkdown(escapeMarkdownLine(n));
      const elements = htmlElements(html).filter((e) => !['html', 'head', 'body'].includes(e));
      expect(
        elements.filter((e) => ACTIVE.includes(e)),
        `${JSON.stringify(n)} -> ${html}`,
      ).toEqual([]);
      if (shown(n)) expect(htmlText(html).replace(/^\s+|\s+$/g, ''), JSON.stringify(n)).toBe(shown(n).replace(/^\s+|\s+$/g, ''));
    });
  });
  it("leaves the paper's prose unchanged (three cases) and stops what would be active", () => {
    for (const t of ['m* <= rho0 <= 1/m*', '||gbar0 - nubar0||_L1 <= 2', 'H[mu] with theta = 1/sqrt(eps)', 'M_rho(. - c)']) expect(escapeMarkdown(t)).toBe(t);
    expect(escapeMarkdown('<b>x</b>')).toBe('&lt;b>x&lt;/b>');
    expect(escapeMarkdown('[a](b)')).toBe('[a\\](b)');
    expect(escapeMarkdownLine('# h')).toBe('\\# h');
    expect(escapeMarkdownLine('1. item')).toBe('1\\. item');
  });
  it('table cells keep their pipes, code spans and blocks their backticks', () => {
    expect(renderMarkdown(`| h |\n| --- |\n| ${escapeMarkdownCell('a|b')} |\n`)).toContain('<td>a|b</td>');
    forAll((n) => {
      const html = renderMarkdown(`x ${markdownCode(n)} y`);
      expect(htmlElements(html).filter((e) => e === 'code')).toHaveLength(n ? 1 : 0);
      if (n) expect(htmlText(html)).toContain(neutralize(n));
    });
    for (const n of ['```', 'a\n```\nb', '````x']) expect(htmlText(renderMarkdown(markdownCodeBlock(n))).replace(/\n+$/, '')).toBe(n);
  });
});

describe('TeX', () => {
  const TEXT_CS = new Set(['\\textbackslash', '\\textasciitilde', '\\textasciicircum', '\\{', '\\}', '\\$', '\\&', '\\#', '\\%', '\\_', '\\ldots', '\\S']);
  const MATH_CS =
    /^\\(theta|varepsilon|rho|mu|nu|psi|Psi|sigma|tau|kappa|gamma|pi|varphi|Phi|int|le|ge|to|otimes|partial|approx|cdot|times|infty|surd|\||text)$/;
  /** Every command of escaped text is one of the escapes, braces balance, no special character is bare. */
  function safeTex(tex: string, math: boolean): void {
    let depth = 0;
    let inMath = math;
    for (const t of texTokens(tex)) {
      if (t === '$') inMath = !inMath;
      else if (t === '{') depth++;
      else if (t === '}') expect(--depth).toBeGreaterThanOrEqual(0);
      else if (t.startsWith('\\')) expect(TEXT_CS.has(t) || MATH_CS.test(t), `${t} in ${tex}`).toBe(true);
      else expect('%#&~^_'.includes(t) && !(t === '^' && inMath), `${t} bare in ${tex}`).toBe(false);
      expect(t).not.toMatch(/[\p{Cc}]/u);
    }
    expect(depth).toBe(0);
    expect(inMath).toBe(math);
  }
  it('text: only escapes, balanced braces, no bare special character, no control character', () => {
    forAll((n) => safeTex(escapeTex(n), false));
  });
  it('a name in math: the same, inside \\mathrm', () => {
    forAll((n) => safeTex(`\\mathrm{${escapeTexMathName(n)}}`.slice('\\mathrm'.length), true));
  });
  it('commands in names are shown, not run (three cases)', () => {
    expect(escapeTex('\\input{x}')).toBe('\\textbackslash{}input\\{x\\}');
    expect(escapeTexMathName('a$b')).toBe('a\\text{\\$}b');
    expect(escapeTexMathName('θ_1')).toBe('\\text{$\\theta$}\\_1');
  });
});

describe('terminal and TSV', () => {
  it('a cell never holds a tab, a line break or an escape code', () => {
    forAll((n) => {
      const cell = escapeTerminal(n);
      expect(cell).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
      expect(cell).not.toMatch(BIDI);
    });
    expect(escapeTerminal('a\tb\nc\u001b[2J')).toBe('a\\tb\\nc[U+001B][2J');
  });
});

describe('generated code: identifiers, comments, strings', () => {
  it('only plain identifiers pass, every other name is refused by name (three cases and more)', () => {
    for (const ok of ['x', 'rho0', 'velocity_V', 'N_1']) expect(identifierProblem(ok)).toBeNull();
    for (const bad of ['x, y', 'a*/b', 'while', 'double', '1x', '', '__x', 'é', 'a'.repeat(64)]) expect(identifierProblem(bad), bad).not.toBeNull();
    expect(() => checkIdentifier('x, y', 'state')).toThrow(/state "x, y" is not an identifier/);
  });
  it('comment text is one line with no closer, no splice, no trigraph', () => {
    forAll((n) => {
      const c = commentText(n);
      expect(c).not.toMatch(/\*\/|[\n\r\u2028\u2029]|\?\?|\\$/);
      expect(c).not.toMatch(/[\p{Cc}]/u);
    });
  });
  it('a C string literal is printable ASCII with escapes only', () => {
    forAll((n) => {
      const s = cString(n);
      expect(s).toMatch(/^"(?:[ !#-[\]-~]|\\["\\?]|\\[0-7]{3})*"$/);
      expect(s).not.toContain('??');
    });
  });
});
