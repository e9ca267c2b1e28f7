/**
 * A user's own derivation (not from the paper): an Ornstein–Uhlenbeck particle with a moving
 * centre m(t) and a slow variable y, seen in the frame of the centre and at the scale s.
 * Run it with:  npx fhn-derive run examples/ou-centre.ts
 */
import { derivation, defineModel, changeVariables, chainRuleWitness, operatorOf, parseEquationOperator } from 'fhn-derive';

export const ou = defineModel({
  name: 'OU with a moving centre',
  state: ['x', 'y'],
  density: 'f',
  parameters: ['k', 's', 'c'],
  coefficients: { m: null },
  functions: { G: 1 },
  drift: ['-k*(x - m)', 'G(x) - c*y'],
  diffusion: ['s^2/2', '0'],
});

export default derivation('OU in the frame of its centre', 'example', (d) => {
  const centred = changeVariables(ou, {
    name: 'z = (x - m)/s',
    newState: ['z', 'y'],
    map: ['(x - m)/s', 'y'],
    density: 'g',
    densityFactor: '1/s',
  });
  d.step('Change of variables', "z = (x - m)/s by Itô's formula", [
    { label: 'drift_z', rhs: centred.model.drift[0] },
    { label: 'D_zz', rhs: centred.model.diffusion[0][0] },
  ]);
  d.claim({ id: 'ou-ito-vs-chain-rule', source: 'example', title: "Itô's formula agrees with the chain rule", kind: 'must-hold' }, () => {
    const w = chainRuleWitness(ou, centred);
    return [{ label: 'f = (1/s) g((x - m)/s, y)', printed: w.lhs, derived: w.rhs }];
  });
  d.claim({ id: 'ou-centred-equation', source: 'example', title: "d_t g = d_z[(k z + m'/s) g] + (1/2) d_z^2 g - d_y[(G(m + s z) - c y) g]" }, () => {
    const printed = parseEquationOperator(
      centred.model.scope,
      'd_t(g) - d_z((k*z + m_t/s)*g) + d_y((G(m + s*z) - c*y)*g) = (1/2)*d_z(d_z(g))',
      'g',
      ['z', 'y'],
      'centred OU',
    );
    return [{ label: 'operator', printed, derived: operatorOf(centred.model) }];
  });
});
