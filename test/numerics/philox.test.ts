/**
 * Philox4x32-10 and the counter-based normals: the Random123 known-answer vectors, the ziggurat
 * reproducing Rng.normal bit for bit from the same words (so the tables and the algorithm are the
 * project's), standard-normal moments, independence of the key, step, neuron and stream, and the
 * normal source runNetwork draws from.
 */
import { describe, it, expect } from 'vitest';
import { counterNormal, counterNormalSource, createRng, philox4x32, streamWord, zigguratNormal } from '../../src/index.ts';

const hex = (w: number[]) => w.map((x) => x.toString(16).padStart(8, '0')).join(' ');

describe('Philox4x32-10', () => {
  it('matches the Random123 known-answer vectors', () => {
    expect(hex(philox4x32([0, 0, 0, 0], 0, 0))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
    expect(hex(philox4x32([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], 0xffffffff, 0xffffffff))).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
    expect(hex(philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], 0xa4093822, 0x299f31d0))).toBe('d16cfe09 94fdcceb 5001e420 24126ea1');
  });
  it('one bit of counter or key changes about half the output bits', () => {
    const pop = (x: number) => x.toString(2).replace(/0/g, '').length;
    const a = philox4x32([1, 2, 3, 4], 5, 6);
    for (const b of [philox4x32([1, 2, 3, 5], 5, 6), philox4x32([1, 2, 3, 4], 5, 7), philox4x32([0x80000001, 2, 3, 4], 5, 6)]) {
      const flipped = a.reduce((s, x, i) => s + pop((x ^ b[i]) >>> 0), 0);
      expect(flipped).toBeGreaterThan(40);
      expect(flipped).toBeLessThan(88);
    }
  });
});

describe('counter-based normals', () => {
  it('the ziggurat fed the words of an Rng gives Rng.normal exactly, slow paths included', () => {
    const a = createRng(99);
    const b = createRng(99);
    for (let i = 0; i < 20_000; i++) {
      const first = b.nextInt32();
      expect(zigguratNormal(first, () => b.nextInt32())).toBe(a.normal());
    }
  });
  it('are standard normal: mean, variance, fourth moment and the tail mass beyond 3', () => {
    const n = 200_000;
    let [s1, s2, s4, tail] = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x = counterNormal(1, 0, 7, i, 'step', 0);
      s1 += x;
      s2 += x * x;
      s4 += x ** 4;
      if (Math.abs(x) > 3) tail++;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(4.5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4.5 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4.5 * Math.sqrt(96 / n));
    expect(Math.abs(tail / n - 0.0026998)).toBeLessThan(4.5 * Math.sqrt(0.0027 / n));
  });
  it('differ with the seed, the replica, the step, the neuron, the purpose and the stream index', () => {
    const base = counterNormal(1, 0, 3, 10, 'step', 0);
    for (const other of [
      counterNormal(2, 0, 3, 10, 'step', 0),
      counterNormal(1, 1, 3, 10, 'step', 0),
      counterNormal(1, 0, 4, 10, 'step', 0),
      counterNormal(1, 0, 3, 11, 'step', 0),
      counterNormal(1, 0, 3, 10, 'initial', 0),
      counterNormal(1, 0, 3, 10, 'step', 1),
    ])
      expect(other).not.toBe(base);
    expect(counterNormal(1, 0, 3, 10, 'step', 0)).toBe(base);
  });
  it('neighbouring neurons and steps are uncorrelated', () => {
    const n = 50_000;
    let [sn, ss] = [0, 0];
    for (let i = 0; i < n; i++) {
      const x = counterNormal(5, 2, 0, i, 'step', 0);
      sn += x * counterNormal(5, 2, 0, i + 1, 'step', 0);
      ss += x * counterNormal(5, 2, 1, i, 'step', 0);
    }
    expect(Math.abs(sn / n)).toBeLessThan(4.5 / Math.sqrt(n));
    expect(Math.abs(ss / n)).toBeLessThan(4.5 / Math.sqrt(n));
  });
  it('refuses a neuron index or a stream index out of range', () => {
    expect(() => counterNormal(1, 0, 0, -1, 'step', 0)).toThrow(/neuron index/);
    expect(() => counterNormal(1, 0, 0, 2 ** 53, 'step', 0)).toThrow(/neuron index/);
    expect(() => streamWord('step', 256)).toThrow(/stream index/);
  });
  it('the source of runNetwork draws point after point, step after step', () => {
    const src = counterNormalSource(4, 1, 2, 3);
    const out = new Float64Array(3);
    const calls = [0, 1, 2, 3].map(() => Array.from(src.fillNormal(out)));
    // call c: point c mod 2, step floor(c / 2); neuron j of point k is k * 3 + j
    calls.forEach((xs, c) => xs.forEach((x, j) => expect(x).toBe(counterNormal(4, 1, Math.floor(c / 2), (c % 2) * 3 + j, 'step', 0))));
  });
});
