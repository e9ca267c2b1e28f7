/**
 * The concentration phenomenon live: neurons of one point of K following (1.2) (generated OU-split
 * step kernel, seeded), the histogram of (v - V)/theta against the Maxwellian M_rho0.
 */
import { runNetwork, Network } from '../../src/numerics/index.ts';
import { theta2ClosedForm } from '../../src/generated/rescaling.ts';
import { defaultNetwork, fhnStepper } from '../../derivations/lib/network.ts';
import { el, slider } from './dom.ts';
import { drawLines, plotElement } from './lineplot.ts';

const NEURONS = 20_000;
const DT = 1e-3;
const STEPS_PER_FRAME = 8;
const BINS = 48;
const Z_MAX = 4;

/** Histogram density of (v - V)/theta on [-Z_MAX, Z_MAX] as a step curve. */
function histogram(net: Network, theta: number): { x: Float64Array; y: Float64Array } {
  const v = net.v[0];
  let V = 0;
  for (let i = 0; i < v.length; i++) V += v[i];
  V /= v.length;
  const counts = new Float64Array(BINS);
  const width = (2 * Z_MAX) / BINS;
  for (let i = 0; i < v.length; i++) {
    const b = Math.floor(((v[i] - V) / theta + Z_MAX) / width);
    if (b >= 0 && b < BINS) counts[b]++;
  }
  const x = new Float64Array(2 * BINS);
  const y = new Float64Array(2 * BINS);
  for (let b = 0; b < BINS; b++) {
    x[2 * b] = -Z_MAX + b * width;
    x[2 * b + 1] = -Z_MAX + (b + 1) * width;
    y[2 * b] = y[2 * b + 1] = counts[b] / (v.length * width);
  }
  return { x, y };
}

/** The view: eps and rho0 sliders, play/pause/reset, time readout, histogram against M_rho0. */
export function simulationView(): HTMLElement {
  const eps = slider('sim-eps', 'ε', 0.01, 0.2, 0.01, 0.05);
  const rho = slider('sim-rho0', 'ρ₀', 0.6, 1.4, 0.05, 1);
  const play = el('button', { type: 'button', id: 'sim-play', 'aria-pressed': 'false' }, 'Play');
  const reset = el('button', { type: 'button', id: 'sim-reset' }, 'Reset');
  const time = el('output', { id: 'sim-time', 'aria-live': 'polite' });
  const plot = plotElement('sim-plot', 'histogram of (v - V)/theta against the Maxwellian');
  let net: Network;
  let running = false;
  const params = () => ({ e: Number(eps.input.value), r: Number(rho.input.value) });
  const draw = () => {
    const { e, r } = params();
    const theta = Math.sqrt(theta2ClosedForm(net.t, e, r));
    const h = histogram(net, theta);
    const z = Float64Array.from({ length: 200 }, (_, i) => -Z_MAX + (2 * Z_MAX * i) / 199);
    drawLines(
      plot,
      [
        { label: 'particles', x: h.x, y: h.y, colour: '#1f4e9c' },
        { label: 'Maxwellian 𝓜ρ₀', x: z, y: z.map((s) => Math.sqrt(r / (2 * Math.PI)) * Math.exp((-r * s * s) / 2)), colour: '#b8420f', dashed: true },
      ],
      { xLabel: '(v − 𝒱ᵋ)/θᵋ(t)', yLabel: 'density', yRange: [0, 0.8] },
    );
    time.value = `t = ${net.t.toFixed(3)}, θᵋ(t) = ${theta.toFixed(3)}`;
    eps.readout.value = e.toFixed(2);
    rho.readout.value = r.toFixed(2);
  };
  const restart = () => {
    const { r } = params();
    net = defaultNetwork({ cells: 1, neuronsPerCell: NEURONS, seed: 2022, rho0: () => r });
    draw();
  };
  const frame = () => {
    if (!running) return;
    runNetwork(net, { dt: DT, tEnd: STEPS_PER_FRAME * DT, step: fhnStepper('ou-split', { eps: params().e }) });
    draw();
    requestAnimationFrame(frame);
  };
  play.addEventListener('click', () => {
    running = !running;
    play.textContent = running ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(running));
    if (running) requestAnimationFrame(frame);
  });
  reset.addEventListener('click', restart);
  eps.input.addEventListener('input', restart);
  rho.input.addEventListener('input', restart);
  restart();
  return el(
    'div',
    {},
    el(
      'p',
      {},
      `${NEURONS.toLocaleString('en')} neurons at one point of K start bimodal in v (ill-prepared). Rescaled by θᵋ(t) of (1.11), their spread becomes the Maxwellian 𝓜ρ₀ of (1.12) within a time of order ε.`,
    ),
    el(
      'div',
      { class: 'controls' },
      eps.wrap,
      rho.wrap,
      el('div', { class: 'control buttons' }, play, reset),
      el('div', { class: 'control' }, el('span', {}, 'State: '), time),
    ),
    plot,
  );
}
