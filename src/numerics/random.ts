/**
 * Seeded random numbers: xoshiro128** on 32-bit integers (seeded through splitmix32) and the
 * Marsaglia–Tsang ziggurat (128 layers, tables built once at load) for standard normals. The
 * same seed gives the same stream everywhere; the hot path uses only Math.imul and shifts.
 */
import { NumericInputError } from './validate.ts';

const LAYERS = 128;
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
const R = 3.442619855899;
(function buildZigguratTables() {
  const m1 = 2147483648.0;
  const vn = 9.91256303526217e-3;
  let dn = R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * m1);
  kn[1] = 0;
  wn[0] = q / m1;
  wn[LAYERS - 1] = dn / m1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * m1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / m1;
  }
})();

/** splitmix32: spreads a seed into well-mixed 32-bit words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator of uniform and standard normal numbers. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new NumericInputError(`seed must be an integer in [0, 4294967295], got ${seed}`);
    const mix = splitmix32(seed);
    this.s0 = mix() | 0;
    this.s1 = mix() | 0;
    this.s2 = mix() | 0;
    this.s3 = mix() | 0;
  }

  /** The next 32-bit word as a signed integer (xoshiro128**). */
  nextInt32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result | 0;
  }

  /** Uniform in (0, 1) (never 0, so logs are safe). */
  uniform(): number {
    return ((this.nextInt32() >>> 0) + 0.5) / 4294967296;
  }

  /** One standard normal draw (ziggurat). */
  normal(): number {
    const hz = this.nextInt32();
    const iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    return this.normalTail(hz, iz);
  }

  /** Fill out[0..n) with standard normal draws. */
  fillNormal(out: Float64Array, n = out.length): Float64Array {
    for (let i = 0; i < n; i++) {
      const hz = this.nextInt32();
      const iz = hz & (LAYERS - 1);
      out[i] = Math.abs(hz) < kn[iz] ? hz * wn[iz] : this.normalTail(hz, iz);
    }
    return out;
  }

  /** The slow path of the ziggurat: the wedges and the tail beyond R. */
  private normalTail(hzIn: number, izIn: number): number {
    let hz = hzIn;
    let iz = izIn;
    for (;;) {
      const x = hz * wn[iz];
      if (iz === 0) {
        let xt: number;
        let y: number;
        do {
          xt = -Math.log(this.uniform()) / R;
          y = -Math.log(this.uniform());
        } while (y + y < xt * xt);
        return hz > 0 ? R + xt : -R - xt;
      }
      if (fn[iz] + this.uniform() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextInt32();
      iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    }
  }
}

/** The ziggurat's tables (128 layers, built once at load): printed bit for bit into generated C so both draw the same normals. */
export const ZIGGURAT: { readonly kn: Int32Array; readonly wn: Float64Array; readonly fn: Float64Array; readonly r: number } = { kn, wn, fn, r: R };

/**
 * A standard normal by the ziggurat from a 32-bit word hz (signed) and a source of further words
 * for the rare slow path (wedges and tail): the same algorithm as Rng.normal, for counter-based streams.
 */
export function zigguratNormal(hzIn: number, more: () => number): number {
  let hz = hzIn | 0;
  let iz = hz & (LAYERS - 1);
  const uniform = () => ((more() >>> 0) + 0.5) / 4294967296;
  for (;;) {
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    const x = hz * wn[iz];
    if (iz === 0) {
      let xt: number;
      let y: number;
      do {
        xt = -Math.log(uniform()) / R;
        y = -Math.log(uniform());
      } while (y + y < xt * xt);
      return hz > 0 ? R + xt : -R - xt;
    }
    if (fn[iz] + uniform() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = more() | 0;
    iz = hz & (LAYERS - 1);
  }
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** A new seeded generator. */
export const createRng = (seed: number): Rng => new Rng(seed);

/** Box–Muller normals from the same uniforms: slower, used as an independent reference in tests and benches. */
export function fillNormalBoxMuller(rng: Rng, out: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(rng.uniform()));
    const a = 2 * Math.PI * rng.uniform();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}
