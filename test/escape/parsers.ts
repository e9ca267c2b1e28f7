/** Each output format read back by its own parser (test helpers): HTML (parse5), XML (fast-xml-parser), CSV (csv-parse), Markdown (markdown-it), TeX (a tokenizer). */
import { parse as parseHtml, parseFragment } from 'parse5';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';

type Node = { nodeName: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };

/** Every element name in an HTML tree. */
export function htmlElements(html: string): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (!n.nodeName.startsWith('#')) out.push(n.nodeName);
    n.childNodes?.forEach(walk);
  };
  walk(parseHtml(html) as unknown as Node);
  return out;
}

/** The text of an HTML fragment (text nodes joined). */
export function htmlText(fragment: string): string {
  let s = '';
  const walk = (n: Node) => {
    if (n.nodeName === '#text') s += n.value ?? '';
    n.childNodes?.forEach(walk);
  };
  walk(parseFragment(fragment) as unknown as Node);
  return s;
}

/** The first element of a fragment with its attributes. */
export function firstElement(fragment: string): Node | undefined {
  return (parseFragment(fragment) as unknown as Node).childNodes?.find((n) => !n.nodeName.startsWith('#'));
}

/** True when the XML is well-formed (fast-xml-parser's validator). */
export const xmlValid = (xml: string): boolean => XMLValidator.validate(xml) === true;

/** Parse XML keeping text and attributes exactly. */
export const parseXml = (xml: string): Record<string, unknown> =>
  new XMLParser({
    ignoreAttributes: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
  }).parse(xml);

/** Rows of a CSV text. */
export const csvRows = (text: string): string[][] => parseCsv(text, { relax_column_count: false }) as string[][];

const md = new MarkdownIt({ html: true });
/** Markdown rendered to HTML (markdown-it, raw HTML allowed as on many sites). */
export const renderMarkdown = (text: string): string => md.render(text);

/** TeX tokens: control words and symbols, groups, math shifts, other characters. */
export function texTokens(tex: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tex.length; ) {
    if (tex[i] === '\\') {
      const m = /^\\([A-Za-z]+|.)/su.exec(tex.slice(i));
      const tok = m ? m[0] : '\\';
      out.push(tok);
      i += tok.length;
    } else {
      const ch = String.fromCodePoint(tex.codePointAt(i) ?? 0);
      out.push(ch);
      i += ch.length;
    }
  }
  return out;
}
