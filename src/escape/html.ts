/** Escaping text for HTML (pure, no dependencies: used by the report and the web page). */
import { neutralize } from './text.ts';

/** Escape text for HTML element content and double-quoted attributes; controls and bidi characters made visible. */
export const escapeHtml = (s: string): string => neutralize(s, true).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
