/**
 * The dependency graph of the paper's results (which result's proof uses which), the claims that
 * replay each result, and every erratum carried forward: for each erratum claim, what changes in
 * its own result and in every result downstream, until a result whose statement does not change.
 * `affects(id)` is what out/errata.md and the web page show as "affects: ...".
 */
import type { AffectedResult, ErratumNote } from '../../src/index.ts';

/** A result (or a numbered equation other results use), the results its proof uses and the claims that replay it. */
export interface ResultNode {
  readonly label: string;
  readonly uses: readonly string[];
  readonly claims: readonly string[];
}

/** The graph, read off the proofs of sections 2–4 (each `uses` entry is a citation the proof makes). */
export const RESULTS: readonly ResultNode[] = [
  { label: 'Lemma 2.1', uses: [], claims: ['lemma-2.1-proof', 'lemma-2.1'] },
  {
    label: 'Lemma 2.2',
    uses: ['Lemma 2.1'],
    claims: ['lemma-2.2-h', 'lemma-2.2-entropy', 'lemma-2.2-young', 'cite-2.2-lemma-2.1-lower', 'cite-2.2-lemma-2.1-upper'],
  },
  { label: 'Theorem 2.4', uses: [], claims: [] },
  { label: 'Theorem 2.7', uses: [], claims: [] },
  { label: '(1.9)', uses: [], claims: ['eq-1.9', 'eq-1.9-solution'] },
  { label: '(1.11)', uses: [], claims: ['eq-1.11', 'I-closed-form'] },
  { label: 'Proposition 3.4', uses: ['Lemma 2.2'], claims: ['eq-3.5', 'prop-3.4-lemma', 'prop-3.4-remainder', 'prop-3.4-constant', 'cite-3.4-eq-2.11'] },
  { label: 'Proposition 3.5', uses: ['(1.9)'], claims: ['prop-3.5', 'prop-3.5-bound'] },
  {
    label: 'Proposition 3.6',
    uses: ['Theorem 2.7', '(1.11)'],
    claims: [
      'prop-3.6-dissipation',
      'prop-3.6-young',
      'prop-3.6-log-sobolev',
      'prop-3.6-T-eps',
      'prop-3.6-initial-layer',
      'prop-3.6-item-2',
      'cite-3.6-thm-2.7',
      'order-prop-3.6-item-2',
    ],
  },
  {
    label: 'Proposition 3.7',
    uses: ['Lemma 2.2', 'Theorem 2.7', 'Proposition 3.5', '(1.9)'],
    claims: [
      'eq-3.8',
      'prop-3.7-lemma',
      'prop-3.7-remainder',
      'prop-3.7-gamma',
      'prop-3.7-statement',
      'prop-3.7-R1-rate',
      'prop-3.7-sum',
      'prop-3.7-R2',
      'prop-3.7-lambda-sign',
      'cite-3.7-eq-1.10',
      'cite-3.7-eq-2.11',
    ],
  },
  {
    label: 'Proposition 3.8',
    uses: ['Proposition 3.4', 'Proposition 3.6', 'Proposition 3.7'],
    claims: ['prop-3.8-A2', 'prop-3.8-initial-data', 'cite-3.8-prop-3.4', 'cite-3.8-prop-3.6', 'cite-3.8-prop-3.7', 'order-prop-3.8-A2'],
  },
  { label: 'Theorem 3.2', uses: ['Proposition 3.6', 'Proposition 3.8'], claims: ['thm-3.2-ledger', 'thm-3.2-carried'] },
  { label: 'Theorem 3.3', uses: ['Theorem 3.2', 'Theorem 2.7'], claims: ['thm-3.3-marginal', 'thm-3.3-compatibility', 'entropy-scaling'] },
  { label: '(4.1)', uses: [], claims: ['weight-factorisation'] },
  { label: '(4.13)', uses: [], claims: ['eq-4.13'] },
  { label: '(4.14)', uses: [], claims: ['eq-4.14'] },
  { label: 'Lemma 4.3', uses: ['(4.1)'], claims: ['lemma-4.3'] },
  {
    label: 'Lemma 4.4',
    uses: ['(4.1)', 'Theorem 2.7'],
    claims: [
      'rho-v2-identity',
      'lemma-4.4-split',
      'lemma-4.4-A1',
      'lemma-4.4-A2-split',
      'lemma-4.4-A3',
      'lemma-4.4-gather',
      'lemma-4.4-A21-A22',
      'lemma-4.4-eps-range',
      'cite-4.4-A23',
      'cite-4.4-thm-2.7',
    ],
  },
  { label: 'Lemma 4.6', uses: ['(4.1)'], claims: ['lemma-4.6', 'lemma-4.6-constants'] },
  {
    label: 'Proposition 4.7',
    uses: ['Lemma 4.3', 'Lemma 4.4', 'Lemma 4.6', '(4.13)', '(4.14)'],
    claims: ['prop-4.7-B', 'prop-4.7-young', 'cite-4.7-lemma-4.4', 'cite-4.7-lemma-4.6'],
  },
  { label: 'Corollary 4.8', uses: ['Lemma 4.6', 'Proposition 4.7'], claims: ['cor-4.8'] },
  { label: 'Lemma 4.9', uses: ['(1.9)'], claims: ['lemma-4.9'] },
  {
    label: 'Proposition 4.10',
    uses: ['Theorem 2.7', 'Corollary 4.8', 'Proposition 4.7', 'Lemma 4.4', '(4.1)', '(1.11)'],
    claims: [
      'eq-4.15',
      'eq-4.16',
      'prop-4.10-split',
      'prop-4.10-jensen',
      'prop-4.10-poincare',
      'prop-4.10-alpha',
      'prop-4.10-gronwall',
      'prop-4.10-bounds',
      'prop-4.10-k1',
      'prop-4.10-carried',
      'cite-4.10-thm-2.7',
    ],
  },
  { label: 'Lemma 4.11', uses: ['(1.9)'], claims: ['eq-4.17', 'proj-source-zero', 'lemma-4.11-energy', 'lemma-4.11-bound', 'lemma-4.11-k1'] },
  {
    label: 'Proposition 4.12',
    uses: ['Lemma 4.11', 'Proposition 4.10', 'Proposition 4.7', '(1.11)'],
    claims: ['prop-4.12-threshold', 'prop-4.12-ledger', 'prop-4.12-item-1', 'cite-4.12-lemma-4.4', 'cite-4.12-prop-4.10', 'cite-4.12-prop-4.7-index'],
  },
  {
    label: 'Theorem 4.1',
    uses: ['Theorem 2.4', 'Proposition 4.7', 'Proposition 4.10', 'Proposition 4.12'],
    claims: ['thm-4.1-statement', 'thm-4.1-ledger', 'thm-4.1-orthogonality', 'order-thm-4.1-item-1'],
  },
  {
    label: 'Theorem 4.2',
    uses: ['Theorem 4.1', 'Theorem 2.7', 'Lemma 4.9'],
    claims: [
      'gauss-shift-norm',
      'gauss-shift-bound',
      'maxwellian-mismatch-norm',
      'thm-4.2-weights',
      'thm-4.2-jacobian',
      'thm-4.2-powers',
      'thm-4.2-comment',
      'cite-4.5-lemma-4.9',
      'cite-4.2.2-thm-3.2',
    ],
  },
];

