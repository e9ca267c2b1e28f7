/** Escaping text for HTML: see src/escape/html.ts (one escaper per format). */
export { escapeHtml } from '../escape/html.ts';
