/**
 * Fits and summaries of the rates study: the power law of each quantity over eps (and, where the
 * proven rate carries |ln eps|^(1/2), the fit with that factor divided out, to say which fits),
 * the exponents in time grouped per statement and point with the verdict at the smallest eps,
 * and the series of the time-exponent figure.
 */
import { fitPowerLaw, PowerLawFit } from '../../src/numerics/index.ts';
import type { RateRow, RatePoint, ExponentSummary, LayerPlot } from '../../src/cli/rates.ts';
import { PRINTED_EXPONENTS, ALPHA_MAX, MeasuredExponent, layerWindow } from './rates-exponents.ts';
import { LAYER_M_STAR, LayerSeries } from './rates-layer.ts';

/** What fitRow needs to know about a quantity. */
interface QuantitySpec {
  readonly id: string;
  readonly label: string;
  readonly theorem: string;
  readonly proven: string;
  readonly provenSlope: number | null;
  readonly logFactor: boolean;
  /** A two-term model value = A f1(eps) + B f2(eps) to fit as well (the leading term and its first correction). */
  readonly structure?: { readonly formula: string; readonly terms: readonly [(e: number) => number, (e: number) => number] };
}

/** Least squares of value = A f1 + B f2 in relative terms (each point weighted by 1/value); the largest relative residual. */
export function twoTermFit(
  eps: readonly number[],
  values: readonly number[],
  terms: readonly [(e: number) => number, (e: number) => number],
): { A: number; B: number; maxRelativeResidual: number } {
  const rows = eps.map((e, i) => [terms[0](e) / values[i], terms[1](e) / values[i]]);
  const [s11, s12, s22] = [rows.reduce((a, r) => a + r[0] * r[0], 0), rows.reduce((a, r) => a + r[0] * r[1], 0), rows.reduce((a, r) => a + r[1] * r[1], 0)];
  const [b1, b2] = [rows.reduce((a, r) => a + r[0], 0), rows.reduce((a, r) => a + r[1], 0)];
  const det = s11 * s22 - s12 * s12;
  const A = (b1 * s22 - b2 * s12) / det;
  const B = (s11 * b2 - s12 * b1) / det;
  return { A, B, maxRelativeResidual: Math.max(...rows.map((r) => Math.abs(A * r[0] + B * r[1] - 1))) };
}

/** Fit a quantity over eps: power law on the reliable points of eps <= asymptoticEps (all eps when fewer than 3 are there). */
export function fitRow(q: QuantitySpec, points: RatePoint[], asymptoticEps: number): RateRow {
  const inRange = points.filter((p) => p.eps <= asymptoticEps).length >= 3 ? points.filter((p) => p.eps <= asymptoticEps) : points;
  const usable = inRange.filter((p) => p.reliable && p.value > 0);
  const fitDivided = (divide: (e: number) => number): PowerLawFit | null =>
    usable.length >= 2
      ? fitPowerLaw(
          usable.map((p) => p.eps),
          usable.map((p) => p.value / divide(p.eps)),
        )
      : null;
  const localSlopes = points
    .slice(1)
    .map((p, i) => (p.value > 0 && points[i].value > 0 ? Math.log(p.value / points[i].value) / Math.log(p.eps / points[i].eps) : Number.NaN));
  const tail = usable.slice(-4);
  const structure =
    q.structure && usable.length >= 3
      ? {
          formula: q.structure.formula,
          ...twoTermFit(
            usable.map((p) => p.eps),
            usable.map((p) => p.value),
            q.structure.terms,
          ),
        }
      : null;
  return {
    id: q.id,
    label: q.label,
    theorem: q.theorem,
    proven: q.proven,
    provenSlope: q.provenSlope,
    points,
    fitEps: usable.map((p) => p.eps),
    fit: fitDivided(() => 1),
    tailFit:
      tail.length === 4 && usable.length > 4
        ? fitPowerLaw(
            tail.map((p) => p.eps),
            tail.map((p) => p.value),
          )
        : null,
    structure,
    logFit: q.logFactor ? fitDivided((e) => Math.sqrt(Math.abs(Math.log(e)))) : null,
    localSlopes,
    trustworthy: usable.length >= 4 && inRange[inRange.length - 1].reliable,
  };
}

