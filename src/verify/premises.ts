/**
 * The premises a certificate may use, each an instance this module checks before the prover
 * accepts it (premise-registry.ts refuses any other): standard inequalities built from their
 * arguments (Young, AM–GM, Cauchy–Schwarz on finite sums, the tangents of exp and ln),
 * monotonicity on an interval shown ordered and inside the variable's domain, entries of the
 * derivation's hypothesis list (given as data: src/ knows no paper), statements of claims verified
 * in the same run (the dependency is recorded), and cited results (listed in the verdict).
 */
import { Expr, add, sub, mul, num, pow, div, exp, ln, sym, sqrt, printExpr, partial, substitute, expand, isZero, symbolsOf } from '../cas/index.ts';
import { currentAssumptions } from '../cas/assumptions.ts';
import { equivalent } from './equivalent.ts';
import { Premise, Certificate, SignContext, ProofError, prove } from './prover.ts';
import { registerPremise } from './premise-registry.ts';
import type { ClaimRecord } from './claims.ts';

/** Young's inequality with a parameter: a b <= (eta/2) a^2 + b^2/(2 eta), eta > 0. */
export const young = (a: Expr, b: Expr, eta: Expr): Premise =>
  registerPremise({
    rule: 'young',
    lhs: mul(a, b),
    rhs: add(mul(div(eta, num(2)), pow(a, 2)), div(pow(b, 2), mul(num(2), eta))),
    detail: `Young: (${printExpr(a)})(${printExpr(b)}) <= (eta/2)(${printExpr(a)})^2 + (${printExpr(b)})^2/(2 eta), eta = ${printExpr(eta)}`,
    requires: [{ expr: eta, sign: 'positive' }],
  });

/** AM–GM for two terms: a b <= (a^2 + b^2)/2. */
export const amGm = (a: Expr, b: Expr): Premise =>
  registerPremise({
    rule: 'am-gm',
    lhs: mul(a, b),
    rhs: div(add(pow(a, 2), pow(b, 2)), num(2)),
    detail: `AM–GM: (${printExpr(a)})(${printExpr(b)}) <= ((${printExpr(a)})^2 + (${printExpr(b)})^2)/2`,
  });

/** The tangent of the exponential: 1 + x <= e^x. */
export const expTangent = (x: Expr): Premise =>
  registerPremise({ rule: 'exp-tangent', lhs: add(num(1), x), rhs: exp(x), detail: `e^x >= 1 + x at x = ${printExpr(x)}` });

/** The tangent of the logarithm: ln x <= x - 1, x > 0. */
export const logTangent = (x: Expr): Premise =>
  registerPremise({
    rule: 'log-tangent',
    lhs: ln(x),
    rhs: sub(x, num(1)),
    detail: `ln x <= x - 1 at x = ${printExpr(x)}`,
    requires: [{ expr: x, sign: 'positive' }],
  });

const isExpr = (e: unknown): e is Expr => typeof e === 'object' && e !== null && typeof (e as { kind?: unknown }).kind === 'string';

/** Two methods agree that `given` is `built` (a stated form of a premise's side), else a ProofError naming the rule. */
function checkStated(rule: string, what: string, given: Expr, built: Expr): void {
  const v = equivalent(given, built, { label: `${rule}: ${what}` });
  if (v.status !== 'equal')
    throw new ProofError(`${rule}: the stated ${what} ${printExpr(given)} is not ${printExpr(built)} (${v.status}: ${v.difference ?? v.reason})`);
}

/**
 * Cauchy–Schwarz on finite sums: sum f_i g_i <= sqrt(sum f_i^2) sqrt(sum g_i^2). A stated form
 * of the inner product or the norms (the paper's notation) is checked against the instance.
 */
export function cauchySchwarz(f: readonly Expr[], g: readonly Expr[], stated: { inner?: Expr; normF?: Expr; normG?: Expr } = {}): Premise {
  if (!Array.isArray(f) || !Array.isArray(g) || f.length === 0 || f.length !== g.length || ![...f, ...g].every(isExpr))
    throw new ProofError('cauchySchwarz: give the two vectors (f_1..f_n) and (g_1..g_n) of the instance, of the same length n >= 1');
  const inner = add(...f.map((fi, i) => mul(fi, g[i])));
  const norm = (v: readonly Expr[]) => sqrt(add(...v.map((x) => pow(x, 2))));
  const built = { inner, normF: norm(f), normG: norm(g) };
  for (const k of ['inner', 'normF', 'normG'] as const) if (stated[k]) checkStated('cauchy-schwarz', k, stated[k]!, built[k]);
  return registerPremise({
    rule: 'cauchy-schwarz',
    lhs: stated.inner ?? inner,
    rhs: mul(stated.normF ?? built.normF, stated.normG ?? built.normG),
    detail: `Cauchy–Schwarz: ${printExpr(inner)} <= ${printExpr(built.normF)} ${printExpr(built.normG)}`,
  });
}

