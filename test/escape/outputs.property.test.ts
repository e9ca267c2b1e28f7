/**
 * Hostile names through a whole derivation and a whole simulation: every output read back by its
 * own parser (HTML: parse5, Markdown: markdown-it, XML: fast-xml-parser, CSV: csv-parse, JSON,
 * TeX: a tokenizer against the commands a benign report uses), the names carried back as text,
 * and the generated TypeScript and C compile (esbuild, cc -fsyntax-only) with exactly the code of
 * a benign run: the names changed only comments and strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import {
  buildReport,
  contentHashHolds,
  defineModel,
  defineSimulation,
  derivation,
  parseExpr,
  simulate,
  sym,
  exprToLatex,
  plainNotation,
} from '../../src/index.ts';
import { claimsJson, collectClaims } from '../../src/cli/run.ts';
import { writeSimulation } from '../../src/cli/simulate.ts';
import { jsonText, neutralize } from '../../src/escape/index.ts';
import { HOSTILE, hostileName } from './hostile.ts';
import { csvRows, htmlElements, htmlText, renderMarkdown, texTokens, xmlValid } from './parsers.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A derivation whose titles, ids, labels, sources and steps are the given names; its one claim is an erratum (so errata.md shows it). */
function reportOf(names: readonly string[]) {
  const mod = derivation(names[0], names[1], (d) => {
    d.step(names[2], names[3]);
    names.forEach((n, k) =>
      d.claim({ id: `c${k}-${n}`, source: n, title: n }, () => [{ label: n, printed: parseExpr('a^2 + b^2'), derived: parseExpr('(a+b)^2') }]),
    );
  });
  const runs = [{ file: 'hostile.ts', derivation: mod.run(), ms: 1 }];
  return { built: buildReport(runs), claims: collectClaims(runs) };
}

const commands = (tex: string) => new Set(texTokens(tex).filter((t) => t.startsWith('\\')));
const BENIGN = reportOf(['plain a', 'plain b', 'plain c', 'plain d']);
const BENIGN_TEX_COMMANDS = commands(BENIGN.built.tex);
const ESCAPES = new Set([
  '\\textbackslash',
  '\\textasciitilde',
  '\\textasciicircum',
  '\\{',
  '\\}',
  '\\$',
  '\\&',
  '\\#',
  '\\%',
  '\\_',
  '\\text',
  '\\ldots',
  '\\S',
]);
/** The math escapes of escapeTex's table (Greek letters and symbols the paper's text uses). */
const TABLE = /^\\(theta|varepsilon|rho|mu|nu|psi|Psi|sigma|tau|kappa|gamma|pi|varphi|Phi|int|le|ge|to|otimes|partial|approx|cdot|times|infty|surd|\|)$/;
const BENIGN_ELEMENTS = (html: string) => new Set(htmlElements(html));

function checkReport(names: readonly string[]) {
  const { built, claims } = reportOf(names);
  // HTML: the same kinds of elements as a benign report, every name back as text
  const elements = htmlElements(built.html);
  const allowed = BENIGN_ELEMENTS(BENIGN.built.html);
  expect(elements.filter((e) => !allowed.has(e))).toEqual([]);
  expect(elements.filter((e) => e === 'script').length).toBe(htmlElements(BENIGN.built.html).filter((e) => e === 'script').length);
  const text = squash(htmlText(built.html));
  for (const n of names) expect(text).toContain(squash(neutralize(n, true).replace(/\r\n?/g, '\n')));
  // Markdown: no link, image, emphasis, raw HTML; every title back as text
  const md = renderMarkdown(built.errata);
  expect(htmlElements(md).filter((e) => ['a', 'img', 'script', 'em', 's', 'blockquote', 'table', 'hr', 'iframe', 'style', 'ol'].includes(e))).toEqual([]);
  const mdText = squash(htmlText(md));
  for (const n of names) expect(mdText).toContain(squash(neutralize(n.replace(/^[ \t]+/, ''))));
  // TeX: no command beyond those of a benign report and the escapes; braces balance
  for (const c of commands(built.tex)) expect(BENIGN_TEX_COMMANDS.has(c) || ESCAPES.has(c) || TABLE.test(c), c).toBe(true);
  let depth = 0;
  for (const t of texTokens(built.tex)) depth += t === '{' ? 1 : t === '}' ? -1 : 0;
  expect(depth).toBe(0);
  // JSON: the exact names
  const json = JSON.parse(jsonText(claimsJson(claims)));
  expect(json.claims.map((c: { title: string }) => c.title)).toEqual([...names]);
}

