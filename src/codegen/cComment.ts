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