/** A named standard inequality cited for this instance (Jensen, log-Sobolev, Csiszár–Kullback, ...): not checked here, listed in the verdict as cited. */
export const standard = (rule: string, lhs: Expr, rhs: Expr, detail: string): Premise =>
  registerPremise({ rule, lhs, rhs, detail, restsOn: [`cited ${rule}: ${detail}`] });

/** An entry of a derivation's hypothesis list: lhs <= rhs (lhs < rhs when strict), where the paper states it. */
export interface HypothesisEntry {
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** Where the paper states it (or defines the names it uses). */
  readonly source: string;
  readonly strict?: boolean;
  /** A claim the entry rests on (it must be verified in the run's ledger). */
  readonly claim?: string;
}

/** The hypotheses a derivation declares, by name; entries may be built lazily (parsed on first use). */
export interface HypothesisList {
  readonly names: readonly string[];
  entry(name: string): HypothesisEntry | undefined;
}

/** A hypothesis list from its entries (a thunk is called once, on first use). */
export function hypothesisList(entries: Readonly<Record<string, HypothesisEntry | (() => HypothesisEntry)>>): HypothesisList {
  const cache = new Map<string, HypothesisEntry>();
  return {
    names: Object.keys(entries),
    entry(name) {
      if (!Object.hasOwn(entries, name)) return undefined;
      if (!cache.has(name)) {
        const e = entries[name];
        cache.set(name, typeof e === 'function' ? e() : e);
      }
      return cache.get(name);
    },
  };
}

/** The claim `id` of the ledger, required verified; a ProofError says what is missing. */
function verifiedClaim(ledger: readonly ClaimRecord[], id: string, who: string): ClaimRecord {
  const rec = ledger.find((c) => c.id === id);
  if (!rec) throw new ProofError(`${who}: no claim ${id} in this run (claims so far: ${ledger.map((c) => c.id).join(', ') || 'none'})`);
  if (rec.status !== 'verified') throw new ProofError(`${who}: claim ${id} is ${rec.status}, not verified`);
  return rec;
}

/**
 * A hypothesis: the entry `name` of the derivation's list (its statement as declared; a `stated`
 * form is checked against it). An entry resting on a claim needs the run's ledger, where that
 * claim must be verified.
 */
export function hypothesis(list: HypothesisList, name: string, opts: { stated?: { lhs: Expr; rhs: Expr }; ledger?: readonly ClaimRecord[] } = {}): Premise {
  if (typeof list !== 'object' || list === null || typeof (list as HypothesisList).entry !== 'function' || typeof name !== 'string')
    throw new ProofError("hypothesis: give the derivation's hypothesis list and the name of an entry (a bare statement is not a hypothesis)");
  const e = list.entry(name);
  if (!e) throw new ProofError(`hypothesis: no entry ${name} in the hypothesis list (entries: ${list.names.join(', ') || 'none'})`);
  if (opts.stated) checkStated('hypothesis', `statement of ${name}`, sub(opts.stated.rhs, opts.stated.lhs), sub(e.rhs, e.lhs));
  if (e.claim) {
    if (!opts.ledger) throw new ProofError(`hypothesis ${name} rests on claim ${e.claim}: give the run's ledger`);
    verifiedClaim(opts.ledger, e.claim, `hypothesis ${name}`);
  }
  const rel = e.strict ? '<' : '<=';
  return registerPremise({
    rule: 'hypothesis',
    lhs: opts.stated?.lhs ?? e.lhs,
    rhs: opts.stated?.rhs ?? e.rhs,
    strict: e.strict,
    detail: `hypothesis ${name}: ${printExpr(e.lhs)} ${rel} ${printExpr(e.rhs)} (${e.source})`,
    restsOn: [`hypothesis ${name} (${e.source})`],
    dependsOn: e.claim ? [e.claim] : [],
  });
}

/** The statements a verified claim established: its proven inequalities and its verified identities (both ways). */
function statementsOf(rec: ClaimRecord): { lhs: Expr; rhs: Expr; strict: boolean; label: string }[] {
  const out: { lhs: Expr; rhs: Expr; strict: boolean; label: string }[] = [];
  for (const o of rec.inequalities ?? [])
    if (o.method === 'proof' && o.holds && o.statement) out.push({ ...o.statement, strict: o.statement.strict ?? false, label: o.label });
  for (const p of rec.parts)
    if (p.holds && !p.mustHold) {
      out.push({ lhs: p.printedExpr, rhs: p.derivedExpr, strict: false, label: p.label });
      out.push({ lhs: p.derivedExpr, rhs: p.printedExpr, strict: false, label: p.label });
    }
  return out;
}