describe('hostile names through a derivation: report.html, errata.md, paper.tex, claims.json', () => {
  it('fixed hostile names', () => {
    for (let k = 0; k + 4 <= HOSTILE.length; k += 4) checkReport(HOSTILE.slice(k, k + 4));
  });
  it('generated hostile names', () => {
    fc.assert(
      fc.property(fc.array(hostileName(), { minLength: 4, maxLength: 4 }), (names) => {
        checkReport(names);
      }),
      { numRuns: 25, seed: 23 },
    );
  });
  it('a hostile symbol name in math is escaped for TeX (three cases)', () => {
    for (const n of ['\\input{x}', 'a$b', 'θ}']) {
      const tex = exprToLatex(sym(n), { notation: plainNotation });
      for (const c of commands(tex)) expect(ESCAPES.has(c) || TABLE.test(c) || c === '\\mathrm', c).toBe(true);
    }
  });
});

/** A tiny simulation whose spec name, model name, observable names, command and source are hostile. */
function simulationOf(specName: string, modelName: string, observables: readonly [string, string], origin: { command: string; source: string }) {
  const model = defineModel({ name: modelName, state: ['x'], density: 'p', drift: ['-x'], diffusion: ['1'] });
  const spec = defineSimulation({
    name: specName,
    model,
    initial: { gaussian: { mean: [0.5], covariance: [[0.2]] } },
    observables: { [observables[0]]: 'mean(x)', [observables[1]]: 'var(x)' },
    t: 0.1,
    samples: 2,
    seed: 3,
    tolerance: { relative: 100, absolute: 100 },
    methods: { particles: { kind: 'particles', scheme: 'auto', particles: 64, replicas: 2, dt: 0.05 } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'fhn-hostile-sim-'));
  writeSimulation(simulate(spec), spec, dir, origin);
  return dir;
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const tsCode = (text: string) => transformSync(text, { loader: 'ts', legalComments: 'none' }).code;
const cCode = (dir: string, f: string) =>
  execFileSync('cc', ['-fpreprocessed', '-dD', '-E', '-P', join(dir, f)], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.trim())
    .join('\n');

const BENIGN_SIM = simulationOf('benign', 'benign model', ['m', 'v'], { command: 'npx fhn-derive simulate b.ts', source: 'b.ts' });

function checkSimulation(n: readonly string[]) {
  const observables: [string, string] = [`${n[2]}`, `${n[3]}#2`];
  const dir = simulationOf(n[0], n[1], observables, { command: n[4] ?? 'x', source: n[5] ?? 'y' });
  const json = JSON.parse(read(dir, 'simulation.json'));
  expect(Object.keys(json.observables)).toEqual(observables);
  expect(json.name).toBe(n[0]);
  const header = csvRows(read(dir, 'simulation.csv'))[0];
  const guard = (s: string) => {
    const shown = s.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `[U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}]`);
    return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  };
  expect(header[1]).toBe(guard(observables[0]));
  expect(header[5]).toBe(guard(observables[1]));
  expect(xmlValid(read(dir, 'simulation.svg'))).toBe(true);
  for (const f of ['kernels.ts', 'kernels.c', 'driver.c']) expect(contentHashHolds(read(dir, f)), f).toBe(true);
  // the code is exactly the benign run's: the names only reached comments
  expect(tsCode(read(dir, 'kernels.ts'))).toBe(tsCode(read(BENIGN_SIM, 'kernels.ts')));
  execFileSync('cc', ['-fsyntax-only', '-std=c99', '-Wall', '-Werror', join(dir, 'driver.c')], { cwd: dir });
  expect(cCode(dir, 'kernels.c')).toBe(cCode(BENIGN_SIM, 'kernels.c'));
  expect(cCode(dir, 'driver.c')).toBe(cCode(BENIGN_SIM, 'driver.c'));
}

describe('hostile names through a simulation: json, csv, svg, kernels.ts, kernels.c, driver.c', () => {
  it('fixed hostile names (a model name with */, newlines and #include in the name, path and command)', () => {
    checkSimulation([
      'flux a*/b model',
      'x\n#include "/etc/passwd"\nint evil(void) { return 0; }',
      '=SUM(A1)',
      '*/ evil(); /*',
      'cmd\r\n#define x y',
      'path\\',
    ]);
    checkSimulation(HOSTILE.slice(6, 12));
  });
  it('generated hostile names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hostileName(), { minLength: 6, maxLength: 6 }), (names) => {
        fc.pre(names[2] !== `${names[3]}#2`);
        checkSimulation(names);
      }),
      { numRuns: 6, seed: 23 },
    );
  });
});
