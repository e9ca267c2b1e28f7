/** Escaping text for HTML (pure, no dependencies: used by the report and the web page). */

/** Escape text for HTML. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
