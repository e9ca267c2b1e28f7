/** JSON text: JSON.stringify, with bidi controls and line separators written as \u escapes (the same data, nothing hidden in a viewer). */
import { BIDI } from './text.ts';

const HIDDEN = new RegExp(`${BIDI.source}|[\\u2028\\u2029]`, 'gu');

/** The JSON text of a value (indented by 2 like the project's files), ending with a newline. */
export function jsonText(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, null, indent).replace(HIDDEN, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}\n`;
}
