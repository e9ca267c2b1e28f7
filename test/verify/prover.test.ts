import { describe, it, expect } from 'vitest';
import {
  prove,
  signOf,
  young,
  amGm,
  expTangent,
  logTangent,
  hypothesis,
  hypothesisList,
  monotone,
  makeScope,
  num,
  sym,
  sub,
  mul,
  pow,
  decideInequalityClaim,
  region,
} from '../../src/index.ts';

const s = makeScope({ parameters: ['a', 'b', 'x', 'y', 'eta', 'eps', 'X', 'Y', 'Z', 'P', 'kappa', 't', 'k'] }, []);
const P = (t: string) => s.parse(t, t);

describe('signs read from the structure', () => {
  it('squares, exponentials, declared symbols and facts are nonnegative; the rest is unknown', () => {
    expect(signOf(P('(a - b)^2'))).toBe('nonnegative');
    expect(signOf(P('exp(a)*(x - y)^2 + 3'))).toBe('positive');
    expect(signOf(P('eta*a^2'), { positive: ['eta'] })).toBe('nonnegative');
    expect(signOf(P('a - b'))).toBe('unknown');
    expect(signOf(P('(1 - eps)*x'), { positive: ['x'], facts: [P('1 - eps')] })).toBe('nonnegative');
    expect(signOf(P('-x'), { positive: ['x'] })).toBe('unknown');
    expect(signOf(P('x^(-1)'), { nonnegative: ['x'] })).toBe('unknown'); // 1/0 is not >= 0
  });
});

describe('certificates', () => {
  it('Young with a parameter is itself a sum of squares: (eta/2)a^2 + b^2/(2 eta) - ab = (eta a - b)^2/(2 eta)', () => {
    const y = young(sym('a'), sym('b'), sym('eta'));
    const p = prove({ lhs: y.lhs, rhs: y.rhs }, { rest: P('(eta*a - b)^2/(2*eta)') }, { positive: ['eta'] });
    expect(p.proven).toBe(true);
    expect(p.rules).toEqual(['sum-of-squares']);
  });

  it('Lemma 4.6 from its identity, Cauchy–Schwarz and Young: ||nu||^2 <= ||d_w nu||^2 / kappa', () => {
    // X = ||nu||, Y = ||w nu||, Z = ||d_w nu||, P = -<w nu, d_w nu>; identity X^2/2 + kappa Y^2/2 = P
    const ctx = { positive: ['kappa'], nonnegative: ['X', 'Y', 'Z'] };
    const list = hypothesisList({
      'by parts': { lhs: P('X^2/2 + kappa*Y^2/2'), rhs: P('P'), source: 'the integration by parts (verified)' },
      'cauchy-schwarz': { lhs: P('P'), rhs: P('Y*Z'), source: 'Cauchy–Schwarz in L2, cited' },
    });
    const identity = hypothesis(list, 'by parts');
    const identity2 = hypothesis(list, 'by parts', { stated: { lhs: P('X^2/2 + kappa*Y^2/2'), rhs: P('P') } });
    const cs = hypothesis(list, 'cauchy-schwarz');
    const p = prove(
      { lhs: P('X^2'), rhs: P('Z^2/kappa') },
      { scale: num(1, 2), uses: [{ premise: identity }, { premise: cs }, { premise: young(sym('Y'), sym('Z'), sym('kappa')) }] },
      ctx,
    );
    expect(p.proven, p.failure).toBe(true);
    expect(p.rules).toEqual(['hypothesis', 'young', 'identity']);
    expect(p.facts).toEqual(
      expect.arrayContaining(['hypothesis by parts (the integration by parts (verified))', 'hypothesis cauchy-schwarz (Cauchy–Schwarz in L2, cited)']),
    );
    // the same certificate cannot give the false constant 1/(2 kappa)
    const bad = prove(
      { lhs: P('X^2'), rhs: P('Z^2/(2*kappa)') },
      { scale: num(1, 2), uses: [{ premise: identity }, { premise: cs }, { premise: young(sym('Y'), sym('Z'), sym('kappa')) }] },
      ctx,
    );
    expect(bad.proven).toBe(false);
    expect(bad.failure).toMatch(/not shown nonnegative/);
    expect(identity2.rule).toBe('hypothesis');
  });

  it('e^x - 1 <= x e^x from the tangent at -x, multiplied by e^x', () => {
    const p = prove({ lhs: P('exp(x) - 1'), rhs: P('x*exp(x)') }, { uses: [{ premise: expTangent(P('-x')), multiplier: P('exp(x)') }] });
    expect(p.proven, p.failure).toBe(true);
    expect(p.rules).toContain('exp-tangent');
  });

  it('refuses a negative multiplier, a rule whose condition fails, and a false identity', () => {
    expect(prove({ lhs: P('exp(x) - 1'), rhs: P('x*exp(x)') }, { uses: [{ premise: expTangent(P('-x')), multiplier: P('-exp(x)') }] }).failure).toMatch(
      /multiplier/,
    );
    expect(prove({ lhs: P('ln(x)'), rhs: P('x - 1') }, { uses: [{ premise: logTangent(sym('x')) }] }).failure).toMatch(/not shown positive/);
    expect(prove({ lhs: P('ln(x)'), rhs: P('x - 1') }, { uses: [{ premise: logTangent(sym('x')) }] }, { positive: ['x'] }).proven).toBe(true);
    expect(prove({ lhs: P('2*a*b'), rhs: P('a^2 + b^2') }, { rest: P('(a + b)^2') }).failure).toMatch(/identity fails/);
    expect(prove({ lhs: P('2*a*b'), rhs: P('a^2 + b^2') }, { rest: P('(a - b)^2') }).proven).toBe(true);
    expect(prove({ lhs: P('a*b'), rhs: P('(a^2 + b^2)/2') }, { uses: [{ premise: amGm(sym('a'), sym('b')) }] }).proven).toBe(true);
  });

  it('monotonicity: e^{k t} <= e^{2 t} for 0 <= k <= 2 through the sign of d/dk', () => {
    const ctx = { nonnegative: ['t', 'k'], facts: [P('2 - k')] };
    const m = monotone(P('exp(x*t)'), 'x', sym('k'), num(2), { rest: P('t*exp(x*t)') }, ctx);
    expect(m.rule).toBe('monotone');
    expect(prove({ lhs: P('exp(k*t)'), rhs: P('exp(2*t)') }, { uses: [{ premise: m }] }, ctx).proven).toBe(true);
    expect(() => monotone(P('exp(-x*t)'), 'x', sym('k'), num(2), { rest: P('-t*exp(-x*t)') }, ctx)).toThrow(/not shown >= 0/);
    // without the fact k <= 2 the interval is not shown ordered
    expect(() => monotone(P('exp(x*t)'), 'x', sym('k'), num(2), { rest: P('t*exp(x*t)') }, { nonnegative: ['t'] })).toThrow(/lo <= hi/);
  });

  it('compare squares: sqrt(8 X) <= C sqrt(X) when C^2 >= 8', () => {
    const ctx = { nonnegative: ['X'], positive: ['k'] };
    const p = prove(
      { lhs: P('sqrt(8*X)'), rhs: P('k*sqrt(X)') },
      { squared: true, uses: [{ premise: hypothesis(hypothesisList({ k: { lhs: num(8), rhs: P('k^2'), source: 'k^2 >= 8' } }), 'k'), multiplier: sym('X') }] },
      ctx,
    );
    expect(p.proven, p.failure).toBe(true);
    expect(p.rules).toContain('compare-squares');
  });
});

