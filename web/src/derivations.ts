/** Each derivation step by step (what was done, why, the formulas), and the errata side by side. */
import { el, formula } from './dom.ts';
import type { PaperData } from './paper.ts';

type Paper = PaperData;

/** Formulas the page renders for the data: every step formula and, per erratum part, printed/derived/difference. */
export function countEquations(paper: Paper): number {
  const steps = paper.derivations.reduce((n, d) => n + d.steps.reduce((m, s) => m + s.math.length, 0), 0);
  const errata = paper.errata.reduce((n, c) => n + c.parts.filter((p) => !p.holds).reduce((m, p) => m + 2 + (p.differenceTex ? 1 : 0), 0), 0);
  return steps + errata;
}

/** The derivations, one <article> each, steps in an ordered list. */
export function derivationsView(paper: Paper): HTMLElement {
  return el(
    'div',
    {},
    ...paper.derivations.map((d) =>
      el(
        'article',
        { class: 'derivation' },
        el('h3', {}, d.title, el('span', { class: 'section' }, ` — ${d.section} (${d.file.split('/').pop()})`)),
        el(
          'ol',
          { class: 'steps' },
          ...d.steps.map((s) =>
            el(
              'li',
              s.claim ? { id: `step-claim-${s.claim}` } : {},
              el('h4', {}, s.title, s.claim ? el('span', { class: 'claim-link' }, ` → ${s.claim}`) : null),
              el('p', {}, s.explanation),
              ...s.math.map((m) => el('div', { class: 'math' }, el('div', { class: 'label' }, m.label), formula(m.tex))),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Where an erratum lies, in words. */
const LOCATION: Record<string, string> = {
  formula: 'in the formula',
  hypothesis: 'in a hypothesis',
  constant: 'in a constant carried from elsewhere',
  reference: 'in a reference: the citation names another result than the one the step uses',
  gap: 'a gap: the step runs the wrong way (the order of a supremum, a limit and an integral, or what a constant depends on)',
  extraction: 'possibly in the text extraction (the extracted formula is ambiguous)',
};

/** Errata: where each lies, the smallest change and its evidence; for each part that does not hold, the printed and the derived forms side by side, and their difference. */
export function errataView(paper: Paper): HTMLElement {
  if (paper.errata.length === 0) return el('p', {}, 'The engine found no erratum.');
  return el(
    'div',
    {},
    ...paper.errata.map((c) =>
      el(
        'article',
        { class: 'erratum' },
        el('h3', {}, `${c.id} — ${c.source}`),
        el('p', {}, c.title),
        el(
          'dl',
          { class: 'erratum-location' },
          el('dt', {}, 'Location'),
          el('dd', {}, c.erratum ? `${LOCATION[c.erratum.location]} — ${c.source}` : 'not recorded'),
          el('dt', {}, 'Kind'),
          el('dd', { class: 'kind' }, c.erratum?.location ?? 'not recorded'),
          el('dt', {}, 'Smallest change'),
          el('dd', {}, c.erratum?.change ?? '—'),
          ...(c.erratum?.note ? [el('dt', {}, 'Note'), el('dd', {}, c.erratum.note)] : []),
          el('dt', {}, 'Affects'),
          el(
            'dd',
            { class: 'affects' },
            c.erratum?.affects ? el('ul', {}, ...c.erratum.affects.map((a) => el('li', {}, el('strong', {}, a.result), `: ${a.change}`))) : 'not recorded',
          ),
          el('dt', {}, 'Evidence'),
          el('dd', {}, el('ul', {}, ...(c.evidence ?? []).map((e) => el('li', {}, e)))),
        ),
        ...c.parts
          .filter((p) => !p.holds)
          .map((p) =>
            el(
              'div',
              { class: 'part' },
              el('h4', {}, p.label),
              el(
                'div',
                { class: 'pair' },
                el('div', {}, el('div', { class: 'label' }, 'printed (as in the paper)'), formula(p.printedTex)),
                el('div', {}, el('div', { class: 'label' }, 'derived (engine)'), formula(p.derivedTex)),
              ),
              p.differenceTex ? el('div', { class: 'diff' }, el('div', { class: 'label' }, 'derived − printed'), formula(p.differenceTex)) : null,
            ),
          ),
      ),
    ),
  );
}
