/** The stiff part a simulation method asks for: marked by the user, or the terms singular in a small parameter. */
import { Expr, expand, partial, isZero, printExpr, symbolsOf } from '../../cas/index.ts';
import { stiffPartOf } from '../../calculus/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import type { StiffSpec } from '../index.ts';
import type { QuantityGraph } from './quantities.ts';

/** A stiff affine part of one variable's drift: the variable, the part, its slope (free of the state). */
export interface StiffChoice {
  readonly variable: string;
  readonly index: number;
  readonly part: Expr;
  readonly slope: Expr;
}

/** The stiff part of a method (undefined when none is asked for or none is singular); refused by name when not affine. */
export function stiffChoice(g: QuantityGraph, stiff: StiffSpec | undefined, field: string): StiffChoice | undefined {
  if (!stiff) return undefined;
  const state = g.model.state;
  let variable: string;
  let part: Expr;
  if ('small' in stiff) {
    const found = stiffPartOf(g.model, stiff.small);
    if (!found) throw new NumericInputError(`${field}.small: no term of the drift is singular in ${stiff.small}`);
    variable = found.variable;
    part = found.stiff as Expr;
  } else {
    variable = stiff.variable;
    part = g.parse(stiff.part, `${field}.part`);
  }
  const index = state.indexOf(variable);
  if (index < 0) throw new NumericInputError(`${field}.variable: ${variable} is not a state variable (${state.join(', ')})`);
  const slope = expand(partial(part, variable));
  if (isZero(slope)) throw new NumericInputError(`${field}: the stiff part ${printExpr(part)} does not depend on ${variable}`);
  if (state.some((x) => symbolsOf(slope).has(x) || (x !== variable && symbolsOf(part).has(x))))
    throw new NumericInputError(`${field}: the stiff part ${printExpr(part)} must be affine in ${variable} alone`);
  return { variable, index, part, slope };
}