/**
 * A statement of a claim verified in the same run: lhs <= rhs must be an instance (`instance`
 * substitutes the claim's names) of one of its proven statements, directly or with both sides
 * squared (`squared`: lhs, rhs >= 0 and lhs^2 <= rhs^2 is the instance). The dependency is recorded.
 */
export function fromClaim(
  ledger: readonly ClaimRecord[],
  claimId: string,
  lhs: Expr,
  rhs: Expr,
  opts: { instance?: Readonly<Record<string, Expr>>; squared?: boolean } = {},
): Premise {
  if (!Array.isArray(ledger) || typeof claimId !== 'string' || !isExpr(lhs) || !isExpr(rhs))
    throw new ProofError("fromClaim: give the run's claims (the derivation's ledger), the claim's id and the statement lhs <= rhs");
  const rec = verifiedClaim(ledger, claimId, 'fromClaim');
  const sigma = new Map(Object.entries(opts.instance ?? {}));
  const gap = opts.squared ? sub(pow(rhs, 2), pow(lhs, 2)) : sub(rhs, lhs);
  const candidates = statementsOf(rec);
  // the engine picks the candidate, two methods confirm it
  const match = candidates.find((s) => isZero(expand(sub(gap, substitute(sub(s.rhs, s.lhs), sigma)))));
  const confirmed = match && equivalent(gap, substitute(sub(match.rhs, match.lhs), sigma), { label: `fromClaim ${claimId}` }).status === 'equal';
  if (!match || !confirmed)
    throw new ProofError(
      `fromClaim: ${printExpr(lhs)} <= ${printExpr(rhs)} is not ${opts.squared ? 'the square root of ' : ''}an instance of a statement of ${claimId} (${candidates.map((s) => `${printExpr(s.lhs)} <= ${printExpr(s.rhs)}`).join('; ') || 'it states none the prover can use'})`,
    );
  return registerPremise({
    rule: `claim:${claimId}`,
    lhs,
    rhs,
    strict: match.strict,
    detail: `${claimId} (${match.label})${opts.squared ? ', square root of both sides' : ''}`,
    requires: opts.squared
      ? [
          { expr: lhs, sign: 'nonnegative' },
          { expr: rhs, sign: 'nonnegative' },
        ]
      : undefined,
    restsOn: [`claim ${claimId}`],
    dependsOn: [claimId],
  });
}

/** The declared kind of x (context first), for the domain check of monotone. */
function domainOf(x: string, ctx: SignContext): string | undefined {
  if ((ctx.positive ?? []).includes(x)) return 'positive';
  if ((ctx.nonnegative ?? []).includes(x)) return 'nonnegative';
  return currentAssumptions()[x];
}

/** Prove the goal with the certificate given (default: the remainder's structure); returns the facts it used, or a ProofError says why not. */
function mustShow(what: string, goal: { lhs: Expr; rhs: Expr; strict?: boolean }, cert: Certificate, ctx: SignContext): readonly string[] {
  const p = prove(goal, cert, ctx);
  if (!p.proven) throw new ProofError(`${what}: ${p.failure}`);
  return p.facts ?? [];
}

/**
 * Monotonicity: f(lo) <= f(hi) when d f/dx >= 0 on [lo, hi]. Checked: lo <= hi (by `order`, or
 * the default certificate), the interval inside x's declared domain (positive, nonnegative,
 * negative, nonzero), and the derivative's sign by the certificate `derivative` with x - lo >= 0
 * and hi - x >= 0 added to the facts. Throws a ProofError when a check fails.
 */
