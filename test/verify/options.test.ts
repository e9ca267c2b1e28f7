/**
 * Options that change a verdict are checked and shown (issue 18, items 3 and 7): ranges lie inside
 * the declared domain and appear in the verdict, the table, claims.json and the report; methods
 * that leave out the numeric witness never reach a decided status.
 */
import { describe, it, expect } from 'vitest';
import { equivalent, decideClaim, describeClaimConditions, shortClaimConditions, parseExpr, type ClaimPart } from '../../src/index.ts';
import { claimsJson } from '../../src/cli/run.ts';
import { claimsTable } from '../../src/cli/table.ts';
import { buildDocument } from '../../src/report/document.ts';

const plain = { aligned: false } as const;

describe('ranges: checked against the declared domain and shown with the verdict', () => {
  it('the issue example: (x^a)^b vs x^(a*b) on x in [0.1, 2] states the narrowed domain, not "all symbols real"', () => {
    const v = equivalent('(x^a)^b', 'x^(a*b)', { ranges: { x: [0.1, 2] } });
    expect(v.status).toBe('equal');
    expect(v.ranges).toEqual({ x: [0.1, 2] });
    expect(v.reason).toContain('x in [0.1, 2]');
    expect(v.reason).not.toContain('all symbols real');
  });

  it('a range decides the sign for every method: sqrt(x^2) = x on [0.5, 3], but not on [-1, 3]', () => {
    const inside = equivalent('sqrt(x^2)', 'x', { ranges: { x: [0.5, 3] } });
    expect(inside.status).toBe('equal');
    expect(inside.reason).toMatch(/x in \[0\.5, 3\]/);
    const across = equivalent('sqrt(x^2)', 'x', { ranges: { x: [-1, 3] } });
    expect(across.status).toBe('different');
    expect(across.reason).toMatch(/x in \[-1, 3\]/);
    // ln(u v) = ln u + ln v needs both positive: the ranges give it
    expect(equivalent('ln(u*v)', 'ln(u) + ln(v)', { ranges: { u: [1, 2], v: [0.5, 4] } }).status).toBe('equal');
    expect(equivalent('ln(u*v)', 'ln(u) + ln(v)', { ranges: { u: [-2, 2], v: [0.5, 4] } }).status).not.toBe('equal');
  });

  it('only the ranges of the verdict’s own symbols are shown', () => {
    const v = equivalent('y + 1', '1 + y', { ranges: { y: [1, 2], unused: [0, 1] } });
    expect(v.ranges).toEqual({ y: [1, 2] });
  });

  it('refuses a range that crosses or leaves a declared sign, naming the symbol', () => {
    const refused: [string, Record<string, string>, [number, number]][] = [
      ['x', { x: 'positive' }, [-1, 2]],
      ['x', { x: 'positive' }, [0, 2]],
      ['x', { x: 'negative' }, [-1, 1]],
      ['x', { x: 'nonzero' }, [-1, 1]],
      ['x', { x: 'nonnegative' }, [-0.5, 1]],
      ['x', { x: 'integer' }, [0.2, 0.8]],
    ];
    for (const [name, assume, range] of refused)
      expect(() => equivalent(`${name} + 1`, `1 + ${name}`, { assume: assume as never, ranges: { [name]: range } }), JSON.stringify([assume, range])).toThrow(
        new RegExp(`ranges\\.${name} = \\[${range[0]}, ${range[1]}\\] lies outside the declared ${assume[name]} values`),
      );
    // inside the declared sign: accepted
    expect(equivalent('x + 1', '1 + x', { assume: { x: 'nonnegative' }, ranges: { x: [0, 1] } }).status).toBe('equal');
    expect(equivalent('x + 1', '1 + x', { assume: { x: 'nonzero' }, ranges: { x: [-3, -1] } }).status).toBe('equal');
  });

  it('refuses malformed ranges with a message naming what is wrong', () => {
    expect(() => equivalent('x', 'x', { ranges: { x: [2, 1] } })).toThrow(/ranges\.x must be \[lo, hi\] with finite lo <= hi/);
    expect(() => equivalent('x', 'x', { ranges: { x: [Number.NaN, 1] } })).toThrow(/ranges\.x must be/);
    expect(() => equivalent('x', 'x', { ranges: { 'x y': [0, 1] } as never })).toThrow(/"x y", which is not a symbol name/);
    expect(() => equivalent('x', 'x', { ranges: [[0, 1]] as never })).toThrow(/ranges must be an object/);
  });
});

