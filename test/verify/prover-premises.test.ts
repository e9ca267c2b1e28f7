import { describe, it, expect } from 'vitest';
import {
  prove,
  young,
  amGm,
  cauchySchwarz,
  hypothesis,
  hypothesisList,
  fromClaim,
  monotone,
  expMonotone,
  ProofError,
  decideInequalityClaim,
  withAssumptions,
  makeScope,
  num,
  sym,
  type Premise,
  type ClaimRecord,
} from '../../src/index.ts';

const s = makeScope({ parameters: ['a', 'b', 'x', 'y', 'eta', 'eps', 't', 'kappa', 'astar', 'u', 'v', 'H', 'L'] }, []);
const P = (t: string) => s.parse(t, t);
/** Calls through the public API with arguments the types refuse (what a JavaScript user may pass). */
const loose = <F extends (...args: never[]) => unknown>(f: F) => f as unknown as (...args: unknown[]) => Premise;

/** A run's ledger with one verified claim (2ab <= a^2 + b^2), one erratum and one failed claim. */
function ledger(): ClaimRecord[] {
  const verified = decideInequalityClaim({ id: 'lemma-amgm', source: 't', title: 't' }, () => ({
    inequalities: [{ label: '2ab <= a^2 + b^2', printed: '2ab <= a^2 + b^2', lhs: P('2*a*b'), rhs: P('a^2 + b^2'), proof: { rest: P('(a - b)^2') } }],
  }));
  const failed = decideInequalityClaim({ id: 'lemma-false', source: 't', title: 't' }, () => ({
    inequalities: [{ label: 'a <= a^2', printed: 'a <= a^2', lhs: P('a'), rhs: P('a^2'), samples: [{ a: 0.5 }] }],
  }));
  return [verified, failed];
}

describe('monotone: the interval is checked (section 1 of issue 19)', () => {
  it('refuses lo > hi: monotone(x, x, 1, 0) does not prove 1 <= 0', () => {
    expect(() => monotone(sym('x'), 'x', num(1), num(0), {})).toThrow(/lo <= hi is not shown/);
  });
  it('refuses an interval outside the declared domain: t >= 0, [-2, 1] for t^2/2 (it would give 2 <= 1/2)', () => {
    expect(() => monotone(P('t^2/2'), 't', num(-2), num(1), {}, { nonnegative: ['t'] })).toThrow(/t >= 0 is declared, lo >= 0 is not shown/);
    expect(() => withAssumptions({ t: 'nonnegative' }, () => monotone(P('t^2/2'), 't', num(-2), num(1), {}))).toThrow(/t >= 0 is declared/);
  });
  it('does not prove e^b <= e^a for all real a, b (the order of a and b is not known)', () => {
    expect(() => monotone(P('exp(x)'), 'x', sym('b'), sym('a'), {})).toThrow(/lo <= hi/);
    const e = expMonotone(sym('b'), sym('a'), P('a - b'));
    expect(prove({ lhs: P('exp(b)'), rhs: P('exp(a)') }, { uses: [{ premise: e }] }).proven).toBe(false);
  });
  it('refuses lo = 0 for a positive variable, bounds that depend on the variable, an interval reaching past 0 for a negative one, an integer variable', () => {
    expect(() => monotone(P('ln(x)'), 'x', num(0), num(1), {}, { positive: ['x'] })).toThrow(/x > 0 is declared, lo > 0 is not shown/);
    expect(() => monotone(P('x^2'), 'x', sym('x'), num(2), {})).toThrow(/must not depend on x/);
    expect(() => withAssumptions({ u: 'negative' }, () => monotone(P('-u'), 'u', num(-2), num(1), {}))).toThrow(/u < 0 is declared, hi < 0/);
    expect(() => withAssumptions({ u: 'integer' }, () => monotone(P('u'), 'u', num(0), num(1), {}))).toThrow(/integer/);
  });
  it('positive control: e^{k t} <= e^{2 t} for 0 <= k <= 2, t >= 0', () => {
    const ctx = { nonnegative: ['t', 'a'], facts: [P('2 - a')] };
    const m = monotone(P('exp(x*t)'), 'x', sym('a'), num(2), { rest: P('t*exp(x*t)') }, ctx);
    const p = prove({ lhs: P('exp(a*t)'), rhs: P('exp(2*t)') }, { uses: [{ premise: m }] }, ctx);
    expect(p.proven, p.failure).toBe(true);
    expect(p.facts).toContain('fact -a + 2 >= 0');
  });
});

