/**
 * The generated C normals (cPhilox.ts) against the TypeScript ones (numerics/philox.ts), bit for
 * bit: blocks that start anywhere in a group of four neurons, neurons whose word takes the
 * ziggurat's slow path (wedges, tail), high neuron indices, both purposes. Skipped without a C compiler.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cCounterNormals } from '../../src/codegen/cPhilox.ts';
import { counterNormal, philox4x32, streamWord, ZIGGURAT } from '../../src/index.ts';
import { compileNetwork, haveCompiler, runProgram } from '../../src/dist/toolchain.ts';

const dir = mkdtempSync(join(tmpdir(), 'fhn-cphilox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A C program printing the normals of neurons [g0, g0 + n) at (seed, replica, step, stream) with 17 significant digits (they round-trip). */
const harness = `#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
${cCounterNormals()}
int main(int argc, char **argv) {
  const uint32_t seed = strtoul(argv[1], 0, 10), replica = strtoul(argv[2], 0, 10), step = strtoul(argv[3], 0, 10), stream = strtoul(argv[4], 0, 10);
  const uint64_t g0 = strtoull(argv[5], 0, 10);
  const long n = atol(argv[6]);
  double out[NORMAL_CHUNK];
  fill_normals(out, g0, n, step, stream, seed, replica);
  for (long i = 0; i < n; i++) printf("%.17g\\n", out[i]);
  return 0;
}`;

/** Neurons (at step 0 under seed 3, replica 1) whose fast word falls outside the ziggurat's rectangles. */
function slowNeurons(count: number): number[] {
  const out: number[] = [];
  for (let g = 0; out.length < count; g++) {
    const w = philox4x32([0, Math.floor(g / 4), 0, streamWord('step', 0)], 3, 1)[g % 4] | 0;
    if (Math.abs(w) >= ZIGGURAT.kn[w & 127]) out.push(g);
  }
  return out;
}

describe.skipIf(!haveCompiler())('C normals = TypeScript normals, bit for bit', () => {
  const src = join(dir, 'normals.c');
  writeFileSync(src, harness);
  const exe = join(dir, 'normals');
  compileNetwork(src, exe, false);
  const c = (seed: number, replica: number, step: number, stream: number, g0: number, n: number) =>
    runProgram(exe, [seed, replica, step, stream, g0, n].map(String)).stdout.trim().split('\n').map(Number.parseFloat);

  it('blocks starting at every offset within a group of four, both purposes', () => {
    for (const g0 of [0, 1, 2, 3, 5, 1023])
      for (const [purpose, index] of [
        ['step', 0],
        ['initial', 1],
      ] as const) {
        const xs = c(3, 1, 9, streamWord(purpose, index), g0, 37);
        xs.forEach((x, i) => expect(x, `neuron ${g0 + i}`).toBe(counterNormal(3, 1, 9, g0 + i, purpose, index)));
      }
  });
  it('neurons on the slow path (wedges and tail) and high neuron indices', () => {
    const slow = slowNeurons(40);
    for (const g of slow) expect(c(3, 1, 0, streamWord('step', 0), g, 1)[0]).toBe(counterNormal(3, 1, 0, g, 'step', 0));
    const high = 2 ** 40 + 6;
    c(3, 1, 2, 0, high, 9).forEach((x, i) => expect(x).toBe(counterNormal(3, 1, 2, high + i, 'step', 0)));
  });
});
