import { describe, it, expect } from 'vitest';
import { parseExpr, equalByNormalForm, expand, add, sub, mul, num, sym, pow, fn, Expr } from '../../src/cas/index.ts';
import { exprToLatex, toLatex, arrangeForDisplay, extendNotation, plainNotation } from '../../src/report/index.ts';
import { paperNotation } from '../../derivations/lib/notation.ts';
import { rescale16, rescaledEquation } from '../../derivations/rescaling.ts';
import { operatorOf } from '../../src/calculus/index.ts';

const OPAQUE = { opaque: ['N', 'nu', 'B0', 'f', 'F_rho', 'd_v', 'd_t', 'd_w', 'div_u'] };
const tex = (s: string) => exprToLatex(parseExpr(s, OPAQUE), { notation: paperNotation });

describe('LaTeX in the paper notation', () => {
  it('writes the paper symbols, time derivatives and the user table', () => {
    expect(tex('theta')).toBe('\\theta^\\varepsilon');
    expect(tex('nubar + rho + eps')).toBe('\\bar\\nu^\\varepsilon + \\rho_0^\\varepsilon + \\varepsilon');
    expect(tex('theta_t')).toBe("(\\theta^\\varepsilon)'");
    expect(tex('V_t')).toBe("(\\mathcal V^\\varepsilon)'");
    expect(tex('kappa + rho1 + foo')).toBe('\\kappa + \\rho_{1} + \\mathrm{foo}');
    const mine = extendNotation(paperNotation, { symbols: { kappa: '\\kappa_\\star' } });
    expect(exprToLatex(parseExpr('kappa'), { notation: mine })).toBe('\\kappa_\\star');
    expect(exprToLatex(parseExpr('kappa'))).toBe('\\kappa');
  });

  it("is plain unless a notation is given: no paper symbol leaks into a user's expressions", () => {
    const plain = (s: string) => exprToLatex(parseExpr(s, OPAQUE));
    expect(plain('rho')).toBe('\\rho');
    expect(plain('theta_t')).toBe("\\theta'");
    expect(plain('V + eps + foo')).toBe('V + \\varepsilon + \\mathrm{foo}');
    expect(plain('nu(v, w)')).toBe('\\nu(v, w)');
    expect(plain('d_v(v*f(v))')).toBe('\\partial_v[v f(v)]');
    expect(exprToLatex(parseExpr('rho'), { notation: plainNotation })).toBe('\\rho');
    const mine = extendNotation(plainNotation, { symbols: { rho: '\\varrho' } });
    expect(exprToLatex(parseExpr('rho + theta'), { notation: mine })).toBe('\\varrho + \\theta');
  });

  it('writes fractions, powers and signs as a mathematician does', () => {
    expect(tex('rho/eps*v')).toBe('\\frac{\\rho_0^\\varepsilon}{\\varepsilon} v');
    expect(tex('1/theta^2')).toBe('\\frac{1}{(\\theta^\\varepsilon)^{2}}');
    expect(tex('2*theta^2')).toBe('2 (\\theta^\\varepsilon)^{2}');
    expect(tex('sqrt(eps)')).toBe('\\sqrt{\\varepsilon}');
    expect(tex('a*v - b*w + c')).toBe('a v - b w + c');
    expect(tex('-a*v')).toBe('-a v');
    expect(tex('x/2')).toBe('\\frac{x}{2}');
    expect(tex('rho*x/2')).toBe('\\frac{\\rho_0^\\varepsilon}{2} x');
    expect(tex('1/(2*rho)')).toBe('\\frac{1}{2 \\rho_0^\\varepsilon}');
    expect(tex('(v - V)/theta')).toBe('\\frac{v - \\mathcal V^\\varepsilon}{\\theta^\\varepsilon}');
    expect(tex('exp(-b*t)')).toBe('e^{-b t}');
    for (const s of ['rho/eps*v', '1/theta^2', 'a*b*c*v', 'x/(y*z)']) {
      expect(tex(s)).not.toContain('\\cdot');
      expect(tex(s)).not.toContain('^{-1}');
    }
  });

  it('writes derivatives of opaque functions and of the unknown', () => {
    expect(tex('N__d1(x)')).toBe("N'(x)");
    expect(tex('N__d2(V + theta*v)')).toBe("N''(\\mathcal V^\\varepsilon + \\theta^\\varepsilon v)");
    expect(tex('B0__d1_0(x, y)')).toBe('\\partial_1 B_0^\\varepsilon(x, y)');
    expect(tex('nu(v, w)')).toBe('\\nu^\\varepsilon');
    expect(tex('nu__d2_0(v, w)')).toBe('\\partial_v^{2} \\nu^\\varepsilon');
    expect(tex('nu__d1_1(v, w)')).toBe('\\partial_v \\partial_w \\nu^\\varepsilon');
    expect(tex('nu__d0_1_0(t, v/theta, w)')).toBe('\\partial_2 \\nu^\\varepsilon\\left(t, \\frac{v}{\\theta^\\varepsilon}, w\\right)');
    expect(tex('d_v(rho*v*nu + d_v(nu))')).toBe('\\partial_v[\\rho_0^\\varepsilon v \\nu^\\varepsilon + \\partial_v \\nu^\\varepsilon]');
    expect(tex('d_v(v*nu/theta)')).toBe('\\partial_v\\left[\\frac{1}{\\theta^\\varepsilon} v \\nu^\\varepsilon\\right]');
    expect(tex('F_rho(nu)')).toBe('\\mathcal F_{\\rho_0^\\varepsilon}[\\nu^\\varepsilon]');
    expect(tex('d_t(nu) + div_u(b0*nu)')).toBe('\\partial_t \\nu^\\varepsilon + \\operatorname{div}_{\\mathbf u}[\\mathbf b_0^\\varepsilon \\nu^\\varepsilon]');
  });
});

