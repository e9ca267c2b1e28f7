/** The claims table: verdict badges, the assumptions each verdict holds under, the methods that decided it, a filter by status and text. */
import { el } from './dom.ts';
import { resultMark } from '../../src/report/marks.ts';
import type { PaperData } from './paper.ts';

type Claim = PaperData['claims'][number];

/** The table and its filter controls. */
export function claimsView(claims: readonly Claim[]): HTMLElement {
  const statuses = [...new Set(claims.map((c) => c.status))];
  const select = el('select', { id: 'claim-status' }, el('option', { value: '' }, 'all verdicts'), ...statuses.map((s) => el('option', { value: s }, s)));
  const search = el('input', { type: 'search', id: 'claim-search', placeholder: 'id, equation or words' });
  const count = el('p', { id: 'claim-count', 'aria-live': 'polite' });
  const rows = claims.map((c) => {
    const tr = el(
      'tr',
      { 'data-status': c.status },
      el('td', {}, el('a', { href: `#step-claim-${c.id}` }, c.id)),
      el('td', {}, c.source),
      el('td', {}, c.title),
      el('td', {}, el('span', { class: `badge ${c.status}` }, c.status)),
      el('td', { class: 'assumes', title: c.assumptions }, c.assumptionsShort),
      el('td', { class: 'methods' }, c.checks.map((k) => `${k.method.split('-')[0]} ${resultMark(k.result)}`).join(' ')),
    );
    return { tr, text: `${c.id} ${c.source} ${c.title}`.toLowerCase(), status: c.status };
  });
  const tbody = el('tbody', {}, ...rows.map((r) => r.tr));
  const apply = () => {
    const want = select.value;
    const words = search.value.toLowerCase().trim();
    let shown = 0;
    for (const r of rows) {
      const visible = (!want || r.status === want) && (!words || r.text.includes(words));
      r.tr.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} of ${rows.length} claims shown`;
  };
  select.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
  return el(
    'div',
    {},
    el(
      'div',
      { class: 'controls' },
      el('div', { class: 'control' }, el('label', { for: 'claim-status' }, 'Verdict'), select),
      el('div', { class: 'control' }, el('label', { for: 'claim-search' }, 'Search'), search),
    ),
    count,
    el(
      'table',
      { class: 'claims' },
      el('thead', {}, el('tr', {}, ...['claim', 'paper', 'statement', 'verdict', 'assumes', 'methods'].map((h) => el('th', { scope: 'col' }, h)))),
      tbody,
    ),
  );
}