describe('proven inequalities in claims', () => {
  const r = region('x real', [{ name: 'x', lo: -5, hi: 5, hypothesis: 'x real' }]);
  it('a proven part makes the claim verified; the search is its witness', () => {
    const rec = decideInequalityClaim({ id: 'p', source: 't', title: 't' }, () => ({
      inequalities: [
        { label: 'e^x >= 1 + x', printed: '1 + x <= e^x', lhs: P('1 + x'), rhs: P('exp(x)'), region: r, proof: { uses: [{ premise: expTangent(sym('x')) }] } },
      ],
    }));
    expect(rec.status).toBe('verified');
    expect(rec.checks.find((c) => c.method === 'prover')?.result).toBe('proven');
    expect(rec.message).toMatch(/proven by exp-tangent/);
  });
  it('a wrong premise that "proves" a false inequality is caught by the search (never a pass)', () => {
    const lie = hypothesis(hypothesisList({ lie: { lhs: P('x^2'), rhs: P('x'), source: 'a false hypothesis' } }), 'lie');
    const rec = decideInequalityClaim({ id: 'p', source: 't', title: 't' }, () => ({
      inequalities: [{ label: 'x^2 <= x', printed: 'x^2 <= x', lhs: P('x^2'), rhs: P('x'), region: r, proof: { uses: [{ premise: lie }] } }],
    }));
    expect(rec.status).toBe('failed');
    expect(rec.message).toMatch(/ProofSearchDisagreement: .*proves it \(hypothesis \+ identity\) but the search finds VIOLATED/);
    // without the false premise the proof fails and the search decides: violated
    const honest = decideInequalityClaim({ id: 'p', source: 't', title: 't' }, () => ({
      inequalities: [{ label: 'x^2 <= x', printed: 'x^2 <= x', lhs: P('x^2'), rhs: P('x'), region: r, proof: { rest: sub(sym('x'), pow(sym('x'), 2)) } }],
    }));
    expect(honest.status).toBe('failed');
    expect(honest.message).toMatch(/VIOLATED: counterexample at x=/);
    expect(mul(num(1), sym('x')).kind).toBe('sym');
  });
});
