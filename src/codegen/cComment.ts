/**
 * The one place where text reaches a C comment of the generated network programs (a title, a
 * name, a command line): the comment terminator is broken up and line breaks end the line, so no
 * text can close the comment early. Swap this function for the project's escaping function when
 * there is one.
 */

/** Text as the inside of a one-line C block comment (no `*` + `/`, no line breaks). */
export function cCommentText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');
}

/** A C block comment holding the text (one line). */
export function cComment(text: string): string {
  return `/* ${cCommentText(text)} */`;
}

/** Text as a C string literal: quotes, backslashes, control characters and non-ASCII bytes (UTF-8) as escapes, so any text compiles as itself. */
export function cStringLiteral(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f && byte !== 0x3f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
