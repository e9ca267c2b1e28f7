/**
 * The statements the proofs of sections 2–4 cite, transcribed as printed (corrected where a claim
 * of the replay found the printed one wrong, naming that claim), in one vocabulary of quantities so
 * that a premise can be compared with any of them; the labels the text defines (for citations that
 * are named only); and the helpers the citation files use.
 */
import {
  makeScope,
  fn,
  partial,
  add,
  mul,
  sub,
  num,
  pow,
  sym,
  Expr,
  StatementRegistry,
  checkCitation,
  nameCitation,
  CitationNote,
  CitationUse,
  CitationCheck,
  ErratumNote,
  Derivation,
  Assumptions,
} from '../../src/index.ts';
import { carried } from './dependencies.ts';

/** The quantities the statements speak of (norms, entropies, terms), all nonnegative, and the paper's parameters. */
const QUANTITIES = [
  'L',
  'L0',
  'H',
  'H0',
  'S',
  'Lfg',
  'L0fg',
  'Q',
  'w0abs',
  'gabs',
  'vabs',
  'Dw',
  'IA',
  'IA1',
  'Gd',
  'G0',
  'SR',
  'Vb',
  'nub',
  'Eb',
  'X',
  'D',
  'N2',
  'Ebar',
  'Ebar0',
  'J1',
  'J2',
  'N0',
  'N1',
  'Nnu',
  'Nh',
  'Nbar',
  'Nbar0',
  'IntL1',
  'Hk',
  'Ek',
  'Nk1',
  'Mn',
  'Eini',
  'Xd',
  'chi',
  'nu2',
  'mw',
  'Np',
  'Om',
  'dflux',
  'm2',
  'Nw',
] as const;
export const scope = makeScope(
  {
    parameters: ['alpha', 'eps', 'b', 'a', 'C', 'K', 'mstar', 'kappa', 'theta', 'rho', 'astar', 's', 'k', 'j', 'lambda', 'delta', ...QUANTITIES],
    functions: { g: 2, B0: 2, Hn: 1, Hn0: 1 },
  },
  ['t', 'v', 'w'],
);
/** Parse a statement's text in the citations' scope. */
export const P = (text: string): Expr => scope.parse(text, text);

/** What the citation claims assume: the quantities are nonnegative, the parameters as the paper declares them. */
export const CITATION_ASSUMPTIONS: Assumptions = Object.fromEntries(QUANTITIES.map((q) => [q, 'nonnegative'])) as Assumptions;

/** A statement part lhs <= rhs from two texts. */
const part = (label: string, lhs: string, rhs: string) => ({ label, lhs: P(lhs), rhs: P(rhs) });

/** The residual of (1.9) on a function g(t, w): d_t g - b d_w(w g). */
const residual19 = (g: Expr) => sub(partial(g, 't'), mul(sym('b'), partial(mul(sym('w'), g), 'w')));
/** The residual of (1.10) on a function g: d_t g + theta^-1 d_v[B0 g] + d_w[(a theta v - b w) g] - theta^-2 d_v[rho v g + d_v g]. */
const residual110 = (g: Expr) =>
  add(
    partial(g, 't'),
    mul(pow(sym('theta'), num(-1)), partial(mul(fn('B0', [sym('v'), sym('w')]), g), 'v')),
    partial(mul(P('a*theta*v - b*w'), g), 'w'),
    mul(num(-1), pow(sym('theta'), num(-2)), partial(add(mul(sym('rho'), sym('v'), g), partial(g, 'v')), 'v')),
  );
/** The unknown of the equations compared, g(t, w). */
export const G = fn('g', [sym('t'), sym('w')]);

