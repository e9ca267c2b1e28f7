/**
 * Escaping text for Markdown (CommonMark / GitHub): the characters that would start a construct
 * are escaped where they would start it, and only there, so ordinary prose (`H[mu] <= I`, `m*`,
 * `M_rho`) is written as it is while a title can neither open raw HTML or an autolink (`<` before a
 * letter, `/`, `!` or `?`), an entity, a link (`](`), code, emphasis, nor a new block (it is one
 * line: newlines and controls are made visible). Hand-written: the escaping libraries escape
 * every punctuation character, which would rewrite every existing report.
 */
import { neutralize } from './text.ts';

const PUNCT = /[!-/:-@[-`{-~]/;
const SPACE = /\s/u;

/** Whether the delimiter run around position i is left- and right-flanking (CommonMark 6.2). */
function flanks(s: string, i: number, ch: string): { left: boolean; right: boolean; before: string; after: string } {
  let a = i;
  while (a > 0 && s[a - 1] === ch) a--;
  let b = i;
  while (s[b] === ch) b++;
  const before = a > 0 ? s[a - 1] : ' ';
  const after = b < s.length ? s[b] : ' ';
  const left = !SPACE.test(after) && (!PUNCT.test(after) || SPACE.test(before) || PUNCT.test(before));
  const right = !SPACE.test(before) && (!PUNCT.test(before) || SPACE.test(after) || PUNCT.test(after));
  return { left, right, before, after };
}

const canOpen = (s: string, i: number, ch: string): boolean => {
  const f = flanks(s, i, ch);
  return ch === '_' ? f.left && (!f.right || PUNCT.test(f.before)) : f.left;
};
const canClose = (s: string, i: number, ch: string): boolean => {
  const f = flanks(s, i, ch);
  return ch === '_' ? f.right && (!f.left || PUNCT.test(f.after)) : f.right;
};

/**
 * True when the `*`, `_` or `~` at i may open emphasis that a later run of the same character in
 * the text may close: escaping those openers is enough (emphasis needs both, and a one-line field
 * never pairs with the fixed text around it, which has none after it on its line).
 */
function opens(s: string, i: number, ch: string): boolean {
  if (!canOpen(s, i, ch)) return false;
  let j = i;
  while (s[j] === ch) j++;
  for (; j < s.length; j++) if (s[j] === ch && canClose(s, j, ch)) return true;
  return false;
}

/** One line of inline Markdown text that renders as exactly this text (escape the whole inline run at once: two fields escaped apart could pair their delimiters). */
export function escapeMarkdown(text: string): string {
  const s = neutralize(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const next = s[i + 1] ?? '';
    if (ch === '\\') out += PUNCT.test(next) || next === '' ? '\\\\' : ch;
    else if (ch === '<') out += /[A-Za-z/!?]/.test(next) ? '&lt;' : ch;
    else if (ch === '&') out += /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(s.slice(i, i + 40)) ? '&amp;' : ch;
    else if (ch === '`') out += '\\`';
    else if (ch === ']') out += /[([:]/.test(next) ? '\\]' : ch;
    else if (ch === '[') out += next === '^' || next === '!' ? '\\[' : ch;
    else if (ch === '!' && next === '[') out += '\\!';
    else if (ch === '*' || ch === '_' || ch === '~') out += opens(s, i, ch) ? `\\${ch}` : ch;
    else out += ch;
  }
  return out;
}

/** Markdown text that begins a line: also no heading, quote, list, rule, table, indented code or fence can start. */
export function escapeMarkdownLine(text: string): string {
  const body = escapeMarkdown(text.replace(/^[ \t]+/, ''));
  return body.replace(/^([#>+\-=*_~]|\d{1,9}(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** A cell of a Markdown pipe table: as inline text, with the pipe escaped. */
export const escapeMarkdownCell = (text: string): string => escapeMarkdown(text).replace(/\|/g, '\\|');

/** Inline code of a text (nothing for an empty text): a backtick fence longer than any run inside it, padded when the text starts or ends with a backtick or a space. */
export function markdownCode(text: string): string {
  const s = neutralize(text);
  if (s === '') return '';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A fenced code block of a (multi-line) text: a fence longer than any backtick run inside it. */
export function markdownCodeBlock(text: string, info = 'text'): string {
  const s = neutralize(text, true).replace(/\t/g, '    ');
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${s}\n${fence}`;
}
