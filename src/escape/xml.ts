/** Escaping text for XML (SVG): the five markup characters, and every character XML 1.0 forbids made visible. */
import { neutralize } from './text.ts';

/** Escape text for XML content and quoted attributes (the output is always well-formed XML text). */
export const escapeXml = (s: string): string =>
  neutralize(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
