/**
 * CSV cells (RFC 4180) safe to open in a spreadsheet: a text cell is quoted when it holds a comma,
 * a quote, CR or LF; a text cell that a spreadsheet would read as a formula (starting with = + - @,
 * tab or CR) gets a leading apostrophe (the OWASP guard); numbers are written as numbers. Kept
 * here rather than csv-stringify: the whole writer is these lines, and the guard must apply to text
 * cells only (a negative number is data, not a formula).
 */
import { BIDI, codePointLabel } from './text.ts';

/** One CSV cell: a number as written by JavaScript, a text guarded and quoted as needed. */
export function csvCell(x: string | number): string {
  if (typeof x === 'number') return String(x);
  const text = x.replace(BIDI, codePointLabel);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV row (no line end). */
export const csvRow = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(',');