describe('methods without the numeric witness are not independent', () => {
  const symbolic = { methods: ['engine-normal-form', 'nerdamer-expand'] as const };

  it('the issue example: sqrt(w)^2 = w is not equal when only the symbolic methods vote', () => {
    const v = equivalent('sqrt(w)^2', 'w', symbolic);
    expect(v.status).toBe('disputed');
    expect(v.equivalent).toBe(false);
    expect(v.reason).toMatch(/^not independent/);
    expect(v.methods).toEqual(['engine-normal-form', 'nerdamer-expand']);
  });

  it('neither equal nor different without the witness, whatever the identity', () => {
    for (const [l, r] of [
      ['(x+1)^2', 'x^2 + 2*x + 1'],
      ['x/x', '1'],
      ['x + 1', 'x + 2'],
      ['ln(exp(y))', 'y'],
    ]) {
      const v = equivalent(l, r, symbolic);
      expect(v.status, `${l} vs ${r}`).toBe('disputed');
      expect(v.reason).toMatch(/not independent: without the numeric witness/);
    }
  });

  it('a choice that keeps the witness decides as usual (negative control)', () => {
    expect(equivalent('(x+1)^2', 'x^2 + 2*x + 1', { methods: ['engine-normal-form', 'mathjs-random-points'] }).status).toBe('equal');
    expect(equivalent('x + 1', 'x + 2', { methods: ['nerdamer-expand', 'mathjs-random-points'] }).status).toBe('different');
  });

  it('refuses unknown method names', () => {
    expect(() => equivalent('x', 'x', { methods: ['engine-normal-form', 'maple'] as never })).toThrow(/unknown method\(s\) maple; methods are/);
  });
});

describe('part-level options appear with the claim like derivation-level ones', () => {
  const x = parseExpr('x');
  const parts = (): ClaimPart[] => [
    { label: 'root', printed: x, derived: parseExpr('sqrt(x^2)'), options: { ranges: { x: [0.1, 2] } } },
    {
      label: 'log',
      printed: parseExpr('2*ln(v)'),
      derived: parseExpr('ln(v^2)'),
      options: { assume: { v: 'positive' }, methods: ['engine-normal-form', 'mathjs-random-points'] },
    },
  ];
  const rec = decideClaim({ id: 'opt1', source: 'test', title: 'options', assume: { eps: 'positive' } }, parts);

  it('the record keeps each part’s own options', () => {
    expect(rec.status).toBe('verified');
    expect(rec.parts[0].options).toEqual({ ranges: { x: [0.1, 2] } });
    expect(rec.parts[1].options).toEqual({ assume: { v: 'positive' }, methods: ['engine-normal-form', 'mathjs-random-points'] });
  });

  it('in words, in the table, in claims.json and in the report', () => {
    expect(describeClaimConditions(rec)).toBe(
      'all symbols real; part "root": x in [0.1, 2]; part "log": v positive; methods engine-normal-form, mathjs-random-points',
    );
    expect(shortClaimConditions(rec)).toBe('[part 1: x∈[0.1,2]] [part 2: v>0 engine+mathjs]');
    expect(claimsTable([rec], plain)).toContain('[part 1: x∈[0.1,2]] [part 2: v>0 engine+mathjs]');
    const json = claimsJson([rec]).claims[0];
    expect(json.parts[0]).toMatchObject({ label: 'root', options: { ranges: { x: [0.1, 2] } } });
    expect(json.parts[1]).toMatchObject({ label: 'log', options: { assume: { v: 'positive' } } });
    const view = buildDocument([{ file: 'test.ts', ms: 1, derivation: { title: 't', section: 's', steps: [], claims: [rec], crossChecks: [] } as never }])
      .claims[0];
    expect(view.assumptions).toContain('part "root": x in [0.1, 2]');
    expect(view.assumptionsShort).toContain('[part 1: x∈[0.1,2]]');
  });

  it('options shared by every part are said once; a symbolic-only choice is flagged as not independent', () => {
    const shared = { methods: ['engine-normal-form', 'nerdamer-expand'] as const };
    const r = decideClaim({ id: 'opt2', source: 'test', title: 'shared' }, () => [
      { label: 'a', printed: x, derived: parseExpr('x/x*x'), options: shared },
      { label: 'b', printed: parseExpr('2*x'), derived: parseExpr('x + x'), options: shared },
    ]);
    expect(r.status).toBe('disputed');
    expect(describeClaimConditions(r)).toBe('all symbols real; every part: methods engine-normal-form, nerdamer-expand (not independent: no numeric witness)');
    expect(shortClaimConditions(r)).toBe('[all: engine+nerdamer]');
  });

  it('a claim without options shows only its declarations (negative control)', () => {
    const r = decideClaim({ id: 'opt3', source: 'test', title: 'none', assume: { eps: 'positive' } }, () => [
      { label: 'a', printed: parseExpr('eps'), derived: parseExpr('eps') },
    ]);
    expect(describeClaimConditions(r)).toBe('eps positive; other symbols real');
    expect(shortClaimConditions(r)).toBe('eps>0');
    expect(claimsJson([r]).claims[0].parts[0]).not.toHaveProperty('options');
  });
});