describe('standard inequalities: the instance is checked', () => {
  it('cauchySchwarz(2, 1, 1) is refused: it would prove 2 <= 1', () => {
    expect(() => loose(cauchySchwarz)(num(2), num(1), num(1), '')).toThrow(ProofError);
  });
  it('Cauchy–Schwarz from the vectors; a stated inner product or norm that is not the instance is refused', () => {
    expect(() => cauchySchwarz([sym('a'), sym('b')], [sym('x')])).toThrow(/same length/);
    expect(() => cauchySchwarz([sym('a'), sym('b')], [sym('x'), sym('y')], { inner: P('a*x + 2*b*y') })).toThrow(/stated inner/);
    expect(() => cauchySchwarz([sym('a')], [sym('x')], { normF: sym('a') })).toThrow(/stated normF/);
    const cs = cauchySchwarz([sym('a'), sym('b')], [sym('x'), sym('y')], { inner: P('b*y + a*x') });
    const p = prove({ lhs: P('a*x + b*y'), rhs: P('sqrt(a^2 + b^2)*sqrt(x^2 + y^2)') }, { uses: [{ premise: cs }] });
    expect(p.proven, p.failure).toBe(true);
  });
  it('a premise object not built by a builder is refused (a forged Young, AM–GM or hypothesis)', () => {
    const forged: Premise = { rule: 'young', lhs: num(2), rhs: num(1), detail: 'forged' };
    expect(prove({ lhs: num(2), rhs: num(1) }, { uses: [{ premise: forged }] }).failure).toMatch(/not built by a checked builder/);
    const copy = { ...amGm(sym('a'), sym('b')), lhs: num(5) };
    expect(prove({ lhs: num(5), rhs: P('(a^2 + b^2)/2') }, { uses: [{ premise: copy }] }).failure).toMatch(/not built by a checked builder/);
    expect(Object.isFrozen(young(sym('a'), sym('b'), sym('eta')))).toBe(true);
  });
  it('Young needs its parameter positive; with it, the instance proves', () => {
    const y = young(sym('a'), sym('b'), sym('eta'));
    expect(prove({ lhs: y.lhs, rhs: y.rhs }, { uses: [{ premise: y }] }).failure).toMatch(/not shown positive/);
    expect(prove({ lhs: y.lhs, rhs: y.rhs }, { uses: [{ premise: y }] }, { positive: ['eta'] }).proven).toBe(true);
  });
});