/** The results whose proofs use `label` directly. */
export function usedBy(label: string): string[] {
  return RESULTS.filter((r) => r.uses.includes(label)).map((r) => r.label);
}

/** The result a claim replays (undefined when the claim belongs to no result of the graph). */
export function resultOf(claimId: string): string | undefined {
  return RESULTS.find((r) => r.claims.includes(claimId))?.label;
}

/** A change that leaves the result's statement as printed: propagation stops there. */
const UNCHANGED = /^unchanged\b/;

/**
 * Every erratum carried forward: the result it lies in (or the citation's result) and, per result
 * reached, what changes there. A change starting with "unchanged" stops the propagation; any other
 * change is carried to the results that use that one, each of which must say what changes for it.
 */
export const CARRIED: Readonly<Record<string, { readonly result: string; readonly changes: Readonly<Record<string, string>> }>> = {
  'entropy-scaling': { result: 'Theorem 3.3', changes: { 'Theorem 3.3': 'unchanged: only comment (1) after the theorem, whose point stands' } },
  'prop-3.4-lemma': { result: 'Proposition 3.4', changes: { 'Proposition 3.4': 'unchanged: the missing rho0^eps cancels in b1 - b2 = e^{-bt} w0' } },
  'prop-3.6-log-sobolev': {
    result: 'Proposition 3.6',
    changes: {
      'Proposition 3.6':
        'a constant: (1) reads ∫ H <= (2 eps/rho0^eps) H[nu0|M] + C eps (t + 1); in (2) the m2 term gains the factor (rho0^eps)^(-1/2) <= m*^(-1/2)',
      'Proposition 3.8': 'a constant: the m2 term 4 sqrt(eps) sqrt(t) m2 becomes 4 sqrt(eps t/m*) m2',
      'Theorem 3.2': 'a constant: 6 sqrt(t) m2 becomes 6 sqrt(t/m*) m2 (claim thm-3.2-carried); the rate sqrt(eps) is unchanged',
      'Theorem 3.3': 'unchanged: its C already depends on m2 and m*',
    },
  },
  'prop-3.6-item-2': {
    result: 'Proposition 3.6',
    changes: {
      'Proposition 3.6': 'a power of t: (2) reads 2 sqrt(eps) sqrt(t) m2',
      'Proposition 3.8': 'a power of t: 4 sqrt(eps) t m2 becomes 4 sqrt(eps) sqrt(t) m2 (the statement as printed carries the erratum)',
      'Theorem 3.2': 'unchanged: its 6 sqrt(t) m2 is already the corrected form',
    },
  },
  'prop-3.7-statement': {
    result: 'Proposition 3.7',
    changes: {
      'Proposition 3.7': 'a power: the initial error enters as ||g0 - nubar0||^(1/2)',
      'Proposition 3.8': 'unchanged: its proof already uses the exponent 1/2 (citation cite-3.8-prop-3.7)',
    },
  },
  'prop-3.7-R1-rate': { result: 'Proposition 3.7', changes: { 'Proposition 3.7': 'unchanged: ∫ e^{-2 m* s/eps} ds <= eps/(2 m*) is O(eps) as well' } },
  'thm-3.3-compatibility': {
    result: 'Theorem 3.3',
    changes: { 'Theorem 3.3': 'a hypothesis: (3.4) needs O(eps) in place of O(sqrt eps); the conclusion is unchanged' },
  },
  'lemma-4.4-A2-split': { result: 'Lemma 4.4', changes: { 'Lemma 4.4': 'unchanged: the bracket moves inside A22, whose bound and the statement stay' } },
  'weight-factorisation': {
    result: '(4.1)',
    changes: { '(4.1)': 'unchanged when (4.1) is read with the square root over rho0^eps kappa, as the weights m± of §4.2.2 are' },
  },
  'prop-4.10-jensen': {
    result: 'Proposition 4.10',
    changes: { 'Proposition 4.10': 'unchanged when (4.1) is read with the square root over rho0^eps kappa (Jensen then holds with equality of the weights)' },
  },
  'prop-4.10-poincare': {
    result: 'Proposition 4.10',
    changes: {
      'Proposition 4.10':
        'a range of alpha*: the decay 2 alpha*/theta^2 becomes 2 alpha* rho0^eps/theta^2, so the printed bound holds for alpha* in (0, m*(1 - (2 b kappa)^-1)) (claim prop-4.10-carried)',
      'Theorem 4.1': 'a range of alpha*: item (2) holds for alpha* in (0, m*(1 - (2 b kappa)^-1))',
      'Proposition 4.12':
        'unchanged: item (2) uses one fixed alpha* > 0 (e.g. half the corrected maximum, a function of b, kappa, m*); the threshold eps|ln eps|/(2 m*) does not depend on it',
      'Theorem 4.2': 'a range of alpha*: alpha* < min{1 - (2 b kappa)^-1, m*/2} becomes alpha* < min{m*(1 - (2 b kappa)^-1), m*/2}',
    },
  },
  'prop-4.10-bounds': {
    result: 'Proposition 4.10',
    changes: {
      'Proposition 4.10':
        'unchanged statement; the second min bound holds with s in place of t and the constant 2^{max(0, alpha*/rho0 - 1)} <= 2^{max(0, 1/m* - 1)} over the whole range of alpha* (claim prop-4.10-bounds-range)',
    },
  },
  'prop-4.12-ledger': { result: 'Proposition 4.12', changes: { 'Proposition 4.12': 'unchanged: the factor (t + 1) is absorbed by e^{Ct}' } },
  'thm-4.1-statement': {
    result: 'Theorem 4.1',
    changes: {
      'Theorem 4.1': 'a formula (extraction): item (2) reads min{1, e^{-alpha* t/eps} eps^{-alpha*/(2 m*)}}, as Proposition 4.10',
      'Theorem 4.2': 'unchanged: its proof uses the form of Proposition 4.10',
    },
  },
  'thm-4.2-comment': { result: 'Theorem 4.2', changes: { 'Theorem 4.2': 'unchanged statement; comment (3) reads O(eps^(i/2 + 1/4))' } },
  'eq-4.13': {
    result: '(4.13)',
    changes: { '(4.13)': 'a formula: d_v nu in place of d_w nu', 'Proposition 4.7': 'unchanged: the term B of its proof already has d_v nu' },
  },
  'eq-4.14': {
    result: '(4.14)',
    changes: { '(4.14)': 'a formula: d_v h in place of d_w h', 'Proposition 4.7': 'unchanged: k = 2 is treated as k = 1 with d_v' },
  },
  // citations found wrong (derivations/citations-section*.ts)
  'cite-3.6-thm-2.7': { result: 'Proposition 3.6', changes: { 'Proposition 3.6': 'unchanged: read with V^ε the step holds' } },
  'cite-3.7-eq-1.10': { result: 'Proposition 3.7', changes: { 'Proposition 3.7': 'unchanged: the step is right with (1.9)' } },
  'cite-3.7-eq-2.11': {
    result: 'Proposition 3.7',
    changes: {
      'Proposition 3.7': 'a power: the misquoted (2.11) drops the exponent 1/2 of the initial error, which the statement carries (prop-3.7-statement)',
      'Proposition 3.8': 'unchanged: its proof uses the exponent 1/2',
    },
  },
  'cite-4.4-A23': { result: 'Lemma 4.4', changes: { 'Lemma 4.4': 'unchanged: the step is right with A23' } },
  'cite-4.12-lemma-4.4': { result: 'Proposition 4.12', changes: { 'Proposition 4.12': 'unchanged: the step is Lemma 4.11 with k = 0' } },
  'cite-4.12-prop-4.7-index': { result: 'Proposition 4.12', changes: { 'Proposition 4.12': 'unchanged: item (1) already has ||ν_0^ε||_{H^{k+1}}' } },
  'cite-4.2.2-thm-3.2': { result: 'Theorem 4.2', changes: { 'Theorem 4.2': 'unchanged: its proof applies Theorem 4.1' } },
  // the order of suprema and integrals (derivations/order-of-limits.ts)
  'order-prop-3.6-item-2': {
    result: 'Proposition 3.6',
    changes: {
      'Proposition 3.6': 'a norm: (2) holds for sup_x ∫_0^t ||.||_{L^1_u} ds (the supremum outside the time integral)',
      'Proposition 3.8': 'a norm: its ∫_0^t A1 is bounded as sup_x ∫_0^t only, so the statement holds with sup_x outside the time integral',
      'Theorem 3.2': 'a norm: the bound holds for sup_x ∫_0^t ||nu - M ⊗ nubar||_{L^1_u} ds, not ∫_0^t ||.||_{L^inf_x L^1_u} ds',
      'Theorem 3.3': 'a norm: the same change (the supremum over x outside the time integral)',
    },
  },
  'order-thm-4.1-item-1': {
    result: 'Theorem 4.1',
    changes: {
      'Theorem 4.1': 'a norm: item (1) holds with sup_x outside the time integral',
      'Theorem 4.2': 'unchanged: its proof uses items (2) and (3) only',
    },
  },
  // regions as wide as the statements (derivations/ranges.ts)
  'lemma-4.4-eps-range': {
    result: 'Lemma 4.4',
    changes: {
      'Lemma 4.4': 'a range of eps: for eps in (0, 1] (or C growing with eps)',
      'Proposition 4.7': 'a range of eps: for eps in (0, 1], the range of Lemma 4.4 it applies',
      'Corollary 4.8': 'a range of eps: for eps in (0, 1], through Proposition 4.7',
      'Proposition 4.10': 'unchanged: stated for eps in (0, 1)',
      'Proposition 4.12': 'unchanged: stated for eps in (0, 1)',
      'Theorem 4.1': 'unchanged: stated for eps in (0, 1)',
    },
  },
  'prop-3.7-lambda-sign': {
    result: 'Proposition 3.7',
    changes: { 'Proposition 3.7': 'unchanged statement: the proof holds with lambda = |a| eps/rho0^eps for a != 0 (and trivially for a = 0)' },
  },
  // errata carried into the results that use them (derivations/carried.ts)
  'thm-3.2-carried': {
    result: 'Theorem 3.2',
    changes: { 'Theorem 3.2': 'a constant: 6 sqrt(t) m2 -> 6 sqrt(t/m*) m2', 'Theorem 3.3': 'unchanged: its C depends on m2 and m*' },
  },
  'prop-4.10-carried': {
    result: 'Proposition 4.10',
    changes: {
      'Proposition 4.10': 'a range of alpha*: (0, m*(1 - (2 b kappa)^-1))',
      'Theorem 4.1': 'a range of alpha*: (0, m*(1 - (2 b kappa)^-1)) in item (2)',
      'Proposition 4.12': 'unchanged: one fixed alpha* > 0 suffices for item (2)',
      'Theorem 4.2': 'a range of alpha*: alpha* < min{m*(1 - (2 b kappa)^-1), m*/2}',
    },
  },
};

