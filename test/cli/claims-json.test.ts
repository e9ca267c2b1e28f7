/** out/claims.json carries the evidence of checked-numeric claims: worst margins and where they occur. */
import { describe, it, expect } from 'vitest';
import { decideInequalityClaim, grid, makeScope } from '../../src/index.ts';
import { claimsJson } from '../../src/cli/run.ts';

const scope = makeScope({ parameters: ['x'] }, []);
const P = (t: string) => scope.parse(t, t);

describe('claims.json', () => {
  it('writes the inequalities of a checked-numeric claim with their worst margin', () => {
    const rec = decideInequalityClaim({ id: 'ineq', source: 'test', title: 'x^2 + 1 >= 2x' }, () => ({
      inequalities: [{ label: 'am-gm', printed: '2x <= x^2 + 1', lhs: P('2*x'), rhs: P('x^2 + 1'), samples: grid({ x: [0, 0.5, 1, 3] }) }],
    }));
    const [json] = claimsJson([rec]).claims as Record<string, any>[];
    expect(json.status).toBe('checked-numeric');
    expect(json.inequalities).toHaveLength(1);
    expect(json.inequalities[0]).toMatchObject({ label: 'am-gm', holds: true, samples: 4, worstMargin: 0, worstAt: { x: 1 } });
  });

  it('writes how an inequality was decided and what a proof rests on (method, region, facts, claims it depends on)', () => {
    const rec = decideInequalityClaim({ id: 'ineq', source: 'test', title: 'x^2 + 1 >= 2x' }, () => ({
      inequalities: [{ label: 'am-gm', printed: '2x <= x^2 + 1', lhs: P('2*x'), rhs: P('x^2 + 1'), samples: grid({ x: [0, 1] }) }],
    }));
    const proven = { ...rec.inequalities![0], method: 'proof' as const, region: 'x in [0, 3]', facts: ['x >= 0 (hypothesis)'], dependsOn: ['lemma-1'] };
    const [json] = claimsJson([{ ...rec, inequalities: [proven] }]).claims as Record<string, any>[];
    expect(json.inequalities[0]).toMatchObject({ method: 'proof', region: 'x in [0, 3]', facts: ['x >= 0 (hypothesis)'], dependsOn: ['lemma-1'] });
    const [plain] = claimsJson([rec]).claims as Record<string, any>[];
    expect(plain.inequalities[0].method).toBe('samples');
    expect(plain.inequalities[0]).not.toHaveProperty('facts');
  });

  it('writes the counterexample and the corrected form when the printed inequality fails', () => {
    const rec = decideInequalityClaim({ id: 'bad', source: 'test', title: 'x^2 <= x' }, () => ({
      inequalities: [
        {
          label: 'wrong',
          printed: 'x^2 <= x',
          lhs: P('x^2'),
          rhs: P('x'),
          samples: grid({ x: [0.5, 2] }),
          corrected: { printed: 'x^2 <= x^2', rhs: P('x^2') },
        },
      ],
    }));
    const [json] = claimsJson([rec]).claims as Record<string, any>[];
    expect(json.status).toBe('erratum');
    expect(json.inequalities[0].holds).toBe(false);
    expect(json.inequalities[0].worstAt).toEqual({ x: 2 });
    expect(json.inequalities[0].corrected.holds).toBe(true);
  });
});
