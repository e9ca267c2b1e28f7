/** The one-character mark of a method's result in tables (report and web page): the same glyph for the same meaning everywhere. */

/** ✓ equal/holds/proven, ≠ different, ✗ violated, ? abstained (unknown, timeout, error, not proven). */
export function resultMark(result: string): string {
  if (result === 'equal' || result === 'holds' || result === 'proven') return '✓';
  if (result === 'different') return '≠';
  if (result === 'violated') return '✗';
  return '?';
}