/** The error of a carried change that names no result, or a result reached with no stated change. */
export class DependencyError extends Error {
  override name = 'DependencyError';
}

/**
 * The results an erratum affects, in the order reached: its own result, then the results using
 * each result whose statement changes. Throws when a result reached has no stated change.
 */
export function affects(claimId: string, carried = CARRIED): AffectedResult[] {
  const entry = carried[claimId];
  if (!entry) throw new DependencyError(`affects: no carried change recorded for the erratum ${claimId}`);
  const out: AffectedResult[] = [];
  const queue = [entry.result];
  const seen = new Set<string>();
  while (queue.length) {
    const r = queue.shift()!;
    if (seen.has(r)) continue;
    seen.add(r);
    if (!RESULTS.some((n) => n.label === r)) throw new DependencyError(`affects(${claimId}): ${r} is not a result of the graph`);
    const change = entry.changes[r];
    if (change === undefined) throw new DependencyError(`affects(${claimId}): ${r} uses a changed result but no change is stated for it`);
    out.push({ result: r, change });
    if (!UNCHANGED.test(change)) queue.push(...usedBy(r));
  }
  const extra = Object.keys(entry.changes).filter((r) => !seen.has(r));
  if (extra.length) throw new DependencyError(`affects(${claimId}): ${extra.join(', ')} not reached from ${entry.result} in the graph`);
  return out;
}

/** An erratum note with its "affects" filled from the graph. */
export function carried(claimId: string, note: Omit<ErratumNote, 'affects'>): ErratumNote {
  return { ...note, affects: affects(claimId) };
}
