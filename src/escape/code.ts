/**
 * Names and text in generated code. A name that becomes code (a kernel, parameter or variable
 * name) must be an identifier of the target, not one of its reserved words; anything else that
 * reaches a generated file (titles, paths, commands, formulas, documentation) enters only inside
 * a comment or a string literal, through the escaper of that target: one line, no comment closer,
 * no line splice, no control or bidi character.
 */
import { clip, neutralize } from './text.ts';

/** The languages generated files are written in. */
export type CodeLanguage = 'typescript' | 'javascript' | 'c';

const JS_RESERVED = `break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity`;
const C_RESERVED = `auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex _Imaginary _Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local bool true false NULL main exit abs exp log sin cos tan sqrt pow fabs floor ceil isfinite isnan printf scanf malloc free`;
const RESERVED: Record<CodeLanguage, ReadonlySet<string>> = {
  typescript: new Set(JS_RESERVED.split(' ')),
  javascript: new Set(JS_RESERVED.split(' ')),
  c: new Set(C_RESERVED.split(' ')),
};
const ALL_RESERVED = new Set([...RESERVED.c, ...RESERVED.typescript]);

/** The longest identifier accepted (C99 promises 63 significant initial characters). */
export const MAX_IDENTIFIER = 63;

/** Why a name cannot be an identifier in every target language, or null when it can. */
export function identifierProblem(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (name.length > MAX_IDENTIFIER) return `is longer than ${MAX_IDENTIFIER} characters`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'is not an identifier (a letter or _, then letters, digits or _)';
  if (/^__/.test(name)) return 'starts with __ (reserved for the C implementation)';
  if (ALL_RESERVED.has(name)) return 'is a reserved word of TypeScript or C';
  return null;
}

/** A name as it may be quoted in a message or comment: neutralized, quoted, clipped. */
export const quoteName = (name: string): string => JSON.stringify(clip(neutralize(String(name)), 80));

/** A name refused where it would become code (an input error: exit 2 on the command line). */
export class NameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NameError';
  }
}

/** Throws, naming the field and the name, unless the name is an identifier in every target language. */
export function checkIdentifier(name: string, what: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new NameError(`${what} ${quoteName(name)} ${problem}: names that reach generated code must be plain identifiers`);
  return name;
}

/** Text for one line of a C or JavaScript comment (`//` or inside `/* *\/`): no line break, no closer, no splice, no trigraph. */
export function commentText(text: string): string {
  return neutralize(String(text))
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/\?\?/g, '?\\?')
    .replace(/\\+$/, (m) => `${m}.`);
}

/** A C string literal (ASCII only: other characters as octal escapes of their UTF-8 bytes; no trigraph). */
export function cString(text: string): string {
  let out = '';
  for (const byte of Buffer.from(neutralize(String(text)), 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '?') out += '\\?';
    else if (byte >= 0x20 && byte < 0x7f) out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `"${out}"`;
}

/** A JavaScript string literal: JSON's, with U+2028/9 and bidi written as \u escapes (neutralized first). */
export const jsString = (text: string): string => JSON.stringify(neutralize(String(text)));
