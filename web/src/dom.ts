/** Small DOM helpers: elements from tag, attributes and children; KaTeX rendering of one formula. */
import katex from 'katex';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** A display formula rendered by KaTeX (an error would show as .katex-error, which the tests look for). */
export function formula(tex: string, display = true): HTMLElement {
  const span = el('span', { class: display ? 'formula display' : 'formula' });
  katex.render(tex, span, { displayMode: display, throwOnError: false });
  return span;
}

/** A labelled range slider: returns the wrapper and the input. */
export function slider(
  id: string,
  label: string,
  min: number,
  max: number,
  step: number,
  value: number,
): { wrap: HTMLElement; input: HTMLInputElement; readout: HTMLOutputElement } {
  const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value) });
  const readout = el('output', { for: id, id: `${id}-value` });
  const wrap = el('div', { class: 'control' }, el('label', { for: id }, label), input, readout);
  return { wrap, input, readout };
}
