/** The witness's reading of a registry entry (float enclosure, decimal intervals), with a stand-in entry for tanh and ln. */
import { describe, it, expect } from 'vitest';
import { Decimal } from 'decimal.js';
import { registryFloat, registryPrecise, RegistryEntry, Enclose } from '../../src/cas/witness/registryAdapter.ts';
import { precision, pExact } from '../../src/cas/witness/precise.ts';

const tanh: RegistryEntry = { name: 'tanh', float: Math.tanh, decimal: (x) => x.tanh() };
const ln: RegistryEntry = { name: 'ln', float: Math.log, decimal: (x, D) => (x.gt(0) ? x.ln() : new D(Number.NaN)) };
const enclose: Enclose = (name, lo, hi) => {
  if (name === 'ln' && hi <= 0) return { kind: 'undefined' };
  if (name === 'ln' && lo <= 0) return { kind: 'partly' };
  const f = name === 'ln' ? Math.log : Math.tanh;
  const pad = (v: number) => 4 * Number.EPSILON * Math.abs(v) + Number.MIN_VALUE;
  return { kind: 'defined', lo: f(lo) - pad(f(lo)), hi: f(hi) + pad(f(hi)) };
};

describe('registry entries in the witness', () => {
  it('float values carry the enclosure as their bound, and the 60-digit value lies inside', () => {
    for (const x of [0.3, -1.7, 4.2]) {
      const b = registryFloat(tanh, enclose, { v: x, e: 1e-12, s: Math.abs(x) });
      const exact = new (Decimal.clone({ precision: 60 }))(x).tanh();
      expect(exact.minus(b.v).abs().lte(b.e)).toBe(true);
    }
  });

  it('outside the domain is undefined, on its boundary unresolved', () => {
    expect(Number.isNaN(registryFloat(ln, enclose, { v: -2, e: 0, s: 2 }).v)).toBe(true);
    expect(registryFloat(ln, enclose, { v: 1e-20, e: 1e-19, s: 1 }).v).toBe(Infinity);
    const P = precision(34);
    expect(registryPrecise(P, ln, enclose, pExact(P, -3)).kind).toBe('undefined');
  });

  it('decimal intervals contain the 60-digit value and are narrow', () => {
    const P = precision(34);
    const r = registryPrecise(P, tanh, enclose, pExact(P, '0.75'));
    const exact = new (Decimal.clone({ precision: 60 }))('0.75').tanh();
    expect(r.kind).toBe('real');
    if (r.kind !== 'real') return;
    expect(exact.gte(r.lo) && exact.lte(r.hi)).toBe(true);
    expect(r.hi.minus(r.lo).toNumber()).toBeLessThan(1e-28);
  });
});
