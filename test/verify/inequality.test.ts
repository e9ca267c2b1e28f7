import { describe, it, expect } from 'vitest';
import { checkInequality, decideInequalityClaim, Derivation, grid, seededSamples, InequalityInputError, makeScope, num } from '../../src/index.ts';

const scope = makeScope({ parameters: ['x', 'y'] }, []);
const P = (t: string) => scope.parse(t, t);
const meta = { id: 'test-ineq', source: 'test', title: 'test inequality' };

describe('inequalities checked on samples', () => {
  it('reports the worst margin and where it occurs (AM-GM on a grid)', () => {
    const o = checkInequality({
      label: 'am-gm',
      printed: 'sqrt(xy) <= (x+y)/2',
      lhs: P('sqrt(x*y)'),
      rhs: P('(x + y)/2'),
      samples: grid({ x: [0.5, 1, 2], y: [0.5, 1, 2] }),
    });
    expect(o.holds).toBe(true);
    expect(o.samples).toBe(9);
    expect(o.worstMargin).toBe(0); // equality on the diagonal
    expect(o.worstAt.x).toBe(o.worstAt.y);
  });

  it('gives failed with the counterexample when the inequality is false on some sample', () => {
    const samples = seededSamples({ x: [0, 2] }, 50, 7);
    const rec = decideInequalityClaim(meta, () => ({ inequalities: [{ label: 'x^2 <= x', printed: 'x^2 <= x', lhs: P('x^2'), rhs: P('x'), samples }] }));
    expect(rec.status).toBe('failed');
    expect(rec.message).toMatch(/VIOLATED: counterexample at x=/);
    const o = rec.inequalities![0];
    expect(o.holds).toBe(false);
    expect(o.worstAt.x).toBeGreaterThan(1);
    expect(o.lhsAtWorst).toBeGreaterThan(o.rhsAtWorst);
  });

  it('is checked-numeric when every inequality holds, with the identities decided as usual', () => {
    const d = new Derivation('t', 's');
    const rec = d.inequality(meta, () => ({
      identities: [{ label: '(x+y)^2', printed: P('(x + y)^2'), derived: P('x^2 + 2*x*y + y^2') }],
      inequalities: [{ label: 'x^2 >= 0', printed: '0 <= x^2', lhs: num(0), rhs: P('x^2'), samples: grid({ x: [-1, 0, 1] }) }],
    }));
    expect(rec.status).toBe('checked-numeric');
    expect(d.claims).toHaveLength(1);
    expect(rec.checks.map((c) => c.method)).toContain('seeded-samples');
  });

  it('is an erratum when the printed form fails and the corrected one holds, and fails when the correction fails too', () => {
    const samples = grid({ x: [0.1, 0.5, 2, 3] });
    const part = { label: 'bound', printed: 'x <= 1', lhs: P('x'), rhs: num(1), samples };
    const ok = decideInequalityClaim(meta, () => ({ inequalities: [{ ...part, corrected: { printed: 'x <= 3', rhs: num(3) } }] }));
    expect(ok.status).toBe('erratum');
    expect(ok.parts).toHaveLength(1);
    expect(ok.parts[0].holds).toBe(false);
    const bad = decideInequalityClaim(meta, () => ({ inequalities: [{ ...part, corrected: { printed: 'x <= 2', rhs: num(2) } }] }));
    expect(bad.status).toBe('failed');
  });

  it('a wrong identity alongside true inequalities is not checked-numeric', () => {
    const rec = decideInequalityClaim({ ...meta, kind: 'must-hold' }, () => ({
      identities: [{ label: 'wrong', printed: P('(x + y)^2'), derived: P('x^2 + y^2') }],
      inequalities: [{ label: 'x^2 >= 0', printed: '0 <= x^2', lhs: num(0), rhs: P('x^2'), samples: grid({ x: [1] }) }],
    }));
    expect(rec.status).toBe('failed');
  });

  it('refuses NaN samples and non-finite sides with a clear error', () => {
    const base = { label: 'b', printed: 'x <= 1', lhs: P('x'), rhs: num(1) };
    expect(() => checkInequality({ ...base, samples: [{ x: 0.5 }, { x: Number.NaN }] })).toThrow(InequalityInputError);
    expect(() => checkInequality({ ...base, samples: [{ x: Number.NaN }] })).toThrow(/sample #0 has x = NaN/);
    expect(() => checkInequality({ ...base, lhs: () => Number.NaN, samples: [{ x: 1 }] })).toThrow(/lhs = NaN/);
    expect(() => checkInequality({ ...base, samples: [] })).toThrow(/no samples/);
    const rec = decideInequalityClaim(meta, () => ({ inequalities: [{ ...base, samples: [{ x: Number.NaN }] }] }));
    expect(rec.status).toBe('failed');
    expect(rec.message).toMatch(/InequalityInputError: .*NaN/);
  });

  it('draws the same seeded samples every time, inside their ranges', () => {
    const a = seededSamples({ x: [1, 100], y: [-1, 1] }, 20, 3, ['x']);
    expect(seededSamples({ x: [1, 100], y: [-1, 1] }, 20, 3, ['x'])).toEqual(a);
    for (const s of a) {
      expect(s.x).toBeGreaterThanOrEqual(1);
      expect(s.x).toBeLessThanOrEqual(100);
    }
    expect(() => seededSamples({ x: [0, 1] }, 2, 1, ['x'])).toThrow(/bad range/);
  });
});
