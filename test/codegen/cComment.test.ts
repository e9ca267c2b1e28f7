/**
 * Text reaching the generated network programs: comment text cannot close its comment, string
 * literals compile back to the very bytes (quotes, backslashes, line breaks, control characters,
 * trigraph-like ??, non-ASCII), and names that are not C identifiers are refused by the printer.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cComment, cStringLiteral } from '../../src/codegen/cComment.ts';
import { cNetworkProgram } from '../../src/index.ts';
import { compileNetwork, haveCompiler, runProgram } from '../../src/dist/toolchain.ts';
import { paperNetworkProgram } from '../../derivations/lib/networkProgram.ts';

const dir = mkdtempSync(join(tmpdir(), 'fhn-ccomment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NASTY = ['a "quoted" \\ path', 'two\nlines\r\n', 'end */ of comment /* again', 'tab\there\u0001\u007f', 'what??/', 'FitzHugh–Nagumo ε θ'];

describe('C comments and strings', () => {
  it('a comment holds any text on one line and is closed only at its end', () => {
    for (const t of NASTY) {
      const c = cComment(t);
      expect(c.indexOf('*/')).toBe(c.length - 2);
      expect(c).not.toMatch(/[\r\n]/);
    }
  });
  it.skipIf(!haveCompiler())('string literals compile back to the same bytes', () => {
    const src = join(dir, 'strings.c');
    writeFileSync(
      src,
      `#include <stdio.h>\nint main(void) {\n${NASTY.map((t) => `  fputs(${cStringLiteral(t)}, stdout); putchar(0);`).join('\n')}\n  return 0;\n}\n`,
    );
    compileNetwork(src, join(dir, 'strings'), false);
    const out = runProgram(join(dir, 'strings'), []).stdout;
    expect(out.split('\0').slice(0, -1)).toEqual(NASTY);
  });
  it('the printer refuses a name that is not a C identifier', () => {
    const p = paperNetworkProgram({ eps: 0.05, cells: 2, scheme: 'ou-split', neurons: 10, dt: 1e-3, t: 0.01, seed: 1, samples: 1 });
    expect(() => cNetworkProgram({ ...p, bindings: { ...p.bindings, 'x-y': { kind: 'constant', value: 1 } } }, { mpi: false })).toThrow(
      /"x-y" is not a C identifier/,
    );
    expect(() => cNetworkProgram({ ...p, state: ['v', 'w;'] }, { mpi: false })).toThrow(/not a C identifier|initial law/);
    expect(() => cNetworkProgram({ ...p, bindings: { ...p.bindings, V: undefined as never } }, { mpi: false })).toThrow(/uniform V has no binding/);
  });
});
