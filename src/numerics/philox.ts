/**
 * Counter-based random numbers: Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as
 * 1, 2, 3", SC 2011; the Random123 constants) keyed by (seed, replica), with the counter
 * (step, neuron, neuron high word, stream). A neuron's normals are a function of its global index
 * and the step only, so they do not depend on how the neurons are split across processes. The
 * generated C network (src/codegen/cPhilox.ts) computes the same words; tests compare both.
 * Kept here rather than taken from npm: the stream must match the generated C bit for bit.
 */
import { zigguratNormal } from './random.ts';
import { NumericInputError } from './validate.ts';

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** The high 32 bits of the 64-bit product of two 32-bit words (exact in doubles through 16-bit halves). */
function mulhi(a: number, b: number): number {
  const t = (a & 0xffff) * b;
  const u = (a >>> 16) * b + Math.floor(t / 65536);
  return Math.floor(u / 65536) >>> 0;
}

/** Philox4x32-10 of the counter (c0..c3) under the key (k0, k1): four 32-bit words (unsigned). */
export function philox4x32(c: readonly [number, number, number, number], k0In: number, k1In: number): [number, number, number, number] {
  let [c0, c1, c2, c3] = c.map((x) => x >>> 0);
  let k0 = k0In >>> 0;
  let k1 = k1In >>> 0;
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    [c0, c1, c2, c3] = [(hi1 ^ c1 ^ k0) >>> 0, lo1, (hi0 ^ c3 ^ k1) >>> 0, lo0];
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  return [c0, c1, c2, c3];
}

/** What a stream of normals is for: the step noise of a noise variable, or the initial value of a state variable. */
export type NormalPurpose = 'step' | 'initial';

/** The stream word c3 of a purpose and an index (noise or state variable), with the block of extra words in its low 16 bits. */
export function streamWord(purpose: NormalPurpose, index: number, block = 0): number {
  if (!(Number.isInteger(index) && index >= 0 && index < 256)) throw new NumericInputError(`stream index must be an integer in [0, 255], got ${index}`);
  return ((purpose === 'step' ? 0 : 1) * 2 ** 24 + index * 65536 + block) >>> 0;
}

/** The largest global neuron index the counter holds (2^53: exact in doubles; the C side takes 64 bits). */
export const MAX_NEURON_INDEX = 2 ** 53;

/**
 * The standard normal of neuron `neuron` at step `step` (seed and replica form the key): the fast
 * word is word neuron mod 4 of the block counter (step, neuron / 4, high, stream); the ziggurat's
 * rare slow path reads blocks (step, neuron, high, stream + 1, + 2, ...).
 */
export function counterNormal(seed: number, replica: number, step: number, neuron: number, purpose: NormalPurpose, index: number): number {
  if (!(Number.isInteger(neuron) && neuron >= 0 && neuron < MAX_NEURON_INDEX))
    throw new NumericInputError(`neuron index must be an integer in [0, 2^53), got ${neuron}`);
  const quarter = Math.floor(neuron / 4);
  const word = philox4x32([step, quarter % 2 ** 32, Math.floor(quarter / 2 ** 32), streamWord(purpose, index)], seed, replica)[neuron % 4];
  let block = 0;
  let words: number[] = [];
  const more = () => {
    if (words.length === 0) words = philox4x32([step, neuron % 2 ** 32, Math.floor(neuron / 2 ** 32), streamWord(purpose, index, ++block)], seed, replica);
    return words.shift() as number;
  };
  return zigguratNormal(word, more);
}

/**
 * A normal source for runNetwork (numerics/particles.ts) that draws the counter-based normals the
 * generated C network draws: its fillNormal is called once per cell per step, cells in order, and
 * neuron j of cell k has the global index k * n + j (n neurons per cell).
 */
export function counterNormalSource(
  seed: number,
  replica: number,
  cells: number,
  neuronsPerCell: number,
): { fillNormal(out: Float64Array, n?: number): Float64Array } {
  let calls = 0;
  return {
    fillNormal(out: Float64Array, n = out.length) {
      const cell = calls % cells;
      const step = Math.floor(calls / cells);
      calls++;
      for (let j = 0; j < n; j++) out[j] = counterNormal(seed, replica, step, cell * neuronsPerCell + j, 'step', 0);
      return out;
    },
  };
}
