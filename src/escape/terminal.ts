/**
 * Text for a terminal or a tab-separated table a pipe reads: no escape sequence reaches the
 * terminal, no tab or newline splits a cell or a row (each written as `\t`, `\n`, `\r`), every
 * other control and bidi character as `[U+XXXX]`.
 */
import { neutralize } from './text.ts';

/** One cell or field of terminal / TSV output. */
export function escapeTerminal(s: string): string {
  return neutralize(
    s
      .replace(/\\(?=[tnr\\])/g, '\\\\')
      .replace(/\t/g, '\\t')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r'),
  );
}