describe('arrangement for display', () => {
  const { model } = rescaledEquation(rescale16());
  const samples: Expr[] = [
    operatorOf(model),
    model.drift[0],
    parseExpr('-E/theta + N(V + theta*v)/theta - N(V)/theta - PsiRho*v - w/theta', OPAQUE),
    parseExpr('-a - b - c/x'),
    parseExpr('(v - V)/theta + (w - W)^2*exp(-b*t)'),
  ];

  it('never changes the value (checked by normal form)', () => {
    for (const e of samples) expect(equalByNormalForm(arrangeForDisplay(e), e)).toBe(true);
  });

  it('the value check would catch an arrangement that lost a term', () => {
    const arranged = arrangeForDisplay(samples[2]);
    expect(arranged.kind).toBe('add');
    if (arranged.kind !== 'add') throw new Error('expected a sum');
    const lossy = add(...arranged.terms.slice(1));
    expect(equalByNormalForm(lossy, samples[2])).toBe(false);
  });

  it('collects an operator form by derivatives of the unknown, highest order first', () => {
    const t = toLatex(operatorOf(model), { width: 10_000, notation: paperNotation });
    expect(t.startsWith('\\frac{1}{(\\theta^\\varepsilon)^{2}} \\partial_v^{2} \\nu^\\varepsilon')).toBe(true);
    for (const d of ['\\partial_v^{2} \\nu^\\varepsilon', '\\partial_v \\nu^\\varepsilon', '\\partial_w \\nu^\\varepsilon'])
      expect(t.split(d).length - 1).toBe(1);
  });

  it('does not collect an expression that is not linear in the unknown', () => {
    const nonlinear = parseExpr('nu(v, w)^2 + v*nu__d1_0(v, w) + a*nu(v, w)', OPAQUE);
    const t = toLatex(nonlinear, { width: 10_000, notation: paperNotation });
    expect(t).toContain('(\\nu^\\varepsilon)^{2}');
    expect(equalByNormalForm(arrangeForDisplay(nonlinear), nonlinear)).toBe(true);
  });

  it('groups terms over a shared denominator', () => {
    expect(toLatex(samples[2], { width: 10_000, notation: paperNotation })).toBe(
      '\\frac{N(\\mathcal V^\\varepsilon + \\theta^\\varepsilon v) - \\mathcal E(\\mu^\\varepsilon) - N(\\mathcal V^\\varepsilon) - w}{\\theta^\\varepsilon} - (\\Psi *_r \\rho_0^\\varepsilon) v',
    );
  });
});

describe('equations', () => {
  it('writes lhs = rhs, and breaks a long right side into aligned lines', () => {
    expect(toLatex({ lhs: sym('theta_t'), rhs: parseExpr('rho/theta - rho*theta/eps') }, { notation: paperNotation })).toBe(
      "(\\theta^\\varepsilon)' = \\frac{\\rho_0^\\varepsilon}{\\theta^\\varepsilon} - \\frac{\\rho_0^\\varepsilon \\theta^\\varepsilon}{\\varepsilon}",
    );
    const long = add(...Array.from({ length: 30 }, (_, i) => mul(num(i + 1), pow(sym('x'), num(i + 1)))));
    const t = toLatex({ lhs: sym('p'), rhs: long }, { width: 40 });
    expect(t.startsWith('\\begin{aligned}p &= ')).toBe(true);
    expect(t.split('\\\\').length).toBeGreaterThan(3);
    expect(equalByNormalForm(expand(long), long)).toBe(true);
  });

  it('a minus in front of a broken sum keeps its parentheses', () => {
    const e = sub(fn('N', [sym('x')]), parseExpr('W + y + ' + Array.from({ length: 20 }, (_, i) => `a${i}*x^${i + 2}`).join(' + ')));
    const t = toLatex(e, { width: 30, raw: true });
    expect(t).toMatch(/- \\Bigl\(|- \(/);
  });
});