describe('hypotheses: entries of the declared list, matched', () => {
  const list = hypothesisList({
    'kappa-bound': { lhs: P('1/(2*b)'), rhs: sym('kappa'), source: '(4.3)', strict: true },
    'needs-claim': { lhs: sym('H'), rhs: sym('L'), source: 'integrated', claim: 'lemma-amgm' },
    'needs-false-claim': { lhs: sym('H'), rhs: sym('L'), source: 'integrated', claim: 'lemma-false' },
  });
  it('hypothesis(0, -1) is refused: a bare statement is not a hypothesis', () => {
    expect(() => loose(hypothesis)(num(0), num(-1), 'anything')).toThrow(/hypothesis list/);
  });
  it('an unknown name, a stated form that is not the entry, an entry resting on a claim without the ledger or on a claim not verified: refused', () => {
    expect(() => hypothesis(list, 'eps < 1')).toThrow(/no entry eps < 1 .*kappa-bound/);
    expect(() => hypothesis(list, 'kappa-bound', { stated: { lhs: P('1/b'), rhs: sym('kappa') } })).toThrow(/stated/);
    expect(() => hypothesis(list, 'needs-claim')).toThrow(/give the run's ledger/);
    expect(() => hypothesis(list, 'needs-false-claim', { ledger: ledger() })).toThrow(/lemma-false is failed, not verified/);
  });
  it('a used entry is listed in the verdict, with the claim it rests on', () => {
    const p = prove({ lhs: sym('H'), rhs: sym('L') }, { uses: [{ premise: hypothesis(list, 'needs-claim', { ledger: ledger() }) }] });
    expect(p.proven, p.failure).toBe(true);
    expect(p.facts).toEqual(['hypothesis needs-claim (integrated)']);
    expect(p.dependsOn).toEqual(['lemma-amgm']);
  });
});

describe('fromClaim: a claim verified in the same run, with that statement', () => {
  it('fromClaim(1, 0, lemma-9.99) is refused; so is a claim missing from the ledger', () => {
    expect(() => loose(fromClaim)(num(1), num(0), 'lemma-9.99')).toThrow(/ledger/);
    expect(() => fromClaim(ledger(), 'lemma-9.99', num(1), num(0))).toThrow(/no claim lemma-9.99 in this run \(claims so far: lemma-amgm, lemma-false\)/);
  });
  it('a claim that is not verified, or a statement that is not an instance of the claim, is refused', () => {
    expect(() => fromClaim(ledger(), 'lemma-false', sym('a'), P('a^2'))).toThrow(/is failed, not verified/);
    expect(() => fromClaim(ledger(), 'lemma-amgm', P('3*x*y'), P('x^2 + y^2'), { instance: { a: sym('x'), b: sym('y') } })).toThrow(/not an instance/);
    expect(() => fromClaim(ledger(), 'lemma-amgm', num(1), num(0))).toThrow(/not an instance/);
  });
  it('an instance (and its square root) is accepted and the dependency recorded in the verdict', () => {
    const inst = fromClaim(ledger(), 'lemma-amgm', P('2*x*y'), P('x^2 + y^2'), { instance: { a: sym('x'), b: sym('y') } });
    const p = prove({ lhs: P('2*x*y'), rhs: P('x^2 + y^2 + 1') }, { uses: [{ premise: inst }] });
    expect(p.proven, p.failure).toBe(true);
    expect(p.dependsOn).toEqual(['lemma-amgm']);
    expect(p.facts).toContain('claim lemma-amgm');
    // sqrt(2 x y) <= sqrt(x^2 + y^2) from the squares, for x, y >= 0
    // (the square of sqrt(2 x y) is 2 x y only where 2 x y >= 0: the instance is read under x, y >= 0)
    const root = withAssumptions({ x: 'nonnegative', y: 'nonnegative' }, () =>
      fromClaim(ledger(), 'lemma-amgm', P('sqrt(2*x*y)'), P('sqrt(x^2 + y^2)'), { instance: { a: sym('x'), b: sym('y') }, squared: true }),
    );
    // for real x, y the squares differ in domain (sqrt(2 x y) is not real at x = 1, y = -1): refused
    expect(() => fromClaim(ledger(), 'lemma-amgm', P('sqrt(2*x*y)'), P('sqrt(x^2 + y^2)'), { instance: { a: sym('x'), b: sym('y') }, squared: true })).toThrow(
      /not the square root of an instance/,
    );
    expect(prove({ lhs: root.lhs, rhs: root.rhs }, { uses: [{ premise: root }] }, { nonnegative: ['x', 'y'] }).proven).toBe(true);
  });
});

describe('every fact used is listed; strict goals need strict certificates', () => {
  it('the assumption of the identity is listed: sqrt(x^2) <= x needs x >= 0', () => {
    const p = prove({ lhs: P('sqrt(x^2)'), rhs: sym('x') }, { rest: num(0), identity: { assume: { x: 'nonnegative' } } });
    expect(p.proven, p.failure).toBe(true);
    expect(p.facts).toEqual(['assumed for the identity: x nonnegative']);
    const rec = decideInequalityClaim({ id: 'c', source: 't', title: 't' }, () => ({
      inequalities: [
        { label: 'root', printed: 'sqrt(x^2) <= x', lhs: P('sqrt(x^2)'), rhs: sym('x'), proof: { rest: num(0), identity: { assume: { x: 'nonnegative' } } } },
      ],
    }));
    expect(rec.message).toMatch(/rests on: assumed for the identity: x nonnegative/);
    expect(rec.assumptions).toEqual({ x: 'nonnegative' });
  });
  it('a context fact (1 - eps >= 0), a context sign and a cited hypothesis are listed', () => {
    const p = prove({ lhs: P('eps*x'), rhs: sym('x') }, { rest: P('(1 - eps)*x') }, { nonnegative: ['x'], facts: [P('1 - eps')] });
    expect(p.proven, p.failure).toBe(true);
    expect(p.facts).toEqual(expect.arrayContaining(['fact -eps + 1 >= 0', 'context x >= 0']));
  });
  it('0 < x, eta > 0, 1/(2 b kappa) < 1, delta > 0 are not proven from nonnegative facts', () => {
    expect(prove({ lhs: num(0), rhs: sym('x'), strict: true }, {}, { nonnegative: ['x'] }).failure).toMatch(/strict/);
    expect(prove({ lhs: num(0), rhs: sym('x'), strict: true }, {}, { positive: ['x'] }).proven).toBe(true);
    const kappa = { scale: P('2*b*kappa'), rest: P('2*b*(kappa - 1/(2*b))') };
    expect(prove({ lhs: P('1/(2*b*kappa)'), rhs: num(1), strict: true }, kappa, { positive: ['b', 'kappa'], facts: [P('kappa - 1/(2*b)')] }).proven).toBe(
      false,
    );
    expect(
      prove({ lhs: P('1/(2*b*kappa)'), rhs: num(1), strict: true }, kappa, { positive: ['b', 'kappa'], positiveFacts: [P('kappa - 1/(2*b)')] }).proven,
    ).toBe(true);
    const delta = P('(1 - 1/(2*b*kappa) - astar)/2');
    expect(
      prove({ lhs: num(0), rhs: delta, strict: true }, { rest: delta }, { positive: ['b', 'kappa'], facts: [P('1 - 1/(2*b*kappa) - astar')] }).proven,
    ).toBe(false);
  });
  it('a printed strict inequality is read as strict in a claim; a strict premise with a positive multiplier makes the proof strict', () => {
    const rec = decideInequalityClaim({ id: 'c', source: 't', title: 't' }, () => ({
      inequalities: [{ label: 'eta > 0', printed: '0 < eta', lhs: num(0), rhs: sym('eta'), proof: { context: { nonnegative: ['eta'] } } }],
    }));
    expect(rec.status).toBe('failed');
    const list = hypothesisList({ k: { lhs: P('1/(2*b)'), rhs: sym('kappa'), source: '(4.3)', strict: true } });
    const k = hypothesis(list, 'k');
    expect(prove({ lhs: P('1/(2*b)'), rhs: sym('kappa'), strict: true }, { uses: [{ premise: k }] }).proven).toBe(true);
    expect(prove({ lhs: P('x/(2*b)'), rhs: P('x*kappa'), strict: true }, { uses: [{ premise: k, multiplier: sym('x') }] }, { nonnegative: ['x'] }).proven).toBe(
      false,
    );
    expect(prove({ lhs: P('x/(2*b)'), rhs: P('x*kappa'), strict: true }, { uses: [{ premise: k, multiplier: sym('x') }] }, { positive: ['x'] }).proven).toBe(
      true,
    );
  });
});