/** The exponents grouped per statement, initial data and point of K, with every eps and the verdict at the smallest measured eps. */
export function summariseExponents(exponents: readonly MeasuredExponent[]): ExponentSummary[] {
  const groups = new Map<string, MeasuredExponent[]>();
  for (const m of exponents) {
    const key = `${m.stiffOnly}|${m.quantity}|${m.data}|${m.rho0}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((ms) => {
    const measured = ms.filter((m) => m.rate !== null).sort((a, b) => a.eps - b.eps);
    const best = measured[0];
    const { quantity, data, stiffOnly, rho0 } = ms[0];
    return {
      kind: stiffOnly ? 'OU validation' : '(1.10)',
      quantity,
      data,
      rho0,
      statement: stiffOnly ? 'Ornstein–Uhlenbeck relaxation alone (exact rate known)' : PRINTED_EXPONENTS[quantity].statement,
      printed: stiffOnly ? `exact ${ms[0].reference?.toFixed(3)}` : PRINTED_EXPONENTS[quantity].printed,
      reference: ms[0].reference,
      byEps: ms.map((m) => ({ eps: m.eps, rate: m.rate, uncertainty: m.uncertainty, window: m.fine?.window ?? null, verdict: m.verdict })),
      rate: best?.rate ?? null,
      uncertainty: best?.uncertainty ?? null,
      verdict: best ? best.verdict : ([...ms].sort((a, b) => a.eps - b.eps)[0].note ?? 'not measured'),
      epsDependent: new Set(measured.map((m) => m.verdict.split(':')[0].split(' (')[0])).size > 1,
    };
  });
}

/** The figure of the time exponents: at the point rho0 = m*, log of each quantity against t/eps, with the printed slopes through the start of each fit window. */
export function layerPlot(product: LayerSeries, correlated: LayerSeries | null): LayerPlot {
  const k = product.points.findIndex((p) => p.rho0 === Math.min(...product.points.map((q) => q.rho0)));
  const every = (xs: readonly number[]) => xs.filter((_, i) => i % 4 === 0);
  const entries: { series: LayerSeries; q: 'D2' | 'D4' | 'E' | 'perp'; label: string }[] = [
    { series: product, q: 'D2', label: '|D_2 - theta^2 m_2| (product data)' },
    { series: product, q: 'D4', label: '|D_4 - theta^4 m_4| (product data)' },
    { series: product, q: 'E', label: '|E - E(profile)| (product data)' },
    { series: product, q: 'perp', label: '||nu_perp|| (product data)' },
    ...(correlated ? [{ series: correlated, q: 'perp' as const, label: '||nu_perp|| (correlated data)' }] : []),
  ];
  const series = entries.map(({ series: s, q, label }) => {
    const idx = every(s.s.map((_, i) => i)).filter((i) => s.values[k][q][i] > 0);
    return { label, x: idx.map((i) => s.s[i]), y: idx.map((i) => s.values[k][q][i]) };
  });
  const references = entries.flatMap(({ series: s, q }, i) => {
    const rate = q === 'perp' ? ALPHA_MAX : (PRINTED_EXPONENTS[q].value(LAYER_M_STAR) as number);
    const window = layerWindow(q, s.s, s.values[k][q], s.task.eps, s.points[k].rho0);
    if (!window) return [];
    const j = s.s.findIndex((x) => x >= window[0]);
    const which = q === 'perp' ? ` (${s.task.data})` : '';
    return [
      {
        label: `${q}${which}: printed ${q === 'perp' ? `alpha* < ${ALPHA_MAX.toFixed(3)}` : `${rate.toFixed(1)} (= ${q === 'D4' ? 4 : 2} m*)`}`,
        slope: -rate,
        x0: s.s[j],
        y0: s.values[k][q][j],
        series: i,
      },
    ];
  });
  return { eps: product.task.eps, rho0: product.points[k].rho0, series, references };
}
