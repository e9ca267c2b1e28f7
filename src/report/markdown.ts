/** Markdown pipe tables as HTML (pure: usable in the browser too). */
import { escapeHtml } from './escape.ts';

/** A Markdown pipe table as an HTML table (cells escaped; `code` kept as <code>). */
export function markdownTableToHtml(lines: readonly string[]): string {
  const cells = (l: string) =>
    l
      .replace(/^\|\s*|\s*\|$/g, '')
      .split(/\s+\|\s+/)
      .map((c) => escapeHtml(c).replace(/`([^`]+)`/g, '<code>$1</code>'));
  const [head, , ...body] = lines;
  return `<table class="claims"><thead><tr>${cells(head)
    .map((c) => `<th>${c}</th>`)
    .join('')}</tr></thead><tbody>${body
    .map(
      (l) =>
        `<tr>${cells(l)
          .map((c) => `<td>${c}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}
