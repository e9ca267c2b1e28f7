/**
 * The exact sums of the generated network (cExactSum.ts), compiled: the sum of the same values in
 * another order, or split into blocks summed separately and combined through the limbs, has the
 * same bits (where plain double sums differ); it is within 2^-63 per term of the exact sum; values
 * at or beyond 2^E and NaN are reported. Skipped without a C compiler.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cExactSums } from '../../src/codegen/cExactSum.ts';
import { compileNetwork, haveCompiler } from '../../src/dist/toolchain.ts';
import { createRng } from '../../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'fhn-cexact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads n values, sums them forwards, backwards and in `parts` blocks (combined through the limbs); prints the bits and double sums. */
const harness = `#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
${cExactSums(false)}
int main(int argc, char **argv) {
  const long n = atol(argv[1]), parts = atol(argv[2]);
  const int E = atoi(argv[3]);
  double *x = malloc(n * sizeof(double)), *r = malloc(n * sizeof(double));
  for (long i = 0; i < n; i++) { if (scanf("%lf", &x[i]) != 1) return 3; r[n - 1 - i] = x[i]; }
  wide_t f = 0, b = 0, p = 0;
  const int okf = fix_add(x, n, E, 0.0, 0, &f), okb = fix_add(r, n, E, 0.0, 0, &b);
  int64_t limbs[4 * 64], none = 0;
  for (long q = 0; q < parts; q++) {
    wide_t part = 0;
    const long lo = n * q / parts, hi = n * (q + 1) / parts;
    fix_add(x + lo, hi - lo, E, 0.0, 0, &part);
    exact_allreduce(&part, 1, &none, 0, limbs);
    p += part;
  }
  double df = 0, db = 0;
  for (long i = 0; i < n; i++) { df += x[i]; db += r[i]; }
  printf("%d %d %016llx%016llx %016llx%016llx %016llx%016llx %.17g %.17g %.17g\\n", okf, okb,
         (unsigned long long)((uwide_t)f >> 64), (unsigned long long)f, (unsigned long long)((uwide_t)b >> 64), (unsigned long long)b,
         (unsigned long long)((uwide_t)p >> 64), (unsigned long long)p, fix_value(f, E), df, db);
  return 0;
}`;

describe.skipIf(!haveCompiler())('exact sums', () => {
  const src = join(dir, 'sums.c');
  writeFileSync(src, harness);
  const exe = join(dir, 'sums');
  compileNetwork(src, exe, false);
  const run = (xs: number[], parts: number, E = 24) => {
    const r = spawnSync(exe, [String(xs.length), String(parts), String(E)], { input: xs.map((x) => x.toPrecision(17)).join('\n'), encoding: 'utf8' });
    const [okf, okb, f, b, p, value, df, db] = r.stdout.trim().split(' ');
    return { okf: okf === '1', okb: okb === '1', f, b, p, value: Number(value), df: Number(df), db: Number(db) };
  };
  // values of very different magnitudes, so that double sums depend on the order
  const rng = createRng(12345);
  const rnd = () => (rng.uniform() - 0.5) * 2;
  const xs = Array.from({ length: 20_001 }, (_, i) => rnd() * 10 ** ((i % 7) - 3));

  it('any order and any split give the same bits; plain double sums do not', () => {
    const r = run(xs, 7);
    expect(r.okf && r.okb).toBe(true);
    expect(r.b).toBe(r.f);
    expect(r.p).toBe(r.f);
    expect(run(xs, 3).p).toBe(r.f);
    expect(r.df).not.toBe(r.db);
  });
  it('is within n 2^-64 of the exact sum (checked against BigInt arithmetic of the doubles)', () => {
    const r = run(xs, 1);
    const scale = 2n ** 80n;
    const exact = xs.reduce((acc, x) => {
      const [m, e] = (() => {
        let k = 0;
        let y = Math.abs(x);
        while (!Number.isInteger(y)) {
          y *= 2;
          k++;
        }
        return [BigInt(y), k];
      })();
      return acc + (x < 0 ? -1n : 1n) * ((m * scale) / 2n ** BigInt(e));
    }, 0n);
    const err = Math.abs(Number(exact - BigInt(Math.round(r.value * 2 ** 40)) * 2n ** 40n) / 2 ** 80);
    expect(err).toBeLessThan(xs.length * 2 ** -63 + Math.abs(r.value) * 2 ** -52);
  });
  it('reports a value at or beyond 2^E, and NaN', () => {
    expect(run([1, 2 ** 24, 3], 1).okf).toBe(false);
    expect(run([1, -(2 ** 24) + 1, 3], 1).okf).toBe(true);
    expect(run([1, Number.NaN, 3], 1).okf).toBe(false);
    expect(run([2 ** 49, 1], 1, 50).okf).toBe(true);
  });
});
