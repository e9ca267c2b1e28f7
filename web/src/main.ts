/** The explorer page: every view built from the build-time data and the generated kernels. */
import 'katex/dist/katex.min.css';
import './style.css';
import { paper } from './paper.ts';
import { claimsView } from './claims.ts';
import { derivationsView, errataView, countEquations } from './derivations.ts';
import { thetaView } from './theta.ts';
import { simulationView } from './simulation.ts';
import { ratesView } from './rates.ts';
import { citationsView } from './citations.ts';

const mount = (id: string, node: HTMLElement) => document.getElementById(id)!.append(node);

document.body.dataset.equations = String(countEquations(paper));
const c = paper.counts;
document.getElementById('summary')!.textContent =
  `${paper.claims.length} claims replayed: ${c.verified} verified by two independent methods under the assumptions shown with each (every other symbol real), ${c['checked-numeric']} checked numerically, ${c.erratum} errata, ${c.disputed ?? 0} disputed, ${c.failed} failed.`;
mount('claims', claimsView(paper.claims));
mount('derivations', derivationsView(paper));
mount('errata', errataView(paper));
mount('citations', citationsView(paper));
mount('theta', thetaView());
mount('simulation', simulationView());
mount('rates', ratesView(paper.ratesSvg, paper.ratesMd, paper.ratesTimeSvg));
document.body.dataset.ready = 'true';
