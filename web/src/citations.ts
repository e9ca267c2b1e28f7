/** The citations of the proofs: where, the sentence as printed, how it is checked and its status; wrong ones marked. */
import { el } from './dom.ts';
import type { PaperData } from './paper.ts';

/** A table of every citation with a filter on wrong ones. */
export function citationsView(paper: PaperData): HTMLElement {
  const list = paper.citations;
  if (list.length === 0) return el('p', {}, 'No derivation recorded a citation.');
  const wrong = (s: string) => s.startsWith('erratum') || s === 'failed' || s === 'disputed';
  const nWrong = list.filter((c) => wrong(c.status)).length;
  const rows = list.map((c) =>
    el(
      'tr',
      { class: wrong(c.status) ? 'citation wrong' : 'citation', 'data-status': c.status },
      el('td', {}, c.note.at),
      el('td', {}, c.note.cites),
      el('td', { class: 'quote' }, c.note.quote),
      el('td', {}, c.note.check),
      el('td', {}, `${c.status}${c.claim ? ` (${c.claim})` : ''}${c.note.uses ? `: uses ${c.note.uses}` : ''}`),
      el('td', {}, c.detail ?? ''),
    ),
  );
  const only = el('input', { type: 'checkbox', id: 'citations-wrong' });
  const table = el(
    'table',
    { class: 'citations' },
    el('thead', {}, el('tr', {}, ...['where', 'cites', 'as printed', 'check', 'status', 'detail'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows),
  );
  only.addEventListener('change', () => {
    for (const r of rows) r.hidden = only.checked && !r.classList.contains('wrong');
  });
  return el(
    'div',
    {},
    el(
      'p',
      { id: 'citations-summary' },
      `${list.length} citations in the proofs of sections 2–4, ${nWrong} wrong (each an erratum of kind reference, formula or extraction).`,
    ),
    el('label', { for: 'citations-wrong' }, only, ' only the wrong ones'),
    table,
  );
}