export function monotone(f: Expr, x: string, lo: Expr, hi: Expr, derivative: Certificate, ctx: SignContext = {}, order: Certificate = {}): Premise {
  const where = `monotone in ${x} on [${printExpr(lo)}, ${printExpr(hi)}]`;
  if ([lo, hi].some((b) => symbolsOf(b).has(x))) throw new ProofError(`${where}: the bounds must not depend on ${x}`);
  const facts = [...mustShow(`${where}: lo <= hi is not shown`, { lhs: lo, rhs: hi }, order, ctx)];
  const kind = domainOf(x, ctx);
  const show = (what: string, goal: { lhs: Expr; rhs: Expr; strict?: boolean }) => facts.push(...mustShow(`${where}: ${what}`, goal, {}, ctx));
  if (kind === 'positive') show(`${x} > 0 is declared, lo > 0 is not shown`, { lhs: num(0), rhs: lo, strict: true });
  if (kind === 'nonnegative') show(`${x} >= 0 is declared, lo >= 0 is not shown`, { lhs: num(0), rhs: lo });
  if (kind === 'negative') show(`${x} < 0 is declared, hi < 0 is not shown`, { lhs: hi, rhs: num(0), strict: true });
  if (kind === 'nonzero' && !prove({ lhs: num(0), rhs: lo, strict: true }, {}, ctx).proven)
    show(`${x} != 0 is declared, the interval is not shown on one side of 0`, { lhs: hi, rhs: num(0), strict: true });
  if (kind === 'integer') throw new ProofError(`${where}: ${x} is declared an integer; monotonicity by the derivative needs a real interval`);
  const dfdx = partial(f, x);
  const interval = [sub(sym(x), lo), sub(hi, sym(x))];
  const inner = prove({ lhs: num(0), rhs: dfdx }, derivative, { ...ctx, facts: [...(ctx.facts ?? []), ...interval] });
  if (!inner.proven) throw new ProofError(`monotone: d/d${x} ${printExpr(f)} = ${printExpr(dfdx)} is not shown >= 0: ${inner.failure}`);
  const at = (v: Expr) => substitute(f, new Map([[x, v]]));
  return registerPremise({
    rule: 'monotone',
    lhs: at(lo),
    rhs: at(hi),
    detail: `${where}: d/d${x} = ${printExpr(dfdx)} >= 0 by ${inner.rules.join(' + ')}`,
    restsOn: [...new Set([...facts, ...(inner.facts ?? []).filter((t) => !interval.some((i) => t === `fact ${printExpr(i)} >= 0`))])],
  });
}

/** Checks that `gap` is y - x (two methods), so a premise cannot be built on a wrong gap. */
function checkedGap(x: Expr, y: Expr, gap: Expr, rule: string): void {
  const v = equivalent(gap, sub(y, x), { label: `${rule} gap` });
  if (v.status === 'disputed') throw new ProofError(`${rule}: the methods dispute that ${printExpr(gap)} is ${printExpr(y)} - (${printExpr(x)}): ${v.reason}`);
  if (!v.equivalent) throw new ProofError(`${rule}: the gap ${printExpr(gap)} is not ${printExpr(y)} - (${printExpr(x)}): difference ${v.difference}`);
}

/**
 * x^c <= y^c for 0 < x <= y and c > 0 (x^c increases), or y^-c <= x^-c ('decreasing': x^-c decreases);
 * `gap` is y - x written so that its sign is structural.
 */
export function powerMonotone(x: Expr, y: Expr, c: Expr, gap: Expr, direction: 'increasing' | 'decreasing' = 'increasing'): Premise {
  checkedGap(x, y, gap, 'power-monotone');
  const requires = [
    { expr: x, sign: 'positive' as const },
    { expr: c, sign: 'positive' as const },
    { expr: gap, sign: 'nonnegative' as const },
  ];
  const detail = `x^c ${direction === 'increasing' ? 'increases' : 'decreases'} for c = ${direction === 'increasing' ? '' : '-'}${printExpr(c)}: ${printExpr(x)} <= ${printExpr(y)}`;
  return registerPremise(
    direction === 'increasing'
      ? { rule: 'power-monotone', lhs: pow(x, c), rhs: pow(y, c), detail, requires }
      : { rule: 'power-monotone', lhs: pow(y, mul(num(-1), c)), rhs: pow(x, mul(num(-1), c)), detail, requires },
  );
}

/** e^x <= e^y for x <= y (from e^{y-x} >= 1 + (y - x), times e^x); `gap` is y - x with a structural sign. */
export function expMonotone(x: Expr, y: Expr, gap: Expr): Premise {
  checkedGap(x, y, gap, 'exp-monotone');
  return registerPremise({
    rule: 'exp-monotone',
    lhs: exp(x),
    rhs: exp(y),
    detail: `e^x increases: ${printExpr(x)} <= ${printExpr(y)}`,
    requires: [{ expr: gap, sign: 'nonnegative' }],
  });
}

/** A nonnegative expression as a premise 0 <= e, its sign read from its structure here: rule 'sign'. */
export function nonnegative(e: Expr, why: string): Premise {
  return registerPremise({ rule: 'sign', lhs: num(0), rhs: e, detail: `${printExpr(e)} >= 0: ${why}`, requires: [{ expr: e, sign: 'nonnegative' }] });
}
