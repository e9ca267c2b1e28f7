/**
 * The characters no output may carry raw: C0 and C1 controls, DEL, the line and paragraph
 * separators, and the bidirectional controls (a name with U+202E reads backwards in an editor, a
 * terminal or a review). `neutralize` writes each as a visible `[U+XXXX]`, so the reader sees
 * that it was there and nothing it would have done happens.
 */

/** Bidirectional formatting characters (embeddings, overrides, isolates, marks). */
export const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Every character `neutralize` replaces: controls (optionally sparing tab and newline), separators, bidi, lone surrogates, non-characters. */
const HIDDEN = '\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff\\ud800-\\udfff';
const UNSAFE_ALL = new RegExp(`[\\p{Cc}${HIDDEN}]`, 'gu');
const UNSAFE_KEEP_LINES = new RegExp(`(?![\\t\\n])[\\p{Cc}${HIDDEN}]`, 'gu');

/** `[U+XXXX]` for a character. */
export const codePointLabel = (ch: string): string => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** Text with every control, separator, bidi control and lone surrogate written as `[U+XXXX]` (tab and newline too unless keepLines). */
export function neutralize(s: string, keepLines = false): string {
  return s.replace(keepLines ? UNSAFE_KEEP_LINES : UNSAFE_ALL, codePointLabel);
}

/** True when the text has a character `neutralize` would replace. */
export function hasUnsafeCharacters(s: string, keepLines = false): boolean {
  const re = keepLines ? UNSAFE_KEEP_LINES : UNSAFE_ALL;
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
}

/** Shorten a text to at most max characters (code points), marking the cut, for names echoed in messages and comments. */
export function clip(s: string, max = 200): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
