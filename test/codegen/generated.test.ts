import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate } from 'mathjs';
import { derivationFiles } from '../../src/cli/load.ts';
import { generatedFiles, writeOrCheck } from '../../src/cli/generate.ts';
import { printExpr, seededRandom, symbolsOf } from '../../src/cas/index.ts';
import type { Kernel } from '../../src/codegen/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const files = derivationFiles(join(ROOT, 'derivations'));

describe('committed generated kernels', () => {
  it('are up to date with the derivations (regenerated in memory)', async () => {
    const generated = await generatedFiles(files, join(ROOT, 'src', 'generated'));
    expect(generated.length).toBeGreaterThan(0);
    expect(writeOrCheck(generated, true), 'run `npm run generate`').toEqual([]);
  });

  it('agree with mathjs evaluation of their source expressions to 1e-12 relative', async () => {
    let checked = 0;
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as { kernels?: () => Kernel[] };
      if (!mod.kernels) continue;
      const name = file.split('/').pop()!.replace(/\.ts$/, '');
      const gen = (await import(pathToFileURL(join(ROOT, 'src', 'generated', `${name}.ts`)).href)) as Record<string, (...a: unknown[]) => unknown>;
      const rand = seededRandom(7);
      for (const k of mod.kernels()) {
        if (k.kind === 'reduction') throw new Error(`${k.name}: reductions are checked in emit.test.ts`);
        const f = gen[k.name];
        expect(typeof f, `${name}.${k.name}`).toBe('function');
        const exprs = k.kind === 'scalar' ? { value: k.expr } : k.outputs;
        const args = k.kind === 'scalar' ? k.args : [...k.arrays, ...k.uniforms];
        for (let trial = 0; trial < 20; trial++) {
          // a step is drawn small, within the stability bounds the step kernels check
          const scope = Object.fromEntries(args.map((a) => [a, a === 'dt' || a === 'tau' ? 0.003 + 0.014 * rand() : 0.3 + 1.4 * rand()]));
          let got: Record<string, number>;
          if (k.kind === 'scalar') got = { value: f(...k.args.map((a) => scope[a])) as number };
          else {
            // an output named like an input array is an in-place update: read it back from that array
            const inputs = Object.fromEntries(k.arrays.map((a) => [a, Float64Array.of(scope[a])]));
            const outs = Object.fromEntries(
              Object.keys(k.outputs)
                .filter((o) => !(o in inputs))
                .map((o) => [o, new Float64Array(1)]),
            );
            f(1, ...Object.values(outs), ...k.arrays.map((a) => inputs[a]), ...k.uniforms.map((u) => scope[u]));
            got = Object.fromEntries(Object.keys(k.outputs).map((o) => [o, (outs[o] ?? inputs[o])[0]]));
          }
          for (const [o, e] of Object.entries(exprs)) {
            for (const s of symbolsOf(e)) expect(args).toContain(s);
            const want = Number(evaluate(printExpr(e, undefined, 'log'), { ...scope }));
            expect(Math.abs(got[o] - want), `${k.name}.${o} at ${JSON.stringify(scope)}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