/** The registry: every statement a checked citation names. */
export const STATEMENTS = new StatementRegistry([
  { label: 'Lemma 2.1', parts: [part('lower', '(1 - alpha)^2/2*L^2', 'H'), part('upper', 'H', '(1 - alpha)/alpha*L')] },
  { label: '(2.11)', parts: [part('(2.11)', 'L', '2*sqrt(2)*(sqrt(L0) + sqrt(S))')] },
  { label: '(1.9)', parts: [{ label: 'the equation on g', lhs: residual19(G), rhs: num(0) }] },
  { label: '(1.10)', parts: [{ label: 'the equation on g', lhs: residual110(G), rhs: num(0) }] },
  { label: 'Theorem 2.7 (2)', parts: [part('the macroscopic quantities are bounded', 'Vb', 'C')] },
  { label: 'Proposition 3.4', parts: [part('equicontinuity', 'Dw', 'C*exp(b*t)*(exp(b*t)*w0abs + sqrt(exp(b*t)*w0abs))')] },
  { label: 'Proposition 3.6 (2)', parts: [part('(2)', 'IA', '2*sqrt(eps)*t*m2 + C*sqrt(eps)*(t + 1)')] },
  {
    label: 'Proposition 3.7',
    parts: [part('statement', 'Gd', '2*sqrt(2)*G0 + C*exp(b*t)*sqrt(eps)')],
    corrected: { claim: 'prop-3.7-statement', parts: [part('statement', 'Gd', '2*sqrt(2)*sqrt(G0) + C*exp(b*t)*sqrt(eps)')] },
  },
  {
    label: 'Theorem 3.2',
    parts: [part('statement', 'IntL1', '2*sqrt(2)*t*Eini + sqrt(eps)*(6*sqrt(t)*m2 + C*exp(2*b*t))')],
  },
  { label: 'Lemma 4.4', parts: [part('statement', 'X', 'alpha/theta^2*D + C*N2')] },
  { label: 'Lemma 4.6', parts: [part('first', 'N0', 'N1/sqrt(kappa)'), part('second', 'Nw', '2/kappa*N1')] },
  { label: 'Proposition 4.7', parts: [part('index j', 'Hn(j)', 'exp(C*t)*Hn0(j)')] },
  { label: 'Lemma 4.9', parts: [part('index k', 'Nbar', 'exp((k + 1/2)*b*t)*Nbar0')] },
  {
    label: 'Proposition 4.10',
    parts: [part('the decaying term of the min', 'Xd', 'exp(-astar*t/eps)*eps^(-astar/(2*mstar))')],
  },
  { label: 'Theorem 4.1 (2)', parts: [part('statement', 'Hk', 'exp(C*t)*(Ek + C*Nk1*(sqrt(eps) + Mn))')] },
  { label: 'Lemma 4.11', parts: [part('index k = 0', 'Ebar', 'exp(C*t)*(Ebar0 + J1)')] },
  // the terms of the proof of Lemma 4.4, by their integrands (chi = 1_{|theta v| > R}, Np = N'(v'), Om = |v'|^2 omega(v'), nu2 = |nu|^2, mw = m)
  { label: 'A3 (proof of Lemma 4.4)', parts: [part('integrand', 'dflux*mw', '0')] },
  { label: 'A23 (proof of Lemma 4.4)', parts: [part('integrand', '-chi*Np*nu2*mw/2', '0')] },
]);

/** Every label the text defines that a citation may name: numbered equations, results, hypotheses. */
export const PAPER_LABELS: ReadonlySet<string> = new Set([
  ...Array.from({ length: 13 }, (_, i) => `(1.${i + 1})`),
  '(2.1a)',
  '(2.1b)',
  ...Array.from({ length: 12 }, (_, i) => `(2.${i + 2})`),
  ...Array.from({ length: 8 }, (_, i) => `(3.${i + 1})`),
  ...Array.from({ length: 17 }, (_, i) => `(4.${i + 1})`),
  ...['Lemma 2.1', 'Lemma 2.2', 'Definition 2.3', 'Theorem 2.4', 'Definition 2.5', 'Theorem 2.6', 'Theorem 2.7'],
  ...['Theorem 3.2', 'Theorem 3.3', 'Proposition 3.4', 'Proposition 3.5', 'Proposition 3.6', 'Proposition 3.7', 'Proposition 3.8'],
  ...['Theorem 4.1', 'Theorem 4.2', 'Lemma 4.3', 'Lemma 4.4', 'Lemma 4.6', 'Proposition 4.7', 'Corollary 4.8', 'Lemma 4.9'],
  ...['Proposition 4.10', 'Lemma 4.11', 'Proposition 4.12'],
]);

/** A citation to record: where it is, the sentence, what it names. */
type Where = Omit<CitationNote, 'check'>;

/** The citation helpers of one derivation: checked against the statement, or named only, or outside. */
export function citer(d: Derivation) {
  return {
    /** Check a citation against the cited statement (a claim); `wrong` declares a known erratum, checked by the engine. */
    check(id: string, where: Where, use: CitationUse, wrong?: { note: Omit<ErratumNote, 'affects'>; correct?: CitationCheck['correct'] }) {
      const note: CitationNote = { ...where, check: 'statement' };
      return checkCitation(
        d,
        {
          id,
          source: where.at,
          title: `"${where.quote}" — cites ${where.cites}${where.uses ? `, uses ${where.uses}` : ''}`,
          citation: note,
          ...(wrong ? { expect: 'erratum' as const, erratum: carried(id, wrong.note) } : {}),
        },
        { registry: STATEMENTS, use, correct: wrong?.correct, options: { methods: ['engine-normal-form', 'mathjs-random-points'] } },
      );
    },
    /** A citation of a hypothesis, a definition or an equation the step restates (replayed elsewhere: `why`). */
    named(where: Where, why: string) {
      return nameCitation(d, { ...where, check: 'named' }, PAPER_LABELS, why);
    },
    /** A citation of an outside source. */
    external(where: Where, why: string) {
      return nameCitation(d, { ...where, check: 'external' }, PAPER_LABELS, why);
    },
  };
}
