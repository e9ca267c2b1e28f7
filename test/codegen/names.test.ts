/**
 * Names never become code: every name a kernel prints as code is an identifier of every target
 * (or the kernel is refused, by name); free text (doc, provenance, title, command, source file)
 * only reaches comments and string literals through the target's escaper, so the generated TS
 * and C compile to the same code whatever the text; the content hash covers the header too.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { add, num, parseExpr, sym } from '../../src/cas/index.ts';
import { C99, compileKernels, contentHashHolds, emitModule, type LoopKernel, type ScalarKernel } from '../../src/codegen/index.ts';
import { NameError } from '../../src/escape/index.ts';

const scalar = (name: string, args: string[], doc = 'doc', derivation = 'test'): ScalarKernel => ({
  kind: 'scalar',
  name,
  doc,
  args,
  expr: args.length ? sym(args[0]) : parseExpr('1'),
  provenance: { derivation },
});
const loop = (arrays: string[], uniforms: string[], doc = 'doc'): LoopKernel => ({
  kind: 'loop',
  name: 'step',
  doc,
  arrays,
  uniforms,
  outputs: { [arrays[0]]: add(sym(arrays[0]), num(1)) },
  provenance: { derivation: 'test' },
});

const tsCode = (text: string) => transformSync(text, { loader: 'ts', legalComments: 'none' }).code;
function cCompiles(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fhn-cnames-'));
  const file = join(dir, 'k.c');
  writeFileSync(file, text);
  execFileSync('cc', ['-fsyntax-only', '-std=c99', '-Wall', '-Werror', file]);
  return execFileSync('cc', ['-fpreprocessed', '-dD', '-E', '-P', file], { encoding: 'utf8' }).replace(/\n+/g, '\n');
}

describe('names that reach code are identifiers', () => {
  it('refuses kernel, argument and array names that are not identifiers, naming them (three cases and more)', () => {
    expect(() => emitModule('t', [scalar('k', ['x, y'])])).toThrow(NameError);
    expect(() => emitModule('t', [scalar('k', ['x, y'])])).toThrow(/argument "x, y" is not an identifier/);
    expect(() => emitModule('t', [scalar('a*/b', ['x'])])).toThrow(/kernel name "a\*\/b" is not an identifier/);
    expect(() => emitModule('t', [loop(['x\n#include <x>'], [])], undefined, C99)).toThrow(/is not an identifier/);
    expect(() => emitModule('t', [scalar('k', ['while'])])).toThrow(/reserved word/);
    expect(() => emitModule('t', [scalar('k', ['exp'])], undefined, C99)).toThrow(/reserved word/);
  });

  it('the in-process compiler refuses them too (nothing runs)', () => {
    expect(() => compileKernels([scalar('k', ['x){process.exit(1)}function f(y'])])).toThrow(NameError);
  });
});

describe('free text only in escaped comments', () => {
  const hostile = ['flux a*/b model', '*/ process.exit(1); /*', 'x\n#include "/etc/passwd"\nint evil(void) { return 0; }', 'a\u2028b', 'end\\', '??/ trigraph'];
  it('TypeScript: the same code for any doc, provenance, title, command and source', () => {
    const benign = tsCode(emitModule('title', [scalar('k', ['x']), loop(['x'], ['u'])], { command: 'c', source: 's' }));
    for (const h of hostile) {
      const text = emitModule(h, [scalar('k', ['x'], h, h), loop(['x'], ['u'], h)], { command: h, source: h, checkedBy: h });
      expect(tsCode(text), JSON.stringify(h)).toBe(benign);
      expect(contentHashHolds(text)).toBe(true);
    }
  });
  it('C: compiles with -Wall -Werror and to the same code for any text', () => {
    const benign = cCompiles(emitModule('title', [scalar('k', ['x']), loop(['x'], ['u'])], { command: 'c', source: 's' }, C99));
    for (const h of hostile) {
      const text = emitModule(h, [scalar('k', ['x'], h, h), loop(['x'], ['u'], h)], { command: h, source: h }, C99);
      expect(cCompiles(text), JSON.stringify(h)).toBe(benign);
    }
  });
  it('JavaScript compiled in process: a model name with */ no longer breaks or runs anything', () => {
    const k = compileKernels([scalar('k', ['x'], 'flux a*/b model */ globalThis.pwned = 1; /*')]);
    expect((k.k as (x: number) => number)(3)).toBe(3);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('the content hash covers what is compiled', () => {
  it('an edit of the header, the body or the hash is detected (three cases)', () => {
    const text = emitModule('title', [scalar('k', ['x'])], { command: 'npx fhn-derive simulate s.ts', source: 's.ts' }, C99);
    expect(contentHashHolds(text)).toBe(true);
    expect(contentHashHolds(text.replace('// title', '// title\n#define double int'))).toBe(false);
    expect(contentHashHolds(text.replace('return x;', 'return -x;'))).toBe(false);
    expect(contentHashHolds(text.replace(/sha256 [0-9a-f]{4}/, 'sha256 0000'))).toBe(false);
  });
});
