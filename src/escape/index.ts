/**
 * One escaping function per output format, each used by every writer of that format: HTML,
 * XML/SVG, TeX text and TeX math names, Markdown, CSV, JSON, terminal/TSV, and generated code
 * (identifiers, C and JavaScript comments and strings). Controls and bidi characters are
 * neutralized in every format.
 */
export { neutralize, hasUnsafeCharacters, codePointLabel, clip, BIDI } from './text.ts';
export { escapeHtml } from './html.ts';
export { escapeXml } from './xml.ts';
export { escapeTex, escapeTexMathName } from './tex.ts';
export { escapeMarkdown, escapeMarkdownLine, escapeMarkdownCell, markdownCode, markdownCodeBlock } from './markdown.ts';
export { csvCell, csvRow } from './csv.ts';
export { jsonText } from './json.ts';
export { escapeTerminal } from './terminal.ts';
export { NameError, identifierProblem, checkIdentifier, quoteName, commentText, cString, jsString, MAX_IDENTIFIER } from './code.ts';
export type { CodeLanguage } from './code.ts';
